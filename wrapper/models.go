package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// ModelsService reads the model catalogue. Get it from [Client].Models.
type ModelsService struct{ c *caller }

// Request and result types of the Models methods.
type (
	// Model is one model of the catalogue, as listed by Models.ListAll,
	// Models.ListForUserAll and Embeddings.ListModelsAll.
	Model = gen.Model
	// ModelsListResponse is the result of the model listings.
	ModelsListResponse = gen.ModelsListResponse
	// ModelsCountResponse is the result of Models.Count.
	ModelsCountResponse = gen.ModelsCountResponse
	// ModelResponse is the result of Models.Get.
	ModelResponse = gen.ModelResponse
	// ListModelsParams are the optional filters of Models.List.
	ListModelsParams = gen.GetModelsParams
	// CountModelsParams are the optional filters of Models.Count.
	CountModelsParams = gen.ListModelsCountParams
	// ListUserModelsParams page Models.ListForUser.
	ListUserModelsParams = gen.ListModelsUserParams
)

// List returns the model catalogue, filtered by params (nil for all).
// It calls GET /models.
func (s *ModelsService) List(ctx context.Context, params *ListModelsParams, opts ...Option) (*ModelsListResponse, error) {
	return doJSON[ModelsListResponse](ctx, s.c, "Models.List", opts, func(server string) (*http.Request, error) {
		return gen.NewGetModelsRequest(server, params)
	})
}

// ListAll iterates over the model catalogue, filtered by params (nil for
// all), fetching pages lazily from params.Offset (default 0) with
// params.Limit models each (default 100, at most 1000). It always sends a
// limit, since the API answers a request without offset and limit with
// the whole catalogue. It stops at the first error, which it yields.
// It calls GET /models once per page.
func (s *ModelsService) ListAll(ctx context.Context, params *ListModelsParams, opts ...Option) iter.Seq2[Model, error] {
	return offsetAll(ctx, params, s.List, opts, modelsPaging,
		func(p *ListModelsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *ModelsListResponse) ([]Model, int) { return r.Data, r.TotalCount })
}

// Count returns how many models match params (nil for all).
// It calls GET /models/count.
func (s *ModelsService) Count(ctx context.Context, params *CountModelsParams, opts ...Option) (*ModelsCountResponse, error) {
	return doJSON[ModelsCountResponse](ctx, s.c, "Models.Count", opts, func(server string) (*http.Request, error) {
		return gen.NewListModelsCountRequest(server, params)
	})
}

// Get returns the catalogue entry of the model author/slug, such as
// "openai"/"gpt-4o". It calls GET /model/{author}/{slug}.
func (s *ModelsService) Get(ctx context.Context, author, slug string, opts ...Option) (*ModelResponse, error) {
	const op = "Models.Get"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ModelResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetModelRequest(server, author, slug)
	})
}

// ListForUser returns the models available to the calling key after its
// provider and privacy settings. It calls GET /models/user.
func (s *ModelsService) ListForUser(ctx context.Context, params *ListUserModelsParams, opts ...Option) (*ModelsListResponse, error) {
	return doJSON[ModelsListResponse](ctx, s.c, "Models.ListForUser", opts, func(server string) (*http.Request, error) {
		return gen.NewListModelsUserRequest(server, params)
	})
}

// ListForUserAll iterates over the models available to the calling key,
// fetching pages lazily from params.Offset (default 0) with params.Limit
// models each (default 100, at most 1000). It stops at the first error,
// which it yields. It calls GET /models/user once per page.
func (s *ModelsService) ListForUserAll(ctx context.Context, params *ListUserModelsParams, opts ...Option) iter.Seq2[Model, error] {
	return offsetAll(ctx, params, s.ListForUser, opts, modelsPaging,
		func(p *ListUserModelsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *ModelsListResponse) ([]Model, int) { return r.Data, r.TotalCount })
}

// modelsMaxLimit is the largest page size the model listings accept
// (openapi.yaml); the iterators ask for no more.
const modelsMaxLimit = 1000

// modelsPaging pages the model listings.
var modelsPaging = offsetPaging{maxLimit: modelsMaxLimit}
