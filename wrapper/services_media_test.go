package openrouter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// The upload tests rely on TestMain's leak check: the goroutine that
// writes the multipart body must end however the request ends.

var mediaWhisper = openrouter.TranscribeFileParams{Model: "openai/mediaWhisper-1"}

func TestTranscribeFileStreamsTheBody(t *testing.T) {
	t.Parallel()
	var chunked bool
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		chunked = r.ContentLength == -1 && len(r.TransferEncoding) > 0 && r.TransferEncoding[0] == "chunked"
		jsonHandler(200, `{"text":"ok"}`)(w, r)
	})
	resp, err := ts.client(t).STT.TranscribeFile(context.Background(), "a.wav", "audio/wav", strings.NewReader("RIFF"), mediaWhisper)
	if err != nil || resp.Text != "ok" {
		t.Fatalf("TranscribeFile = %+v, %v", resp, err)
	}
	if !chunked {
		t.Error("the upload was not sent chunked: was it buffered?")
	}
}

func TestTranscribeFileMissingKey(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"text":"ok"}`))
	c, err := openrouter.NewClient(openrouter.WithBaseURL(ts.baseURL))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.STT.TranscribeFile(context.Background(), "a.wav", "audio/wav", strings.NewReader(strings.Repeat("x", 1<<20)), mediaWhisper)
	if !errors.Is(err, openrouter.ErrMissingAPIKey) {
		t.Errorf("error %v, want ErrMissingAPIKey", err)
	}
	if n := len(ts.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestTranscribeFileNilContext(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"text":"ok"}`))
	var nilCtx context.Context
	_, err := ts.client(t).STT.TranscribeFile(nilCtx, "a.wav", "audio/wav", strings.NewReader("RIFF"), mediaWhisper)
	if err == nil || !strings.Contains(err.Error(), "nil context") {
		t.Errorf("error %v", err)
	}
}

func TestTranscribeFileEarlyAnswer(t *testing.T) {
	t.Parallel()
	// The server refuses the upload without reading it.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Connection", "close")
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		io.WriteString(w, `{"error":{"code":413,"message":"too large"}}`)
	}))
	defer srv.Close()
	c, err := openrouter.NewClient(openrouter.WithBaseURL(srv.URL), openrouter.WithAPIKey(testKey), fastRetry)
	if err != nil {
		t.Fatal(err)
	}
	big := io.LimitReader(mediaZeros{}, 64<<20)
	_, err = c.STT.TranscribeFile(context.Background(), "big.wav", "audio/wav", big, mediaWhisper)
	if err == nil {
		t.Fatal("no error")
	}
	var apiErr *openrouter.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("error %v", err)
	}
}

type mediaZeros struct{}

func (mediaZeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// mediaSlowReader yields a byte every few milliseconds, forever.
type mediaSlowReader struct {
	mu    sync.Mutex
	reads int
}

func (s *mediaSlowReader) Read(p []byte) (int, error) {
	time.Sleep(2 * time.Millisecond)
	s.mu.Lock()
	s.reads++
	s.mu.Unlock()
	p[0] = 'x'
	return 1, nil
}

func TestTranscribeFileContextCancelled(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"text":"ok"}`))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	r := &mediaSlowReader{}
	start := time.Now()
	_, err := ts.client(t).STT.TranscribeFile(ctx, "a.wav", "audio/wav", r, mediaWhisper)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v", d)
	}
	r.mu.Lock()
	n := r.reads
	r.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.reads != n {
		t.Errorf("the reader was still read after TranscribeFile returned (%d reads, then %d)", n, r.reads)
	}
}

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
