// Command batch submits a batch of chat requests to OpenRouter's Batch API
// (beta), waits for it with a progress line per poll, and prints each
// answer by its custom id. Batches run asynchronously within 24 hours at
// about half the price; against the real API this program may wait long.
//
//	go run ./examples/batch
package main

import (
	"context"
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

	// One request per question; the batch's model applies to them all.
	questions := map[string]string{
		"q-capital": "What is the capital of France?",
		"q-prime":   "Name one prime number.",
	}
	var items []openrouter.BatchItem[openrouter.ChatRequest]
	for _, id := range []string{"q-capital", "q-prime"} {
		items = append(items, openrouter.BatchItem[openrouter.ChatRequest]{
			CustomID: id,
			Request:  openrouter.ChatRequest{Messages: []openrouter.ChatMessage{openrouter.UserText(questions[id])}},
		})
	}
	b, err := c.Batches.Create(ctx, openrouter.NewBatch("openai/gpt-4o-mini", items...))
	if err != nil {
		return err
	}
	fmt.Printf("submitted %s with %d requests\n", b.ID, b.RequestCounts.Total)

	done, err := c.Batches.Wait(ctx, b.ID, &openrouter.BatchWaitOptions{
		// Waits double from 100ms up to a minute; a real batch takes minutes
		// to hours (leave Interval zero for 5s doubling to 1m).
		Interval: 100 * time.Millisecond,
		Progress: func(b *openrouter.Batch) {
			fmt.Printf("status %s: %d of %d done\n", b.Status, b.RequestCounts.Completed, b.RequestCounts.Total)
		},
	})
	if err != nil {
		return err
	}
	for _, id := range []string{"q-capital", "q-prime"} {
		r, ok := openrouter.BatchResultByID(done, id)
		if !ok {
			return fmt.Errorf("no result for %s", id)
		}
		resp, err := openrouter.BatchResultAs[openrouter.ChatResponse](r)
		if err != nil {
			fmt.Printf("%s failed: %v\n", id, err)
			continue
		}
		fmt.Printf("%s: %s\n", id, resp.Text())
	}
	if u := done.Usage; u != nil && u.Cost != nil {
		fmt.Printf("[batch cost $%.6f]\n", *u.Cost)
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
