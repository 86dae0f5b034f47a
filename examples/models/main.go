// Command models lists the first models of OpenRouter's catalogue with
// their context length and prices, paging lazily with Models.ListAll.
//
//	go run ./examples/models
package main

import (
	"context"
	"fmt"
	"os"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// show is how many models the example prints.
const show = 5

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
	count, err := c.Models.Count(ctx, nil)
	if err != nil {
		return err
	}
	fmt.Printf("%d models in the catalogue; the first %d:\n", count.Data.Count, show)
	n := 0
	for m, err := range c.Models.ListAll(ctx, &openrouter.ListModelsParams{Limit: openrouter.Ptr(show)}) {
		if err != nil {
			return err
		}
		ctxLen := "?"
		if m.ContextLength != nil {
			ctxLen = fmt.Sprint(*m.ContextLength)
		}
		fmt.Printf("- %s (%s): context %s tokens, $%s per prompt token, $%s per completion token\n",
			m.ID, m.Name, ctxLen, m.Pricing.Prompt, m.Pricing.Completion)
		if n++; n == show {
			break // ListAll fetches no further pages
		}
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
