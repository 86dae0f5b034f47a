// Command responses calls the Responses API (beta) with a plain text input
// and prints the output text and the token usage.
//
//	go run ./examples/responses
package main

import (
	"context"
	"fmt"

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func main() {
	offline.Main(func(c *openrouter.Client) error {
		var input gen.Inputs
		if err := input.FromInputsString("Write a haiku about Go's garbage collector."); err != nil {
			return err
		}
		resp, err := c.Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{
			Model: "openai/gpt-4o-mini",
			Input: &input,
		})
		if err != nil {
			return err
		}
		fmt.Printf("status: %s\n", resp.Status)
		if resp.OutputText != "" {
			fmt.Println(resp.OutputText)
		}
		if u := resp.Usage; u != nil {
			fmt.Printf("[%d input + %d output tokens]\n", u.InputTokens, u.OutputTokens)
		}
		return nil
	})
}
