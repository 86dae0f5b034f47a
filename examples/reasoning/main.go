// Command reasoning asks a reasoning model to think before it answers, at
// a chosen effort, and prints its reasoning, its answer and how many
// tokens the thinking took.
//
//	go run ./examples/reasoning
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/reasoning "Is 2^31-1 prime?"
//
// $OPENROUTER_MODEL picks another model (default google/gemini-2.5-flash).
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
	question := "A bat and a ball cost $1.10 in total. The bat costs $1.00 more than the ball. How much is the ball?"
	if len(os.Args) > 1 {
		question = strings.Join(os.Args[1:], " ")
	}
	model := os.Getenv("OPENROUTER_MODEL")
	if model == "" {
		model = "google/gemini-2.5-flash"
	}
	if err := run(context.Background(), model, question); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, model, question string) error {
	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()

	resp, err := c.Chat.Send(ctx, openrouter.ChatRequest{
		Model:    model,
		Messages: []openrouter.ChatMessage{openrouter.UserText(question)},
		// Effort runs from EffortMinimal to EffortHigh (EffortNone turns
		// thinking off on models that allow it); OpenRouter translates it
		// into each provider's own setting, such as a token budget.
		// SummaryConcise asks models that summarize their reasoning for a
		// short summary.
		Reasoning: openrouter.Reasoning(openrouter.EffortLow, openrouter.SummaryConcise),
	})
	if err != nil {
		return err
	}

	// Reasoning is the model's thinking as text, when the model and its
	// provider return it: some keep it hidden (or encrypted) and only
	// bill for it.
	if r := resp.Reasoning(); r != "" {
		fmt.Println("reasoning:", r)
	} else {
		fmt.Println("reasoning: (none returned by", resp.Model+")")
	}
	fmt.Println("answer:", resp.Text())
	if t, ok := resp.Tokens(); ok {
		fmt.Printf("[%d prompt tokens, %d completion tokens of which %d reasoning]\n", t.Input, t.Output, t.Reasoning)
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
