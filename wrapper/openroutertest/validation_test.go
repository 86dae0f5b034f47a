package openroutertest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// TestInvalidRequests checks that bad requests get OpenRouter's error
// shape with a message that names what is wrong.
func TestInvalidRequests(t *testing.T) {
	t.Parallel()
	const hi = `[{"role":"user","content":"hi"}]`
	for _, tc := range []struct {
		name         string
		method, path string
		body         string
		header       []string
		status       int
		want         []string // substrings of the message
	}{
		{"missing messages", "POST", "/chat/completions", `{"model":"m"}`, nil, 400,
			[]string{"request body", "messages", "missing"}},
		{"temperature type", "POST", "/chat/completions", `{"messages":` + hi + `,"temperature":"hot"}`, nil, 400,
			[]string{"temperature", "must be a number", `"hot"`}},
		{"reasoning_effort enum", "POST", "/chat/completions", `{"messages":` + hi + `,"reasoning_effort":"extreme"}`, nil, 400,
			[]string{"reasoning_effort", "allowed values", `"extreme"`}},
		{"unknown role", "POST", "/chat/completions", `{"messages":[{"role":"robot","content":"hi"}]}`, nil, 400,
			[]string{"messages[0]", `"role"`}},
		{"missing content", "POST", "/chat/completions", `{"messages":[{"role":"user"}]}`, nil, 400,
			[]string{"messages[0].content", "missing"}},
		{"several problems", "POST", "/chat/completions", `{"messages":[],"top_k":1.5}`, nil, 400,
			[]string{"messages: minimum number of items is 1", "top_k: value must be an integer"}},
		{"not JSON", "POST", "/chat/completions", `{"messages":`, nil, 400,
			[]string{"request body", "decode"}},
		{"trailing data", "POST", "/chat/completions", `{"messages":` + hi + `}{"x":1}`, nil, 400,
			[]string{"request body is not valid JSON", "after top-level value"}},
		{"no body", "POST", "/chat/completions", ``, nil, 400,
			[]string{"request body", "required"}},
		{"wrong content type", "POST", "/chat/completions", `{"messages":` + hi + `}`, []string{"Content-Type", "text/plain"}, 400,
			[]string{"Content-Type"}},
		{"header enum", "POST", "/chat/completions", `{"messages":` + hi + `}`, []string{"X-OpenRouter-Metadata", "verbose"}, 400,
			[]string{`header parameter "X-OpenRouter-Metadata"`, `"verbose"`}},
		{"query minimum", "GET", "/models?limit=0", "", nil, 400,
			[]string{`query parameter "limit"`, "at least 1"}},
		{"query enum", "GET", "/models?sort=sideways", "", nil, 400,
			[]string{`query parameter "sort"`}},
		{"missing query", "GET", "/generation", "", nil, 400,
			[]string{`query parameter "id"`, "required"}},
		{"uuid format", "POST", "/keys", `{"name":"x","workspace_id":"not-a-uuid"}`, nil, 400,
			[]string{"workspace_id", `format "uuid"`}},
		{"uri format", "POST", "/auth/keys/code", `{"callback_url":"no scheme"}`, nil, 400,
			[]string{"callback_url", `format "uri"`}},
		{"date-time format", "POST", "/keys", `{"name":"x","expires_at":"tomorrow"}`, nil, 400,
			[]string{"expires_at", `format "date-time"`}},
		{"missing Authorization", "POST", "/chat/completions", `{"messages":` + hi + `}`, []string{"Authorization", ""}, 401,
			[]string{"Authorization"}},
		{"empty bearer", "GET", "/models", "", []string{"Authorization", "Bearer "}, 401,
			[]string{"Bearer"}},
		{"basic auth", "GET", "/credits", "", []string{"Authorization", "Basic dXNlcjpwYXNz"}, 401,
			[]string{"Bearer"}},
		{"unknown path", "GET", "/nope", "", nil, 404,
			[]string{"/api/v1/nope"}},
		{"path outside /api/v1", "GET", "http://prefix-less/chat/completions", "", nil, 404,
			[]string{"/api/v1/"}},
		{"wrong method", "GET", "/chat/completions", "", nil, 405,
			[]string{"GET"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
			path := tc.path
			if strings.HasPrefix(path, "http://prefix-less") {
				path = strings.TrimSuffix(srv.URL(), "/api/v1") + strings.TrimPrefix(path, "http://prefix-less")
			}
			status, h, body := do(t, srv, tc.method, path, tc.body, tc.header...)
			if status != tc.status {
				t.Fatalf("status %d, want %d; body %s", status, tc.status, body)
			}
			if ct := h.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			msg := errorMessage(t, status, body)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if len(msg) > 700 {
				t.Errorf("message is %d bytes long: %s", len(msg), msg)
			}
			if f := srv.Failures(); len(f) != 0 {
				t.Errorf("AllowInvalidRequests, yet Failures() = %v", f)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("%d requests recorded, want 1", n)
			}
		})
	}
}

// TestOAuthExchangeNeedsNoKey: the spec gives exchangeAuthCodeForAPIKey
// `security: []`.
func TestOAuthExchangeNeedsNoKey(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	status, _, body := do(t, srv, "POST", "/auth/keys", `{"code":"c"}`, "Authorization", "")
	if status != http.StatusOK {
		t.Errorf("status %d: %s", status, body)
	}
}

// TestInvalidRequestIsReported checks that without AllowInvalidRequests
// a bad request is reported to the test and listed by Failures.
func TestInvalidRequestIsReported(t *testing.T) {
	t.Parallel()
	tb := &fakeTB{TB: t}
	srv := openroutertest.NewServer(tb)
	status, _, _ := do(t, srv, "POST", "/chat/completions", `{"messages":[{"role":"user","content":"hi"}],"temperature":"hot"}`)
	if status != http.StatusBadRequest {
		t.Fatalf("status %d", status)
	}
	status, _, _ = do(t, srv, "GET", "/credits", "", "Authorization", "")
	if status != http.StatusUnauthorized {
		t.Fatalf("status %d", status)
	}
	rep := tb.reported()
	if len(rep) != 2 || !strings.Contains(rep[0], "temperature") || !strings.Contains(rep[0], "sendChatCompletionRequest") ||
		!strings.Contains(rep[1], "getCredits") {
		t.Errorf("reported %q", rep)
	}
	f := srv.Failures()
	if len(f) != 2 || f[0].Response || f[0].OperationID != "sendChatCompletionRequest" || f[0].Method != "POST" ||
		f[0].Path != "/api/v1/chat/completions" || !strings.Contains(f[0].Message, "temperature") {
		t.Errorf("Failures() = %+v", f)
	}
	if len(f) == 2 && f[0].Error() != rep[0] {
		t.Errorf("Error() %q differs from the report %q", f[0].Error(), rep[0])
	}
}

// TestInvalidResponseIsCaught scripts 2xx bodies that break the spec:
// Enqueue says so (and the test is told), Failures lists them, and the
// client gets a 501 that says why instead of the bad body.
func TestInvalidResponseIsCaught(t *testing.T) {
	t.Parallel()
	tb := &fakeTB{TB: t}
	srv := openroutertest.NewServer(tb)
	errs := []error{
		srv.Enqueue("getCredits", openroutertest.Response{JSON: map[string]any{"data": map[string]any{"total_credits": "lots"}}}),
		srv.Enqueue("createKeys", openroutertest.Response{Status: http.StatusOK, JSON: map[string]any{}}),
		srv.Enqueue("getCurrentKey", openroutertest.Response{JSON: func() {}}),
	}
	for i, err := range errs {
		if err == nil {
			t.Errorf("Enqueue %d accepted a misfit", i)
		}
	}

	status, _, body := do(t, srv, "GET", "/credits", "")
	if status != http.StatusNotImplemented {
		t.Fatalf("status %d, want 501: %s", status, body)
	}
	msg := errorMessage(t, status, body)
	for _, w := range []string{"data.total_credits", "must be a number", "data.total_usage", "missing"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q lacks %q", msg, w)
		}
	}
	status, _, body = do(t, srv, "POST", "/keys", `{"name":"x"}`)
	if status != http.StatusNotImplemented || !strings.Contains(errorMessage(t, status, body), "status 200") {
		t.Errorf("undeclared status: %d %s", status, body)
	}
	status, _, body = do(t, srv, "GET", "/key", "")
	if status != http.StatusNotImplemented || !strings.Contains(errorMessage(t, status, body), "marshal") {
		t.Errorf("unmarshallable JSON: %d %s", status, body)
	}

	f := srv.Failures()
	if len(f) != 3 || !f[0].Response || f[0].OperationID != "getCredits" || f[1].OperationID != "createKeys" {
		t.Fatalf("Failures() = %+v", f)
	}
	if rep := tb.reported(); len(rep) != 3 || rep[0] != f[0].Error() {
		t.Errorf("reported %q", rep)
	}
}

// TestScriptedAnswersMustFitTheOperation: an empty 2xx where the
// operation returns a body, or a stream where it declares none, is caught
// by Enqueue, with a message that names the operation and what it answers.
func TestScriptedAnswersMustFitTheOperation(t *testing.T) {
	t.Parallel()
	tb := &fakeTB{TB: t}
	srv := openroutertest.NewServer(tb)
	srv.Enqueue("getCredits", openroutertest.Response{Status: http.StatusOK})
	srv.Enqueue("listEmbeddingsModels", openroutertest.Response{Stream: &openroutertest.Stream{Events: []any{map[string]any{"x": 1}}}})
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{Status: http.StatusServiceUnavailable,
		Stream: &openroutertest.Stream{Events: []any{map[string]any{"error": map[string]any{"code": 503, "message": "busy"}}}}})

	for _, tc := range []struct{ method, path, body, want string }{
		{"GET", "/credits", "", "getCredits answers with a body (200 application/json)"},
		{"GET", "/embeddings/models", "", "listEmbeddingsModels declares no stream (text/event-stream) for status 200; it answers 200 application/json"},
	} {
		status, _, body := do(t, srv, tc.method, tc.path, tc.body)
		if status != http.StatusNotImplemented || !strings.Contains(errorMessage(t, status, body), tc.want) {
			t.Errorf("%s %s: %d %s, want a 501 saying %q", tc.method, tc.path, status, body, tc.want)
		}
	}
	// A failing stream's events are not held to the success chunk schema.
	status, _, body := do(t, srv, "POST", "/chat/completions", `{"messages":[{"role":"user","content":"hi"}],"stream":true}`)
	if status != http.StatusServiceUnavailable || !strings.Contains(string(body), `"busy"`) {
		t.Errorf("scripted 503 stream: %d %s", status, body)
	}
	if f := srv.Failures(); len(f) != 2 {
		t.Errorf("Failures() = %+v, want the two misfits", f)
	}
}

// TestNewReportsToFailures checks the program mode: no testing.TB, the
// failures are kept.
func TestNewReportsToFailures(t *testing.T) {
	t.Parallel()
	srv, err := openroutertest.New()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if err := srv.Enqueue("listModelsCount", openroutertest.Response{JSON: map[string]any{"data": map[string]any{"count": 1.5}}}); err == nil || !strings.Contains(err.Error(), "data.count") {
		t.Errorf("Enqueue of a misfit: %v", err)
	}
	if status, _, _ := do(t, srv, "GET", "/models/count", ""); status != 501 {
		t.Errorf("invalid response: status %d, want 501", status)
	}
	if status, _, _ := do(t, srv, "GET", "/models/count?output_modalities=text", "", "Authorization", ""); status != 401 {
		t.Errorf("no key: status %d, want 401", status)
	}
	f := srv.Failures()
	if len(f) != 2 || !f[0].Response || !strings.Contains(f[0].Message, "data.count") || f[1].Response {
		t.Errorf("Failures() = %+v", f)
	}
	srv.Close() // twice is fine
}

// TestErrorBodiesAreNotValidated: scripted non-2xx bodies are sent as
// they are, whatever their shape.
func TestErrorBodiesAreNotValidated(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("listProviders", openroutertest.Response{Status: http.StatusTeapot, JSON: map[string]any{"odd": true}})
	status, _, body := do(t, srv, "GET", "/providers", "")
	if status != http.StatusTeapot || string(body) != `{"odd":true}` {
		t.Errorf("got %d %s", status, body)
	}
}

// TestEnqueueUnknownOperation: an error that names the operation and
// suggests the right one, reported to the test; nothing is queued.
func TestEnqueueUnknownOperation(t *testing.T) {
	t.Parallel()
	tb := &fakeTB{TB: t}
	srv := openroutertest.NewServer(tb)
	err := srv.Enqueue("sendChat", openroutertest.ChatReply("x"))
	if err == nil || !strings.Contains(err.Error(), `"sendChat"`) || !strings.Contains(err.Error(), "OpSendChatCompletionRequest") {
		t.Errorf("Enqueue(sendChat) = %v", err)
	}
	if rep := tb.reported(); len(rep) != 1 || rep[0] != err.Error() {
		t.Errorf("reported %q", rep)
	}
	if n := srv.Pending("sendChat"); n != 0 {
		t.Errorf("Pending = %d", n)
	}
}
