package openroutertest

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"time"
)

// Default answers of the media operations: images, videos, speech to text
// and text to speech.
func init() {
	defaults["createImages"] = (*Server).defaultImages
	defaults["listImageModels"] = func(s *Server, c *call) Response {
		return ok(obj{"data": arr{imageModel(fakeImageModel, "Fake Image"), imageModel("openai/gpt-image-1", "GPT Image 1")}})
	}
	defaults["listImageModelEndpoints"] = func(s *Server, c *call) Response {
		return ok(obj{"id": c.params["author"] + "/" + c.params["slug"], "endpoints": arr{imageEndpoint()}})
	}
	defaults["createVideos"] = func(s *Server, c *call) Response {
		return ok(videoJob(fmt.Sprintf("video-fake-%06d", s.nextID()), "pending"))
	}
	defaults["getVideos"] = func(s *Server, c *call) Response {
		return ok(videoJob(c.params["jobId"], "completed"))
	}
	defaults["listVideosContent"] = func(s *Server, c *call) Response {
		return Response{Raw: FakeVideo, Header: http.Header{"Content-Type": {"video/mp4"}}}
	}
	defaults["listVideosModels"] = func(s *Server, c *call) Response {
		return ok(obj{"data": arr{videoModel()}})
	}
	defaults["createAudioTranscriptions"] = (*Server).defaultTranscription
	defaults["createAudioSpeech"] = (*Server).defaultSpeech
}

// fakeImageModel is the first model of the image model list.
const fakeImageModel = "google/gemini-2.5-flash-image"

// FakeImage is the base64 data of the image of every default image
// answer: a 1x1 PNG.
const FakeImage = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

// FakeVideo is the body of the default answer of listVideosContent: the
// first bytes of an MP4 file.
var FakeVideo = []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")

func imageMediaType(body map[string]any) string {
	switch str(body, "output_format") {
	case "jpeg":
		return "image/jpeg"
	case "webp":
		return "image/webp"
	}
	return "image/png"
}

func imageUsage(images int) obj {
	return obj{"prompt_tokens": 10, "completion_tokens": 1290 * images, "total_tokens": 10 + 1290*images, "cost": 0.04 * float64(images)}
}

// defaultImages draws n images (1 to 4) of FakeImage; streamed, it sends
// a text chunk, a partial image and the completed image.
func (s *Server) defaultImages(c *call) Response {
	n := 1
	if f, ok := c.json["n"].(float64); ok && f > 1 {
		n = min(int(f), 4)
	}
	mediaType := imageMediaType(c.json)
	now := time.Now().Unix()
	if streaming(c.json) {
		events := []any{
			obj{"type": "image_generation.text_chunk", "text": "Drawing: " + str(c.json, "prompt"), "phase": "content"},
			obj{"type": "image_generation.partial_image", "partial_image_index": 0, "b64_json": FakeImage},
			obj{"type": "image_generation.completed", "b64_json": FakeImage, "media_type": mediaType, "created": now, "usage": imageUsage(1)},
		}
		return Response{Stream: &Stream{Events: events, leadingComment: true}}
	}
	data := make(arr, n)
	for i := range data {
		data[i] = obj{"b64_json": FakeImage, "media_type": mediaType}
	}
	return ok(obj{"created": now, "data": data, "usage": imageUsage(n)})
}

func imageModel(id, name string) obj {
	return obj{
		"id":          id,
		"name":        name,
		"description": name + ", an image model of the fake server.",
		"created":     1735689600,
		"architecture": obj{
			"input_modalities":  arr{"text", "image"},
			"output_modalities": arr{"image", "text"},
		},
		"supported_parameters": obj{
			"aspect_ratio": obj{"type": "enum", "values": arr{"1:1", "16:9", "9:16"}},
		},
		"supports_streaming": true,
		"endpoints":          "/api/v1/images/models/" + id + "/endpoints",
	}
}

func imageEndpoint() obj {
	return obj{
		"provider_name":                  fakeProvider,
		"provider_slug":                  "fakeprovider",
		"provider_tag":                   nil,
		"supported_parameters":           obj{"aspect_ratio": obj{"type": "enum", "values": arr{"1:1", "16:9"}}},
		"allowed_passthrough_parameters": arr{},
		"supports_streaming":             true,
		"pricing": arr{
			obj{"billable": "output_image", "unit": "image", "cost_usd": 0.04},
			obj{"billable": "input_text", "unit": "token", "cost_usd": 0.0000003},
		},
	}
}

// videoJob is a video job in the given status; a completed one has an
// output URL, usage and a generation id.
func videoJob(id, status string) obj {
	job := obj{"id": id, "polling_url": "/api/v1/videos/" + id, "status": status}
	switch status {
	case "completed":
		job["generation_id"] = "gen-" + id
		job["unsigned_urls"] = arr{"/api/v1/videos/" + id + "/content?index=0"}
		job["usage"] = obj{"cost": 0.5, "is_byok": false}
	case "failed":
		job["error"] = "the provider could not render the video"
	}
	return job
}

// VideoJob returns a getVideos (or createVideos) answer for the job id in
// the given status: "pending", "in_progress", "completed", "failed",
// "cancelled" or "expired". Queue a few to script a job's progress:
//
//	srv.Enqueue("getVideos", openroutertest.VideoJob(id, "in_progress"))
func VideoJob(id, status string) Response {
	return ok(videoJob(id, status))
}

func videoModel() obj {
	return obj{
		"id":                             "google/veo-3.1",
		"canonical_slug":                 "google/veo-3.1-20251015",
		"name":                           "Veo 3.1",
		"description":                    "A video model of the fake server.",
		"created":                        1735689600,
		"hugging_face_id":                nil,
		"supported_resolutions":          arr{"720p", "1080p"},
		"supported_aspect_ratios":        arr{"16:9", "9:16"},
		"supported_sizes":                arr{"1280x720", "1920x1080"},
		"supported_durations":            arr{4, 6, 8},
		"supported_frame_images":         arr{"first_frame", "last_frame"},
		"upscale_factor":                 nil,
		"creativity":                     nil,
		"generate_audio":                 true,
		"seed":                           true,
		"allowed_passthrough_parameters": arr{},
		"pricing_skus":                   obj{"per_second": "0.40"},
	}
}

// defaultTranscription answers a JSON request with the audio's size and
// format, and a multipart upload with the file's name, type and size.
func (s *Server) defaultTranscription(c *call) Response {
	var text, lang string
	if audio, ok := c.json["input_audio"].(map[string]any); ok {
		text = fmt.Sprintf("Fake transcript of %d base64 characters of %s audio.", len(str(audio, "data")), str(audio, "format"))
		lang = str(c.json, "language")
	} else if name, ctype, size, l, ok := uploadedFile(c); ok {
		text = fmt.Sprintf("Fake transcript of %s (%s, %d bytes).", name, ctype, size)
		lang = l
	} else {
		text = "Fake transcript."
	}
	resp := obj{"text": text, "usage": obj{"seconds": 1.5, "cost": 0.0001}}
	if lang != "" {
		resp["language"] = lang
	}
	return ok(resp)
}

// uploadedFile reads the "file" part of a multipart request: its file
// name, Content-Type and size, and the "language" field.
func uploadedFile(c *call) (name, ctype string, size int, lang string, ok bool) {
	mt, params, err := mime.ParseMediaType(c.req.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return "", "", 0, "", false
	}
	mr := multipart.NewReader(bytes.NewReader(c.body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			return name, ctype, size, lang, ok
		}
		b, _ := io.ReadAll(part)
		switch part.FormName() {
		case "file":
			name, ctype, size, ok = part.FileName(), part.Header.Get("Content-Type"), len(b), true
		case "language":
			lang = string(b)
		}
	}
}

// defaultSpeech answers with a few bytes of audio: MP3 (audio/mpeg) or raw
// PCM (audio/pcm, the default format), longer for longer input.
func (s *Server) defaultSpeech(c *call) Response {
	words := countWords(str(c.json, "input"))
	if str(c.json, "response_format") == "mp3" {
		body := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte{0xFF, 0xFB, 0x90, 0x00}, words)...)
		return Response{Raw: body, Header: http.Header{"Content-Type": {"audio/mpeg"}}}
	}
	return Response{Raw: []byte(strings.Repeat("\x00\x01", 8*words)), Header: http.Header{"Content-Type": {"audio/pcm"}}}
}
