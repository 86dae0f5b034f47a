package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// CompletionsService sends legacy text completions. Get it from
// [Client].Completions.
type CompletionsService struct{ c *caller }

// Request and result types of the Completions methods.
type (
	// CompletionRequest is the body of Completions.Generate.
	CompletionRequest = gen.CompletionRequest
	// CompletionChunk is one event of Completions.Stream: a
	// CompletionResponse whose choices carry the next piece of text.
	CompletionChunk = CompletionResponse
)

// Generate creates a text completion from a prompt.
// It calls POST /completions with stream unset.
func (s *CompletionsService) Generate(ctx context.Context, req CompletionRequest, opts ...Option) (*CompletionResponse, error) {
	req.Stream = nil
	return doJSON[CompletionResponse](ctx, s.c, "Completions.Generate", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateCompletionsRequest(server, req)
	})
}

// Stream creates a text completion and returns its chunks as they are
// generated. It calls POST /completions with stream set to true. As for
// [ChatService.Stream], errors before the first text are returned here
// and retried.
func (s *CompletionsService) Stream(ctx context.Context, req CompletionRequest, opts ...Option) (*Stream[CompletionChunk], error) {
	req.Stream = &streamTrue
	kind := streamKind[CompletionChunk]{decode: decodeChunk[CompletionChunk], meaningful: func(c *CompletionChunk) bool {
		for _, ch := range c.Choices {
			if ch.Text != "" || ch.FinishReason != nil {
				return true
			}
		}
		return false
	}}
	return doStream(ctx, s.c, "Completions.Stream", opts, kind, func(server string) (*http.Request, error) {
		return gen.NewCreateCompletionsRequest(server, req)
	})
}

// CompletionResponse is the result of Completions.Generate, and (as
// [CompletionChunk]) one event of Completions.Stream. It embeds gen's type,
// so every field reads as in the API.
type CompletionResponse struct {
	gen.CompletionResponse
}

// Text returns the text of the first choice, or "" when there is none.
func (r CompletionResponse) Text() string {
	if len(r.Choices) == 0 {
		return ""
	}
	return r.Choices[0].Text
}

// TextDelta returns the text a stream chunk adds to the first choice, and
// whether it adds any: the same reading as the other streams' events.
func (r CompletionResponse) TextDelta() (string, bool) {
	t := r.Text()
	return t, t != ""
}
