package openrouter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// The upload tests rely on TestMain's leak check: the goroutine that
// writes the multipart body must end however the request ends.

// blockedReader blocks every Read until released.
type blockedReader struct{ release chan struct{} }

func (b *blockedReader) Read(p []byte) (int, error) {
	<-b.release
	return 0, io.EOF
}

// TestUploadsStopOnCancelWithABlockedReader: cancelling ctx ends an
// upload promptly even while the caller's reader blocks (a pipe, stdin).
func TestUploadsStopOnCancelWithABlockedReader(t *testing.T) {
	t.Parallel()
	for name, upload := range map[string]func(ctx context.Context, c *openrouter.Client, r io.Reader) error{
		"Files.Upload": func(ctx context.Context, c *openrouter.Client, r io.Reader) error {
			_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: "f.bin", Body: r})
			return err
		},
		"STT.TranscribeFile": func(ctx context.Context, c *openrouter.Client, r io.Reader) error {
			_, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "a.wav", Body: r, Model: "openai/whisper-1"})
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				jsonHandler(200, `{}`)(w, r)
			})
			r := &blockedReader{release: make(chan struct{})}
			defer close(r.release) // lets the abandoned Read return
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			start := time.Now()
			err := upload(ctx, ts.client(t), r)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error %v, want DeadlineExceeded", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("returned after %v", d)
			}
		})
	}
}

// TestTranscribeFileRejectsBadFileArguments: a filename that could inject
// multipart headers, or a malformed content type, sends nothing.
func TestTranscribeFileRejectsBadFileArguments(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"text":"ok"}`))
	c := ts.client(t)
	for _, tc := range []struct{ filename, contentType, want string }{
		{"a.wav\r\nX-Injected: 1", "", "line break"},
		{"a.wav", "not a type", "content type"},
	} {
		_, err := c.STT.TranscribeFile(context.Background(), openrouter.TranscriptionUpload{Filename: tc.filename, ContentType: tc.contentType, Body: strings.NewReader("RIFF"), Model: "openai/whisper-1"})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("TranscribeFile(%q, %q) error %v, want one about %s", tc.filename, tc.contentType, err, tc.want)
		}
	}
	if n := len(ts.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

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
	_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: "endless.bin", Body: r})
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
	if _, err := c.Files.Upload(context.Background(), openrouter.FileUpload{Filename: "a.bin", Body: r}); !errors.Is(err, offline) {
		t.Errorf("error %v, want %v", err, offline)
	}
	stopsReading(t, r)

	// Without a key the request is not sent either.
	c2, err := openrouter.NewClient(openrouter.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	r2 := &countingReader{}
	if _, err := c2.Files.Upload(context.Background(), openrouter.FileUpload{Filename: "a.bin", Body: r2}); !errors.Is(err, openrouter.ErrMissingAPIKey) {
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
		f, err := c.Files.Upload(context.Background(), openrouter.FileUpload{Filename: "a.bin", Body: r})
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
	if _, err := c.Files.Upload(context.Background(), openrouter.FileUpload{Filename: "big.bin", Body: r}); err != nil {
		t.Fatal(err)
	}
	if got.Load() < size || !chunked.Load() {
		t.Errorf("server got %d bytes (want over %d), chunked %v", got.Load(), size, chunked.Load())
	}
}

var mediaWhisper = openrouter.TranscriptionUpload{Model: "openai/mediaWhisper-1"}

func TestTranscribeFileStreamsTheBody(t *testing.T) {
	t.Parallel()
	var chunked bool
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		chunked = r.ContentLength == -1 && len(r.TransferEncoding) > 0 && r.TransferEncoding[0] == "chunked"
		jsonHandler(200, `{"text":"ok"}`)(w, r)
	})
	resp, err := ts.client(t).STT.TranscribeFile(context.Background(), openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: strings.NewReader("RIFF"), Model: mediaWhisper.Model})
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
	_, err = c.STT.TranscribeFile(context.Background(), openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: strings.NewReader(strings.Repeat("x", 1<<20)), Model: mediaWhisper.Model})
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
	_, err := ts.client(t).STT.TranscribeFile(nilCtx, openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: strings.NewReader("RIFF"), Model: mediaWhisper.Model})
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
	_, err = c.STT.TranscribeFile(context.Background(), openrouter.TranscriptionUpload{Filename: "big.wav", ContentType: "audio/wav", Body: big, Model: mediaWhisper.Model})
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
	_, err := ts.client(t).STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: r, Model: mediaWhisper.Model})
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
