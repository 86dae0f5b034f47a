package openrouter

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// STTService transcribes speech to text. Get it from [Client].STT.
type STTService struct{ c *caller }

// Request and result types of the STT methods.
type (
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
)

// Transcribe turns recorded speech into text; the audio travels in the
// request as base64 data (req.InputAudio). For a file or a stream, use
// TranscribeFile. It calls POST /audio/transcriptions.
func (s *STTService) Transcribe(ctx context.Context, req TranscriptionRequest, opts ...Option) (*TranscriptionResponse, error) {
	return doJSON[TranscriptionResponse](ctx, s.c, "STT.Transcribe", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateAudioTranscriptionsRequest(server, req)
	})
}

// TranscriptionUpload is the recorded speech STT.TranscribeFile sends,
// with the form fields that go with it. Filename, Body and Model are
// required.
type TranscriptionUpload struct {
	// Filename is the file's name, with no line break; the media type is
	// guessed from its extension when ContentType is empty.
	Filename string
	// ContentType is the file's media type; "" means the one Filename's
	// extension suggests, else application/octet-stream.
	ContentType string
	// Body holds the audio, read once while the request is sent.
	// TranscribeFile does not close it.
	Body io.Reader
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

// TranscribeFile turns recorded speech read from up.Body into text,
// sending it as a multipart/form-data upload named up.Filename. The body
// is streamed, never held in memory whole; for that reason the request is
// sent once and never retried. TranscribeFile does not close up.Body, and
// does not read it after it returns, except for a Read that is still
// blocked 100ms after ctx is cancelled. An empty Filename or Model, a nil
// Body, a Filename with a line break, or a ContentType that is not a
// media type is an error, and nothing is sent. It calls POST
// /audio/transcriptions.
func (s *STTService) TranscribeFile(ctx context.Context, up TranscriptionUpload, opts ...Option) (*TranscriptionResponse, error) {
	const op = "STT.TranscribeFile"
	if err := nonEmpty(op, "Model", up.Model); err != nil {
		return nil, err
	}
	contentType, err := checkUpload(op, up.Filename, up.ContentType, audioType(up.Filename), up.Body)
	if err != nil {
		return nil, err
	}
	return sendUpload[TranscriptionResponse](ctx, s.c, op, up.Filename, opts,
		func(mw *multipart.Writer) error { return writeTranscriptionForm(mw, up, contentType) },
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

// writeTranscriptionForm writes the fields of p, then the file.
func writeTranscriptionForm(mw *multipart.Writer, p TranscriptionUpload, contentType string) error {
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
	part, err := createFilePart(mw, p.Filename, contentType)
	if err != nil {
		return err
	}
	if _, err := io.Copy(part, fileReader{p.Body}); err != nil {
		return err
	}
	return nil
}
