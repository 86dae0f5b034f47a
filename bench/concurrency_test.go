package bench

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// TestConcurrentCallsReuseConnections sends 1,000 concurrent Chat.Send
// calls through one Client, twice, against a loopback server that holds
// each answer until the whole wave has arrived (or 3 seconds have passed),
// so that the 1,000 calls of a wave are in flight at once. The client
// uses the SDK's own transport (no WithHTTPClient): the second wave must
// find the first wave's connections idle and open at most 5 % new ones
// (beyond those the first wave did not open, when the barrier timed out).
func TestConcurrentCallsReuseConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 1,000 connections")
	}
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	const calls = 1000
	var conns atomic.Int32
	inner := Handler(false)
	var arrived atomic.Int32
	var barrier atomic.Pointer[chan struct{}]
	newBarrier := func() {
		arrived.Store(0)
		ch := make(chan struct{})
		barrier.Store(&ch)
	}
	newBarrier()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ch := *barrier.Load()
		if arrived.Add(1) == calls {
			close(ch)
		}
		select {
		case <-ch:
		case <-time.After(3 * time.Second):
		}
		inner.ServeHTTP(w, r)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	client, err := openrouter.NewClient(openrouter.WithAPIKey("sk-or-v1-test"), openrouter.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	defer client.CloseIdleConnections()
	msgs, err := sdkMessages()
	if err != nil {
		t.Fatal(err)
	}
	req := openrouter.ChatRequest{Model: model, Messages: msgs}

	wave := func() (errs int, lat []time.Duration) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		start := make(chan struct{})
		for range calls {
			wg.Go(func() {
				<-start
				t0 := time.Now()
				_, err := client.Chat.Send(context.Background(), req, openrouter.WithMaxRetries(0))
				d := time.Since(t0)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					if errs == 0 {
						t.Errorf("first error: %v", err)
					}
					errs++
				}
				lat = append(lat, d)
			})
		}
		close(start)
		wg.Wait()
		slices.Sort(lat)
		return errs, lat
	}
	pct := func(lat []time.Duration, p float64) time.Duration { return lat[int(float64(len(lat)-1)*p)] }

	errs1, lat1 := wave()
	// A connection goes back to the idle pool in its transport goroutine,
	// just after its caller has read the body: give a loaded machine a
	// moment to finish that before the next wave.
	time.Sleep(250 * time.Millisecond)
	first := conns.Load()
	newBarrier()
	errs2, lat2 := wave()
	second := conns.Load() - first
	t.Logf("wave 1: %d errors, %d new connections, p50 %v, p99 %v", errs1, first, pct(lat1, 0.5), pct(lat1, 0.99))
	t.Logf("wave 2: %d errors, %d new connections, p50 %v, p99 %v", errs2, second, pct(lat2, 0.5), pct(lat2, 0.99))
	if errs1+errs2 != 0 {
		t.Errorf("%d errors", errs1+errs2)
	}
	// On a loaded machine the barrier may time out before a whole wave
	// has arrived: the early calls then finish, and later calls of the
	// same wave reuse their connections, so the first wave leaves fewer
	// than calls idle. The second wave may open what the first did not,
	// and 5 % more.
	if allowed := max(0, calls-int(first)) + calls*5/100; int(second) > allowed {
		t.Errorf("the second wave opened %d new connections, want at most %d (the %d the first wave did not leave idle, and 5 %%)", second, allowed, max(0, calls-int(first)))
	}
}
