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

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func main() {
	offline.Main(func(c *openrouter.Client) error {
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
	})
}
