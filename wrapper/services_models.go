package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// ModelResponse is the result of Models.Get.
type ModelResponse = gen.ModelResponse

// Get returns the catalogue entry of the model author/slug, such as
// "openai"/"gpt-4o". It calls GET /model/{author}/{slug}.
func (s *ModelsService) Get(ctx context.Context, author, slug string, opts ...Option) (*ModelResponse, error) {
	const op = "Models.Get"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ModelResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetModelRequest(server, author, slug)
	})
}
