package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// EndpointsService lists provider endpoints. Get it from [Client].Endpoints.
type EndpointsService struct{ c *caller }

// Request and result types of the Endpoints methods.
type (
	// ModelEndpointsResponse is the result of Endpoints.List.
	ModelEndpointsResponse = gen.ListEndpointsResponse
	// ZDREndpointsResponse is the result of Endpoints.ListZDR.
	ZDREndpointsResponse = gen.ListEndpointsZdrResponse
)

// List returns the endpoints serving the model author/slug, such as
// "openai"/"gpt-4o". It calls GET /models/{author}/{slug}/endpoints.
func (s *EndpointsService) List(ctx context.Context, author, slug string, opts ...Option) (*ModelEndpointsResponse, error) {
	const op = "Endpoints.List"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ModelEndpointsResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListEndpointsRequest(server, author, slug)
	})
}

// ListZDR returns the endpoints with zero data retention.
// It calls GET /endpoints/zdr.
func (s *EndpointsService) ListZDR(ctx context.Context, opts ...Option) (*ZDREndpointsResponse, error) {
	return doJSON[ZDREndpointsResponse](ctx, s.c, "Endpoints.ListZDR", opts, func(server string) (*http.Request, error) {
		return gen.NewListEndpointsZdrRequest(server)
	})
}
