package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// BYOKService manages bring-your-own provider keys; its methods need a
// management key. Get it from [Client].BYOK.
type BYOKService struct{ c *caller }

// Request and result types of the BYOK methods.
type (
	// BYOKKey is a stored bring-your-own provider key; the secret itself
	// is never returned, only a masked Label.
	BYOKKey = gen.BYOKKey
	// BYOKProviderSlug names the provider of a BYOK key, such as "openai".
	BYOKProviderSlug = gen.BYOKProviderSlug
	// BYOKProviderFilter is the provider filter of ListBYOKKeysParams.
	BYOKProviderFilter = gen.ListBYOKKeysProviderParam
	// ListBYOKKeysParams are the optional paging and filters of BYOK.List.
	ListBYOKKeysParams = gen.ListBYOKKeysParams
	// BYOKKeyListResponse is the result of BYOK.List: one page of keys and
	// the total count.
	BYOKKeyListResponse = gen.ListBYOKKeysResponse
	// CreateBYOKKeyRequest is the body of BYOK.Create; Provider and Key are
	// required.
	CreateBYOKKeyRequest = gen.CreateBYOKKeyRequest
	// CreateBYOKKeyResponse is the result of BYOK.Create.
	CreateBYOKKeyResponse = gen.CreateBYOKKeyResponse
	// BYOKKeyResponse is the result of BYOK.Get.
	BYOKKeyResponse = gen.GetBYOKKeyResponse
	// UpdateBYOKKeyRequest is the body of BYOK.Update; fields left nil keep
	// their value.
	UpdateBYOKKeyRequest = gen.UpdateBYOKKeyRequest
	// UpdateBYOKKeyResponse is the result of BYOK.Update.
	UpdateBYOKKeyResponse = gen.UpdateBYOKKeyResponse
	// DeleteBYOKKeyResponse is the result of BYOK.Delete.
	DeleteBYOKKeyResponse = gen.DeleteBYOKKeyResponse
)

// List returns one page of the stored provider keys, paged and filtered
// by params (nil for the first 50); see ListAll to iterate. It needs a
// management key. It calls GET /byok.
func (s *BYOKService) List(ctx context.Context, params *ListBYOKKeysParams, opts ...Option) (*BYOKKeyListResponse, error) {
	return doJSON[BYOKKeyListResponse](ctx, s.c, "BYOK.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListBYOKKeysRequest(server, params)
	})
}

// ListAll iterates over the stored provider keys, fetching pages lazily
// from params.Offset (default 0) with params.Limit keys each (default and
// maximum 100); the filters of params apply to every page. It stops at
// the first error, which it yields. It needs a management key.
// It calls GET /byok once per page.
func (s *BYOKService) ListAll(ctx context.Context, params *ListBYOKKeysParams, opts ...Option) iter.Seq2[BYOKKey, error] {
	return offsetAll(ctx, params, s.List, opts, managementPaging,
		func(p *ListBYOKKeysParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *BYOKKeyListResponse) ([]BYOKKey, int) { return r.Data, r.TotalCount })
}

// Create stores a provider key and returns its record; the secret is not
// returned again. It needs a management key. It calls POST /byok.
func (s *BYOKService) Create(ctx context.Context, req CreateBYOKKeyRequest, opts ...Option) (*CreateBYOKKeyResponse, error) {
	return doJSON[CreateBYOKKeyResponse](ctx, s.c, "BYOK.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateBYOKKeyRequest(server, req)
	})
}

// Get returns the stored provider key id (a UUID), its secret masked. It
// needs a management key. It calls GET /byok/{id}.
func (s *BYOKService) Get(ctx context.Context, id string, opts ...Option) (*BYOKKeyResponse, error) {
	return doJSONWithUUID[BYOKKeyResponse](ctx, s.c, "BYOK.Get", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewGetBYOKKeyRequest(server, uid)
	})
}

// Update changes the fields of the provider key id (a UUID) that req sets
// and returns the key. It needs a management key.
// It calls PATCH /byok/{id}.
func (s *BYOKService) Update(ctx context.Context, id string, req UpdateBYOKKeyRequest, opts ...Option) (*UpdateBYOKKeyResponse, error) {
	return doJSONWithUUID[UpdateBYOKKeyResponse](ctx, s.c, "BYOK.Update", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewUpdateBYOKKeyRequest(server, uid, req)
	})
}

// Delete removes the provider key id (a UUID). It needs a management key.
// It calls DELETE /byok/{id}.
func (s *BYOKService) Delete(ctx context.Context, id string, opts ...Option) (*DeleteBYOKKeyResponse, error) {
	return doJSONWithUUID[DeleteBYOKKeyResponse](ctx, s.c, "BYOK.Delete", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewDeleteBYOKKeyRequest(server, uid)
	})
}
