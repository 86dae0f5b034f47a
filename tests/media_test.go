package tests

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Contract tests of the media operations: images, videos, speech to text
// and text to speech.
func init() {
	register(map[string]contract{
		"createImages": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ImageResponse](t)(c.Images.Generate(ctx, openrouter.ImageRequest{
				Model: "google/gemini-2.5-flash-image", Prompt: "a red fox", N: ptr(2), Stream: ptr(true),
			}))
			r := only(t, srv, "createImages")
			expectRequest(t, r, "POST", "/images", map[string]any{"model": "google/gemini-2.5-flash-image", "prompt": "a red fox", "n": 2})
			if strings.Contains(string(r.Body), `"stream"`) {
				t.Errorf("Generate sent a stream flag: %s", r.Body)
			}
			check(t, "images", len(resp.Data), 2)
			check(t, "image data", resp.Data[0].B64Json, openroutertest.FakeImage)
			if resp.Usage == nil || resp.Usage.TotalTokens == 0 {
				t.Errorf("usage missing: %+v", resp.Usage)
			}
		},
		"listImageModels": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ImageModelsResponse](t)(c.Images.ListModels(ctx))
			expectRequest(t, only(t, srv, "listImageModels"), "GET", "/images/models", nil)
			if len(resp.Data) == 0 || resp.Data[0].ID != "google/gemini-2.5-flash-image" {
				t.Fatalf("models %+v", resp.Data)
			}
			if _, ok := resp.Data[0].SupportedParameters["aspect_ratio"]; !ok {
				t.Errorf("supported parameters %v lack aspect_ratio", resp.Data[0].SupportedParameters)
			}
		},
		"listImageModelEndpoints": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ImageModelEndpointsResponse](t)(c.Images.ListModelEndpoints(ctx, "openai", "gpt-image-1"))
			expectRequest(t, only(t, srv, "listImageModelEndpoints"), "GET", "/images/models/openai/gpt-image-1/endpoints", nil)
			check(t, "model id", resp.ID, "openai/gpt-image-1")
			if len(resp.Endpoints) == 0 || resp.Endpoints[0].ProviderName != "FakeProvider" || len(resp.Endpoints[0].Pricing) == 0 {
				t.Errorf("endpoints %+v", resp.Endpoints)
			}
		},
		"createVideos": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			job := must[*openrouter.VideoJob](t)(c.Videos.Create(ctx, openrouter.VideoRequest{Model: "google/veo-3.1", Prompt: "waves at dusk", Duration: ptr(4)}))
			expectRequest(t, only(t, srv, "createVideos"), "POST", "/videos", map[string]any{"model": "google/veo-3.1", "prompt": "waves at dusk", "duration": 4})
			check(t, "status", job.Status, "pending")
			if !strings.HasPrefix(job.ID, "video-fake-") || job.PollingURL != "/api/v1/videos/"+job.ID {
				t.Errorf("job %+v", job)
			}
		},
		"getVideos": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			job := must[*openrouter.VideoJob](t)(c.Videos.Get(ctx, "job-42"))
			expectRequest(t, only(t, srv, "getVideos"), "GET", "/videos/job-42", nil)
			check(t, "id", job.ID, "job-42")
			check(t, "status", job.Status, gen.VideoGenerationResponseStatusCompleted)
			check(t, "urls", job.UnsignedUrls, []string{"/api/v1/videos/job-42/content?index=0"})
		},
		"listVideosContent": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			video := must[*openrouter.BinaryResponse](t)(c.Videos.Content(ctx, "job-42", &openrouter.VideoContentParams{Index: ptr(1)}))
			defer video.Close()
			b, err := io.ReadAll(video)
			if err != nil {
				t.Fatal(err)
			}
			r := only(t, srv, "listVideosContent")
			expectRequest(t, r, "GET", "/videos/job-42/content", nil)
			check(t, "index query", r.Query.Get("index"), "1")
			check(t, "content type", video.ContentType, "video/mp4")
			if !bytes.Equal(b, openroutertest.FakeVideo) {
				t.Errorf("body %q, want %q", b, openroutertest.FakeVideo)
			}
		},
		"listVideosModels": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.VideoModelsResponse](t)(c.Videos.ListModels(ctx))
			expectRequest(t, only(t, srv, "listVideosModels"), "GET", "/videos/models", nil)
			if len(resp.Data) == 0 || resp.Data[0].ID != "google/veo-3.1" || len(resp.Data[0].SupportedDurations) == 0 {
				t.Errorf("models %+v", resp.Data)
			}
		},
		"createAudioTranscriptions": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.TranscriptionResponse](t)(c.STT.Transcribe(ctx, openrouter.TranscriptionRequest{
				Model: "openai/whisper-1", InputAudio: gen.STTInputAudio{Data: "UklGRg==", Format: "wav"}, Language: "de",
			}))
			r := only(t, srv, "createAudioTranscriptions")
			expectRequest(t, r, "POST", "/audio/transcriptions", map[string]any{"model": "openai/whisper-1", "language": "de"})
			check(t, "content type", r.Header.Get("Content-Type"), "application/json")
			check(t, "text", resp.Text, "Fake transcript of 8 base64 characters of wav audio.")
			check(t, "language", resp.Language, "de")
		},
		"createAudioSpeech": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			mp3 := gen.SpeechRequestResponseFormatMp3
			audio := must[*openrouter.BinaryResponse](t)(c.TTS.Speak(ctx, openrouter.SpeechRequest{
				Model: "openai/gpt-4o-mini-tts", Input: "hello there", Voice: "alloy", ResponseFormat: mp3,
			}))
			defer audio.Close()
			b, err := io.ReadAll(audio)
			if err != nil {
				t.Fatal(err)
			}
			r := only(t, srv, "createAudioSpeech")
			expectRequest(t, r, "POST", "/audio/speech", map[string]any{"input": "hello there", "voice": "alloy", "response_format": "mp3"})
			check(t, "Accept", r.Header.Get("Accept"), "*/*")
			check(t, "content type", audio.ContentType, "audio/mpeg")
			if !bytes.HasPrefix(b, []byte("ID3")) || len(b) != 18 {
				t.Errorf("audio %q", b)
			}
		},
	})
}

func newMediaServer(t *testing.T) (*openroutertest.Server, *openrouter.Client) {
	t.Helper()
	srv := openroutertest.NewServer(t)
	c, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func TestImagesStream(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	stream, err := c.Images.Stream(ctx, openrouter.ImageRequest{Model: "m/img", Prompt: "a cat"})
	if err != nil {
		t.Fatal(err)
	}
	var types []openrouter.ImageEventType
	var final gen.ImageGenCompletedEvent
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		typ := ev.Type()
		types = append(types, typ)
		if typ == openrouter.ImageEventCompleted {
			if final, err = ev.AsImageGenCompletedEvent(); err != nil {
				t.Fatal(err)
			}
		}
	}
	check(t, "event types", types, []openrouter.ImageEventType{openrouter.ImageEventTextChunk, openrouter.ImageEventPartialImage, openrouter.ImageEventCompleted})
	check(t, "final image", final.B64Json, openroutertest.FakeImage)
	r := only(t, srv, "createImages")
	expectRequest(t, r, "POST", "/images", map[string]any{"stream": true, "prompt": "a cat"})
	check(t, "Accept", r.Header.Get("Accept"), "text/event-stream")
}

func mediaPartialImage(i int) any {
	return map[string]any{"type": "image_generation.partial_image", "partial_image_index": i, "b64_json": openroutertest.FakeImage}
}

func TestImagesStreamMidStreamError(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	srv.Enqueue("createImages", openroutertest.Response{Stream: &openroutertest.Stream{
		Events: []any{mediaPartialImage(0)},
		Error:  map[string]any{"type": "error", "error": map[string]any{"code": "content_policy_violation", "message": "the prompt was refused", "type": "invalid_request_error"}},
	}})
	stream, err := c.Images.Stream(ctx, openrouter.ImageRequest{Model: "m/img", Prompt: "x"})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	n := 0
	for stream.Next() {
		n++
	}
	check(t, "events before the error", n, 1)
	apiErr := wantAPIError(t, stream.Err(), 0)
	if !contains(apiErr.Message, "the prompt was refused") || apiErr.Metadata["code"] != "content_policy_violation" {
		t.Errorf("error %+v", apiErr)
	}
	check(t, "operation", apiErr.Operation, "Images.Stream")
}

func TestImagesStreamNumericErrorCode(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	srv.Enqueue("createImages", openroutertest.Response{Stream: &openroutertest.Stream{
		Error: map[string]any{"type": "error", "error": map[string]any{"code": "502", "message": "provider down"}},
	}})
	// An error event before any output is an error of Stream itself (and,
	// with retries left, would be retried like a 502 answer).
	_, err := c.Images.Stream(ctx, openrouter.ImageRequest{Model: "m/img", Prompt: "x"}, openrouter.WithMaxRetries(0))
	wantAPIError(t, err, 502)
}

func TestImagesStreamTruncated(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		st     *openroutertest.Stream
		faults []openroutertest.Fault
	}{
		{"no DONE", &openroutertest.Stream{Events: []any{mediaPartialImage(0), mediaPartialImage(1), mediaPartialImage(2)}}, []openroutertest.Fault{openroutertest.TruncateStream(2)}},
		{"reset", &openroutertest.Stream{Events: []any{mediaPartialImage(0), mediaPartialImage(1), mediaPartialImage(2)}, ResetAfter: 2}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, c := newMediaServer(t)
			srv.Enqueue(openroutertest.OpCreateImages, openroutertest.Response{Stream: tc.st, Faults: tc.faults})
			stream, err := c.Images.Stream(ctx, openrouter.ImageRequest{Model: "m/img", Prompt: "x"})
			if err != nil {
				t.Fatal(err)
			}
			defer stream.Close()
			n := 0
			for stream.Next() {
				n++
			}
			check(t, "events", n, 2)
			if !errors.Is(stream.Err(), openrouter.ErrStreamTruncated) {
				t.Errorf("Err() = %v, want ErrStreamTruncated", stream.Err())
			}
		})
	}
}

func TestImagesStreamErrorBeforeStart(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	srv.Enqueue("createImages", openroutertest.ErrorResponse(http.StatusPaymentRequired, "add credits"))
	_, err := c.Images.Stream(ctx, openrouter.ImageRequest{Model: "m/img", Prompt: "x"})
	if !errors.Is(err, openrouter.ErrInsufficientCredits) {
		t.Errorf("error %v, want ErrInsufficientCredits", err)
	}
}

func TestVideosWait(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	job := must[*openrouter.VideoJob](t)(c.Videos.Create(ctx, openrouter.VideoRequest{Model: "google/veo-3.1"}))
	srv.Enqueue("getVideos", openroutertest.VideoJob(job.ID, "pending"))
	srv.Enqueue("getVideos", openroutertest.VideoJob(job.ID, "in_progress"))
	done, err := c.Videos.Wait(ctx, job.ID, &openrouter.VideoWaitOptions{Interval: time.Millisecond, MaxInterval: 2 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "status", done.Status, "completed")
	check(t, "id", done.ID, job.ID)
	reqs := srv.RequestsFor("getVideos")
	check(t, "polls", len(reqs), 3)
	for _, r := range reqs {
		check(t, "poll path", r.Path, "/api/v1/videos/"+job.ID)
	}
}

func TestVideosWaitFailed(t *testing.T) {
	t.Parallel()
	for _, status := range []string{"failed", "cancelled", "expired"} {
		t.Run(status, func(t *testing.T) {
			t.Parallel()
			srv, c := newMediaServer(t)
			srv.Enqueue("getVideos", openroutertest.VideoJob("job-7", "in_progress"))
			srv.Enqueue("getVideos", openroutertest.VideoJob("job-7", status))
			job, err := c.Videos.Wait(ctx, "job-7", &openrouter.VideoWaitOptions{Interval: time.Millisecond})
			var jobErr *openrouter.VideoJobError
			if !errors.As(err, &jobErr) {
				t.Fatalf("error %v (%T), want *VideoJobError", err, err)
			}
			check(t, "job id", jobErr.JobID, "job-7")
			check(t, "status", jobErr.Status, status)
			if !contains(err.Error(), "job-7") || !contains(err.Error(), status) {
				t.Errorf("error %q does not name the job and status", err)
			}
			if job == nil || job.Status != gen.VideoGenerationResponseStatus(status) {
				t.Errorf("job %+v", job)
			}
			if status == "failed" && !contains(err.Error(), "could not render") {
				t.Errorf("error %q lacks the job's message", err)
			}
			check(t, "polls", len(srv.RequestsFor("getVideos")), 2)
		})
	}
}

func TestVideosWaitContext(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	for range 100 {
		srv.Enqueue("getVideos", openroutertest.VideoJob("job-9", "in_progress"))
	}
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Videos.Wait(cctx, "job-9", &openrouter.VideoWaitOptions{Interval: 5 * time.Millisecond, MaxInterval: 10 * time.Millisecond})
	if !errors.Is(err, context.DeadlineExceeded) || !contains(err.Error(), "job-9") || !contains(err.Error(), "in_progress") {
		t.Errorf("error %v, want a deadline error naming job-9 and in_progress", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Wait returned after %v", d)
	}
	if n := len(srv.RequestsFor("getVideos")); n < 2 || n > 45 {
		t.Errorf("%d polls in 200ms with 5..10ms intervals", n)
	}
}

func TestVideosWaitPollError(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	srv.Enqueue("getVideos", openroutertest.VideoJob("job-3", "pending"))
	srv.Enqueue("getVideos", openroutertest.ErrorResponse(http.StatusNotFound, "no such job"))
	_, err := c.Videos.Wait(ctx, "job-3", &openrouter.VideoWaitOptions{Interval: time.Millisecond})
	wantAPIError(t, err, 404)
	if !contains(err.Error(), "job-3") || !contains(err.Error(), "pending") {
		t.Errorf("error %q does not name the job and its last status", err)
	}
}

// mediaUpload is a transcription upload as the fake server received it.
type mediaUpload struct {
	fields              map[string][]string
	filename, fileType  string
	file                []byte
	requestContentType  string
	contentLengthHeader string
}

func parseMediaUpload(t *testing.T, r openroutertest.Request) mediaUpload {
	t.Helper()
	u := mediaUpload{fields: map[string][]string{}, requestContentType: r.Header.Get("Content-Type"), contentLengthHeader: r.Header.Get("Content-Length")}
	mt, params, err := mime.ParseMediaType(u.requestContentType)
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type %q", u.requestContentType)
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return u
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		if p.FormName() == "file" {
			u.filename, u.fileType, u.file = p.FileName(), p.Header.Get("Content-Type"), b
		} else {
			u.fields[p.FormName()] = append(u.fields[p.FormName()], string(b))
		}
	}
}

// mediaOnlyReader hides the type of its reader, so that the request cannot
// know the length.
type mediaOnlyReader struct{ io.Reader }

func TestSTTTranscribeFile(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	audio := bytes.Repeat([]byte("RIFF\x00\x01WAVEfmt "), 5000) // 70 kB: several pipe writes
	resp, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{
		Filename: `voice "memo".wav`, ContentType: "audio/wav", Body: mediaOnlyReader{bytes.NewReader(audio)},
		Model: "openai/whisper-1", Language: "fr", ResponseFormat: "verbose_json", Temperature: ptr(0.25),
		TimestampGranularities: []openrouter.TranscriptionGranularity{"word", "segment"},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := only(t, srv, "createAudioTranscriptions")
	expectRequest(t, r, "POST", "/audio/transcriptions", nil)
	u := parseMediaUpload(t, r)
	check(t, "filename", u.filename, `voice "memo".wav`)
	check(t, "file type", u.fileType, "audio/wav")
	if !bytes.Equal(u.file, audio) {
		t.Errorf("file: %d bytes received, want the %d sent", len(u.file), len(audio))
	}
	check(t, "model", u.fields["model"], []string{"openai/whisper-1"})
	check(t, "language", u.fields["language"], []string{"fr"})
	check(t, "format", u.fields["response_format"], []string{"verbose_json"})
	check(t, "temperature", u.fields["temperature"], []string{"0.25"})
	check(t, "granularities", u.fields["timestamp_granularities[]"], []string{"word", "segment"})
	check(t, "text", resp.Text, `Fake transcript of voice "memo".wav (audio/wav, 70000 bytes).`)
	check(t, "language", resp.Language, "fr")
}

func TestSTTTranscribeFileGuessesType(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	must[*openrouter.TranscriptionResponse](t)(c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "talk.MP3", Body: strings.NewReader("ID3 data"), Model: "openai/whisper-1"}))
	u := parseMediaUpload(t, only(t, srv, "createAudioTranscriptions"))
	check(t, "file type", u.fileType, "audio/mpeg")
	check(t, "file", string(u.file), "ID3 data")
	if _, ok := u.fields["language"]; ok {
		t.Error("an empty language was sent")
	}
}

func TestSTTTranscribeFileNotRetried(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	srv.Enqueue("createAudioTranscriptions", openroutertest.ErrorResponse(http.StatusServiceUnavailable, "busy"))
	_, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: strings.NewReader("RIFF"), Model: "openai/whisper-1"})
	wantAPIError(t, err, 503)
	check(t, "attempts", len(srv.RequestsFor("createAudioTranscriptions")), 1)

	// The JSON form is retried.
	srv.Enqueue("createAudioTranscriptions", openroutertest.ErrorResponse(http.StatusServiceUnavailable, "busy"))
	must[*openrouter.TranscriptionResponse](t)(c.STT.Transcribe(ctx, openrouter.TranscriptionRequest{Model: "openai/whisper-1", InputAudio: gen.STTInputAudio{Data: "UklGRg==", Format: "wav"}}))
	check(t, "attempts", len(srv.RequestsFor("createAudioTranscriptions")), 3)
}

// mediaFailingReader returns some bytes, then an error.
type mediaFailingReader struct{ sent bool }

var errMediaDisk = errors.New("disk on fire")

func (f *mediaFailingReader) Read(p []byte) (int, error) {
	if f.sent {
		return 0, errMediaDisk
	}
	f.sent = true
	return copy(p, "RIFF"), nil
}

func TestSTTTranscribeFileReadError(t *testing.T) {
	t.Parallel()
	_, c := newMediaServer(t)
	_, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: &mediaFailingReader{}, Model: "openai/whisper-1"})
	if !errors.Is(err, errMediaDisk) || !contains(err.Error(), "a.wav") {
		t.Errorf("error %v, want one naming a.wav and wrapping the read error", err)
	}
}

func TestSTTTranscribeFileAPIError(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	srv.Enqueue("createAudioTranscriptions", openroutertest.ErrorResponse(http.StatusBadRequest, "unsupported audio"))
	_, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: strings.NewReader("RIFF"), Model: "openai/whisper-1"})
	apiErr := wantAPIError(t, err, 400)
	check(t, "message", apiErr.Message, "unsupported audio")
}

func TestMediaBadArguments(t *testing.T) {
	t.Parallel()
	srv, c := newMediaServer(t)
	p := openrouter.TranscriptionUpload{Model: "openai/whisper-1"}
	for name, call := range map[string]func() error{
		"Images.ListModelEndpoints author": func() error { _, err := c.Images.ListModelEndpoints(ctx, "", "x"); return err },
		"Images.ListModelEndpoints slug":   func() error { _, err := c.Images.ListModelEndpoints(ctx, "x", " "); return err },
		"Videos.Get":                       func() error { _, err := c.Videos.Get(ctx, ""); return err },
		"Videos.Content":                   func() error { _, err := c.Videos.Content(ctx, "", nil); return err },
		"Videos.Wait":                      func() error { _, err := c.Videos.Wait(ctx, "", nil); return err },
		"Videos.Wait negative": func() error {
			_, err := c.Videos.Wait(ctx, "j", &openrouter.VideoWaitOptions{Interval: -time.Second})
			return err
		},
		"STT.TranscribeFile filename": func() error {
			_, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "", ContentType: "audio/wav", Body: strings.NewReader("x"), Model: p.Model})
			return err
		},
		"STT.TranscribeFile reader": func() error {
			_, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Model: p.Model})
			return err
		},
		"STT.TranscribeFile model": func() error {
			_, err := c.STT.TranscribeFile(ctx, openrouter.TranscriptionUpload{Filename: "a.wav", ContentType: "audio/wav", Body: strings.NewReader("x")})
			return err
		},
	} {
		err := call()
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		op, _, _ := strings.Cut(name, " ")
		if !contains(err.Error(), "openrouter: "+op+":") {
			t.Errorf("%s: error %q does not name the method", name, err)
		}
	}
	if reqs := srv.Requests(); len(reqs) != 0 {
		t.Errorf("bad arguments sent %d requests", len(reqs))
	}
}
