// Command embeddings embeds three sentences and prints how similar the
// first is to the other two (cosine similarity).
//
//	go run ./examples/embeddings
package main

import (
	"context"
	"fmt"
	"math"

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func main() {
	offline.Main(func(c *openrouter.Client) error {
		texts := []string{
			"The cat sat on the mat.",
			"A cat was sitting on a rug.",
			"Quarterly revenue grew by eight percent.",
		}
		var input gen.CreateEmbeddingsRequestInput
		if err := input.FromCreateEmbeddingsRequestInputStringList(texts); err != nil {
			return err
		}
		resp, err := c.Embeddings.Generate(context.Background(), openrouter.EmbeddingsRequest{
			Model: "openai/text-embedding-3-small",
			Input: input,
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
	})
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
