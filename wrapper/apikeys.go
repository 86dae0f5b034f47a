package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// APIKeysService manages API keys; every method needs a management key.
// Get it from [Client].APIKeys.
type APIKeysService struct{ c *caller }

// Request and result types of the APIKeys methods.
type (
	// APIKey is one API key of APIKeys.ListAll.
	APIKey = gen.APIKey
	// APIKeyListResponse is the result of APIKeys.List.
	APIKeyListResponse = gen.ListKeysResponse
	// CreateAPIKeyRequest is the body of APIKeys.Create.
	CreateAPIKeyRequest = gen.CreateKeysRequest
	// CreateAPIKeyResponse is the result of APIKeys.Create.
	CreateAPIKeyResponse = gen.CreateKeysResponse
	// APIKeyResponse is the result of APIKeys.Get.
	APIKeyResponse = gen.GetKeyResponse
	// UpdateAPIKeyRequest is the body of APIKeys.Update.
	UpdateAPIKeyRequest = gen.UpdateKeysRequest
	// UpdateAPIKeyResponse is the result of APIKeys.Update.
	UpdateAPIKeyResponse = gen.UpdateKeysResponse
	// DeleteAPIKeyResponse is the result of APIKeys.Delete.
	DeleteAPIKeyResponse = gen.DeleteKeysResponse
	// CurrentAPIKeyResponse is the result of APIKeys.GetCurrent.
	CurrentAPIKeyResponse = gen.GetCurrentKeyResponse
	// ListAPIKeysParams are the optional filters of APIKeys.List.
	ListAPIKeysParams = gen.ListKeysParams
)

// List returns the API keys, filtered by params (nil for defaults).
// It calls GET /keys.
func (s *APIKeysService) List(ctx context.Context, params *ListAPIKeysParams, opts ...Option) (*APIKeyListResponse, error) {
	return doJSON[APIKeyListResponse](ctx, s.c, "APIKeys.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListKeysRequest(server, params)
	})
}

// ListAll iterates over the API keys, filtered by params (nil for
// defaults), fetching pages lazily from params.Offset (default 0). The
// server chooses the page size and reports no total, so the iteration
// ends at the first empty page, which costs one request more than the
// pages with keys. It stops at the first error, which it yields. It needs
// a management key. It calls GET /keys once per page.
func (s *APIKeysService) ListAll(ctx context.Context, params *ListAPIKeysParams, opts ...Option) iter.Seq2[APIKey, error] {
	return offsetAll(ctx, params, s.List, opts, offsetPaging{},
		func(p *ListAPIKeysParams) (**int, **int) { return &p.Offset, nil },
		func(r *APIKeyListResponse) ([]APIKey, int) { return r.Data, -1 })
}

// Create makes a new API key. The key itself is in the result's Key field
// and is shown only this once. It calls POST /keys.
func (s *APIKeysService) Create(ctx context.Context, req CreateAPIKeyRequest, opts ...Option) (*CreateAPIKeyResponse, error) {
	return doJSON[CreateAPIKeyResponse](ctx, s.c, "APIKeys.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateKeysRequest(server, req)
	})
}

// Get returns the API key with the given hash. It calls GET /keys/{hash}.
func (s *APIKeysService) Get(ctx context.Context, hash string, opts ...Option) (*APIKeyResponse, error) {
	const op = "APIKeys.Get"
	if err := nonEmpty(op, "hash", hash); err != nil {
		return nil, err
	}
	return doJSON[APIKeyResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetKeyRequest(server, hash)
	})
}

// Update changes the API key with the given hash. It calls PATCH /keys/{hash}.
func (s *APIKeysService) Update(ctx context.Context, hash string, req UpdateAPIKeyRequest, opts ...Option) (*UpdateAPIKeyResponse, error) {
	const op = "APIKeys.Update"
	if err := nonEmpty(op, "hash", hash); err != nil {
		return nil, err
	}
	return doJSON[UpdateAPIKeyResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewUpdateKeysRequest(server, hash, req)
	})
}

// Delete removes the API key with the given hash.
// It calls DELETE /keys/{hash}.
func (s *APIKeysService) Delete(ctx context.Context, hash string, opts ...Option) (*DeleteAPIKeyResponse, error) {
	const op = "APIKeys.Delete"
	if err := nonEmpty(op, "hash", hash); err != nil {
		return nil, err
	}
	return doJSON[DeleteAPIKeyResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewDeleteKeysRequest(server, hash)
	})
}

// GetCurrent returns usage and limits of the key making the call; any key
// works. It calls GET /key.
func (s *APIKeysService) GetCurrent(ctx context.Context, opts ...Option) (*CurrentAPIKeyResponse, error) {
	return doJSON[CurrentAPIKeyResponse](ctx, s.c, "APIKeys.GetCurrent", opts, func(server string) (*http.Request, error) {
		return gen.NewGetCurrentKeyRequest(server)
	})
}
