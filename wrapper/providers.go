package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// ProvidersService lists providers. Get it from [Client].Providers.
type ProvidersService struct{ c *caller }

// Request and result types of the Providers methods.
type (
	// ProvidersResponse is the result of Providers.List.
	ProvidersResponse = gen.ListProvidersResponse
)

// List returns the inference providers OpenRouter routes to.
// It calls GET /providers.
func (s *ProvidersService) List(ctx context.Context, opts ...Option) (*ProvidersResponse, error) {
	return doJSON[ProvidersResponse](ctx, s.c, "Providers.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListProvidersRequest(server)
	})
}
