package openrouter_test

import (
	"errors"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// hugeJSON answers 200 with a JSON body of n bytes (a chat response whose
// id is padded), with or without a Content-Length.
func hugeJSON(n int, declare bool) http.HandlerFunc {
	chunk := []byte(strings.Repeat("x", 64<<10))
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if declare {
			w.Header().Set("Content-Length", itoa(n))
		}
		w.WriteHeader(200)
		io.WriteString(w, `{"id":"`)
		for sent := 8; sent < n-2; sent += len(chunk) {
			if _, err := w.Write(chunk[:min(len(chunk), n-2-sent)]); err != nil {
				return
			}
		}
		io.WriteString(w, `"}`)
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			break
		}
	}
	return string(b[i:])
}

// Not parallel: it measures the memory the call allocates.
func TestResponseBodyIsCapped(t *testing.T) {
	const limit = 8 << 20
	for _, declare := range []bool{false, true} {
		name := "chunked"
		if declare {
			name = "Content-Length"
		}
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t, hugeJSON(200<<20, declare))
			c := ts.client(t, openrouter.WithMaxResponseBytes(limit))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := sendChat(t, c)
			runtime.ReadMemStats(&after)
			var tooLarge *openrouter.ResponseTooLargeError
			if !errors.As(err, &tooLarge) || !errors.Is(err, openrouter.ErrResponseTooLarge) {
				t.Fatalf("error %v, want a ResponseTooLargeError", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "8388608-byte limit (WithMaxResponseBytes)") || !strings.Contains(msg, "Chat.Send") {
				t.Errorf("error %q does not name the limit, the option and the call", msg)
			}
			// The client's allocations stay near the limit (the server
			// writes from one reused chunk).
			if got := after.TotalAlloc - before.TotalAlloc; got > 4*limit {
				t.Errorf("allocated %d MiB for a body capped at %d MiB", got>>20, limit>>20)
			}
			if n := len(ts.requests()); n != 1 {
				t.Errorf("%d attempts: a body over the limit is not retried", n)
			}
		})
	}
}

func TestResponseBodyUnderTheCapDecodes(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, hugeJSON(3<<20, false))
	resp, err := sendChat(t, ts.client(t, openrouter.WithMaxResponseBytes(4<<20)))
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.ID) < 3<<20-16 {
		t.Errorf("ID of %d bytes", len(resp.ID))
	}
}
