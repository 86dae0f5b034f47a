// Command responses calls the Responses API (beta) with a plain text input
// and prints the output text and the token usage.
//
//	go run ./examples/responses
package main

import (
	"context"
	"fmt"
	"os"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run() error {
	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()

	resp, err := c.Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{
		Model: "openai/gpt-4o-mini",
		Input: openrouter.InputText("Write a haiku about Go's garbage collector."),
	})
	if err != nil {
		return err
	}
	fmt.Printf("status: %s\n", resp.Status)
	fmt.Println(resp.Text()) // output_text, or the message items' text when it is absent
	if u := resp.Usage; u != nil {
		fmt.Printf("[%d input + %d output tokens]\n", u.InputTokens, u.OutputTokens)
	}
	return nil
}

// newClient returns a client for the real OpenRouter API when
// $OPENROUTER_API_KEY is set. Without a key it starts the fake OpenRouter
// of package openroutertest in this process (canned answers; it checks
// every request against the API's OpenAPI document), says so on stderr and
// returns a client for it; stop shuts the fake down. In your own program,
// openrouter.NewClient(opts...) is all you need, and leaving the fake out
// keeps kin-openapi out of your binary.
func newClient(opts ...openrouter.Option) (client *openrouter.Client, stop func(), err error) {
	if os.Getenv("OPENROUTER_API_KEY") != "" {
		client, err = openrouter.NewClient(opts...)
		return client, func() {}, err
	}
	srv, err := openroutertest.New()
	if err != nil {
		return nil, nil, fmt.Errorf("start the fake OpenRouter: %w", err)
	}
	client, err = srv.Client(opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	fmt.Fprintln(os.Stderr, "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server "+
		"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API.")
	return client, srv.Close, nil
}
