package openrouter_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestOptionValidation(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		opt  openrouter.Option
		want string
	}{
		"empty key":           {openrouter.WithAPIKey(" "), "WithAPIKey: key is empty"},
		"key with newline":    {openrouter.WithAPIKey("a\nb"), "WithAPIKey: key contains a line break"},
		"bad scheme":          {openrouter.WithBaseURL("ftp://x"), "WithBaseURL: URL \"ftp://x\": scheme must be http or https"},
		"no host":             {openrouter.WithBaseURL("http://"), "WithBaseURL: URL \"http://\" has no host"},
		"credentials in url":  {openrouter.WithBaseURL("https://u:p@h"), "WithBaseURL: URL \"https://***@h\" must not carry credentials"},
		"nil http client":     {openrouter.WithHTTPClient(nil), "WithHTTPClient: client is nil"},
		"empty header":        {openrouter.WithHeader("", "v"), "WithHeader: header name is empty"},
		"bad header name":     {openrouter.WithHeader("a b", "v"), "WithHeader: invalid header name \"a b\""},
		"bad header value":    {openrouter.WithHeader("X-A", "v\r\nX-B: 1"), "WithHeader: invalid value for header \"X-A\""},
		"authorization":       {openrouter.WithHeader("authorization", "x"), "WithHeader: use WithAPIKey"},
		"negative retries":    {openrouter.WithMaxRetries(-1), "WithMaxRetries: -1 is negative"},
		"negative backoff":    {openrouter.WithRetryPolicy(openrouter.RetryPolicy{InitialBackoff: -1}), "WithRetryPolicy: InitialBackoff -1ns is negative"},
		"sub-ms backoff":      {openrouter.WithRetryPolicy(openrouter.RetryPolicy{MaxBackoff: time.Microsecond}), "WithRetryPolicy: MaxBackoff 1µs is below the 1ms minimum"},
		"max below initial":   {openrouter.WithRetryPolicy(openrouter.RetryPolicy{InitialBackoff: 2 * time.Second, MaxBackoff: time.Second}), "WithRetryPolicy: MaxBackoff 1s is less than InitialBackoff 2s"},
		"max below default":   {openrouter.WithRetryPolicy(openrouter.RetryPolicy{MaxBackoff: 100 * time.Millisecond}), "WithRetryPolicy: MaxBackoff 100ms is less than InitialBackoff 500ms"},
		"negative timeout":    {openrouter.WithTimeout(-time.Second), "WithTimeout: -1s is not positive"},
		"zero timeout":        {openrouter.WithTimeout(0), "WithTimeout: 0s is not positive"},
		"negative idle":       {openrouter.WithStreamIdleTimeout(-1), "WithStreamIdleTimeout: -1ns is not positive"},
		"zero idle":           {openrouter.WithStreamIdleTimeout(0), "WithStreamIdleTimeout: 0s is not positive"},
		"zero body cap":       {openrouter.WithMaxResponseBytes(0), "WithMaxResponseBytes: 0 is not positive"},
		"negative body cap":   {openrouter.WithMaxResponseBytes(-5), "WithMaxResponseBytes: -5 is not positive"},
		"nil logger":          {openrouter.WithLogger(nil), "WithLogger: logger is nil"},
		"nil middleware":      {openrouter.WithMiddleware(nil), "WithMiddleware: middleware 0 is nil"},
		"relative site url":   {openrouter.WithAppAttribution("myapp", ""), "WithAppAttribution: site URL \"myapp\""},
		"category with comma": {openrouter.WithAppAttribution("", "", "a,b"), "WithAppAttribution: invalid category"},
		"nil response dst":    {openrouter.WithResponseInto(nil), "WithResponseInto: destination is nil"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := openrouter.NewClient(tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("NewClient error %v, want one containing %q", err, tc.want)
			}
			// The same option on a call fails the call before anything is sent.
			ts := newTestServer(t, jsonHandler(200, okChat))
			_, err = sendChat(t, ts.client(t), tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("call error %v, want one containing %q", err, tc.want)
			}
			if n := len(ts.requests()); n != 0 {
				t.Errorf("%d requests sent despite an invalid option", n)
			}
		})
	}
}

func TestEnvironmentDefaults(t *testing.T) { // not parallel: uses t.Setenv
	ts := newTestServer(t, jsonHandler(200, okChat))
	t.Setenv("OPENROUTER_API_KEY", testKey)
	t.Setenv("OPENROUTER_BASE_URL", ts.baseURL)
	t.Setenv("OPENROUTER_APP_URL", "https://myapp.example")
	t.Setenv("OPENROUTER_APP_TITLE", "My App")
	t.Setenv("OPENROUTER_APP_CATEGORIES", "cli-agent, programming")
	c, err := openrouter.NewClient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sendChat(t, c); err != nil {
		t.Fatal(err)
	}
	h := ts.requests()[0].Header
	for k, want := range map[string]string{
		"Authorization":           "Bearer " + testKey,
		"HTTP-Referer":            "https://myapp.example",
		"X-OpenRouter-Title":      "My App",
		"X-OpenRouter-Categories": "cli-agent,programming",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	t.Setenv("OPENROUTER_BASE_URL", "not a url")
	if _, err := openrouter.NewClient(); err == nil || !contains(err.Error(), "OPENROUTER_BASE_URL") {
		t.Errorf("bad OPENROUTER_BASE_URL gave %v", err)
	}
}

func TestHeadersAttributionAndCallOverrides(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, okChat))
	other := newTestServer(t, jsonHandler(200, okChat))
	c := ts.client(t,
		openrouter.WithAppAttribution("https://app.example", "App", "cli-agent"),
		openrouter.WithHeader("X-Custom", "client"),
	)
	if _, err := sendChat(t, c, openrouter.WithHeader("X-Custom", "call"), openrouter.WithHeader("X-OpenRouter-Metadata", "enabled")); err != nil {
		t.Fatal(err)
	}
	if _, err := sendChat(t, c); err != nil {
		t.Fatal(err)
	}
	if _, err := sendChat(t, c, openrouter.WithBaseURL(other.baseURL), openrouter.WithAPIKey("sk-other")); err != nil {
		t.Fatal(err)
	}
	reqs := ts.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests on the client's server, want 2", len(reqs))
	}
	first, second := reqs[0].Header, reqs[1].Header
	if first.Get("X-Custom") != "call" || first.Get("X-OpenRouter-Metadata") != "enabled" {
		t.Errorf("call headers not applied: %v", first)
	}
	if second.Get("X-Custom") != "client" || second.Get("X-OpenRouter-Metadata") != "" {
		t.Errorf("call options leaked into the next call: %v", second)
	}
	for _, h := range []http.Header{first, second} {
		if h.Get("HTTP-Referer") != "https://app.example" || h.Get("X-OpenRouter-Title") != "App" || h.Get("X-OpenRouter-Categories") != "cli-agent" {
			t.Errorf("attribution headers missing: %v", h)
		}
	}
	o := other.requests()
	if len(o) != 1 || o[0].Path != "/api/v1/chat/completions" || o[0].Header.Get("Authorization") != "Bearer sk-other" {
		t.Errorf("per-call base URL / key not applied: %+v", o)
	}
}

func TestResponseInto(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Remaining", "41")
		jsonHandler(200, okChat)(w, r)
	})
	var resp *http.Response
	if _, err := sendChat(t, ts.client(t), openrouter.WithResponseInto(&resp)); err != nil {
		t.Fatal(err)
	}
	if resp == nil || resp.Header.Get("X-RateLimit-Remaining") != "41" {
		t.Fatalf("WithResponseInto did not capture the response: %v", resp)
	}
}

func TestMiddlewareOrderAndPerAttempt(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sequence(jsonHandler(500, errBody(500)), jsonHandler(200, okChat)))
	var trace []string
	mw := func(name string) openrouter.Middleware {
		return func(req *http.Request, next openrouter.MiddlewareNext) (*http.Response, error) {
			trace = append(trace, name+">")
			resp, err := next(req)
			trace = append(trace, "<"+name)
			return resp, err
		}
	}
	if _, err := sendChat(t, ts.client(t, openrouter.WithMiddleware(mw("a"), mw("b")))); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(trace, " "), "a> b> <b <a a> b> <b <a"; got != want {
		t.Errorf("middleware trace %q, want %q", got, want)
	}
}

func TestTimeoutBoundsHeadersAndIsRetried(t *testing.T) {
	t.Parallel()
	slow := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}
	ts := newTestServer(t, sequence(slow, jsonHandler(200, okChat)))
	start := time.Now()
	if _, err := sendChat(t, ts.client(t, openrouter.WithTimeout(100*time.Millisecond))); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("took %v; the per-attempt timeout did not fire", el)
	}
	if n := len(ts.requests()); n != 2 {
		t.Errorf("%d attempts, want 2", n)
	}
	// With no retries left the error says what happened.
	ts2 := newTestServer(t, slow)
	_, err := sendChat(t, ts2.client(t, openrouter.WithTimeout(50*time.Millisecond), openrouter.WithMaxRetries(0)))
	if err == nil || !contains(err.Error(), "no complete response within 50ms (WithTimeout)") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want a WithTimeout error", err)
	}
}

// A JSON call's attempt timeout covers the body: a server that sends the
// headers and then trickles bytes forever cannot hold the call.
func TestTimeoutCoversTheWholeJSONBody(t *testing.T) {
	t.Parallel()
	trickle := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		rc := http.NewResponseController(w)
		io.WriteString(w, `{"id":"gen-slow",`)
		for {
			if _, err := io.WriteString(w, " "); err != nil {
				return
			}
			rc.Flush()
			select {
			case <-time.After(20 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	}
	ts := newTestServer(t, trickle)
	start := time.Now()
	_, err := sendChat(t, ts.client(t, openrouter.WithTimeout(150*time.Millisecond), openrouter.WithStreamIdleTimeout(150*time.Millisecond), openrouter.WithMaxRetries(1)))
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %v for two attempts of 150ms", el)
	}
	if !errors.Is(err, context.DeadlineExceeded) || !contains(err.Error(), "no complete response within 150ms (WithTimeout)") {
		t.Errorf("error %v, want the WithTimeout error", err)
	}
	if n := len(ts.requests()); n != 2 {
		t.Errorf("%d attempts, want 2: a timed-out attempt is retried", n)
	}
}

// A Content-Length longer than the body, with the connection held open,
// is cut off by the default timeout too (here shortened).
func TestTimeoutCoversAShortBodyHeldOpen(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(okChat)+10))
		w.WriteHeader(200)
		io.WriteString(w, okChat)
		http.NewResponseController(w).Flush()
		<-r.Context().Done()
	})
	start := time.Now()
	_, err := sendChat(t, ts.client(t, openrouter.WithTimeout(100*time.Millisecond), openrouter.WithMaxRetries(0)))
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v", el)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want a timeout", err)
	}
}

// The defaults bound every call: no option is needed for a call to end.
func TestDefaultsBoundEveryCall(t *testing.T) {
	t.Parallel()
	c, err := openrouter.NewClient()
	if err != nil {
		t.Fatal(err)
	}
	_ = c
	if openrouter.DefaultTimeout <= 0 || openrouter.DefaultTimeout > 10*time.Minute {
		t.Errorf("DefaultTimeout %v", openrouter.DefaultTimeout)
	}
	if openrouter.DefaultStreamIdleTimeout <= 0 || openrouter.DefaultMaxResponseBytes <= 0 {
		t.Errorf("DefaultStreamIdleTimeout %v, DefaultMaxResponseBytes %d", openrouter.DefaultStreamIdleTimeout, openrouter.DefaultMaxResponseBytes)
	}
}

func TestAPIKeyNeverInLogsOrErrors(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ts := newTestServer(t, sequence(jsonHandler(500, errBody(500)), jsonHandler(401, `{"error":{"code":401,"message":"bad key"}}`)))
	_, err := sendChat(t, ts.client(t, openrouter.WithLogger(logger)))
	if err == nil {
		t.Fatal("want an error")
	}
	// A transport failure too.
	c, _ := openrouter.NewClient(openrouter.WithAPIKey(testKey), openrouter.WithBaseURL("http://127.0.0.1:1/api/v1"), openrouter.WithLogger(logger), openrouter.WithMaxRetries(0))
	_, err2 := sendChat(t, c)
	for _, s := range []string{logs.String(), err.Error(), err2.Error()} {
		if strings.Contains(s, testKey) || strings.Contains(s, "secret-test") {
			t.Errorf("API key leaked into %q", s)
		}
	}
	if !strings.Contains(logs.String(), "[REDACTED]") || !strings.Contains(logs.String(), "status=500") {
		t.Errorf("debug log lacks the redacted request or the status:\n%s", logs.String())
	}
}

func TestRedirectToOtherOriginDropsAuthorization(t *testing.T) {
	t.Parallel()
	target := newTestServer(t, jsonHandler(200, okChat))
	same := newTestServer(t, nil)
	same.handler = func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chat/completions" && r.URL.Query().Get("hop") == "" {
			http.Redirect(w, r, same.baseURL+"/chat/completions?hop=1", http.StatusTemporaryRedirect)
			return
		}
		if r.URL.Query().Get("hop") == "1" {
			http.Redirect(w, r, target.baseURL+"/chat/completions", http.StatusTemporaryRedirect)
			return
		}
	}
	if _, err := sendChat(t, same.client(t)); err != nil {
		t.Fatal(err)
	}
	hops := same.requests()
	if len(hops) != 2 || hops[1].Header.Get("Authorization") == "" {
		t.Errorf("a same-origin redirect must keep Authorization: %+v", hops)
	}
	got := target.requests()
	if len(got) != 1 {
		t.Fatalf("target saw %d requests", len(got))
	}
	if h := got[0].Header.Get("Authorization"); h != "" {
		t.Errorf("Authorization %q sent to another port after a redirect", h)
	}
}

func TestNilContextIsAnError(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, okChat))
	var ctx context.Context
	_, err := ts.client(t).Models.List(ctx, nil) //nolint:staticcheck // testing a nil context on purpose
	if err == nil || !contains(err.Error(), "nil context") {
		t.Errorf("error %v, want a nil-context error", err)
	}
	if errors.Is(err, openrouter.ErrMissingAPIKey) {
		t.Error("wrong error")
	}
}

func TestBaseURLSecretsNeverInErrors(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{
		"htps://user:secret@host/api/v1?key=secret",
		"https://user:secret@host/api/v1?key=secret",
		"https://user:secret@host:bad/api/v1?key=secret",
		"https://host/api/v1?key=secret",
		"https://secret@host/api/v1",
	} {
		_, err := openrouter.NewClient(openrouter.WithBaseURL(raw))
		if err == nil {
			t.Errorf("%s: want an error", raw)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("error quotes a secret: %v", err)
		}
		if !strings.Contains(err.Error(), "host") {
			t.Errorf("error %v does not show which URL", err)
		}
	}
}
