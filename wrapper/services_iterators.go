package openrouter

import (
	"context"
	"iter"

	"github.com/gopenrouter/openrouter/gen"
)

// Item types of the iterators over the core listings.
type (
	// Model is one model of the catalogue, as listed by Models.ListAll,
	// Models.ListForUserAll and Embeddings.ListModelsAll.
	Model = gen.Model
	// APIKey is one API key of APIKeys.ListAll.
	APIKey = gen.APIKey
)

// offsetArg is the first offset of an iterator: the caller's, or 0.
func offsetArg(p *int) int {
	if p == nil || *p < 0 {
		return 0
	}
	return *p
}

// limitArg is the page size of an iterator: the caller's, or pageSize.
func limitArg(p *int) int {
	if p == nil || *p <= 0 {
		return pageSize
	}
	return *p
}

// modelsMaxLimit is the largest page size the model listings accept
// (openapi.yaml); the iterators ask for no more.
const modelsMaxLimit = 1000

// modelsLimit is the page size of a model iterator: the caller's, or
// pageSize, capped at modelsMaxLimit.
func modelsLimit(p *int) int { return min(limitArg(p), modelsMaxLimit) }

// knownTotal passes a listing's total count on to offsetPages, unless it
// contradicts the items already received (a total below them), in which
// case the iteration goes on until a short page instead.
func knownTotal(total, offset, n int) int {
	if total < offset+n {
		return -1
	}
	return total
}

// ListAll iterates over the model catalogue, filtered by params (nil for
// all), fetching pages lazily from params.Offset (default 0) with
// params.Limit models each (default 100, at most 1000). It always sends a
// limit, since the API answers a request without offset and limit with
// the whole catalogue. It stops at the first error, which it yields.
// It calls GET /models once per page.
func (s *ModelsService) ListAll(ctx context.Context, params *ListModelsParams, opts ...Option) iter.Seq2[Model, error] {
	var p ListModelsParams
	if params != nil {
		p = *params
	}
	return offsetPages(ctx, offsetArg(p.Offset), modelsLimit(p.Limit), func(ctx context.Context, offset, limit int) ([]Model, int, error) {
		q := p
		q.Offset, q.Limit = &offset, &limit
		resp, err := s.List(ctx, &q, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, knownTotal(resp.TotalCount, offset, len(resp.Data)), nil
	})
}

// ListForUserAll iterates over the models available to the calling key,
// fetching pages lazily from params.Offset (default 0) with params.Limit
// models each (default 100, at most 1000). It stops at the first error,
// which it yields. It calls GET /models/user once per page.
func (s *ModelsService) ListForUserAll(ctx context.Context, params *ListUserModelsParams, opts ...Option) iter.Seq2[Model, error] {
	var p ListUserModelsParams
	if params != nil {
		p = *params
	}
	return offsetPages(ctx, offsetArg(p.Offset), modelsLimit(p.Limit), func(ctx context.Context, offset, limit int) ([]Model, int, error) {
		resp, err := s.ListForUser(ctx, &ListUserModelsParams{Offset: &offset, Limit: &limit}, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, knownTotal(resp.TotalCount, offset, len(resp.Data)), nil
	})
}

// ListModelsAll iterates over the embedding models, fetching pages lazily
// from params.Offset (default 0) with params.Limit models each (default
// 100, at most 1000). It stops at the first error, which it yields.
// It calls GET /embeddings/models once per page.
func (s *EmbeddingsService) ListModelsAll(ctx context.Context, params *ListEmbeddingsModelsParams, opts ...Option) iter.Seq2[Model, error] {
	var p ListEmbeddingsModelsParams
	if params != nil {
		p = *params
	}
	return offsetPages(ctx, offsetArg(p.Offset), modelsLimit(p.Limit), func(ctx context.Context, offset, limit int) ([]Model, int, error) {
		resp, err := s.ListModels(ctx, &ListEmbeddingsModelsParams{Offset: &offset, Limit: &limit}, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, knownTotal(resp.TotalCount, offset, len(resp.Data)), nil
	})
}

// ListAll iterates over the API keys, filtered by params (nil for
// defaults), fetching pages lazily from params.Offset (default 0). The
// server chooses the page size and reports no total, so the iteration
// ends at the first empty page, which costs one request more than the
// pages with keys. It stops at the first error, which it yields. It needs
// a management key. It calls GET /keys once per page.
func (s *APIKeysService) ListAll(ctx context.Context, params *ListAPIKeysParams, opts ...Option) iter.Seq2[APIKey, error] {
	var p ListAPIKeysParams
	if params != nil {
		p = *params
	}
	// A "page size" of 1 makes offsetPages stop only at an empty page.
	return offsetPages(ctx, offsetArg(p.Offset), 1, func(ctx context.Context, offset, _ int) ([]APIKey, int, error) {
		q := p
		q.Offset = &offset
		resp, err := s.List(ctx, &q, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, -1, nil
	})
}
