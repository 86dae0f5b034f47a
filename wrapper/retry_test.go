package openrouter_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

const okChat = `{"id":"gen-ok","model":"m","object":"chat.completion","created":1,"choices":[]}`

func errBody(status int) string {
	return `{"error":{"code":` + strconv.Itoa(status) + `,"message":"status ` + strconv.Itoa(status) + `"}}`
}

func sendChat(t *testing.T, c *openrouter.Client, opts ...openrouter.Option) (*openrouter.ChatResponse, error) {
	t.Helper()
	return c.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:    "m",
		Messages: []openrouter.ChatMessage{userText(t, "hello")},
	}, opts...)
}

func TestRetryableStatusesAreRetried(t *testing.T) {
	t.Parallel()
	for _, status := range []int{408, 429, 500, 502, 503, 504, 524, 529} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, sequence(jsonHandler(status, errBody(status)), jsonHandler(200, okChat)))
			resp, err := sendChat(t, ts.client(t))
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			if resp.ID != "gen-ok" {
				t.Errorf("ID %q, want gen-ok", resp.ID)
			}
			if n := len(ts.requests()); n != 2 {
				t.Errorf("%d attempts, want 2", n)
			}
		})
	}
}

func TestOtherStatusesAreNotRetried(t *testing.T) {
	t.Parallel()
	for _, status := range []int{400, 401, 402, 403, 404, 409, 413, 422, 501} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, jsonHandler(status, errBody(status)))
			_, err := sendChat(t, ts.client(t))
			var apiErr *openrouter.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v (%T), want *APIError", err, err)
			}
			if apiErr.StatusCode != status {
				t.Errorf("StatusCode %d, want %d", apiErr.StatusCode, status)
			}
			if n := len(ts.requests()); n != 1 {
				t.Errorf("%d attempts, want 1", n)
			}
		})
	}
}

func TestConnectionErrorBeforeResponseIsRetried(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sequence(hangUp, jsonHandler(200, okChat)))
	if _, err := sendChat(t, ts.client(t)); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if n := len(ts.requests()); n != 2 {
		t.Errorf("%d attempts, want 2", n)
	}
}

// hangUp closes the connection without answering.
func hangUp(w http.ResponseWriter, r *http.Request) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		conn.Close()
	}
}

func TestRetryBudgetExhausted(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-9")
		jsonHandler(503, `{"error":{"code":503,"message":"overloaded","metadata":{"provider_name":"Acme"}}}`)(w, r)
	})
	_, err := sendChat(t, ts.client(t, openrouter.WithMaxRetries(3)))
	if n := len(ts.requests()); n != 4 {
		t.Errorf("%d attempts, want 4 (1 + 3 retries)", n)
	}
	var exhausted *openrouter.RetriesExhaustedError
	if !errors.As(err, &exhausted) || exhausted.Attempts != 4 {
		t.Fatalf("error %v, want RetriesExhaustedError with 4 attempts", err)
	}
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("errors.As(*APIError) failed on %v", err)
	}
	if apiErr.StatusCode != 503 || apiErr.Message != "overloaded" || apiErr.ProviderName != "Acme" || apiErr.RequestID != "req-9" {
		t.Errorf("last APIError = %+v", apiErr)
	}
	if !errors.Is(err, openrouter.ErrProviderUnavailable) || !errors.Is(err, openrouter.ErrServer) {
		t.Errorf("errors.Is sentinels failed for %v", err)
	}
	if !contains(err.Error(), "4 attempts") {
		t.Errorf("error %q does not say how many attempts were made", err)
	}
}

func TestMaxRetriesPerCall(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(500, errBody(500)))
	c := ts.client(t, openrouter.WithMaxRetries(5))
	_, err := sendChat(t, c, openrouter.WithMaxRetries(0))
	if n := len(ts.requests()); n != 1 {
		t.Errorf("%d attempts with WithMaxRetries(0) on the call, want 1", n)
	}
	var exhausted *openrouter.RetriesExhaustedError
	if errors.As(err, &exhausted) {
		t.Errorf("a call with no retries reported %v", err)
	}
}

func TestRetryAfterHeaders(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		header  http.Header
		minWait time.Duration
	}{
		"seconds":   {http.Header{"Retry-After": {"1"}}, 900 * time.Millisecond},
		"ms":        {http.Header{"Retry-After-Ms": {"300"}}, 250 * time.Millisecond},
		"http-date": {http.Header{"Retry-After": {"DATE+2s"}}, 500 * time.Millisecond},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			limited := func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tc.header {
					if v[0] == "DATE+2s" { // an HTTP date made when the request arrives
						v = []string{time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)}
					}
					w.Header()[k] = v
				}
				jsonHandler(429, errBody(429))(w, r)
			}
			ts := newTestServer(t, sequence(limited, jsonHandler(200, okChat)))
			start := time.Now()
			if _, err := sendChat(t, ts.client(t)); err != nil {
				t.Fatalf("Send: %v", err)
			}
			if waited := time.Since(start); waited < tc.minWait {
				t.Errorf("retried after %v, want at least %v", waited, tc.minWait)
			}
			if n := len(ts.requests()); n != 2 {
				t.Errorf("%d attempts, want 2", n)
			}
		})
	}
}

func TestRetryAfterBeyondCapReturnsAtOnce(t *testing.T) {
	t.Parallel()
	limited := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		jsonHandler(429, errBody(429))(w, r)
	}
	ts := newTestServer(t, limited)
	start := time.Now()
	_, err := sendChat(t, ts.client(t))
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("call took %v; a Retry-After above the cap must not be waited for", elapsed)
	}
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.RetryAfter != time.Hour {
		t.Fatalf("error %v, want APIError with RetryAfter 1h", err)
	}
	if !errors.Is(err, openrouter.ErrRateLimited) {
		t.Errorf("errors.Is(ErrRateLimited) false for %v", err)
	}
	if n := len(ts.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

func TestRetryReplaysBodyByteForByte(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sequence(jsonHandler(502, errBody(502)), jsonHandler(500, errBody(500)), jsonHandler(200, okChat)))
	if _, err := sendChat(t, ts.client(t)); err != nil {
		t.Fatalf("Send: %v", err)
	}
	reqs := ts.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d attempts, want 3", len(reqs))
	}
	if len(reqs[0].Body) == 0 {
		t.Fatal("first attempt had an empty body")
	}
	for i, r := range reqs[1:] {
		if !bytes.Equal(r.Body, reqs[0].Body) {
			t.Errorf("attempt %d body %q differs from first %q", i+2, r.Body, reqs[0].Body)
		}
		if r.Header.Get("Authorization") != reqs[0].Header.Get("Authorization") {
			t.Errorf("attempt %d lost its Authorization header", i+2)
		}
	}
}

func TestCancellationEndsBackoffWait(t *testing.T) {
	t.Parallel()
	limited := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "5")
		jsonHandler(503, errBody(503))(w, r)
	}
	ts := newTestServer(t, limited)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := ts.client(t).Chat.Send(ctx, openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "x")}})
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("cancel took %v to end the backoff wait", elapsed)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Errorf("error %v does not carry the last APIError", err)
	}
}

func TestBackoffGrowsAndIsCapped(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var times []time.Time
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		jsonHandler(500, errBody(500))(w, r)
	})
	c := ts.client(t, openrouter.WithMaxRetries(5), openrouter.WithRetryPolicy(openrouter.RetryPolicy{
		InitialBackoff: 40 * time.Millisecond, MaxBackoff: 100 * time.Millisecond, MaxRetryAfter: time.Second,
	}))
	_, _ = sendChat(t, c)
	mu.Lock()
	defer mu.Unlock()
	if len(times) != 6 {
		t.Fatalf("%d attempts, want 6", len(times))
	}
	// Waits: 40, 80, then 100 (capped) three times, each minus up to 25 %
	// jitter. A loaded machine only makes waits longer, so each wait is
	// checked against its lower bound, and the cap against the sum of the
	// capped waits: 300 ms plus generous slack, far below the 840 ms that
	// uncapped doubling (160+320+640, minus jitter) would take.
	want := []time.Duration{40, 80, 100, 100, 100}
	var capped time.Duration
	for i, w := range want {
		got := times[i+1].Sub(times[i])
		if lo := w * time.Millisecond * 3 / 4; got < lo {
			t.Errorf("wait before retry %d = %v, want at least %v", i+1, got, lo)
		}
		if i >= 2 {
			capped += got
		}
	}
	if capped > 550*time.Millisecond {
		t.Errorf("retries 3 to 5 waited %v in all, want about 300ms: MaxBackoff not applied", capped)
	}
}

// A Retry-After too long for a time.Duration is the longest wait, so the
// call gives up at once instead of retrying immediately.
func TestHugeRetryAfterGivesUp(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"99999999999", "1e300", "Inf"} {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			var n atomic.Int32
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				w.Header().Set("Retry-After", v)
				jsonHandler(429, errBody(429))(w, r)
			})
			_, err := sendChat(t, ts.client(t, openrouter.WithMaxRetries(3)))
			var apiErr *openrouter.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v, want *APIError", err)
			}
			if n.Load() != 1 {
				t.Errorf("%d attempts, want 1", n.Load())
			}
			if v != "Inf" && apiErr.RetryAfter <= 0 {
				t.Errorf("RetryAfter = %v, want a long positive wait", apiErr.RetryAfter)
			}
		})
	}
}
