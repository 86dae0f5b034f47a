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
	"os"
	"time"

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
	var g *openrouter.GenerationResponse
	for attempt := 0; ; attempt++ {
		g, err = c.Generations.Get(ctx, resp.ID)
		if err == nil || !errors.Is(err, openrouter.ErrNotFound) || attempt == 5 {
			break
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		return err
	}
	d := g.Data
	fmt.Printf("generation %s: model %s, provider %s, %d prompt + %d completion tokens, cost $%.6f\n",
		d.ID, d.Model, deref(d.ProviderName), deref(d.TokensPrompt), deref(d.TokensCompletion), d.TotalCost)
	return nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
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
