package openrouter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gopenrouter/openrouter/gen"
)

// Sentinel errors for errors.Is. Every [*APIError] matches the sentinel of
// its HTTP status (and ErrModeration when OpenRouter reports moderation
// reasons), so callers can branch without inspecting status codes:
//
//	if errors.Is(err, openrouter.ErrRateLimited) { ... }
var (
	ErrBadRequest          = errors.New("openrouter: bad request")                // 400
	ErrUnauthorized        = errors.New("openrouter: unauthorized")               // 401
	ErrInsufficientCredits = errors.New("openrouter: insufficient credits")       // 402
	ErrForbidden           = errors.New("openrouter: forbidden")                  // 403
	ErrModeration          = errors.New("openrouter: flagged by moderation")      // 403 with moderation reasons
	ErrNotFound            = errors.New("openrouter: not found")                  // 404
	ErrRequestTimeout      = errors.New("openrouter: request timeout")            // 408
	ErrRateLimited         = errors.New("openrouter: rate limited")               // 429
	ErrServer              = errors.New("openrouter: server error")               // any 5xx
	ErrProviderUnavailable = errors.New("openrouter: provider error or overload") // 502, 503, 524, 529
)

// Sentinels for the codes of OpenRouter's availability errors (see
// [Availability]): an [*APIError] whose Availability.Code is the code
// matches its sentinel.
var (
	ErrModelNotFound            = errors.New("openrouter: model not found")                           // model_not_found
	ErrWrongEndpoint            = errors.New("openrouter: model called on the wrong endpoint")        // wrong_endpoint
	ErrNoEndpoints              = errors.New("openrouter: model has no routable endpoints")           // no_endpoints
	ErrModelDeprecated          = errors.New("openrouter: model deprecated")                          // model_deprecated
	ErrModelUnavailableUpstream = errors.New("openrouter: model removed by its providers")            // model_unavailable_upstream
	ErrCapacityExhausted        = errors.New("openrouter: all providers at capacity")                 // capacity_exhausted
	ErrTemporarilyUnavailable   = errors.New("openrouter: model temporarily unavailable")             // temporarily_unavailable
	ErrRegionRestricted         = errors.New("openrouter: model not available in this region")        // region_restricted
	ErrPrivacyRestricted        = errors.New("openrouter: no endpoint meets the data policy")         // privacy_restricted
	ErrConstraintFiltered       = errors.New("openrouter: no endpoint meets the routing constraints") // constraint_filtered
	ErrFreeVariantEnded         = errors.New("openrouter: free variant ended")                        // free_variant_ended
)

// availabilitySentinels maps each availability code to its sentinel.
var availabilitySentinels = map[error]AvailabilityCode{
	ErrModelNotFound:            gen.AvailabilityCodeModelNotFound,
	ErrWrongEndpoint:            gen.AvailabilityCodeWrongEndpoint,
	ErrNoEndpoints:              gen.AvailabilityCodeNoEndpoints,
	ErrModelDeprecated:          gen.AvailabilityCodeModelDeprecated,
	ErrModelUnavailableUpstream: gen.AvailabilityCodeModelUnavailableUpstream,
	ErrCapacityExhausted:        gen.AvailabilityCodeCapacityExhausted,
	ErrTemporarilyUnavailable:   gen.AvailabilityCodeTemporarilyUnavailable,
	ErrRegionRestricted:         gen.AvailabilityCodeRegionRestricted,
	ErrPrivacyRestricted:        gen.AvailabilityCodePrivacyRestricted,
	ErrConstraintFiltered:       gen.AvailabilityCodeConstraintFiltered,
	ErrFreeVariantEnded:         gen.AvailabilityCodeFreeVariantEnded,
}

// Availability says why a requested model could not be served: its Code
// (matched by the sentinels ErrModelNotFound, ErrNoEndpoints,
// ErrCapacityExhausted, ...), whether an identical retry may succeed
// (Retryable, which the SDK's retries follow), the wait asked for
// (RetryAfter, seconds), and other models to try (FallbackModels).
type Availability = gen.ErrorAvailability

// AvailabilityCode is the reason of an availability error, such as
// "capacity_exhausted". New codes may appear; decide on Retryable then.
type AvailabilityCode = gen.AvailabilityCode

// ErrResponseTooLarge is matched by the error of a call whose response
// body exceeds the limit of [WithMaxResponseBytes].
var ErrResponseTooLarge = errors.New("openrouter: response body too large")

// ResponseTooLargeError reports a JSON response body over the limit set
// by [WithMaxResponseBytes]. It matches [ErrResponseTooLarge].
type ResponseTooLargeError struct {
	// Operation names the SDK method.
	Operation string
	// Limit is the limit in bytes.
	Limit int64
	// Length is the length the server declared, or -1 when it declared
	// none and the body turned out longer than Limit.
	Length int64
}

// Error names the limit and the option that sets it.
func (e *ResponseTooLargeError) Error() string {
	op := ""
	if e.Operation != "" {
		op = e.Operation + ": "
	}
	if e.Length >= 0 {
		return fmt.Sprintf("openrouter: %sresponse body of %d bytes exceeds the %d-byte limit (WithMaxResponseBytes)", op, e.Length, e.Limit)
	}
	return fmt.Sprintf("openrouter: %sresponse body exceeds the %d-byte limit (WithMaxResponseBytes)", op, e.Limit)
}

// Is matches ErrResponseTooLarge.
func (e *ResponseTooLargeError) Is(target error) bool { return target == ErrResponseTooLarge }

// ErrMissingAPIKey is returned by calls that need an API key when neither
// WithAPIKey nor $OPENROUTER_API_KEY supplied one.
var ErrMissingAPIKey = errors.New("openrouter: no API key: set OPENROUTER_API_KEY or pass openrouter.WithAPIKey(key)")

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 1 << 20

// APIError is the error for any response with a non-2xx status, and for an
// error that OpenRouter reports inside a stream. Use errors.As to inspect it
// and errors.Is with the sentinels above to classify it.
type APIError struct {
	// Operation names the SDK method, such as "Chat.Send".
	Operation string
	// StatusCode is the HTTP status. For an error reported mid-stream it is
	// the error's code when that is an HTTP status, else 0.
	StatusCode int
	// Code is OpenRouter's numeric error code (error.code); often equal to
	// the status.
	Code int
	// Message is OpenRouter's message, or a snippet of a body that was not
	// OpenRouter's JSON error shape (an HTML error page, say).
	Message string
	// Metadata is error.metadata as sent: provider details, moderation
	// reasons, and the like. Nil when absent.
	Metadata map[string]any
	// ProviderName names the upstream provider that failed, when known.
	ProviderName string
	// ProviderError is the provider's raw error text, when OpenRouter relays it.
	ProviderError string
	// ModerationReasons lists why the input was flagged, on moderation errors.
	ModerationReasons []string
	// Type is OpenRouter's error category (error_type), such as
	// "rate_limit_exceeded" or "provider_overloaded", when sent.
	Type string
	// Availability says why the requested model could not be served, on
	// OpenRouter's availability errors; nil otherwise.
	Availability *Availability
	// RequestID is the request or generation id from the response, when present.
	RequestID string
	// RetryAfter is the wait the server asked for (Retry-After or
	// retry-after-ms), zero if none.
	RetryAfter time.Duration
	// Header holds the response headers (nil for errors inside a stream).
	Header http.Header
	// Body is the raw response body, at most 1 MiB.
	Body []byte
}

var _ error = (*APIError)(nil)

// Error describes the failure without any credential.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("openrouter: ")
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	if e.StatusCode != 0 {
		b.WriteString(strconv.Itoa(e.StatusCode))
		if t := http.StatusText(e.StatusCode); t != "" {
			b.WriteByte(' ')
			b.WriteString(t)
		}
	} else {
		b.WriteString("stream error")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	var extra []string
	if e.Code != 0 && e.Code != e.StatusCode {
		extra = append(extra, "code "+strconv.Itoa(e.Code))
	}
	if e.ProviderName != "" {
		extra = append(extra, "provider "+e.ProviderName)
	}
	if e.RequestID != "" {
		extra = append(extra, "request "+e.RequestID)
	}
	if len(extra) > 0 {
		b.WriteString(" (")
		b.WriteString(strings.Join(extra, ", "))
		b.WriteByte(')')
	}
	return b.String()
}

// FallbackModels returns the other models OpenRouter suggests on an
// availability error (the successor of a deprecated model, the paid
// variant of an ended free one, ...), or nil. They may differ in price,
// context window and abilities: check them before switching.
func (e *APIError) FallbackModels() []string {
	if e.Availability == nil {
		return nil
	}
	return e.Availability.FallbackModels
}

// status is the HTTP status the error stands for: an error body under a
// 2xx status, or a mid-stream error, carries it as its code.
func (e *APIError) status() int {
	if e.StatusCode < 400 && e.Code >= 400 && e.Code <= 599 {
		return e.Code
	}
	return e.StatusCode
}

// retryable reports whether an identical request may succeed: as the
// availability object says when there is one, else by the status.
func (e *APIError) retryable() bool {
	if e.Availability != nil {
		return e.Availability.Retryable
	}
	return retryableStatus(e.status())
}

// Is reports whether target is the sentinel for this error's status or
// availability code.
func (e *APIError) Is(target error) bool {
	status := e.status()
	if code, ok := availabilitySentinels[target]; ok {
		return e.Availability != nil && e.Availability.Code == code
	}
	switch target {
	case ErrBadRequest:
		return status == http.StatusBadRequest
	case ErrUnauthorized:
		return status == http.StatusUnauthorized
	case ErrInsufficientCredits:
		return status == http.StatusPaymentRequired
	case ErrForbidden:
		return status == http.StatusForbidden
	case ErrModeration:
		return status == http.StatusForbidden && len(e.ModerationReasons) > 0
	case ErrNotFound:
		return status == http.StatusNotFound
	case ErrRequestTimeout:
		return status == http.StatusRequestTimeout
	case ErrRateLimited:
		return status == http.StatusTooManyRequests
	case ErrServer:
		return status >= 500 && status <= 599
	case ErrProviderUnavailable:
		return status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == 524 || status == 529
	}
	return false
}

// errorBody is OpenRouter's error shape.
type errorBody struct {
	Error *struct {
		Code         json.RawMessage `json:"code"`
		Message      string          `json:"message"`
		Metadata     map[string]any  `json:"metadata"`
		ErrorType    string          `json:"error_type"`
		Availability *Availability   `json:"availability"`
	} `json:"error"`
}

// newAPIError reads (at most maxErrorBody of) resp's body and closes it.
func newAPIError(op string, resp *http.Response) *APIError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	_ = resp.Body.Close()
	e := &APIError{
		Operation:  op,
		StatusCode: resp.StatusCode,
		Header:     resp.Header,
		Body:       body,
		RequestID:  requestID(resp.Header),
	}
	e.RetryAfter, _ = retryAfter(resp.Header)
	if !fillFromBody(e, body) {
		e.Message = snippet(body)
	}
	return e
}

// fillFromBody sets the fields carried by an OpenRouter JSON error body and
// reports whether body was one.
func fillFromBody(e *APIError, body []byte) bool {
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil || eb.Error == nil {
		return false
	}
	e.Message = eb.Error.Message
	e.Code = parseCode(eb.Error.Code)
	e.Metadata = eb.Error.Metadata
	e.Type = eb.Error.ErrorType
	fillFromMetadata(e)
	setAvailability(e, eb.Error.Availability)
	return true
}

// parseCode accepts the code as a number or a numeric string; other strings
// give 0.
func parseCode(raw json.RawMessage) int {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return 0
	}
	var f float64
	if json.Unmarshal(raw, &f) == nil {
		return int(f)
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
	}
	return 0
}

// setAvailability records an availability object, and its retry_after
// as the error's RetryAfter when no header gave one.
func setAvailability(e *APIError, a *Availability) {
	if a == nil {
		return
	}
	e.Availability = a
	if e.RetryAfter == 0 && a.RetryAfter != nil && *a.RetryAfter > 0 && !math.IsNaN(*a.RetryAfter) {
		e.RetryAfter = durationOf(*a.RetryAfter, time.Second)
	}
}

func fillFromMetadata(e *APIError) {
	md := e.Metadata
	if md == nil {
		return
	}
	if s, ok := md["error_type"].(string); ok && e.Type == "" {
		e.Type = s
	}
	if s, ok := md["provider_name"].(string); ok {
		e.ProviderName = s
	}
	switch raw := md["raw"].(type) {
	case string:
		e.ProviderError = raw
	case nil:
	default:
		if b, err := json.Marshal(raw); err == nil {
			e.ProviderError = string(b)
		}
	}
	if reasons, ok := md["reasons"].([]any); ok {
		for _, r := range reasons {
			if s, ok := r.(string); ok {
				e.ModerationReasons = append(e.ModerationReasons, s)
			}
		}
	}
}

// snippet turns a body that is not JSON into a short readable message:
// tags stripped, whitespace collapsed, at most 200 runes.
func snippet(body []byte) string {
	var b strings.Builder
	inTag := false
	space := false
	for _, r := range string(bytes.ToValidUTF8(body, []byte("?"))) {
		switch {
		case r == '<':
			inTag = true
			continue
		case r == '>' && inTag:
			inTag = false
			space = true
			continue
		case inTag:
			continue
		case r == ' ' || r == '\n' || r == '\r' || r == '\t':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		if utf8.RuneCountInString(b.String()) >= 200 {
			b.WriteString("…")
			break
		}
	}
	if b.Len() == 0 {
		return "empty response body"
	}
	return b.String()
}

func requestID(h http.Header) string {
	for _, k := range []string{"X-Generation-Id", "X-Request-Id"} {
		if v := h.Get(k); v != "" {
			return v
		}
	}
	return ""
}

// retryAfter parses retry-after-ms, then Retry-After (seconds or HTTP date).
// Waits too long for a time.Duration are the longest one, never negative.
func retryAfter(h http.Header) (time.Duration, bool) {
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && ms >= 0 && !math.IsNaN(ms) {
			return durationOf(ms, time.Millisecond), true
		}
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 && !math.IsNaN(s) {
			return durationOf(s, time.Second), true
		}
		if t, err := http.ParseTime(v); err == nil {
			d := time.Until(t)
			if d < 0 {
				d = 0
			}
			return d, true
		}
	}
	return 0, false
}

// durationOf is n units, capped at the longest time.Duration.
func durationOf(n float64, unit time.Duration) time.Duration {
	if d := n * float64(unit); d < math.MaxInt64 {
		return time.Duration(d)
	}
	return math.MaxInt64
}

// DecodeError reports a 2xx response whose body did not decode into the
// operation's result type.
type DecodeError struct {
	Operation  string
	StatusCode int
	Err        error
}

// Error names the operation and the cause.
func (e *DecodeError) Error() string {
	return fmt.Sprintf("openrouter: %s: decode %d response: %v", e.Operation, e.StatusCode, e.Err)
}

// Unwrap returns the JSON error.
func (e *DecodeError) Unwrap() error { return e.Err }

// RetriesExhaustedError wraps the last error of a call that was retried
// until the retry budget ran out. errors.As still finds the [*APIError].
type RetriesExhaustedError struct {
	// Operation names the SDK method, such as "Chat.Send".
	Operation string
	Attempts  int
	Err       error
}

// Error says how many attempts were made and how the last one failed.
func (e *RetriesExhaustedError) Error() string {
	if e.Operation == "" {
		return fmt.Sprintf("openrouter: giving up after %d attempts: %s", e.Attempts, bareText("", e.Err))
	}
	return fmt.Sprintf("openrouter: %s: giving up after %d attempts: %s", e.Operation, e.Attempts, bareText(e.Operation, e.Err))
}

// Unwrap returns the last attempt's error.
func (e *RetriesExhaustedError) Unwrap() error { return e.Err }

// prefix starts every error string of the SDK.
const prefix = "openrouter: "

// opError is an error of one SDK method. It reads
// "openrouter: <op>: <msg>" and unwraps to what its format wrapped.
type opError struct {
	op, msg string
	inner   error // fmt.Errorf's result, for errors.Is and errors.As
}

func (e *opError) Error() string { return prefix + e.op + ": " + e.msg }
func (e *opError) Unwrap() error { return e.inner }

// errorf formats like fmt.Errorf, %w included, and prefixes
// "openrouter: <op>: ". The text of an error argument loses its own
// "openrouter: " prefix, and then op's, so that the prefix shows once
// however deep the wrapping ("openrouter: Chat.Stream: stream ended
// before its end marker", not "openrouter: Chat.Stream: openrouter:
// stream ended ...").
func errorf(op, format string, args ...any) error {
	shown := make([]any, len(args))
	for i, a := range args {
		shown[i] = a
		if e, ok := a.(error); ok && e != nil {
			shown[i] = bareText(op, e)
		}
	}
	return &opError{
		op:    op,
		msg:   fmt.Sprintf(strings.ReplaceAll(format, "%w", "%s"), shown...),
		inner: fmt.Errorf(format, args...),
	}
}

// bareText is err's text without the SDK's prefix and then op's.
func bareText(op string, err error) string {
	s := strings.TrimPrefix(err.Error(), prefix)
	return strings.TrimPrefix(s, op+": ")
}
