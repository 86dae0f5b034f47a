package openrouter

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// Request and result types of the Messages, Presets and Rerank methods.
type (
	// MessagesRequest is the body of Messages.Send and Messages.Stream: an
	// Anthropic Messages request that any OpenRouter model can answer.
	// Build its messages with [MessagesUserText] and [MessagesAssistantText].
	MessagesRequest = gen.MessagesRequest
	// MessagesMessage is one message of a MessagesRequest.
	MessagesMessage = gen.MessagesMessageParam
	// MessagesStartEvent is the payload of a message_start stream event.
	MessagesStartEvent = gen.MessagesStartEvent
	// MessagesDeltaEvent is the payload of a message_delta stream event:
	// the stop reason and the final output token count.
	MessagesDeltaEvent = gen.MessagesDeltaEvent
	// MessagesStopEvent is the payload of a message_stop stream event.
	MessagesStopEvent = gen.MessagesStopEvent
	// MessagesContentBlockStartEvent is the payload of a
	// content_block_start stream event.
	MessagesContentBlockStartEvent = gen.MessagesContentBlockStartEvent
	// MessagesContentBlockDeltaEvent is the payload of a
	// content_block_delta stream event; its Delta is a union of text,
	// tool input JSON, thinking and signature deltas.
	MessagesContentBlockDeltaEvent = gen.MessagesContentBlockDeltaEvent
	// MessagesContentBlockStopEvent is the payload of a content_block_stop
	// stream event.
	MessagesContentBlockStopEvent = gen.MessagesContentBlockStopEvent

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

	// RerankRequest is the body of Rerank.Send. Build its documents with
	// [RerankTexts].
	RerankRequest = gen.CreateRerankRequest
	// RerankDocument is one document of a RerankRequest: a string, or an
	// object with text or an image.
	RerankDocument = gen.CreateRerankRequestDocument
	// RerankResponse is the result of Rerank.Send: the documents by
	// decreasing relevance, each with its index in the request.
	RerankResponse = gen.CreateRerankResponse
)

// --- Messages ---

// MessagesResult is the result of Messages.Send: the generated
// gen.MessagesResult, whose fields it promotes, plus helper methods.
type MessagesResult struct {
	gen.MessagesResult
}

// Text returns the text of the result's text blocks, joined in order.
func (r *MessagesResult) Text() string {
	var b strings.Builder
	for _, block := range r.Content {
		if kind, _ := block.Discriminator(); kind != "text" {
			continue
		}
		if t, err := block.AsAnthropicTextBlock(); err == nil {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// MessagesUserText returns a user message whose content is text.
func MessagesUserText(text string) MessagesMessage {
	return messagesText(gen.MessagesMessageParamRoleUser, text)
}

// MessagesAssistantText returns an assistant message whose content is
// text, for a conversation's earlier turns or to prefill the reply.
func MessagesAssistantText(text string) MessagesMessage {
	return messagesText(gen.MessagesMessageParamRoleAssistant, text)
}

func messagesText(role gen.MessagesMessageParamRole, text string) MessagesMessage {
	m := MessagesMessage{Role: role}
	// Setting a string on a union cannot fail.
	_ = m.Content.FromMessagesMessageParamContentString(text)
	return m
}

// MessagesEventType is the "type" of a Messages stream event.
type MessagesEventType string

// The event types of a Messages stream, in the order they come: one
// message_start; for each content block a content_block_start, its
// content_block_delta events and a content_block_stop; a message_delta;
// and a message_stop. Ping events can come at any time. An error event
// never reaches the caller: it ends the stream with an [*APIError].
const (
	MessagesEventMessageStart      MessagesEventType = "message_start"
	MessagesEventContentBlockStart MessagesEventType = "content_block_start"
	MessagesEventContentBlockDelta MessagesEventType = "content_block_delta"
	MessagesEventContentBlockStop  MessagesEventType = "content_block_stop"
	MessagesEventMessageDelta      MessagesEventType = "message_delta"
	MessagesEventMessageStop       MessagesEventType = "message_stop"
	MessagesEventPing              MessagesEventType = "ping"
	MessagesEventError             MessagesEventType = "error"
)

// MessagesStreamEvent is one event of Messages.Stream. Switch on Type and
// read the payload with the matching As method, such as
// AsMessagesContentBlockDeltaEvent:
//
//	switch ev.Type {
//	case openrouter.MessagesEventContentBlockDelta:
//		if text, ok := ev.TextDelta(); ok {
//			fmt.Print(text)
//		}
//	case openrouter.MessagesEventMessageDelta:
//		d, _ := ev.AsMessagesDeltaEvent()
//		...
//	}
//
// ValueByDiscriminator returns the payload as one of the Messages*Event
// types, for a type switch.
type MessagesStreamEvent struct {
	gen.MessagesStreamEvents
	// Type is the event's "type" field.
	Type MessagesEventType
}

// UnmarshalJSON decodes an event and sets its Type.
func (e *MessagesStreamEvent) UnmarshalJSON(b []byte) error {
	if err := e.MessagesStreamEvents.UnmarshalJSON(b); err != nil {
		return err
	}
	kind, err := e.Discriminator()
	e.Type = MessagesEventType(kind)
	return err
}

// TextDelta returns the text of a content_block_delta event that carries
// a text delta; ok is false for any other event.
func (e MessagesStreamEvent) TextDelta() (text string, ok bool) {
	if e.Type != MessagesEventContentBlockDelta {
		return "", false
	}
	ev, err := e.AsMessagesContentBlockDeltaEvent()
	if err != nil {
		return "", false
	}
	d, err := ev.Delta.AsMessagesDeltaTextDelta()
	if err != nil || d.Type != gen.MessagesDeltaTextDeltaTypeTextDelta {
		return "", false
	}
	return d.Text, true
}

// Send creates a message and waits for the whole reply.
// It calls POST /messages with stream unset; use Stream for incremental
// output. Set the X-OpenRouter-Metadata header with [WithHeader].
func (s *MessagesService) Send(ctx context.Context, req MessagesRequest, opts ...Option) (*MessagesResult, error) {
	req.Stream = nil
	return doJSON[MessagesResult](ctx, s.c, "Messages.Send", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateMessagesRequest(server, nil, req)
	})
}

// Stream creates a message and returns its Anthropic-style events as they
// are generated. It calls POST /messages with stream set to true.
//
// The stream ends cleanly after the message_stop event (or at a
// `data: [DONE]`); a body that ends before message_stop ends it with
// [ErrStreamTruncated]. An error event ends it with an [*APIError] whose
// StatusCode follows the Anthropic error type (overloaded_error is 529,
// rate_limit_error 429, and so on) and whose Metadata["type"] is that
// type. Errors before the first event are returned here and retried as
// for Send; nothing is retried once the stream has started.
func (s *MessagesService) Stream(ctx context.Context, req MessagesRequest, opts ...Option) (*Stream[MessagesStreamEvent], error) {
	req.Stream = &streamTrue
	return doStream(ctx, s.c, "Messages.Stream", opts, streamKind[MessagesStreamEvent]{
		decode: decodeMessagesEvent,
		meaningful: func(ev *MessagesStreamEvent) bool {
			return ev.Type != MessagesEventMessageStart && ev.Type != MessagesEventPing
		},
		isEnd: func(ev *MessagesStreamEvent) bool { return ev.Type == MessagesEventMessageStop },
	}, func(server string) (*http.Request, error) {
		return gen.NewCreateMessagesRequest(server, nil, req)
	})
}

// anthropicErrorStatus maps the error types of Anthropic's error events to
// the HTTP status Anthropic gives them.
var anthropicErrorStatus = map[string]int{
	"invalid_request_error": http.StatusBadRequest,
	"authentication_error":  http.StatusUnauthorized,
	"billing_error":         http.StatusPaymentRequired,
	"permission_error":      http.StatusForbidden,
	"not_found_error":       http.StatusNotFound,
	"request_too_large":     http.StatusRequestEntityTooLarge,
	"rate_limit_error":      http.StatusTooManyRequests,
	"api_error":             http.StatusInternalServerError,
	"timeout_error":         http.StatusGatewayTimeout,
	"overloaded_error":      529,
}

// decodeMessagesEvent decodes a Messages stream event; an event of type
// "error" becomes an *APIError.
func decodeMessagesEvent(data []byte, dst *MessagesStreamEvent) error {
	if err := json.Unmarshal(data, dst); err != nil {
		return err
	}
	if dst.Type != MessagesEventError {
		return nil
	}
	ev, err := dst.AsMessagesErrorEvent()
	if err != nil {
		return err
	}
	e := &APIError{Message: ev.Error.Message, Body: append([]byte(nil), data...)}
	if ev.Error.Type != "" {
		e.Metadata = map[string]any{"type": ev.Error.Type}
		e.StatusCode = anthropicErrorStatus[ev.Error.Type]
		e.Code = e.StatusCode
	}
	if ev.Error.ErrorType != nil {
		if e.Metadata == nil {
			e.Metadata = map[string]any{}
		}
		e.Metadata["error_type"] = string(*ev.Error.ErrorType)
		e.Type = string(*ev.Error.ErrorType)
	}
	setAvailability(e, ev.Error.Availability)
	if e.Message == "" {
		e.Message = ev.Error.Type
	}
	return e
}

// --- Presets ---

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

// ListAll iterates over the account's presets, fetching pages lazily from
// params.Offset (default 0) with params.Limit presets each (default 100,
// the most the API allows). It stops at the first error, which it yields.
// It calls GET /presets once per page.
func (s *PresetsService) ListAll(ctx context.Context, params *ListPresetsParams, opts ...Option) iter.Seq2[Preset, error] {
	var p ListPresetsParams
	if params != nil {
		p = *params
	}
	return offsetPages(ctx, offsetArg(p.Offset), min(limitArg(p.Limit), presetsMaxLimit), func(ctx context.Context, offset, limit int) ([]Preset, int, error) {
		q := p
		q.Offset, q.Limit = &offset, &limit
		resp, err := s.List(ctx, &q, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, knownTotal(resp.TotalCount, offset, len(resp.Data)), nil
	})
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
	var p ListPresetVersionsParams
	if params != nil {
		p = *params
	}
	return offsetPages(ctx, offsetArg(p.Offset), min(limitArg(p.Limit), presetsMaxLimit), func(ctx context.Context, offset, limit int) ([]*PresetVersion, int, error) {
		q := p
		q.Offset, q.Limit = &offset, &limit
		resp, err := s.ListVersions(ctx, slug, &q, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, knownTotal(resp.TotalCount, offset, len(resp.Data)), nil
	})
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

// --- Rerank ---

// RerankTexts returns plain-text documents for a RerankRequest.
func RerankTexts(texts ...string) []RerankDocument {
	docs := make([]RerankDocument, len(texts))
	for i, t := range texts {
		// Setting a string on a union cannot fail.
		_ = docs[i].FromCreateRerankRequestDocumentString(t)
	}
	return docs
}

// Send orders the request's documents by relevance to its query, keeping
// the TopN most relevant when set. It calls POST /rerank.
func (s *RerankService) Send(ctx context.Context, req RerankRequest, opts ...Option) (*RerankResponse, error) {
	return doJSON[RerankResponse](ctx, s.c, "Rerank.Send", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateRerankRequest(server, req)
	})
}
