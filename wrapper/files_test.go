package openrouter_test

import (
	"context"
	"testing"
)

// OpenRouter's own published examples leave _shape out of its file
// pages: they read as OpenRouter's shape.
func TestFilesListAllWithoutShape(t *testing.T) {
	t.Parallel()
	page := `{"data":[{"id":"file-1","type":"file","filename":"a.bin","mime_type":"application/octet-stream","size_bytes":1,"created_at":"2025-01-15T10:30:00Z","downloadable":true}],"has_more":false}`
	ts := newTestServer(t, jsonHandler(200, page))
	n := 0
	for f, err := range ts.client(t).Files.ListAll(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		of, err := f.AsOpenRouterFile()
		if err != nil || of.ID != "file-1" {
			t.Errorf("file %+v, %v", of, err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d files", n)
	}
}
