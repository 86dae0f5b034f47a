package openroutertest_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Sample requests of the media operations.
func init() {
	sampleContentTypes["listVideosContent"] = "video/mp4"
	sampleContentTypes["createAudioSpeech"] = "audio/mpeg"
	for id, s := range map[string]sample{
		"createImages": {"POST", "/images", `{"model":"google/gemini-2.5-flash-image","prompt":"a red fox","n":2,"output_format":"jpeg"}`, false, 200,
			[]string{`"b64_json":"` + openroutertest.FakeImage + `"`, `"media_type":"image/jpeg"`}},
		"listImageModels":         {"GET", "/images/models", "", false, 200, []string{`"id":"google/gemini-2.5-flash-image"`, `"supports_streaming":true`}},
		"listImageModelEndpoints": {"GET", "/images/models/openai/gpt-image-1/endpoints", "", false, 200, []string{`"id":"openai/gpt-image-1"`, `"provider_name":"FakeProvider"`}},
		"createVideos":            {"POST", "/videos", `{"model":"google/veo-3.1","prompt":"waves at dusk","duration":4}`, false, 202, []string{`"status":"pending"`, `"id":"video-fake-`}},
		"getVideos":               {"GET", "/videos/job-42", "", false, 200, []string{`"id":"job-42"`, `"status":"completed"`, `"/api/v1/videos/job-42/content?index=0"`}},
		"listVideosContent":       {"GET", "/videos/job-42/content?index=0", "", false, 200, []string{"ftypmp42"}},
		"listVideosModels":        {"GET", "/videos/models", "", false, 200, []string{`"id":"google/veo-3.1"`}},
		"createAudioTranscriptions": {"POST", "/audio/transcriptions", `{"model":"openai/whisper-1","input_audio":{"data":"UklGRg==","format":"wav"},"language":"en"}`, false, 200,
			[]string{`"text":"Fake transcript of 8 base64 characters of wav audio."`, `"language":"en"`}},
		"createAudioSpeech": {"POST", "/audio/speech", `{"model":"openai/gpt-4o-mini-tts","input":"hello there","response_format":"mp3"}`, false, 200, []string{"ID3"}},
	} {
		samples[id] = s
	}
}

// TestMediaBinaryDefaults checks the Content-Type of the binary default
// answers, which TestDefaultAnswers expects to be JSON.
func TestMediaBinaryDefaults(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	status, h, body := do(t, srv, http.MethodGet, "/videos/job-1/content", "")
	if status != 200 || h.Get("Content-Type") != "video/mp4" || !bytes.Equal(body, openroutertest.FakeVideo) {
		t.Errorf("video: status %d, Content-Type %q, body %q", status, h.Get("Content-Type"), body)
	}
	status, h, body = do(t, srv, http.MethodPost, "/audio/speech", `{"model":"m/tts","input":"one two three"}`)
	if status != 200 || h.Get("Content-Type") != "audio/pcm" || len(body) != 48 {
		t.Errorf("pcm speech: status %d, Content-Type %q, %d bytes", status, h.Get("Content-Type"), len(body))
	}
	status, h, _ = do(t, srv, http.MethodPost, "/audio/speech", `{"model":"m/tts","input":"hi","response_format":"mp3"}`)
	if status != 200 || h.Get("Content-Type") != "audio/mpeg" {
		t.Errorf("mp3 speech: status %d, Content-Type %q", status, h.Get("Content-Type"))
	}
	if f := srv.Failures(); len(f) != 0 {
		t.Errorf("Failures() = %v", f)
	}
}

// TestMediaImageStream checks the streamed default answer of createImages.
func TestMediaImageStream(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	status, h, body := do(t, srv, http.MethodPost, "/images", `{"model":"m/img","prompt":"a cat","stream":true}`)
	if status != 200 || h.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("status %d, Content-Type %q", status, h.Get("Content-Type"))
	}
	for _, want := range []string{`"type":"image_generation.text_chunk"`, `"type":"image_generation.partial_image"`, `"type":"image_generation.completed"`, "data: [DONE]"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("stream lacks %s:\n%s", want, body)
		}
	}
	if f := srv.Failures(); len(f) != 0 {
		t.Errorf("Failures() = %v", f)
	}
}

// mediaMultipartBody builds a transcription upload.
func mediaMultipartBody(t *testing.T, fields map[string]string, withFile bool) (string, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if withFile {
		w, err := mw.CreateFormFile("file", "memo.wav")
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "RIFF0000WAVE")
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String(), mw.FormDataContentType()
}

// TestMediaMultipartValidation checks that the server validates multipart
// uploads: a complete one passes, one without the file or with an unknown
// field is rejected.
func TestMediaMultipartValidation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		fields   map[string]string
		withFile bool
		status   int
		want     string
	}{
		{"valid", map[string]string{"model": "openai/whisper-1", "language": "fr"}, true, 200, "Fake transcript of memo.wav (application/octet-stream, 12 bytes)."},
		{"no file", map[string]string{"model": "openai/whisper-1"}, false, 400, "file"},
		{"unknown field", map[string]string{"model": "openai/whisper-1", "colour": "blue"}, true, 400, "colour"},
		{"bad format", map[string]string{"model": "openai/whisper-1", "response_format": "srt"}, true, 400, "response_format"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
			body, ctype := mediaMultipartBody(t, tc.fields, tc.withFile)
			status, _, got := do(t, srv, http.MethodPost, "/audio/transcriptions", body, "Content-Type", ctype)
			if status != tc.status || !strings.Contains(string(got), tc.want) {
				t.Errorf("status %d, body %s; want %d with %q", status, got, tc.status, tc.want)
			}
		})
	}
}
