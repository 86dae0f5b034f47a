package openrouter_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// A zero RetryPolicy takes the defaults: it can never retry in a loop.
func TestZeroRetryPolicyStillBacksOff(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(503, errBody(503)))
	c := ts.client(t, openrouter.WithRetryPolicy(openrouter.RetryPolicy{}), openrouter.WithMaxRetries(1000))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := c.Chat.Send(ctx, openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "x")}})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want the context's deadline", err)
	}
	// The default initial backoff is 500ms (minus up to 25 %): one retry
	// at most in 300ms.
	if n := len(ts.requests()); n > 2 {
		t.Errorf("%d requests in 300ms with a zero policy", n)
	}
}

// A policy without MaxRetryAfter still honours a short Retry-After.
func TestPartialRetryPolicyHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	limited := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		jsonHandler(429, errBody(429))(w, r)
	}
	ts := newTestServer(t, sequence(limited, jsonHandler(200, okChat)))
	c := ts.client(t, openrouter.WithRetryPolicy(openrouter.RetryPolicy{InitialBackoff: time.Millisecond, MaxBackoff: 4 * time.Millisecond}))
	start := time.Now()
	if _, err := sendChat(t, c); err != nil {
		t.Fatalf("a 429 with Retry-After: 1 was not retried: %v", err)
	}
	if el := time.Since(start); el < 900*time.Millisecond {
		t.Errorf("retried after %v, before the second the server asked for", el)
	}
}

func TestRedirectLoopIsNotRetried(t *testing.T) {
	t.Parallel()
	var ts *testServer
	ts = newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, ts.baseURL+"/chat/completions", http.StatusTemporaryRedirect)
	})
	_, err := sendChat(t, ts.client(t, openrouter.WithMaxRetries(3)))
	if err == nil || !contains(err.Error(), "stopped after 10 redirects") {
		t.Errorf("error %v, want the redirect limit", err)
	}
	if n := len(ts.requests()); n != 10 {
		t.Errorf("%d requests, want 10: one redirect chain, not retried", n)
	}
}

// dialCounter is an HTTP client whose every dial fails with err, counting
// the dials.
func dialCounter(err error) (*http.Client, *atomic.Int32) {
	n := new(atomic.Int32)
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		n.Add(1)
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}}
	return &http.Client{Transport: tr}, n
}

func TestWhatIsRetried(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		err   error
		retry bool
	}{
		"connection refused": {syscall.ECONNREFUSED, true},
		"connection reset":   {syscall.ECONNRESET, true},
		"dial timeout":       {&net.DNSError{Err: "i/o timeout", Name: "h", IsTimeout: true}, true},
		"no such host":       {&net.DNSError{Err: "no such host", Name: "no-such-host.example", IsNotFound: true}, false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			hc, dials := dialCounter(tc.err)
			c, err := openrouter.NewClient(openrouter.WithAPIKey(testKey), openrouter.WithBaseURL("http://api.test/api/v1"),
				openrouter.WithHTTPClient(hc), fastRetry, openrouter.WithMaxRetries(2))
			if err != nil {
				t.Fatal(err)
			}
			_, err = sendChat(t, c)
			if err == nil {
				t.Fatal("want an error")
			}
			want := int32(1)
			if tc.retry {
				want = 3
			}
			if n := dials.Load(); n != want {
				t.Errorf("%d attempts (error %v), want %d", n, err, want)
			}
		})
	}
}

func TestTLSFailuresAreNotRetried(t *testing.T) {
	t.Parallel()
	t.Run("https to a plain HTTP server", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, jsonHandler(200, okChat))
		c, err := openrouter.NewClient(openrouter.WithAPIKey(testKey), openrouter.WithBaseURL("https://"+ts.Listener.Addr().String()+"/api/v1"), fastRetry)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sendChat(t, c); err == nil {
			t.Fatal("want an error")
		}
		if n := ts.conns.Load(); n != 1 {
			t.Errorf("%d connections, want 1: a TLS failure is not retried", n)
		}
	})
	t.Run("untrusted certificate", func(t *testing.T) {
		t.Parallel()
		var conns atomic.Int32
		srv := httptest.NewUnstartedServer(jsonHandler(200, okChat))
		srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				conns.Add(1)
			}
		}
		srv.Config.ErrorLog = quietLog()
		srv.StartTLS()
		t.Cleanup(srv.Close)
		c, err := openrouter.NewClient(openrouter.WithAPIKey(testKey), openrouter.WithBaseURL(srv.URL+"/api/v1"), fastRetry)
		if err != nil {
			t.Fatal(err)
		}
		_, err = sendChat(t, c)
		if err == nil || !contains(err.Error(), "certificate") {
			t.Fatalf("error %v, want a certificate error", err)
		}
		if n := conns.Load(); n != 1 {
			t.Errorf("%d connections, want 1", n)
		}
	})
}
