// Command generation sends a chat request and then looks up its
// generation record: the model and provider that served it, the tokens
// counted and what it cost.
//
//	go run ./examples/generation
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func main() {
	offline.Main(func(c *openrouter.Client) error {
		ctx := context.Background()
		resp, err := c.Chat.Send(ctx, openrouter.ChatRequest{
			Model:    "openai/gpt-4o-mini",
			Messages: []openrouter.ChatMessage{openrouter.UserText("Name one prime number.")},
		})
		if err != nil {
			return err
		}
		fmt.Printf("answer: %s\n", resp.Text())

		// The record can take a moment to appear after the response.
		var gen *openrouter.GenerationResponse
		for attempt := 0; ; attempt++ {
			gen, err = c.Generations.Get(ctx, resp.ID)
			if err == nil || !errors.Is(err, openrouter.ErrNotFound) || attempt == 5 {
				break
			}
			time.Sleep(time.Second)
		}
		if err != nil {
			return err
		}
		d := gen.Data
		fmt.Printf("generation %s: model %s, provider %s, %d prompt + %d completion tokens, cost $%.6f\n",
			d.ID, d.Model, deref(d.ProviderName), deref(d.TokensPrompt), deref(d.TokensCompletion), d.TotalCost)
		return nil
	})
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
