package openrouter_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestVideosWaitBackoff(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var times []time.Time
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		n := len(times)
		mu.Unlock()
		status := "in_progress"
		if n == 6 {
			status = "completed"
		}
		jsonHandler(200, `{"id":"j1","polling_url":"/api/v1/videos/j1","status":"`+status+`"}`)(w, r)
	})
	start := time.Now()
	job, err := ts.client(t).Videos.Wait(context.Background(), "j1", &openrouter.VideoWaitOptions{Interval: 4 * time.Millisecond, MaxInterval: 10 * time.Millisecond})
	if err != nil || job.Status != "completed" {
		t.Fatalf("Wait = %+v, %v", job, err)
	}
	// Waits of 4, 8, 10, 10 and 10 ms: at least 42ms in all.
	if d := time.Since(start); d < 42*time.Millisecond {
		t.Errorf("six polls took %v, want at least 42ms", d)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(times) != 6 {
		t.Fatalf("%d polls, want 6", len(times))
	}
	if gap := times[1].Sub(times[0]); gap < 4*time.Millisecond {
		t.Errorf("first wait %v, want at least 4ms", gap)
	}
	if gap := times[2].Sub(times[1]); gap < 8*time.Millisecond {
		t.Errorf("second wait %v, want at least 8ms", gap)
	}
}
