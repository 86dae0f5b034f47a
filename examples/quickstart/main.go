// Command quickstart sends one chat request to OpenRouter and streams the
// answer to stdout as it arrives, then prints the token usage and cost.
//
// Without $OPENROUTER_API_KEY it runs offline against the fake OpenRouter
// server of package openroutertest and says so on stderr:
//
//	go run ./examples/quickstart
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/quickstart "Why is the sky blue?"
//
// $OPENROUTER_MODEL picks another model (default openai/gpt-4o-mini).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func main() {
	prompt := "Say hello to a Go developer in one short sentence."
	if len(os.Args) > 1 {
		prompt = strings.Join(os.Args[1:], " ")
	}
	model := os.Getenv("OPENROUTER_MODEL")
	if model == "" {
		model = "openai/gpt-4o-mini"
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	if err := run(ctx, model, prompt); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, model, prompt string) error {
	c, stop, err := newClient(openrouter.WithAppAttribution("https://github.com/gopenrouter/openrouter", "openrouter-go quickstart"))
	if err != nil {
		return err
	}
	defer stop()

	stream, err := c.Chat.Stream(ctx, openrouter.ChatRequest{
		Model: model,
		Messages: []openrouter.ChatMessage{
			openrouter.SystemMessage("You are a friendly, concise assistant."),
			openrouter.UserText(prompt),
		},
	})
	if err != nil {
		return err
	}
	defer stream.Close()

	var acc openrouter.ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			return err
		}
		acc.Add(chunk)
		for _, choice := range chunk.Choices {
			fmt.Print(choice.Delta.Content)
		}
	}
	fmt.Println()

	resp := acc.Response()
	if u := resp.Usage; u != nil {
		fmt.Printf("[%s via %s: %d prompt + %d completion tokens", resp.Model, orUnknown(resp.Provider), u.PromptTokens, u.CompletionTokens)
		if u.Cost != nil {
			fmt.Printf(", $%.6f", *u.Cost)
		}
		fmt.Println("]")
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "an unknown provider"
	}
	return s
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
