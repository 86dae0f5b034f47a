// Command sdk is the one-call program of the binary-size check: it sends
// one chat request with the SDK.
package main

import (
	"context"
	"fmt"
	"os"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func main() {
	client, err := openrouter.NewClient()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	model := "openai/gpt-4o-mini"
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{Model: model})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(resp.ID)
}
