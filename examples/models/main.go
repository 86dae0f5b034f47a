// Command models lists the first models of OpenRouter's catalogue with
// their context length and prices, paging lazily with Models.ListAll.
//
//	go run ./examples/models
package main

import (
	"context"
	"fmt"

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// show is how many models the example prints.
const show = 5

func main() {
	offline.Main(func(c *openrouter.Client) error {
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
	})
}
