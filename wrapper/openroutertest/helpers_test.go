package openroutertest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"go.uber.org/goleak"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func TestMain(m *testing.M) {
	for _, k := range []string{"OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", "OPENROUTER_APP_URL", "OPENROUTER_APP_TITLE", "OPENROUTER_APP_CATEGORIES"} {
		os.Unsetenv(k)
	}
	code := m.Run()
	if code == 0 {
		http.DefaultTransport.(*http.Transport).CloseIdleConnections()
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "goroutine leak:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// do sends one request to the server with the test key (unless the
// header sets Authorization to "") and returns the status, header and body.
func do(t *testing.T, srv *openroutertest.Server, method, path, body string, header ...string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := send(srv, method, path, body, header...)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, path, err)
	}
	return resp.StatusCode, resp.Header, b
}

// send is do without reading the body; the caller closes it.
func send(srv *openroutertest.Server, method, path, body string, header ...string) (*http.Response, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	u := srv.URL() + path
	if strings.HasPrefix(path, "http") {
		u = path
	}
	if rest, ok := strings.CutPrefix(path, "beta:"); ok {
		// The Batch API lives under /api/beta.
		u = strings.TrimSuffix(srv.URL(), "/v1") + "/beta" + rest
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+openroutertest.TestAPIKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i+1] == "" {
			req.Header.Del(header[i])
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	return http.DefaultClient.Do(req)
}

// errorMessage decodes OpenRouter's error shape and checks its code.
func errorMessage(t *testing.T, status int, body []byte) string {
	t.Helper()
	var e struct {
		Error struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body %q is not JSON: %v", body, err)
	}
	if e.Error.Code != status || e.Error.Message == "" {
		t.Errorf("error body %s: want code %d and a message", body, status)
	}
	return e.Error.Message
}

// sseEvent is one event of a server-sent-event body.
type sseEvent struct {
	Comment bool
	Data    string
}

// parseSSE splits a body into comments and data events.
func parseSSE(t *testing.T, body []byte) []sseEvent {
	t.Helper()
	var out []sseEvent
	for _, block := range strings.Split(strings.TrimSuffix(string(body), "\n\n"), "\n\n") {
		if block == "" {
			continue
		}
		var data []string
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, ":"):
				out = append(out, sseEvent{Comment: true, Data: strings.TrimSpace(line[1:])})
			case strings.HasPrefix(line, "data: "):
				data = append(data, line[len("data: "):])
			case strings.HasPrefix(line, "event: "):
				// Named events (the Messages stream); the name is checked
				// by the tests that care.
			default:
				t.Errorf("unexpected SSE line %q", line)
			}
		}
		if data != nil {
			out = append(out, sseEvent{Data: strings.Join(data, "\n")})
		}
	}
	return out
}

// fakeTB records what the server reports, for tests that expect a
// failure and must not fail themselves.
type fakeTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeTB) reported() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.errors...)
}

func jsonBody(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&m); err != nil {
		t.Fatalf("body %q is not a JSON object: %v", b, err)
	}
	return m
}

// newFake starts a fake server for the test and an SDK client for it.
func newFake(t *testing.T, opts ...openroutertest.ServerOption) (*openroutertest.Server, *openrouter.Client) {
	t.Helper()
	srv := openroutertest.NewServer(t, opts...)
	c, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}
