package openrouter

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// MessagesService calls the Anthropic Messages API on any model. Get it
// from [Client].Messages.
type MessagesService struct{ c *caller }

// Request and result types of the Messages methods.
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
)

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
	if ev.Error.ErrorType != "" {
		if e.Metadata == nil {
			e.Metadata = map[string]any{}
		}
		e.Metadata["error_type"] = string(ev.Error.ErrorType)
		e.Type = string(ev.Error.ErrorType)
	}
	setAvailability(e, ev.Error.Availability)
	if e.Message == "" {
		e.Message = ev.Error.Type
	}
	return e
}
