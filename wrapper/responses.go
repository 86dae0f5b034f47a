package openrouter

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// BetaService groups the APIs OpenRouter marks as beta.
type BetaService struct {
	// Responses is the OpenAI Responses-style API.
	Responses *ResponsesService
}

// ResponsesService calls the Responses API. Get it from
// [Client].Beta.Responses.
type ResponsesService struct{ c *caller }

// Request and result types of the Beta.Responses methods.
type (
	// ResponsesRequest is the body of Beta.Responses.Send.
	ResponsesRequest = gen.ResponsesRequest
	// ResponsesResult is the result of Beta.Responses.Send.
	ResponsesResult = gen.OpenResponsesResult
	// ResponsesStreamEvent is one event of Beta.Responses.Stream, a union
	// keyed by its "type"; see its Discriminator and As* methods.
	ResponsesStreamEvent = gen.ResponsesStreamEvent
)

// Send creates a response and waits for all of it.
// It calls POST /responses with stream unset.
func (s *ResponsesService) Send(ctx context.Context, req ResponsesRequest, opts ...Option) (*ResponsesResult, error) {
	req.Stream = nil
	return doJSON[ResponsesResult](ctx, s.c, "Beta.Responses.Send", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateResponsesRequest(server, nil, req)
	})
}

// Stream creates a response and returns its typed events (response.created,
// response.output_text.delta, ..., response.completed) as they happen. It
// calls POST /responses with stream set to true. An "error" event ends the
// stream with an [*APIError]; one that comes before any output (only
// response.created or response.in_progress before it) is returned here and
// retried as for Send.
func (s *ResponsesService) Stream(ctx context.Context, req ResponsesRequest, opts ...Option) (*Stream[ResponsesStreamEvent], error) {
	req.Stream = &streamTrue
	kind := streamKind[ResponsesStreamEvent]{decode: decodeResponsesEvent, meaningful: func(ev *ResponsesStreamEvent) bool {
		t, _ := ev.Discriminator()
		return t != "response.created" && t != "response.in_progress" && t != "response.queued"
	}}
	return doStream(ctx, s.c, "Beta.Responses.Stream", opts, kind, func(server string) (*http.Request, error) {
		return gen.NewCreateResponsesRequest(server, nil, req)
	})
}

// decodeResponsesEvent decodes a Responses API event; an event of type
// "error" becomes an *APIError.
func decodeResponsesEvent(data []byte, dst *ResponsesStreamEvent) error {
	if err := unmarshal(data, dst); err != nil {
		return err
	}
	if kind, _ := dst.Discriminator(); kind != "error" {
		return nil
	}
	var ev struct {
		Code         json.RawMessage `json:"code"`
		Message      string          `json:"message"`
		Param        *string         `json:"param"`
		ErrorType    string          `json:"error_type"`
		Availability *Availability   `json:"availability"`
	}
	if err := json.Unmarshal(data, &ev); err != nil {
		return err
	}
	e := &APIError{Code: parseCode(ev.Code), Message: ev.Message, Body: append([]byte(nil), data...), Type: ev.ErrorType}
	if e.Code == 0 && len(ev.Code) > 0 {
		var s string
		if json.Unmarshal(ev.Code, &s) == nil && s != "" {
			e.Metadata = map[string]any{"code": s}
			e.Message = s + ": " + e.Message
			// The Responses API names its errors: give the two that
			// stand for an HTTP status their status, for errors.Is and
			// for retries.
			switch s {
			case "rate_limit_exceeded":
				e.StatusCode = http.StatusTooManyRequests
			case "server_error":
				e.StatusCode = http.StatusInternalServerError
			}
		}
	}
	setAvailability(e, ev.Availability)
	if ev.Param != nil {
		if e.Metadata == nil {
			e.Metadata = map[string]any{}
		}
		e.Metadata["param"] = *ev.Param
	}
	return e
}
