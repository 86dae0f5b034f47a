package openrouter_test

import (
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

const testKey = "sk-or-v1-secret-test-key-0123456789"

func TestMain(m *testing.M) {
	// The SDK must not read a developer's real environment in tests.
	for _, k := range []string{"OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", "OPENROUTER_APP_URL", "OPENROUTER_APP_TITLE", "OPENROUTER_APP_CATEGORIES"} {
		os.Unsetenv(k)
	}
	code := m.Run()
	if code == 0 {
		if t, ok := http.DefaultTransport.(*http.Transport); ok {
			t.CloseIdleConnections()
		}
		if err := goleak.Find(); err != nil {
			os.Stderr.WriteString("goroutine leak: " + err.Error() + "\n")
			code = 1
		}
	}
	os.Exit(code)
}

// recorded is one request as the test server saw it.
type recorded struct {
	Method string
	Path   string
	Query  string
	Header http.Header
	Body   []byte
}

// testServer mounts the API under /api/v1 so that absolute-path bugs fail,
// records every request, and counts TCP connections.
type testServer struct {
	*httptest.Server
	mu      sync.Mutex
	reqs    []recorded
	conns   atomic.Int32
	handler http.HandlerFunc
	baseURL string
}

func newTestServer(t *testing.T, h http.HandlerFunc) *testServer {
	t.Helper()
	ts := &testServer{handler: h}
	ts.Server = httptest.NewUnstartedServer(http.HandlerFunc(ts.serve))
	ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			ts.conns.Add(1)
		}
	}
	ts.Start()
	t.Cleanup(ts.Close)
	ts.baseURL = ts.URL + "/api/v1"
	return ts
}

func (ts *testServer) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ts.mu.Lock()
	ts.reqs = append(ts.reqs, recorded{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body})
	ts.mu.Unlock()
	if !strings.HasPrefix(r.URL.Path, "/api/v1/") {
		http.Error(w, "path outside /api/v1: "+r.URL.Path, http.StatusTeapot)
		return
	}
	r.URL.Path = strings.TrimPrefix(r.URL.Path, "/api/v1")
	ts.handler(w, r)
}

func (ts *testServer) requests() []recorded {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]recorded(nil), ts.reqs...)
}

// fastRetry keeps retry tests quick.
var fastRetry = openrouter.WithRetryPolicy(openrouter.RetryPolicy{
	InitialBackoff: time.Millisecond,
	MaxBackoff:     4 * time.Millisecond,
	MaxRetryAfter:  10 * time.Second,
})

func (ts *testServer) client(t *testing.T, opts ...openrouter.Option) *openrouter.Client {
	t.Helper()
	all := append([]openrouter.Option{openrouter.WithBaseURL(ts.baseURL), openrouter.WithAPIKey(testKey), fastRetry}, opts...)
	c, err := openrouter.NewClient(all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// jsonHandler answers every request with status and body.
func jsonHandler(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// sequence answers the n-th request with handlers[n], repeating the last.
func sequence(handlers ...http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i >= len(handlers) {
			i = len(handlers) - 1
		}
		handlers[i](w, r)
	}
}

// jsonEqual compares two JSON documents semantically.
func jsonEqual(t *testing.T, got []byte, want string) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Errorf("body %q is not JSON: %v", got, err)
		return false
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want JSON %q: %v", want, err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	return string(gb) == string(wb)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// quietLog discards a test server's own error log (TLS handshake noise).
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }

func ptr[T any](v T) *T { return &v }

func userText(t *testing.T, text string) openrouter.ChatMessage {
	t.Helper()
	return openrouter.UserText(text)
}

// marshalCase is a value and the JSON it must marshal to.
type marshalCase struct {
	v    any
	want string
}

// checkMarshal runs one parallel subtest per case, comparing the JSON
// semantically.
func checkMarshal(t *testing.T, tests map[string]marshalCase) {
	t.Helper()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := json.Marshal(tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, got, tc.want) {
				t.Errorf("got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// newFake starts a spec-validating fake server and returns it with a
// client of it.
func newFake(t *testing.T) (*openroutertest.Server, *openrouter.Client) {
	t.Helper()
	srv := openroutertest.NewServer(t)
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	return srv, client
}
