package openrouter_test

import (
	"context"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func TestFileResponseFields(t *testing.T) {
	t.Parallel()
	created := time.Date(2025, 1, 15, 10, 30, 0, 0, time.UTC)
	for name, tc := range map[string]struct {
		body         string
		shape, mime  string
		size         int64
		downloadable bool
	}{
		"openrouter": {body: `{"_shape":"openrouter","id":"file-1","type":"file","filename":"a.txt","mime_type":"text/plain","size_bytes":12,"created_at":"2025-01-15T10:30:00Z","downloadable":false}`,
			shape: openrouter.FileShapeOpenRouter, mime: "text/plain", size: 12},
		"openai": {body: `{"_shape":"openai","id":"file-1","object":"file","filename":"a.txt","bytes":12,"created_at":1736937000,"purpose":"user_data","status":"processed"}`,
			shape: openrouter.FileShapeOpenAI, size: 12, downloadable: true},
		"anthropic": {body: `{"_shape":"anthropic","id":"file-1","type":"file","filename":"a.txt","mime_type":"text/plain","size_bytes":12,"created_at":"2025-01-15T10:30:00Z","downloadable":true}`,
			shape: openrouter.FileShapeAnthropic, mime: "text/plain", size: 12, downloadable: true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, jsonHandler(200, tc.body))
			f, err := ts.client(t).Files.Get(context.Background(), "file-1", nil)
			if err != nil {
				t.Fatal(err)
			}
			if f.ID() != "file-1" || f.Filename() != "a.txt" || f.Shape() != tc.shape || f.MimeType() != tc.mime || f.Downloadable() != tc.downloadable {
				t.Errorf("got id %q, name %q, shape %q, mime %q, downloadable %v", f.ID(), f.Filename(), f.Shape(), f.MimeType(), f.Downloadable())
			}
			if n, ok := f.Size(); n != tc.size || !ok {
				t.Errorf("Size = %d, %v; want %d, true", n, ok, tc.size)
			}
			if got := f.CreatedAt(); !got.Equal(created) {
				t.Errorf("CreatedAt = %v, want %v", got, created)
			}
		})
	}
}

func TestFileDeleteID(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"_shape":"openai","id":"file-9","object":"file","deleted":true}`))
	d, err := ts.client(t).Files.Delete(context.Background(), "file-9", nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID() != "file-9" {
		t.Errorf("ID = %q, want file-9", d.ID())
	}
}

func TestFileUploadReadsDirectly(t *testing.T) {
	t.Parallel()
	c, err := openroutertest.NewServer(t).Client()
	if err != nil {
		t.Fatal(err)
	}
	f, err := c.Files.Upload(context.Background(), openrouter.FileUpload{Filename: "notes.txt", ContentType: "text/plain", Body: strings.NewReader("hello")})
	if err != nil {
		t.Fatal(err)
	}
	if f.ID() == "" || f.Filename() != "notes.txt" {
		t.Errorf("ID %q, Filename %q", f.ID(), f.Filename())
	}
	if n, ok := f.Size(); !ok || n != 5 {
		t.Errorf("Size = %d, %v; want 5, true", n, ok)
	}
}

// An upload that names no store or workspace sends no query parameters.
func TestFileUploadWithoutStoreSendsNoQuery(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"id":"file-1","type":"file","filename":"a.txt","mime_type":"text/plain","size_bytes":1,"created_at":"2025-01-15T10:30:00Z","downloadable":true}`))
	if _, err := ts.client(t).Files.Upload(context.Background(), openrouter.FileUpload{Filename: "a.txt", Body: strings.NewReader("x")}); err != nil {
		t.Fatal(err)
	}
	reqs := ts.requests()
	if len(reqs) != 1 || reqs[0].Query != "" {
		t.Fatalf("requests %+v, want one without a query", reqs)
	}
}
