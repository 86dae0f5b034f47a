// Command routing shows how to choose who serves a request: a list of
// fallback models, the providers to try and in which order, and how
// OpenRouter ranks them. It sends two requests and prints, for each, the
// answer and the model and provider that served it.
//
//	go run ./examples/routing
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/routing "Name a prime number."
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func main() {
	prompt := "In one sentence: what is a goroutine?"
	if len(os.Args) > 1 {
		prompt = strings.Join(os.Args[1:], " ")
	}
	if err := run(context.Background(), prompt); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, prompt string) error {
	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()

	// 1. Model fallbacks and a provider order. Models replaces Model: when
	// the first model cannot serve the request (down, rate-limited,
	// refusing the content), OpenRouter tries the next one. Order lists
	// the providers to try first for each model; AllowFallbacks lets
	// OpenRouter go on to other providers when those fail.
	ordered, err := c.Chat.Send(ctx, openrouter.ChatRequest{
		Models:   openrouter.ModelFallbacks("anthropic/claude-3.5-haiku", "openai/gpt-4o-mini"),
		Messages: []openrouter.ChatMessage{openrouter.UserText(prompt)},
		Provider: &openrouter.ProviderPreferences{
			Order:          openrouter.Providers("anthropic", "amazon-bedrock", "openai"),
			AllowFallbacks: openrouter.FallbacksAllowed(),
		},
	})
	if err != nil {
		return err
	}
	report("ordered providers", ordered)

	// 2. Let OpenRouter rank the providers: the cheapest first, and none
	// that may store or train on the prompt. Without Order, SortBy decides
	// the ranking (SortByThroughput and SortByLatency are the others).
	cheapest, err := c.Chat.Send(ctx, openrouter.ChatRequest{
		Model:    "meta-llama/llama-3.1-8b-instruct",
		Messages: []openrouter.ChatMessage{openrouter.UserText(prompt)},
		Provider: &openrouter.ProviderPreferences{
			Sort:           openrouter.SortBy(openrouter.SortByPrice),
			DataCollection: openrouter.DataCollectionDeny,
			AllowFallbacks: openrouter.FallbacksAllowed(),
		},
	})
	if err != nil {
		return err
	}
	report("cheapest provider", cheapest)
	return nil
}

// report prints the answer and who served it: resp.Model is the model
// that answered (one of the fallbacks), resp.Provider the provider.
func report(label string, resp *openrouter.ChatResponse) {
	fmt.Printf("%s: %s\n", label, resp.Text())
	provider := resp.Provider
	if provider == "" {
		provider = "an unknown provider"
	}
	fmt.Printf("  served by %s via %s", resp.Model, provider)
	if usd, ok := resp.Cost(); ok {
		fmt.Printf(" for $%.6f", usd)
	}
	fmt.Println()
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
