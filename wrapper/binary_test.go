package openrouter_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// A download that stalls while the caller reads fails after the idle
// timeout; one that keeps coming is read past WithTimeout.
func TestDownloadGuardedByIdleTimeout(t *testing.T) {
	t.Parallel()
	stall := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.WriteHeader(200)
		io.WriteString(w, "first bytes")
		http.NewResponseController(w).Flush()
		<-r.Context().Done()
	}
	ts := newTestServer(t, stall)
	c := ts.client(t, openrouter.WithStreamIdleTimeout(100*time.Millisecond))
	resp, err := c.Files.Download(context.Background(), "file-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Close()
	start := time.Now()
	b, err := io.ReadAll(resp)
	if string(b) != "first bytes" || err == nil {
		t.Errorf("read %q, %v; want the first bytes and an error", b, err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("a stalled download held the reader for %v", el)
	}

	slow := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.WriteHeader(200)
		for range 6 {
			io.WriteString(w, "chunk")
			http.NewResponseController(w).Flush()
			time.Sleep(40 * time.Millisecond)
		}
	}
	ts2 := newTestServer(t, slow)
	c2 := ts2.client(t, openrouter.WithTimeout(100*time.Millisecond), openrouter.WithStreamIdleTimeout(time.Second))
	resp2, err := c2.Files.Download(context.Background(), "file-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp2.Close()
	if b, err := io.ReadAll(resp2); err != nil || string(b) != strings.Repeat("chunk", 6) {
		t.Errorf("read %q, %v: a download that keeps coming was cut off", b, err)
	}
}
