package openrouter

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// ObservabilityService manages trace export destinations; its methods need
// a management key. Get it from [Client].Observability.
type ObservabilityService struct{ c *caller }

// Request and result types of the Observability methods.
type (
	// ListObservabilityDestinationsParams are the optional paging
	// parameters (limit from 1 to 100, default 50) and workspace filter of
	// Observability.List.
	ListObservabilityDestinationsParams = gen.ListObservabilityDestinationsParams
	// ObservabilityDestinationListResponse is the result of
	// Observability.List: one page of destinations and the total count.
	ObservabilityDestinationListResponse = gen.ListObservabilityDestinationsResponse
	// ObservabilityDestination is one trace export destination. Its shape
	// depends on its type (langfuse, datadog, webhook, ...): call
	// Discriminator for the type, then the matching As* method, such as
	// AsObservabilityWebhookDestination, or ValueByDiscriminator.
	ObservabilityDestination = gen.ObservabilityDestination
	// CreateObservabilityDestinationRequest is the body of
	// Observability.Create; Type, Name and Config (whose keys depend on
	// Type) are required.
	CreateObservabilityDestinationRequest = gen.CreateObservabilityDestinationRequest
	// CreateObservabilityDestinationResponse is the result of
	// Observability.Create.
	CreateObservabilityDestinationResponse = gen.CreateObservabilityDestinationResponse
	// ObservabilityDestinationResponse is the result of Observability.Get.
	ObservabilityDestinationResponse = gen.GetObservabilityDestinationResponse
	// UpdateObservabilityDestinationRequest is the body of
	// Observability.Update; only the fields that are set change.
	UpdateObservabilityDestinationRequest = gen.UpdateObservabilityDestinationRequest
	// UpdateObservabilityDestinationResponse is the result of
	// Observability.Update.
	UpdateObservabilityDestinationResponse = gen.UpdateObservabilityDestinationResponse
	// DeleteObservabilityDestinationResponse is the result of
	// Observability.Delete.
	DeleteObservabilityDestinationResponse = gen.DeleteObservabilityDestinationResponse
)

// List returns one page of the trace export destinations, paged and
// filtered by params (nil for the first 50 of every workspace); see ListAll
// to iterate. It needs a management key.
// It calls GET /observability/destinations.
func (s *ObservabilityService) List(ctx context.Context, params *ListObservabilityDestinationsParams, opts ...Option) (*ObservabilityDestinationListResponse, error) {
	return doJSON[ObservabilityDestinationListResponse](ctx, s.c, "Observability.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListObservabilityDestinationsRequest(server, params)
	})
}

// ListAll iterates over the trace export destinations, fetching pages
// lazily from params.Offset (default 0) with params.Limit destinations
// each (default and maximum 100); params.WorkspaceID filters every page.
// It stops at the first error, which it yields. It needs a management key.
// It calls GET /observability/destinations once per page.
func (s *ObservabilityService) ListAll(ctx context.Context, params *ListObservabilityDestinationsParams, opts ...Option) iter.Seq2[ObservabilityDestination, error] {
	return offsetAll(ctx, params, s.List, opts, managementPaging,
		func(p *ListObservabilityDestinationsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *ObservabilityDestinationListResponse) ([]ObservabilityDestination, int) {
			return r.Data, r.TotalCount
		})
}

// Create adds a trace export destination and returns it. It needs a
// management key. It calls POST /observability/destinations.
func (s *ObservabilityService) Create(ctx context.Context, req CreateObservabilityDestinationRequest, opts ...Option) (*CreateObservabilityDestinationResponse, error) {
	return doJSON[CreateObservabilityDestinationResponse](ctx, s.c, "Observability.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateObservabilityDestinationRequest(server, req)
	})
}

// Get returns the trace export destination with the given id, a UUID (a
// malformed id is an error and sends no request). It needs a management
// key. It calls GET /observability/destinations/{id}.
func (s *ObservabilityService) Get(ctx context.Context, id string, opts ...Option) (*ObservabilityDestinationResponse, error) {
	return doJSONWithUUID[ObservabilityDestinationResponse](ctx, s.c, "Observability.Get", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewGetObservabilityDestinationRequest(server, uid)
	})
}

// Update changes the fields set in req of the trace export destination
// with the given id, a UUID, and returns the destination. It needs a
// management key. It calls PATCH /observability/destinations/{id}.
func (s *ObservabilityService) Update(ctx context.Context, id string, req UpdateObservabilityDestinationRequest, opts ...Option) (*UpdateObservabilityDestinationResponse, error) {
	return doJSONWithUUID[UpdateObservabilityDestinationResponse](ctx, s.c, "Observability.Update", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewUpdateObservabilityDestinationRequest(server, uid, req)
	})
}

// Delete removes the trace export destination with the given id, a UUID.
// It needs a management key.
// It calls DELETE /observability/destinations/{id}.
func (s *ObservabilityService) Delete(ctx context.Context, id string, opts ...Option) (*DeleteObservabilityDestinationResponse, error) {
	return doJSONWithUUID[DeleteObservabilityDestinationResponse](ctx, s.c, "Observability.Delete", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewDeleteObservabilityDestinationRequest(server, uid)
	})
}

// DestinationSummary holds the fields that every kind of
// [ObservabilityDestination] has, whatever its type; the type-specific
// Config stays in the destination (read it with its As* methods).
type DestinationSummary struct {
	// ID identifies the destination.
	ID UUID `json:"id"`
	// Type is the kind of destination, such as "langfuse" or "webhook".
	Type string `json:"type"`
	// Name is the destination's name, when it has one.
	Name *string `json:"name"`
	// Enabled reports whether traces are being exported to it.
	Enabled bool `json:"enabled"`
	// WorkspaceID is the workspace the destination belongs to.
	WorkspaceID UUID `json:"workspace_id"`
	// SamplingRate is the share of requests exported, from 0 to 1.
	SamplingRate float64 `json:"sampling_rate"`
	// PrivacyMode reports whether prompts and completions are left out.
	PrivacyMode bool `json:"privacy_mode"`
	// APIKeyHashes limits the export to these API keys; empty means all.
	APIKeyHashes []string `json:"api_key_hashes"`
	// CreatedAt and UpdatedAt are RFC 3339 timestamps.
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// SummarizeDestination returns the fields d shares with every other kind
// of destination, so that a listing can be shown without a type switch.
func SummarizeDestination(d ObservabilityDestination) (DestinationSummary, error) {
	var s DestinationSummary
	raw, err := d.MarshalJSON()
	if err != nil {
		return s, errorf("SummarizeDestination", "%w", err)
	}
	if string(raw) == "null" {
		return s, errors.New("openrouter: SummarizeDestination: the destination is empty")
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return s, errorf("SummarizeDestination", "%w", err)
	}
	return s, nil
}
