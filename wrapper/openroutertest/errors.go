package openroutertest

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// ErrorBuilder builds an error answer in OpenRouter's shape,
// {"error":{"code":...,"message":...,"error_type":...,"metadata":...,
// "availability":...}}, with its headers; make one with [Error] or
// [Unavailable]. Its methods change it and return it, for chaining, and
// [ErrorBuilder.Response] (an HTTP error) or [ErrorBuilder.Event] (a
// stream's error event, see [EarlyErrorFrame]) finish it.
type ErrorBuilder struct {
	status       int
	message      string
	errorType    string
	metadata     map[string]any
	availability *openrouter.Availability
	header       http.Header
}

// Error starts an error answer with the HTTP status and message; its code
// is the status.
func Error(status int, message string) *ErrorBuilder {
	return &ErrorBuilder{status: status, message: message, header: http.Header{}}
}

// unavailableStatus maps each availability code to its status, error
// type and retryability, as documented by OpenRouter.
var unavailableStatus = map[openrouter.AvailabilityCode]struct {
	status    int
	errorType string
	retryable bool
}{
	"model_not_found":            {400, "invalid_request", false},
	"wrong_endpoint":             {400, "invalid_request", false},
	"no_endpoints":               {404, "not_found", false},
	"model_deprecated":           {404, "not_found", false},
	"model_unavailable_upstream": {404, "not_found", false},
	"capacity_exhausted":         {429, "rate_limit_exceeded", true},
	"temporarily_unavailable":    {503, "provider_overloaded", true},
	"region_restricted":          {403, "permission_denied", false},
	"privacy_restricted":         {404, "not_found", false},
	"constraint_filtered":        {404, "not_found", false},
	"free_variant_ended":         {404, "not_found", false},
}

// Unavailable starts OpenRouter's model availability error for code (such
// as gen.AvailabilityCodeCapacityExhausted) and the requested models:
// the status, error_type and retryable flag OpenRouter documents for the
// code, and an availability object with its docs_url. Add a wait with
// RetryAfter and suggestions with FallbackModels.
func Unavailable(code openrouter.AvailabilityCode, models ...string) *ErrorBuilder {
	st, ok := unavailableStatus[code]
	if !ok {
		st.status, st.errorType = http.StatusServiceUnavailable, "provider_overloaded"
	}
	if models == nil {
		models = []string{}
	}
	b := Error(st.status, fmt.Sprintf("The requested model cannot be served: %s", code)).Type(st.errorType)
	b.availability = &openrouter.Availability{
		Code:            code,
		Retryable:       st.retryable,
		RequestedModels: models,
		DocsURL:         "https://openrouter.ai/docs/errors#" + string(code),
	}
	return b
}

// Type sets error_type, OpenRouter's category, such as
// "rate_limit_exceeded" (see openrouter.APIError.Type).
func (b *ErrorBuilder) Type(errorType string) *ErrorBuilder {
	b.errorType = errorType
	return b
}

// Metadata sets error.metadata[key], such as "provider_name" or "raw".
func (b *ErrorBuilder) Metadata(key string, value any) *ErrorBuilder {
	if b.metadata == nil {
		b.metadata = map[string]any{}
	}
	b.metadata[key] = value
	return b
}

// Provider names the upstream provider that failed (metadata
// provider_name) and its raw error text (metadata raw), when not empty.
func (b *ErrorBuilder) Provider(name, raw string) *ErrorBuilder {
	b.Metadata("provider_name", name)
	if raw != "" {
		b.Metadata("raw", raw)
	}
	return b
}

// Availability sets the availability object.
func (b *ErrorBuilder) Availability(a openrouter.Availability) *ErrorBuilder {
	b.availability = &a
	return b
}

// FallbackModels sets availability.fallback_models (starting an
// availability object with code temporarily_unavailable when there is
// none).
func (b *ErrorBuilder) FallbackModels(models ...string) *ErrorBuilder {
	if b.availability == nil {
		b.availability = &openrouter.Availability{Code: "temporarily_unavailable", RequestedModels: []string{}, DocsURL: "https://openrouter.ai/docs/errors#temporarily_unavailable"}
	}
	b.availability.FallbackModels = models
	return b
}

// RetryAfter asks the client to wait d: the Retry-After header in whole
// seconds (rounded up), retry-after-ms when d is not whole seconds, and
// availability.retry_after when there is an availability object.
func (b *ErrorBuilder) RetryAfter(d time.Duration) *ErrorBuilder {
	secs := math.Ceil(d.Seconds())
	b.header.Set("Retry-After", strconv.Itoa(int(secs)))
	if d%time.Second != 0 {
		b.header.Set("Retry-After-Ms", strconv.FormatInt(d.Milliseconds(), 10))
	}
	if b.availability != nil {
		ra := d.Seconds()
		b.availability.RetryAfter = &ra
	}
	return b
}

// RateLimit sets the rate-limit headers X-RateLimit-Limit,
// X-RateLimit-Remaining and X-RateLimit-Reset (reset in Unix
// milliseconds), as OpenRouter sends them with a 429.
func (b *ErrorBuilder) RateLimit(limit, remaining int, reset time.Time) *ErrorBuilder {
	b.header.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	b.header.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	b.header.Set("X-RateLimit-Reset", strconv.FormatInt(reset.UnixMilli(), 10))
	return b
}

// Header sets a response header, such as X-Generation-Id.
func (b *ErrorBuilder) Header(key, value string) *ErrorBuilder {
	b.header.Set(key, value)
	return b
}

// detail is the "error" object.
func (b *ErrorBuilder) detail() obj {
	d := obj{"code": b.status, "message": b.message}
	if b.errorType != "" {
		d["error_type"] = b.errorType
	}
	if b.metadata != nil {
		d["metadata"] = b.metadata
	}
	if b.availability != nil {
		d["availability"] = b.availability
	}
	return d
}

// Response returns the HTTP error answer. Its Header is never nil.
func (b *ErrorBuilder) Response() Response {
	return Response{Status: b.status, Header: b.header.Clone(), JSON: obj{"error": b.detail()}}
}

// Event returns the error as the event a stream of the operation id
// sends when it fails: for chat and completions a chunk with an "error"
// object and finish_reason "error"; for createResponses an "error" event;
// for createMessages Anthropic's "error" event; for others the bare
// {"error":{...}} object. Use it as [Stream].Error, or through
// [EarlyErrorFrame] and [StreamBuilder.ErrorAfter].
func (b *ErrorBuilder) Event(id OperationID) any {
	switch id {
	case OpCreateResponses:
		code := "server_error"
		switch {
		case b.status == http.StatusTooManyRequests:
			code = "rate_limit_exceeded"
		case b.status < 500:
			code = "invalid_request_error"
		}
		ev := obj{"type": "error", "code": code, "message": b.message, "param": nil, "sequence_number": 0}
		if b.errorType != "" {
			ev["error_type"] = b.errorType
		}
		if b.availability != nil {
			ev["availability"] = b.availability
		}
		return ev
	case OpCreateMessages:
		t := "api_error"
		for name, st := range anthropicStatus {
			if st == b.status {
				t = name
			}
		}
		return obj{"type": "error", "error": obj{"type": t, "message": b.message}}
	case OpSendChatCompletionRequest, OpCreateCompletions:
		object, choice := "chat.completion.chunk", obj{"index": 0, "delta": obj{"content": ""}, "finish_reason": "error"}
		if id == OpCreateCompletions {
			object, choice = "text_completion", obj{"index": 0, "text": "", "logprobs": nil, "finish_reason": "error"}
		}
		return obj{
			"id": scriptedID, "object": object, "created": time.Now().Unix(), "model": defaultModel,
			"provider": fakeProvider, "error": b.detail(), "choices": arr{choice},
		}
	}
	return obj{"error": b.detail()}
}

// anthropicStatus is the HTTP status of each Anthropic error type.
var anthropicStatus = map[string]int{
	"invalid_request_error": http.StatusBadRequest,
	"authentication_error":  http.StatusUnauthorized,
	"billing_error":         http.StatusPaymentRequired,
	"permission_error":      http.StatusForbidden,
	"not_found_error":       http.StatusNotFound,
	"request_too_large":     http.StatusRequestEntityTooLarge,
	"rate_limit_error":      http.StatusTooManyRequests,
	"timeout_error":         http.StatusGatewayTimeout,
	"overloaded_error":      529,
}
