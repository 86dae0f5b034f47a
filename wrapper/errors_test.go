package openrouter_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestStatusSentinels(t *testing.T) {
	t.Parallel()
	cases := map[int][]error{
		400: {openrouter.ErrBadRequest},
		401: {openrouter.ErrUnauthorized},
		402: {openrouter.ErrInsufficientCredits},
		403: {openrouter.ErrForbidden},
		404: {openrouter.ErrNotFound},
		408: {openrouter.ErrRequestTimeout},
		429: {openrouter.ErrRateLimited},
		500: {openrouter.ErrServer},
		502: {openrouter.ErrServer, openrouter.ErrProviderUnavailable},
		503: {openrouter.ErrServer, openrouter.ErrProviderUnavailable},
	}
	all := []error{openrouter.ErrBadRequest, openrouter.ErrUnauthorized, openrouter.ErrInsufficientCredits, openrouter.ErrForbidden,
		openrouter.ErrModeration, openrouter.ErrNotFound, openrouter.ErrRequestTimeout, openrouter.ErrRateLimited, openrouter.ErrServer, openrouter.ErrProviderUnavailable}
	for status, want := range cases {
		err := error(&openrouter.APIError{StatusCode: status})
		for _, s := range all {
			match := false
			for _, w := range want {
				match = match || w == s
			}
			if got := errors.Is(err, s); got != match {
				t.Errorf("status %d: errors.Is(%v) = %v, want %v", status, s, got, match)
			}
		}
	}
}

func TestErrorBodyIsDecoded(t *testing.T) {
	t.Parallel()
	body := `{"error":{"code":403,"message":"Your input was flagged","metadata":{"reasons":["violence","harassment"],"flagged_input":"...","provider_name":"OpenAI","raw":{"detail":"blocked"}}},"user_id":"u1"}`
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Generation-Id", "gen-77")
		jsonHandler(403, body)(w, r)
	})
	_, err := sendChat(t, ts.client(t))
	var e *openrouter.APIError
	if !errors.As(err, &e) {
		t.Fatalf("error %v, want *APIError", err)
	}
	if e.StatusCode != 403 || e.Code != 403 || e.Message != "Your input was flagged" {
		t.Errorf("status/code/message = %d/%d/%q", e.StatusCode, e.Code, e.Message)
	}
	if strings.Join(e.ModerationReasons, ",") != "violence,harassment" {
		t.Errorf("ModerationReasons = %v", e.ModerationReasons)
	}
	if e.ProviderName != "OpenAI" || e.ProviderError != `{"detail":"blocked"}` {
		t.Errorf("provider = %q, raw = %q", e.ProviderName, e.ProviderError)
	}
	if e.RequestID != "gen-77" || e.Operation != "Chat.Send" {
		t.Errorf("RequestID %q, Operation %q", e.RequestID, e.Operation)
	}
	if e.Header.Get("X-Generation-Id") != "gen-77" || !bytes.Equal(e.Body, []byte(body)) {
		t.Errorf("Header or Body not kept")
	}
	if !errors.Is(err, openrouter.ErrModeration) || !errors.Is(err, openrouter.ErrForbidden) {
		t.Errorf("want ErrModeration and ErrForbidden to match %v", err)
	}
	want := "openrouter: Chat.Send: 403 Forbidden: Your input was flagged (provider OpenAI, request gen-77)"
	if err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err.Error(), want)
	}
}

func TestHTMLErrorPageGivesReadableMessage(t *testing.T) {
	t.Parallel()
	page := "<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>"
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		w.Write([]byte(page))
	})
	_, err := sendChat(t, ts.client(t, openrouter.WithMaxRetries(0)))
	var e *openrouter.APIError
	if !errors.As(err, &e) {
		t.Fatalf("error %v, want *APIError", err)
	}
	if e.StatusCode != 502 || e.Message != "502 Bad Gateway 502 Bad Gateway cloudflare" {
		t.Errorf("status %d, message %q", e.StatusCode, e.Message)
	}
}

// Not parallel, like TestStreamEarlyBreakReusesConnection.
func TestOversizedErrorBodyIsBoundedAndConnectionReused(t *testing.T) {
	huge := `{"error":{"code":400,"message":"` + strings.Repeat("x", 1100<<10) + `"}}`
	ts := newTestServer(t, sequence(jsonHandler(400, huge), jsonHandler(200, okChat)))
	c := ts.client(t)
	_, err := sendChat(t, c)
	var e *openrouter.APIError
	if !errors.As(err, &e) {
		t.Fatalf("error %v, want *APIError", err)
	}
	if len(e.Body) != 1<<20 {
		t.Errorf("kept %d bytes of the error body, want exactly 1 MiB", len(e.Body))
	}
	if !strings.HasPrefix(e.Message, `{"error":{"code":400`) || len(e.Message) > 300 {
		t.Errorf("message of a truncated body should be a short snippet, got %d bytes", len(e.Message))
	}
	if _, err := sendChat(t, c); err != nil {
		t.Fatal(err)
	}
	if n := ts.conns.Load(); n != 1 {
		t.Errorf("%d TCP connections for two calls, want 1 (the error body must be drained)", n)
	}
}

func TestUndecodableSuccessIsDecodeError(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"id": 12, "choices": "nope"}`))
	_, err := sendChat(t, ts.client(t))
	var de *openrouter.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T), want *DecodeError", err, err)
	}
	if de.Operation != "Chat.Send" || !contains(err.Error(), "Chat.Send") {
		t.Errorf("decode error %q does not name the operation", err)
	}
}

func TestMissingAPIKeyFailsAtCallTime(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, okChat))
	c, err := openrouter.NewClient(openrouter.WithBaseURL(ts.baseURL))
	if err != nil {
		t.Fatalf("NewClient without a key must succeed: %v", err)
	}
	_, err = sendChat(t, c)
	if !errors.Is(err, openrouter.ErrMissingAPIKey) {
		t.Fatalf("error %v, want ErrMissingAPIKey", err)
	}
	if !contains(err.Error(), "OPENROUTER_API_KEY") || !contains(err.Error(), "WithAPIKey") {
		t.Errorf("error %q does not say how to set the key", err)
	}
	// The OAuth exchange needs no key.
	ts2 := newTestServer(t, jsonHandler(200, `{"key":"sk-or-user"}`))
	c2, _ := openrouter.NewClient(openrouter.WithBaseURL(ts2.baseURL))
	if _, err := c2.OAuth.ExchangeAuthCode(t.Context(), openrouter.ExchangeAuthCodeRequest{Code: "c"}); err != nil {
		t.Errorf("ExchangeAuthCode without a key: %v", err)
	}
	if h := ts2.requests()[0].Header.Get("Authorization"); h != "" {
		t.Errorf("Authorization %q sent without a key", h)
	}
	// A configured key is sent: OpenRouter's published spec asks for
	// bearer auth on POST /auth/keys.
	c3 := ts2.client(t)
	if _, err := c3.OAuth.ExchangeAuthCode(t.Context(), openrouter.ExchangeAuthCodeRequest{Code: "c"}); err != nil {
		t.Fatal(err)
	}
	if h := ts2.requests()[1].Header.Get("Authorization"); h != "Bearer "+testKey {
		t.Errorf("Authorization %q on the OAuth code exchange, want the configured key", h)
	}
}

func TestParseUUID(t *testing.T) {
	id, err := openrouter.ParseUUID("550e8400-e29b-41d4-a716-446655440000")
	if err != nil || id.String() != "550e8400-e29b-41d4-a716-446655440000" {
		t.Errorf("ParseUUID = %v, %v", id, err)
	}
	if _, err := openrouter.ParseUUID("not-a-uuid"); err == nil || !strings.Contains(err.Error(), `"not-a-uuid" is not a UUID`) {
		t.Errorf("ParseUUID(bad) error = %v", err)
	}
}

// A provider failure reported as a 200 body holding an error object is an
// *APIError classified by its code, not an empty success.
func TestErrorBodyUnderStatus200(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"error":{"code":502,"message":"Provider returned error","metadata":{"provider_name":"Acme"}}}`))
	c := ts.client(t)
	resp, err := sendChat(t, c)
	if err == nil {
		t.Fatalf("no error; response %+v", resp)
	}
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v (%T), want *APIError", err, err)
	}
	if apiErr.StatusCode != 200 || apiErr.Code != 502 || apiErr.Message != "Provider returned error" || apiErr.Operation != "Chat.Send" {
		t.Errorf("APIError = %+v", apiErr)
	}
	if !errors.Is(err, openrouter.ErrProviderUnavailable) || !errors.Is(err, openrouter.ErrServer) {
		t.Errorf("%v does not match ErrProviderUnavailable and ErrServer", err)
	}
}

// A result type with its own top-level error field keeps it: a failed
// Responses result is a result, not a transport error.
func TestResultWithErrorFieldIsAResult(t *testing.T) {
	t.Parallel()
	body := `{"id":"resp_1","object":"response","created_at":1,"model":"m","status":"failed","output":[],"error":{"code":"server_error","message":"boom"},` +
		`"incomplete_details":null,"instructions":null,"metadata":null,"parallel_tool_calls":true,"temperature":null,"tool_choice":"auto","tools":[],"top_p":null}`
	ts := newTestServer(t, jsonHandler(200, body))
	c := ts.client(t)
	var in gen.Inputs
	if err := in.FromInputsString("hi"); err != nil {
		t.Fatal(err)
	}
	resp, err := c.Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{Model: "m", Input: &in})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if resp.Error == nil || resp.Error.Message != "boom" {
		t.Errorf("result error = %+v", resp.Error)
	}
}
