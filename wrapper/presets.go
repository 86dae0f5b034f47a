package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// PresetsService reads presets and saves request settings as presets. Get it
// from [Client].Presets.
type PresetsService struct{ c *caller }

// Request and result types of the Presets methods.
type (
	// Preset is one saved preset, as listed by Presets.List.
	Preset = gen.Preset
	// PresetVersion is one saved version of a preset: its configuration
	// and system prompt.
	PresetVersion = gen.PresetDesignatedVersion
	// PresetsListResponse is the result of Presets.List.
	PresetsListResponse = gen.ListPresetsResponse
	// PresetResponse is the result of Presets.Get: the preset with its
	// designated version.
	PresetResponse = gen.GetPresetResponse
	// PresetVersionsListResponse is the result of Presets.ListVersions.
	PresetVersionsListResponse = gen.ListPresetVersionsResponse
	// PresetVersionResponse is the result of Presets.GetVersion.
	PresetVersionResponse = gen.GetPresetVersionResponse
	// CreatePresetResponse is the result of the Presets.CreateFrom*
	// methods: the preset with the version they saved.
	CreatePresetResponse = gen.CreatePresetFromInferenceResponse
	// ListPresetsParams page Presets.List.
	ListPresetsParams = gen.ListPresetsParams
	// ListPresetVersionsParams page Presets.ListVersions.
	ListPresetVersionsParams = gen.ListPresetVersionsParams
)

// List returns one page of the account's presets; params may be nil.
// It calls GET /presets.
func (s *PresetsService) List(ctx context.Context, params *ListPresetsParams, opts ...Option) (*PresetsListResponse, error) {
	return doJSON[PresetsListResponse](ctx, s.c, "Presets.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListPresetsRequest(server, params)
	})
}

// presetsMaxLimit is the largest page of the preset listings (openapi.yaml:
// limit maximum 100); the iterators ask for no more.
const presetsMaxLimit = 100

// presetsPaging pages the preset listings.
var presetsPaging = offsetPaging{maxLimit: presetsMaxLimit}

// ListAll iterates over the account's presets, fetching pages lazily from
// params.Offset (default 0) with params.Limit presets each (default 100,
// the most the API allows). It stops at the first error, which it yields.
// It calls GET /presets once per page.
func (s *PresetsService) ListAll(ctx context.Context, params *ListPresetsParams, opts ...Option) iter.Seq2[Preset, error] {
	return offsetAll(ctx, params, s.List, opts, presetsPaging,
		func(p *ListPresetsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *PresetsListResponse) ([]Preset, int) { return r.Data, r.TotalCount })
}

// Get returns the preset with the given slug and its designated version.
// It calls GET /presets/{slug}.
func (s *PresetsService) Get(ctx context.Context, slug string, opts ...Option) (*PresetResponse, error) {
	const op = "Presets.Get"
	if err := nonEmpty(op, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[PresetResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetPresetRequest(server, slug)
	})
}

// ListVersions returns one page of the saved versions of the preset with
// the given slug; params may be nil. It calls GET /presets/{slug}/versions.
func (s *PresetsService) ListVersions(ctx context.Context, slug string, params *ListPresetVersionsParams, opts ...Option) (*PresetVersionsListResponse, error) {
	const op = "Presets.ListVersions"
	if err := nonEmpty(op, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[PresetVersionsListResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListPresetVersionsRequest(server, slug, params)
	})
}

// ListVersionsAll iterates over the saved versions of the preset with the
// given slug, fetching pages lazily as ListAll does. It stops at the first
// error, which it yields. It calls GET /presets/{slug}/versions once per
// page.
func (s *PresetsService) ListVersionsAll(ctx context.Context, slug string, params *ListPresetVersionsParams, opts ...Option) iter.Seq2[*PresetVersion, error] {
	return offsetAll(ctx, params, withID(s.ListVersions, slug), opts, presetsPaging,
		func(p *ListPresetVersionsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *PresetVersionsListResponse) ([]*PresetVersion, int) { return r.Data, r.TotalCount })
}

// GetVersion returns one saved version, such as "3", of the preset with
// the given slug. It calls GET /presets/{slug}/versions/{version}.
func (s *PresetsService) GetVersion(ctx context.Context, slug, version string, opts ...Option) (*PresetVersionResponse, error) {
	const op = "Presets.GetVersion"
	if err := nonEmpty(op, "slug", slug, "version", version); err != nil {
		return nil, err
	}
	return doJSON[PresetVersionResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetPresetVersionRequest(server, slug, version)
	})
}

// CreateFromChat saves the settings of a chat request (model, sampling
// parameters, provider preferences, system prompt, ...) as the preset with
// the given slug, creating it or adding a version. No model is called;
// the messages and the stream flag are not saved.
// It calls POST /presets/{slug}/chat/completions.
func (s *PresetsService) CreateFromChat(ctx context.Context, slug string, req ChatRequest, opts ...Option) (*CreatePresetResponse, error) {
	const op = "Presets.CreateFromChat"
	if err := nonEmpty(op, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[CreatePresetResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewCreatePresetsChatCompletionsRequest(server, slug, req)
	})
}

// CreateFromMessages saves the settings of an Anthropic Messages request
// as the preset with the given slug, creating it or adding a version. No
// model is called. It calls POST /presets/{slug}/messages.
func (s *PresetsService) CreateFromMessages(ctx context.Context, slug string, req MessagesRequest, opts ...Option) (*CreatePresetResponse, error) {
	const op = "Presets.CreateFromMessages"
	if err := nonEmpty(op, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[CreatePresetResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewCreatePresetsMessagesRequest(server, slug, req)
	})
}

// CreateFromResponses saves the settings of a Responses API request as
// the preset with the given slug, creating it or adding a version. No
// model is called. It calls POST /presets/{slug}/responses.
func (s *PresetsService) CreateFromResponses(ctx context.Context, slug string, req ResponsesRequest, opts ...Option) (*CreatePresetResponse, error) {
	const op = "Presets.CreateFromResponses"
	if err := nonEmpty(op, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[CreatePresetResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewCreatePresetsResponsesRequest(server, slug, req)
	})
}
