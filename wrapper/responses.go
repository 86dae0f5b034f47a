package openrouter

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

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
)

// ResponsesResult is the result of Beta.Responses.Send and of a
// [ResponsesAccumulator]: the generated gen.OpenResponsesResult, whose
// fields it promotes, plus helper methods.
type ResponsesResult struct {
	gen.OpenResponsesResult
}

// Text returns the text of the answer: output_text when the result has
// it, else the output_text parts of its message items joined in order.
// It is empty when the model only called tools or refused.
func (r *ResponsesResult) Text() string {
	if r == nil {
		return ""
	}
	if r.OutputText != "" {
		return r.OutputText
	}
	var b strings.Builder
	for _, item := range r.Output {
		if kind, _ := item.Discriminator(); kind != "message" {
			continue
		}
		m, err := item.AsOutputMessageEntry()
		if err != nil {
			continue
		}
		for _, part := range m.Content {
			if kind, _ := part.Discriminator(); kind != "output_text" {
				continue
			}
			if t, err := part.AsResponseOutputText(); err == nil {
				b.WriteString(t.Text)
			}
		}
	}
	return b.String()
}

// ResponsesFunctionCall is a function call of a Responses result: its
// CallID (for the function_call_output item that answers it), Name and
// Arguments (JSON text).
type ResponsesFunctionCall = gen.OutputFunctionCall

// FunctionCalls returns the function calls of the result's output, in
// order; nil when there are none.
func (r *ResponsesResult) FunctionCalls() []ResponsesFunctionCall {
	if r == nil {
		return nil
	}
	var calls []ResponsesFunctionCall
	for _, item := range r.Output {
		if kind, _ := item.Discriminator(); kind != "function_call" {
			continue
		}
		if c, err := item.AsOutputFunctionCall(); err == nil {
			calls = append(calls, c)
		}
	}
	return calls
}

// Cost returns what the request cost in credits (US dollars); ok is false
// when the result reports no cost.
func (r *ResponsesResult) Cost() (usd float64, ok bool) {
	if r == nil || r.Usage == nil || r.Usage.Cost == nil {
		return 0, false
	}
	return *r.Usage.Cost, true
}

// Tokens returns the token counts of the usage; ok is false when the
// result has no usage.
func (r *ResponsesResult) Tokens() (t Tokens, ok bool) {
	if r == nil || r.Usage == nil {
		return Tokens{}, false
	}
	u := r.Usage
	return Tokens{
		Input: u.InputTokens, Output: u.OutputTokens, Total: u.TotalTokens,
		Reasoning:   u.OutputTokensDetails.ReasoningTokens,
		CachedInput: u.InputTokensDetails.CachedTokens,
	}, true
}

// ResponsesEventType is the "type" of a Beta.Responses.Stream event.
type ResponsesEventType string

// The most used event types of a Responses stream; [ResponsesStreamEvent]
// Type returns any of the others as sent. A stream opens with
// response.created and response.in_progress, adds each output item
// (response.output_item.added, its deltas, response.output_item.done) and
// ends with response.completed, response.incomplete or response.failed.
const (
	ResponsesEventCreated               ResponsesEventType = "response.created"
	ResponsesEventInProgress            ResponsesEventType = "response.in_progress"
	ResponsesEventOutputItemAdded       ResponsesEventType = "response.output_item.added"
	ResponsesEventOutputItemDone        ResponsesEventType = "response.output_item.done"
	ResponsesEventContentPartAdded      ResponsesEventType = "response.content_part.added"
	ResponsesEventContentPartDone       ResponsesEventType = "response.content_part.done"
	ResponsesEventOutputTextDelta       ResponsesEventType = "response.output_text.delta"
	ResponsesEventOutputTextDone        ResponsesEventType = "response.output_text.done"
	ResponsesEventRefusalDelta          ResponsesEventType = "response.refusal.delta"
	ResponsesEventReasoningTextDelta    ResponsesEventType = "response.reasoning_text.delta"
	ResponsesEventReasoningTextDone     ResponsesEventType = "response.reasoning_text.done"
	ResponsesEventReasoningSummaryDelta ResponsesEventType = "response.reasoning_summary_text.delta"
	ResponsesEventFunctionCallArgsDelta ResponsesEventType = "response.function_call_arguments.delta"
	ResponsesEventFunctionCallArgsDone  ResponsesEventType = "response.function_call_arguments.done"
	ResponsesEventCompleted             ResponsesEventType = "response.completed"
	ResponsesEventIncomplete            ResponsesEventType = "response.incomplete"
	ResponsesEventFailed                ResponsesEventType = "response.failed"
)

// ResponsesStreamEvent is one event of Beta.Responses.Stream: the
// generated union gen.ResponsesStreamEvent, whose As* methods it
// promotes, plus Type and TextDelta (see [StreamEvent]).
//
//	switch ev.Type() {
//	case openrouter.ResponsesEventOutputTextDelta:
//		text, _ := ev.TextDelta()
//		fmt.Print(text)
//	case openrouter.ResponsesEventCompleted:
//		done, _ := ev.AsStreamEventsResponseCompleted()
//		...
//	}
type ResponsesStreamEvent struct {
	gen.ResponsesStreamEvent
	kind ResponsesEventType
}

// UnmarshalJSON decodes an event and notes its type.
func (e *ResponsesStreamEvent) UnmarshalJSON(b []byte) error {
	if err := e.ResponsesStreamEvent.UnmarshalJSON(b); err != nil {
		return err
	}
	t, _ := e.Discriminator()
	e.kind = ResponsesEventType(t)
	return nil
}

// Type returns the event's "type", such as
// [ResponsesEventOutputTextDelta]; "" when it has none.
func (e ResponsesStreamEvent) Type() ResponsesEventType {
	if e.kind == "" {
		t, _ := e.Discriminator()
		return ResponsesEventType(t)
	}
	return e.kind
}

// TextDelta returns the text of a response.output_text.delta event; ok is
// false for any other event.
func (e ResponsesStreamEvent) TextDelta() (text string, ok bool) {
	if e.Type() != ResponsesEventOutputTextDelta {
		return "", false
	}
	d, err := e.AsTextDeltaEvent()
	if err != nil {
		return "", false
	}
	return d.Delta, true
}

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
		t := ev.Type()
		return t != ResponsesEventCreated && t != ResponsesEventInProgress && t != "response.queued"
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
