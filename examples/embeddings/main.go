// Command embeddings embeds three sentences and prints how similar the
// first is to the other two (cosine similarity).
//
//	go run ./examples/embeddings
package main

import (
	"context"
	"fmt"
	"math"
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

	texts := []string{
		"The cat sat on the mat.",
		"A cat was sitting on a rug.",
		"Quarterly revenue grew by eight percent.",
	}
	resp, err := c.Embeddings.Generate(context.Background(), openrouter.EmbeddingsRequest{
		Model: "openai/text-embedding-3-small",
		Input: openrouter.EmbedTexts(texts...),
	})
	if err != nil {
		return err
	}
	if len(resp.Data) != len(texts) {
		return fmt.Errorf("got %d embeddings for %d texts", len(resp.Data), len(texts))
	}
	vecs := make([][]float64, len(resp.Data))
	for i, d := range resp.Data {
		if vecs[i], err = d.Embedding.AsEmbeddingVectorFloats(); err != nil {
			return fmt.Errorf("embedding %d: %w", i, err)
		}
	}
	fmt.Printf("%d vectors of %d dimensions from %s\n", len(vecs), len(vecs[0]), resp.Model)
	for i := 1; i < len(texts); i++ {
		fmt.Printf("similarity(%q, %q) = %.3f\n", texts[0], texts[i], cosine(vecs[0], vecs[i]))
	}
	return nil
}

func cosine(a, b []float64) float64 {
	var dot, na, nb float64
	for i := range min(len(a), len(b)) {
		dot += a[i] * b[i]
		na += a[i] * a[i]
		nb += b[i] * b[i]
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
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
