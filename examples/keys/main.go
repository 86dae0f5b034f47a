// Command keys shows the API key in use and, when it is a management key,
// lists the account's keys. Listing needs a management key: with an
// ordinary key OpenRouter answers 401 or 403, which the example reports
// without failing.
//
//	go run ./examples/keys
package main

import (
	"context"
	"errors"
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

	ctx := context.Background()
	current, err := c.APIKeys.GetCurrent(ctx)
	if err != nil {
		return err
	}
	k := current.Data
	fmt.Printf("current key %q: usage $%.4f, free tier %t\n", k.Label, k.Usage, k.IsFreeTier)

	n := 0
	for key, err := range c.APIKeys.ListAll(ctx, nil) {
		if errors.Is(err, openrouter.ErrUnauthorized) || errors.Is(err, openrouter.ErrForbidden) {
			fmt.Println("listing keys needs a management key:", err)
			return nil
		}
		if err != nil {
			return err
		}
		n++
		fmt.Printf("- %s (%s): usage $%.4f, disabled %t\n", key.Name, key.Label, key.Usage, key.Disabled)
	}
	fmt.Printf("%d keys\n", n)
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
