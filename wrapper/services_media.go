package openrouter

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gopenrouter/openrouter/gen"
)

// Request and result types of the media methods: images, videos, speech to
// text and text to speech.
type (
	// ImageRequest is the body of Images.Generate and Images.Stream: a
	// model and a prompt, plus optional size, aspect ratio, quality and
	// reference images. Its Stream field is set by the method called.
	ImageRequest = gen.ImageGenerationRequest
	// ImageResponse is the result of Images.Generate: the images as base64
	// data (Data[i].B64Json) and the usage.
	ImageResponse = gen.ImageGenerationResponse
	// ImageStreamEvent is one event of Images.Stream, a union keyed by its
	// "type": image_generation.partial_image, image_generation.text_chunk
	// or image_generation.completed (see [ImageEventType] and the As*
	// methods). Error events end the stream with an [*APIError] instead.
	ImageStreamEvent = gen.ImageStreamingResponseData
	// ImageModelsResponse is the result of Images.ListModels.
	ImageModelsResponse = gen.ImageModelsListResponse
	// ImageModelEndpointsResponse is the result of Images.ListModelEndpoints.
	ImageModelEndpointsResponse = gen.ImageModelEndpointsResponse

	// VideoRequest is the body of Videos.Create. Model is required.
	VideoRequest = gen.VideoGenerationRequest
	// VideoJob is a video generation job as Videos.Create, Videos.Get and
	// Videos.Wait return it: its ID, Status and, once completed, the URLs
	// of its outputs.
	VideoJob = gen.VideoGenerationResponse
	// VideoStatus is the status of a [VideoJob]: pending, in_progress,
	// completed, failed, cancelled or expired.
	VideoStatus = gen.VideoGenerationResponseStatus
	// VideoContentParams choose which output of a job Videos.Content
	// downloads (Index, default 0).
	VideoContentParams = gen.ListVideosContentParams
	// VideoModelsResponse is the result of Videos.ListModels.
	VideoModelsResponse = gen.VideoModelsListResponse

	// TranscriptionRequest is the body of STT.Transcribe: a model and the
	// audio as base64 data with its format (InputAudio).
	TranscriptionRequest = gen.STTRequest
	// TranscriptionResponse is the result of STT.Transcribe and
	// STT.TranscribeFile: the text, and with a verbose format its segments
	// and words.
	TranscriptionResponse = gen.STTResponse
	// TranscriptionFormat is the response format of STT.TranscribeFile:
	// "json" or "verbose_json".
	TranscriptionFormat = gen.TranscriptionResponseFormat
	// TranscriptionGranularity is a timestamp granularity of
	// STT.TranscribeFile: "word" or "segment".
	TranscriptionGranularity = gen.TranscriptionTimestampGranularity

	// SpeechRequest is the body of TTS.Speak: a model, the text (Input),
	// and optionally a voice, speed and audio format.
	SpeechRequest = gen.SpeechRequest
	// SpeechFormat is the audio format of TTS.Speak: "mp3" or "pcm" (the
	// default).
	SpeechFormat = gen.SpeechRequestResponseFormat
)

// --- Images ---

// Generate creates images from a prompt and waits for all of them.
// It calls POST /images with stream unset; use Stream for partial images
// as they are drawn.
func (s *ImagesService) Generate(ctx context.Context, req ImageRequest, opts ...Option) (*ImageResponse, error) {
	req.Stream = nil
	return doJSON[ImageResponse](ctx, s.c, "Images.Generate", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateImagesRequest(server, req)
	})
}

// Stream creates images from a prompt and returns its events (partial
// images, text chunks, the completed image) as they happen. It calls
// POST /images with stream set to true. Errors before the first event,
// an error event as the first event included, are returned here and
// retried as for Generate; an error event after it ends
// the stream with an [*APIError], and a body that ends before
// `data: [DONE]` ends it with [ErrStreamTruncated]: see [Stream].
func (s *ImagesService) Stream(ctx context.Context, req ImageRequest, opts ...Option) (*Stream[ImageStreamEvent], error) {
	req.Stream = &streamTrue
	return doStream(ctx, s.c, "Images.Stream", opts, streamKind[ImageStreamEvent]{decode: decodeImageEvent}, func(server string) (*http.Request, error) {
		return gen.NewCreateImagesRequest(server, req)
	})
}

// ListModels lists the models that generate images.
// It calls GET /images/models.
func (s *ImagesService) ListModels(ctx context.Context, opts ...Option) (*ImageModelsResponse, error) {
	return doJSON[ImageModelsResponse](ctx, s.c, "Images.ListModels", opts, func(server string) (*http.Request, error) {
		return gen.NewListImageModelsRequest(server)
	})
}

// ListModelEndpoints returns the provider endpoints serving the image model
// author/slug, with their prices and supported parameters.
// It calls GET /images/models/{author}/{slug}/endpoints.
func (s *ImagesService) ListModelEndpoints(ctx context.Context, author, slug string, opts ...Option) (*ImageModelEndpointsResponse, error) {
	const op = "Images.ListModelEndpoints"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ImageModelEndpointsResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListImageModelEndpointsRequest(server, author, slug)
	})
}

// ImageEventType returns the "type" of an event of Images.Stream, such as
// "image_generation.partial_image", or "" when it has none; it tells which
// As* method of the event to call.
func ImageEventType(ev ImageStreamEvent) string {
	raw, err := ev.MarshalJSON()
	if err != nil {
		return ""
	}
	var probe struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(raw, &probe)
	return probe.Type
}

// decodeImageEvent decodes an image stream event. An event of type "error"
// and a chunk with a top-level error object (the chat shape) become an
// *APIError.
func decodeImageEvent(data []byte, dst *ImageStreamEvent) error {
	if bytes.Contains(data, errorKey) {
		var ev struct {
			Type  string                             `json:"type"`
			Error *gen.ImageGenStreamErrorEventError `json:"error"`
		}
		if json.Unmarshal(data, &ev) == nil && ev.Type == "error" && ev.Error != nil {
			e := &APIError{Message: ev.Error.Message, Body: append([]byte(nil), data...)}
			md := map[string]any{}
			if c := ev.Error.Code; c != nil {
				if n, err := strconv.Atoi(*c); err == nil {
					e.Code = n
					if n >= 400 && n <= 599 {
						e.StatusCode = n
					}
				} else if *c != "" {
					md["code"] = *c
					e.Message = *c + ": " + e.Message
				}
			}
			if ev.Error.Type != nil {
				md["type"] = *ev.Error.Type
			}
			if ev.Error.Param != nil {
				md["param"] = *ev.Error.Param
			}
			if len(md) > 0 {
				e.Metadata = md
			}
			return e
		}
		return decodeChunk(data, dst)
	}
	return json.Unmarshal(data, dst)
}

// --- Videos ---

// Create submits a video generation job and returns it, usually still
// pending; follow it with Get or Wait, then download the result with
// Content. It calls POST /videos.
func (s *VideosService) Create(ctx context.Context, req VideoRequest, opts ...Option) (*VideoJob, error) {
	return doJSON[VideoJob](ctx, s.c, "Videos.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateVideosRequest(server, req)
	})
}

// Get returns the video job with the given id: its status and, once it
// completed, its outputs. It calls GET /videos/{jobId}.
func (s *VideosService) Get(ctx context.Context, jobID string, opts ...Option) (*VideoJob, error) {
	const op = "Videos.Get"
	if err := nonEmpty(op, "jobID", jobID); err != nil {
		return nil, err
	}
	return doJSON[VideoJob](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetVideosRequest(server, jobID)
	})
}

// Content downloads an output of a completed video job as an MP4 stream;
// params choose the output (nil for the first). The caller must Close the
// result. It calls GET /videos/{jobId}/content.
func (s *VideosService) Content(ctx context.Context, jobID string, params *VideoContentParams, opts ...Option) (*BinaryResponse, error) {
	const op = "Videos.Content"
	if err := nonEmpty(op, "jobID", jobID); err != nil {
		return nil, err
	}
	return doBinary(ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListVideosContentRequest(server, jobID, params)
	})
}

// ListModels lists the models that generate video, with the resolutions,
// durations and aspect ratios each supports. It calls GET /videos/models.
func (s *VideosService) ListModels(ctx context.Context, opts ...Option) (*VideoModelsResponse, error) {
	return doJSON[VideoModelsResponse](ctx, s.c, "Videos.ListModels", opts, func(server string) (*http.Request, error) {
		return gen.NewListVideosModelsRequest(server)
	})
}

// VideoWaitOptions set how often Videos.Wait polls. The zero value (and a
// nil *VideoWaitOptions) polls after 2s, then doubles the interval up to
// 30s.
type VideoWaitOptions struct {
	// Interval is the wait before the second poll; the first is at once.
	// Zero means 2s.
	Interval time.Duration
	// MaxInterval caps the interval as it doubles. Zero means 30s; a value
	// below Interval means Interval.
	MaxInterval time.Duration
}

// Default poll intervals of Videos.Wait.
const (
	defaultWaitInterval    = 2 * time.Second
	defaultWaitMaxInterval = 30 * time.Second
)

// VideoJobError is the error of Videos.Wait for a job that ended without
// completing: failed, cancelled or expired.
type VideoJobError struct {
	// JobID is the job's id.
	JobID string
	// Status is the job's final status.
	Status VideoStatus
	// Message is the job's error message, if OpenRouter gave one.
	Message string
	// Job is the job as last read.
	Job *VideoJob
}

// Error names the job, its status and the reason given.
func (e *VideoJobError) Error() string {
	msg := fmt.Sprintf("openrouter: Videos.Wait: video job %s ended with status %s", e.JobID, e.Status)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// videoTerminal reports whether a job in status st will not change again.
func videoTerminal(st VideoStatus) bool {
	switch st {
	case gen.VideoGenerationResponseStatusCompleted, gen.VideoGenerationResponseStatusFailed,
		gen.VideoGenerationResponseStatusCancelled, gen.VideoGenerationResponseStatusExpired:
		return true
	}
	return false
}

// Wait polls the video job with the given id (with Get) until it reaches
// a final status, and returns it. The first poll is immediate; the waits
// between polls grow from w.Interval to w.MaxInterval (w may be nil for
// 2s up to 30s). A completed job is returned with a nil error. A failed,
// cancelled or expired job is returned together with a [*VideoJobError]
// naming it. A failed poll (after the usual retries) or the end of ctx
// stops the wait with an error that names the job and its last status.
// It calls GET /videos/{jobId} once per poll.
func (s *VideosService) Wait(ctx context.Context, jobID string, w *VideoWaitOptions, opts ...Option) (*VideoJob, error) {
	const op = "Videos.Wait"
	if err := nonEmpty(op, "jobID", jobID); err != nil {
		return nil, err
	}
	if ctx == nil {
		return nil, fmt.Errorf("openrouter: %s: nil context", op)
	}
	interval, maxInterval := defaultWaitInterval, defaultWaitMaxInterval
	if w != nil {
		if w.Interval < 0 || w.MaxInterval < 0 {
			return nil, fmt.Errorf("openrouter: %s: negative poll interval", op)
		}
		if w.Interval > 0 {
			interval = w.Interval
		}
		if w.MaxInterval > 0 {
			maxInterval = w.MaxInterval
		}
	}
	maxInterval = max(maxInterval, interval)

	var last VideoStatus
	for {
		job, err := s.Get(ctx, jobID, opts...)
		if err != nil {
			if last == "" {
				return nil, fmt.Errorf("openrouter: %s: polling video job %s: %w", op, jobID, err)
			}
			return nil, fmt.Errorf("openrouter: %s: polling video job %s (last status %s): %w", op, jobID, last, err)
		}
		last = job.Status
		if videoTerminal(job.Status) {
			if job.Status == gen.VideoGenerationResponseStatusCompleted {
				return job, nil
			}
			e := &VideoJobError{JobID: jobID, Status: job.Status, Job: job}
			if job.Error != nil {
				e.Message = *job.Error
			}
			return job, e
		}
		t := time.NewTimer(interval)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("openrouter: %s: video job %s still %s: %w", op, jobID, last, context.Cause(ctx))
		}
		interval = min(interval*2, maxInterval)
	}
}

// --- Speech to text ---

// Transcribe turns recorded speech into text; the audio travels in the
// request as base64 data (req.InputAudio). For a file or a stream, use
// TranscribeFile. It calls POST /audio/transcriptions.
func (s *STTService) Transcribe(ctx context.Context, req TranscriptionRequest, opts ...Option) (*TranscriptionResponse, error) {
	return doJSON[TranscriptionResponse](ctx, s.c, "STT.Transcribe", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateAudioTranscriptionsRequest(server, req)
	})
}

// TranscribeFileParams are the form fields of STT.TranscribeFile besides
// the file. Model is required.
type TranscribeFileParams struct {
	// Model is the speech-to-text model, such as "openai/whisper-1".
	Model string
	// Language is the spoken language as an ISO-639-1 code; empty lets the
	// model detect it.
	Language string
	// ResponseFormat is "json" (the default when empty) or "verbose_json".
	ResponseFormat TranscriptionFormat
	// Temperature is the sampling temperature; nil for the default.
	Temperature *float64
	// TimestampGranularities asks for word or segment timestamps (with
	// ResponseFormat "verbose_json").
	TimestampGranularities []TranscriptionGranularity
}

// TranscribeFile turns recorded speech read from r into text, sending it as
// a multipart/form-data upload named filename with the given media type
// (empty: guessed from the file name's extension, else
// application/octet-stream). r is streamed, never held in memory whole;
// for that reason the request is sent once and never retried.
// TranscribeFile does not close r, and r is not read after it returns,
// except for a Read that is still blocked 100ms after ctx is cancelled.
// An empty filename or model, a nil r, a filename with a line break, or a
// contentType that is not a media type is an error, and nothing is sent.
// It calls POST /audio/transcriptions.
func (s *STTService) TranscribeFile(ctx context.Context, filename, contentType string, r io.Reader, params TranscribeFileParams, opts ...Option) (*TranscriptionResponse, error) {
	const op = "STT.TranscribeFile"
	if err := nonEmpty(op, "params.Model", params.Model); err != nil {
		return nil, err
	}
	contentType, err := checkUpload(op, filename, contentType, audioType(filename), r)
	if err != nil {
		return nil, err
	}
	return sendUpload[TranscriptionResponse](ctx, s.c, op, filename, opts,
		func(mw *multipart.Writer) error { return writeTranscriptionForm(mw, params, filename, contentType, r) },
		func(server, contentType string, body io.Reader) (*http.Request, error) {
			return gen.NewCreateAudioTranscriptionsRequestWithBody(server, contentType, body)
		})
}

// audioTypes are the media types of common audio file extensions, which
// the system's MIME tables may lack.
var audioTypes = map[string]string{
	".mp3": "audio/mpeg", ".wav": "audio/wav", ".m4a": "audio/mp4", ".mp4": "audio/mp4",
	".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg", ".flac": "audio/flac",
	".webm": "audio/webm", ".aac": "audio/aac", ".mpga": "audio/mpeg", ".mpeg": "audio/mpeg",
}

// audioType guesses the media type of an audio file from its name.
func audioType(filename string) string {
	ext := strings.ToLower(filepath.Ext(filename))
	if t, ok := audioTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// writeTranscriptionForm writes the fields of params, then the file.
func writeTranscriptionForm(mw *multipart.Writer, p TranscribeFileParams, filename, contentType string, r io.Reader) error {
	fields := [][2]string{{"model", p.Model}}
	if p.Language != "" {
		fields = append(fields, [2]string{"language", p.Language})
	}
	if p.ResponseFormat != "" {
		fields = append(fields, [2]string{"response_format", string(p.ResponseFormat)})
	}
	if p.Temperature != nil {
		fields = append(fields, [2]string{"temperature", strconv.FormatFloat(*p.Temperature, 'g', -1, 64)})
	}
	for _, g := range p.TimestampGranularities {
		fields = append(fields, [2]string{"timestamp_granularities[]", string(g)})
	}
	for _, f := range fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			return err
		}
	}
	part, err := createFilePart(mw, filename, contentType)
	if err != nil {
		return err
	}
	if _, err := io.Copy(part, fileReader{r}); err != nil {
		return err
	}
	return nil
}

// --- Text to speech ---

// Speak synthesizes speech from req.Input and returns the audio as a
// stream, with its media type in ContentType (such as "audio/mpeg" for
// response format "mp3"). The caller must Close the result.
// It calls POST /audio/speech.
func (s *TTSService) Speak(ctx context.Context, req SpeechRequest, opts ...Option) (*BinaryResponse, error) {
	return doBinary(ctx, s.c, "TTS.Speak", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateAudioSpeechRequest(server, req)
	})
}
