package openrouter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// countingReader is an endless reader that counts its reads.
type countingReader struct{ reads atomic.Int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	r.reads.Add(1)
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

// stopsReading fails the test unless r is no longer read soon: the
// upload's writer goroutine has ended. goleak in TestMain checks that it
// is gone, too.
func stopsReading(t *testing.T, r *countingReader) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	last := r.reads.Load()
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		n := r.reads.Load()
		if n == last {
			return
		}
		last = n
	}
	t.Error("the upload goes on reading after the call returned")
}

const fileJSON = `{"_shape":"openrouter","id":"file-1","type":"file","filename":"a.bin","mime_type":"application/octet-stream","size_bytes":1,"created_at":"2025-01-15T10:30:00Z","downloadable":true}`

// newUploadServer starts a server whose handler is h, and a client for it.
func newUploadServer(t *testing.T, h http.HandlerFunc, opts ...openrouter.Option) *openrouter.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := openrouter.NewClient(append([]openrouter.Option{openrouter.WithBaseURL(srv.URL), openrouter.WithAPIKey(testKey), fastRetry}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestUploadCancelledMidStream(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	// The server reads the body until the client goes away.
	c := newUploadServer(t, func(w http.ResponseWriter, r *http.Request) {
		io.CopyN(io.Discard, r.Body, 1<<20)
		close(started)
		io.Copy(io.Discard, r.Body)
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	r := &countingReader{}
	_, err := c.Files.Upload(ctx, "endless.bin", "", r, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	stopsReading(t, r)
}

func TestUploadEndsWhenTheRequestIsNeverSent(t *testing.T) {
	t.Parallel()
	offline := errors.New("offline")
	var hits atomic.Int32
	c := newUploadServer(t, func(w http.ResponseWriter, r *http.Request) { hits.Add(1) },
		openrouter.WithMiddleware(func(req *http.Request, next openrouter.MiddlewareNext) (*http.Response, error) {
			return nil, offline // neither sends nor reads nor closes the body
		}))
	r := &countingReader{}
	if _, err := c.Files.Upload(context.Background(), "a.bin", "", r, nil); !errors.Is(err, offline) {
		t.Errorf("error %v, want %v", err, offline)
	}
	stopsReading(t, r)

	// Without a key the request is not sent either.
	c2, err := openrouter.NewClient(openrouter.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	r2 := &countingReader{}
	if _, err := c2.Files.Upload(context.Background(), "a.bin", "", r2, nil); !errors.Is(err, openrouter.ErrMissingAPIKey) {
		t.Errorf("error %v, want ErrMissingAPIKey", err)
	}
	stopsReading(t, r2)
	if hits.Load() != 0 {
		t.Error("the server saw a request")
	}
}

func TestUploadEndsWhenTheServerAnswersEarly(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusOK, http.StatusRequestEntityTooLarge} {
		c := newUploadServer(t, func(w http.ResponseWriter, r *http.Request) {
			io.CopyN(io.Discard, r.Body, 64<<10)
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Connection", "close")
			w.WriteHeader(status)
			if status == http.StatusOK {
				io.WriteString(w, fileJSON)
			} else {
				io.WriteString(w, `{"error":{"code":413,"message":"too large"}}`)
			}
		}, openrouter.WithMaxRetries(2))
		r := &countingReader{}
		f, err := c.Files.Upload(context.Background(), "a.bin", "", r, nil)
		switch {
		case status == http.StatusOK && err == nil:
			if v, _ := f.AsOpenRouterFile(); v.ID != "file-1" {
				t.Errorf("file %+v", v)
			}
		case status == http.StatusOK:
			// The transport may report the interrupted body instead.
			t.Logf("early 200: %v", err)
		default:
			var apiErr *openrouter.APIError
			if !errors.As(err, &apiErr) && err == nil {
				t.Errorf("status %d: error %v", status, err)
			}
		}
		stopsReading(t, r)
	}
}

// gatedReader sends size bytes, but the second half only once the server
// has received the first: a buffering upload would never get there.
type gatedReader struct {
	size, read int
	gate       <-chan struct{}
}

func (r *gatedReader) Read(p []byte) (int, error) {
	if r.read >= r.size {
		return 0, io.EOF
	}
	if r.read >= r.size/2 {
		select {
		case <-r.gate:
		case <-time.After(5 * time.Second):
			return 0, errors.New("the server got nothing of the first half: the body is not streamed")
		}
	}
	n := min(len(p), r.size-r.read)
	if r.read < r.size/2 {
		n = min(n, r.size/2-r.read)
	}
	for i := range n {
		p[i] = 'x'
	}
	r.read += n
	return n, nil
}

func TestUploadStreamsTheBody(t *testing.T) {
	t.Parallel()
	const size = 4 << 20
	gate := make(chan struct{})
	var got atomic.Int64
	var chunked atomic.Bool
	c := newUploadServer(t, func(w http.ResponseWriter, r *http.Request) {
		chunked.Store(r.ContentLength == -1)
		buf := make([]byte, 32<<10)
		opened := false
		for {
			n, err := r.Body.Read(buf)
			got.Add(int64(n))
			if !opened && got.Load() >= size/4 {
				close(gate)
				opened = true
			}
			if err != nil {
				break
			}
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, fileJSON)
	})
	r := &gatedReader{size: size, gate: gate}
	if _, err := c.Files.Upload(context.Background(), "big.bin", "", r, nil); err != nil {
		t.Fatal(err)
	}
	if got.Load() < size || !chunked.Load() {
		t.Errorf("server got %d bytes (want over %d), chunked %v", got.Load(), size, chunked.Load())
	}
}
