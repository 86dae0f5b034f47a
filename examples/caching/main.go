// Command caching sends the same chat request twice with OpenRouter's
// response cache on: the first answer is a miss (stored, billed), the
// second a hit (from the cache, free, at once), and prints what the cache
// headers say each time.
//
//	go run ./examples/caching
package main

import (
	"context"
	"fmt"
	"net/http"
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
	// Caching on for every call of this client, entries kept 10 minutes.
	c, stop, err := newClient(openrouter.WithResponseCache(true), openrouter.WithResponseCacheTTL(10*time.Minute))
	if err != nil {
		return err
	}
	defer stop()
	req := openrouter.ChatRequest{
		Model:       "openai/gpt-4o-mini",
		Messages:    []openrouter.ChatMessage{openrouter.UserText("Give me one fact about the Moon.")},
		Temperature: openrouter.Ptr(0.0),
	}
	for i := 1; i <= 2; i++ {
		var raw *http.Response
		resp, err := c.Chat.Send(context.Background(), req, openrouter.WithResponseInto(&raw))
		if err != nil {
			return err
		}
		info, ok := openrouter.CacheInfoOf(raw.Header)
		switch {
		case !ok:
			fmt.Printf("call %d: no cache headers (caching off for this key?)\n", i)
		case info.Hit:
			fmt.Printf("call %d: cache HIT, %v old, from generation %s\n", i, info.Age, info.SourceID)
		default:
			fmt.Printf("call %d: cache MISS, stored for %v\n", i, info.TTL)
		}
		tokens, _ := resp.Tokens()
		fmt.Printf("  %s [%d tokens billed]\n", resp.Text(), tokens.Total)
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
