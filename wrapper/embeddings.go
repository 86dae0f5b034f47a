package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// EmbeddingsService creates embeddings. Get it from [Client].Embeddings.
type EmbeddingsService struct{ c *caller }

// Request and result types of the Embeddings methods.
type (
	// EmbeddingsRequest is the body of Embeddings.Generate.
	EmbeddingsRequest = gen.CreateEmbeddingsRequest
	// EmbeddingsResponse is the result of Embeddings.Generate.
	EmbeddingsResponse = gen.CreateEmbeddingsResponse
	// ListEmbeddingsModelsParams page Embeddings.ListModels.
	ListEmbeddingsModelsParams = gen.ListEmbeddingsModelsParams
)

// Generate turns the request's input into embedding vectors.
// It calls POST /embeddings.
func (s *EmbeddingsService) Generate(ctx context.Context, req EmbeddingsRequest, opts ...Option) (*EmbeddingsResponse, error) {
	return doJSON[EmbeddingsResponse](ctx, s.c, "Embeddings.Generate", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateEmbeddingsRequest(server, req)
	})
}

// ListModels lists the models that serve embeddings; params may be nil.
// It calls GET /embeddings/models.
func (s *EmbeddingsService) ListModels(ctx context.Context, params *ListEmbeddingsModelsParams, opts ...Option) (*ModelsListResponse, error) {
	return doJSON[ModelsListResponse](ctx, s.c, "Embeddings.ListModels", opts, func(server string) (*http.Request, error) {
		return gen.NewListEmbeddingsModelsRequest(server, params)
	})
}

// ListModelsAll iterates over the embedding models, fetching pages lazily
// from params.Offset (default 0) with params.Limit models each (default
// 100, at most 1000). It stops at the first error, which it yields.
// It calls GET /embeddings/models once per page.
func (s *EmbeddingsService) ListModelsAll(ctx context.Context, params *ListEmbeddingsModelsParams, opts ...Option) iter.Seq2[Model, error] {
	return offsetAll(ctx, params, s.ListModels, opts, modelsPaging,
		func(p *ListEmbeddingsModelsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *ModelsListResponse) ([]Model, int) { return r.Data, r.TotalCount })
}
