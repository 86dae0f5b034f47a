package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// TTSService synthesizes speech from text. Get it from [Client].TTS.
type TTSService struct{ c *caller }

// Request and result types of the TTS methods.
type (
	// SpeechRequest is the body of TTS.Speak: a model, the text (Input),
	// and optionally a voice, speed and audio format.
	SpeechRequest = gen.SpeechRequest
	// SpeechFormat is the audio format of TTS.Speak: "mp3" or "pcm" (the
	// default).
	SpeechFormat = gen.SpeechRequestResponseFormat
)

// Speak synthesizes speech from req.Input and returns the audio as a
// stream, with its media type in ContentType (such as "audio/mpeg" for
// response format "mp3"). The caller must Close the result.
// It calls POST /audio/speech.
func (s *TTSService) Speak(ctx context.Context, req SpeechRequest, opts ...Option) (*BinaryResponse, error) {
	return doBinary(ctx, s.c, "TTS.Speak", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateAudioSpeechRequest(server, req)
	})
}
