package openrouter_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// pngHeader is enough of a PNG for content sniffing.
var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

func TestContentPartsMatchSpec(t *testing.T) {
	must := func(p openrouter.ContentPart, err error) openrouter.ContentPart {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	dir := t.TempDir()
	pngPath := filepath.Join(dir, "dot.png")
	if err := os.WriteFile(pngPath, pngHeader, 0o600); err != nil {
		t.Fatal(err)
	}
	sniffPath := filepath.Join(dir, "no-extension")
	if err := os.WriteFile(sniffPath, pngHeader, 0o600); err != nil {
		t.Fatal(err)
	}
	const pngURL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="
	tests := []struct {
		name string
		part openrouter.ContentPart
		want string
	}{
		{"text", openrouter.TextPart("hi"), `{"text":"hi","type":"text"}`},
		{"cached text", openrouter.CachedTextPart("long document", openrouter.EphemeralCache()),
			`{"cache_control":{"type":"ephemeral"},"text":"long document","type":"text"}`},
		{"cached text 1h", openrouter.CachedTextPart("doc", openrouter.EphemeralCache(openrouter.CacheTTL1h)),
			`{"cache_control":{"ttl":"1h","type":"ephemeral"},"text":"doc","type":"text"}`},
		{"cached text nil", openrouter.CachedTextPart("doc", nil), `{"text":"doc","type":"text"}`},
		{"image url", openrouter.ImageURLPart("https://example.com/a.jpg"), `{"image_url":{"url":"https://example.com/a.jpg"},"type":"image_url"}`},
		{"image url detail", openrouter.ImageURLPart("https://example.com/a.jpg", openrouter.ImageDetailHigh),
			`{"image_url":{"detail":"high","url":"https://example.com/a.jpg"},"type":"image_url"}`},
		{"image bytes", must(openrouter.ImageBytesPart(pngHeader, "image/png")), `{"image_url":{"url":"` + pngURL + `"},"type":"image_url"}`},
		{"image bytes mime params", must(openrouter.ImageBytesPart(pngHeader, "Image/PNG; q=1")), `{"image_url":{"url":"` + pngURL + `"},"type":"image_url"}`},
		{"image file", must(openrouter.ImageFilePart(pngPath, openrouter.ImageDetailLow)), `{"image_url":{"detail":"low","url":"` + pngURL + `"},"type":"image_url"}`},
		{"image file sniffed", must(openrouter.ImageFilePart(sniffPath)), `{"image_url":{"url":"` + pngURL + `"},"type":"image_url"}`},
		{"file url", openrouter.FileURLPart("https://example.com/paper.pdf", "paper.pdf"),
			`{"file":{"file_data":"https://example.com/paper.pdf","filename":"paper.pdf"},"type":"file"}`},
		{"file bytes", must(openrouter.FileBytesPart([]byte("%PDF-1.7"), "application/pdf", "")),
			`{"file":{"file_data":"data:application/pdf;base64,JVBERi0xLjc="},"type":"file"}`},
		{"audio", must(openrouter.AudioPart([]byte("RIFF"), "wav")), `{"input_audio":{"data":"UklGRg==","format":"wav"},"type":"input_audio"}`},
		{"video", openrouter.VideoURLPart("https://example.com/v.mp4"), `{"type":"video_url","video_url":{"url":"https://example.com/v.mp4"}}`},
	}
	var all []openrouter.ContentPart
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jsonOf(t, tt.part); got != tt.want {
				t.Errorf("JSON:\n got %s\nwant %s", got, tt.want)
			}
			mustMatchSpec(t, "ChatContentPart", tt.part)
			mustMatchSpec(t, "ChatMessage", openrouter.UserMessage(tt.part))
		})
		all = append(all, tt.part)
	}
	mustMatchSpec(t, "ChatMessage", openrouter.UserMessage(all...))
}

func TestContentPartErrors(t *testing.T) {
	dir := t.TempDir()
	textPath := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(textPath, []byte("just text"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		call    func() (openrouter.ContentPart, error)
		wantErr string
	}{
		{"image no MIME", func() (openrouter.ContentPart, error) { return openrouter.ImageBytesPart(pngHeader, "") }, "MIME type is required"},
		{"image bad MIME", func() (openrouter.ContentPart, error) { return openrouter.ImageBytesPart(pngHeader, "png") }, `malformed MIME type "png"`},
		{"image not image", func() (openrouter.ContentPart, error) { return openrouter.ImageBytesPart(pngHeader, "application/pdf") }, "not an image type"},
		{"image no data", func() (openrouter.ContentPart, error) { return openrouter.ImageBytesPart(nil, "image/png") }, "no image data"},
		{"image file missing", func() (openrouter.ContentPart, error) {
			return openrouter.ImageFilePart(filepath.Join(dir, "nope.png"))
		}, "nope.png"},
		{"image file not image", func() (openrouter.ContentPart, error) { return openrouter.ImageFilePart(textPath) }, "does not look like an image"},
		{"file no MIME", func() (openrouter.ContentPart, error) { return openrouter.FileBytesPart([]byte("%PDF"), "", "a.pdf") }, "MIME type is required"},
		{"file no data", func() (openrouter.ContentPart, error) {
			return openrouter.FileBytesPart(nil, "application/pdf", "a.pdf")
		}, "no file data"},
		{"audio no format", func() (openrouter.ContentPart, error) { return openrouter.AudioPart([]byte("RIFF"), "") }, "no audio format"},
		{"audio no data", func() (openrouter.ContentPart, error) { return openrouter.AudioPart(nil, "wav") }, "no audio data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.call()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "openrouter: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if got := jsonOf(t, p); got != "null" {
				t.Errorf("failed constructor returned a part: %s", got)
			}
		})
	}
}

func TestDataURL(t *testing.T) {
	if got, want := openrouter.DataURL("text/plain", []byte("hi")), "data:text/plain;base64,aGk="; got != want {
		t.Errorf("DataURL = %q, want %q", got, want)
	}
}

func TestPDFAndVideoParts(t *testing.T) {
	t.Parallel()
	pdf := []byte("%PDF-1.4\n")
	p, err := openrouter.PDFBytesPart(pdf, "")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(p)
	want := `{"type":"file","file":{"file_data":"data:application/pdf;base64,JVBERi0xLjQK","filename":"document.pdf"}}`
	if !jsonEqual(t, got, want) {
		t.Errorf("PDFBytesPart = %s, want %s", got, want)
	}
	if _, err := openrouter.PDFBytesPart([]byte("hello"), "x.pdf"); err == nil {
		t.Error("PDFBytesPart(not a PDF) did not fail")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	p, err = openrouter.PDFFilePart(path)
	if err != nil {
		t.Fatal(err)
	}
	got, _ = json.Marshal(p)
	if !strings.Contains(string(got), `"filename":"report.pdf"`) {
		t.Errorf("PDFFilePart = %s, want filename report.pdf", got)
	}
	v, err := openrouter.VideoBytesPart([]byte{1, 2, 3}, "video/mp4")
	if err != nil {
		t.Fatal(err)
	}
	got, _ = json.Marshal(v)
	want = `{"type":"video_url","video_url":{"url":"data:video/mp4;base64,AQID"}}`
	if !jsonEqual(t, got, want) {
		t.Errorf("VideoBytesPart = %s, want %s", got, want)
	}
	if _, err := openrouter.VideoBytesPart([]byte{1}, "image/png"); err == nil {
		t.Error("VideoBytesPart(image/png) did not fail")
	}
}
