package tests

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// The exact-wire tests of operations_test.go answer from a recording
// server rather than the fake: it answers what each test says, such as a
// field the spec does not know yet, and keeps every request as sent.

const testKey = "sk-or-v1-secret-test-key-0123456789"

// recorded is one request as the recording server saw it.
type recorded struct {
	Method, Path, Query string
	Header              http.Header
	Body                []byte
}

// recorder mounts the API under /api/v1, so that absolute-path bugs fail,
// and records every request.
type recorder struct {
	url  string
	mu   sync.Mutex
	reqs []recorded
}

func newTestServer(t *testing.T, h http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, recorded{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), body})
		rec.mu.Unlock()
		if !strings.HasPrefix(r.URL.Path, "/api/v1/") {
			http.Error(w, "path outside /api/v1: "+r.URL.Path, http.StatusTeapot)
			return
		}
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	rec.url = srv.URL + "/api/v1"
	return rec
}

func (rec *recorder) requests() []recorded {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]recorded(nil), rec.reqs...)
}

func (rec *recorder) client(t *testing.T) *openrouter.Client {
	t.Helper()
	c, err := openrouter.NewClient(openrouter.WithBaseURL(rec.url), openrouter.WithAPIKey(testKey))
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
