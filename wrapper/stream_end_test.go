package openrouter_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// endlessStream sends chunks every 5ms until the client goes away; with
// done it first sends [DONE], then holds the connection open without
// ending the body.
func endlessStream(done bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(200)
		rc := http.NewResponseController(w)
		io.WriteString(w, "data: "+chunkJSON("a")+"\n\n")
		if done {
			io.WriteString(w, "data: [DONE]\n\n")
		}
		rc.Flush()
		for {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(5 * time.Millisecond):
			}
			if done {
				continue
			}
			if _, err := io.WriteString(w, "data: "+chunkJSON("b")+"\n\n"); err != nil {
				return
			}
			rc.Flush()
		}
	}
}

// fastEnough is the bound on ending a stream: "a few milliseconds", with
// room for a loaded CI machine.
const fastEnough = 100 * time.Millisecond

func TestStreamEndsAtOnce(t *testing.T) {
	t.Parallel()
	t.Run("break out of All", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, endlessStream(false))
		stream, err := streamChat(t, ts.client(t))
		if err != nil {
			t.Fatal(err)
		}
		var took time.Duration
		n := 0
		start := time.Now()
		for _, err := range stream.All() {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == 3 {
				start = time.Now()
				break
			}
		}
		took = time.Since(start)
		if took > fastEnough {
			t.Errorf("leaving the loop took %v", took)
		}
	})
	t.Run("Close mid-stream", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, endlessStream(false))
		stream, err := streamChat(t, ts.client(t))
		if err != nil {
			t.Fatal(err)
		}
		stream.Next()
		start := time.Now()
		_ = stream.Close()
		if took := time.Since(start); took > fastEnough {
			t.Errorf("Close took %v", took)
		}
	})
	t.Run("DONE with the connection held open", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, endlessStream(true))
		stream, err := streamChat(t, ts.client(t))
		if err != nil {
			t.Fatal(err)
		}
		if !stream.Next() {
			t.Fatal(stream.Err())
		}
		start := time.Now()
		if stream.Next() {
			t.Fatal("an event after [DONE]")
		}
		if err := stream.Close(); err != nil || stream.Err() != nil {
			t.Errorf("Close %v, Err %v", err, stream.Err())
		}
		if took := time.Since(start); took > fastEnough {
			t.Errorf("the end at [DONE] took %v", took)
		}
	})
}

func TestStreamAllTwice(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(0, "data: "+chunkJSON("a")+"\n\n", "data: [DONE]\n\n"))
	stream, err := streamChat(t, ts.client(t))
	if err != nil {
		t.Fatal(err)
	}
	got, n, err := collect(stream)
	if got != "a" || n != 1 || err != nil {
		t.Fatalf("first loop: %q, %d, %v", got, n, err)
	}
	n = 0
	var last error
	for chunk, err := range stream.All() {
		n++
		last = err
		if err == nil {
			t.Errorf("second loop yielded chunk %+v", chunk)
		}
	}
	if n != 1 || !errors.Is(last, openrouter.ErrStreamClosed) || !strings.Contains(last.Error(), "Chat.Stream") {
		t.Errorf("second loop: %d values, last error %v; want one ErrStreamClosed", n, last)
	}
}

// failingClose is a body whose Close fails.
type failingClose struct{ io.ReadCloser }

func (failingClose) Close() error { return errors.New("close failed") }

func TestStreamAllReportsCloseError(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(0, "data: "+chunkJSON("a")+"\n\n", "data: [DONE]\n\n"))
	mw := openrouter.WithMiddleware(func(req *http.Request, next openrouter.MiddlewareNext) (*http.Response, error) {
		resp, err := next(req)
		if err == nil {
			resp.Body = failingClose{resp.Body}
		}
		return resp, err
	})
	stream, err := streamChat(t, ts.client(t, mw))
	if err != nil {
		t.Fatal(err)
	}
	_, n, err := collect(stream)
	if n != 1 || err == nil || !strings.Contains(err.Error(), "close failed") {
		t.Errorf("%d chunks, error %v; want the Close error at the end", n, err)
	}
}
