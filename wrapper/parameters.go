package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// ParametersService reports supported parameters. Get it from
// [Client].Parameters.
type ParametersService struct{ c *caller }

// Request and result types of the Parameters methods.
type (
	// ParametersResponse is the result of Parameters.Get.
	ParametersResponse = gen.GetParametersResponse
	// GetParametersParams are the optional filters of Parameters.Get.
	GetParametersParams = gen.GetParametersParams
)

// Get returns the request parameters the model author/slug supports,
// optionally for one provider (params may be nil).
// It calls GET /parameters/{author}/{slug}.
func (s *ParametersService) Get(ctx context.Context, author, slug string, params *GetParametersParams, opts ...Option) (*ParametersResponse, error) {
	const op = "Parameters.Get"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ParametersResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetParametersRequest(server, author, slug, params)
	})
}
