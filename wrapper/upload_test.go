package openrouter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

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
			_, err := c.Files.Upload(ctx, "f.bin", "", r, nil)
			return err
		},
		"STT.TranscribeFile": func(ctx context.Context, c *openrouter.Client, r io.Reader) error {
			_, err := c.STT.TranscribeFile(ctx, "a.wav", "", r, openrouter.TranscribeFileParams{Model: "openai/whisper-1"})
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
		_, err := c.STT.TranscribeFile(context.Background(), tc.filename, tc.contentType, strings.NewReader("RIFF"), openrouter.TranscribeFileParams{Model: "openai/whisper-1"})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("TranscribeFile(%q, %q) error %v, want one about %s", tc.filename, tc.contentType, err, tc.want)
		}
	}
	if n := len(ts.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
