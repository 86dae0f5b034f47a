// Command credits prints the account's credits, usage and balance.
//
//	go run ./examples/credits
package main

import (
	"context"
	"fmt"

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func main() {
	offline.Main(func(c *openrouter.Client) error {
		credits, err := c.Credits.Get(context.Background())
		if err != nil {
			return err
		}
		d := credits.Data
		fmt.Printf("credits $%.2f, used $%.4f, balance $%.4f\n", d.TotalCredits, d.TotalUsage, d.TotalCredits-d.TotalUsage)
		return nil
	})
}
