package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// GenerationsService looks up generations. Get it from [Client].Generations.
type GenerationsService struct{ c *caller }

// Request and result types of the Generations methods.
type (
	// GenerationResponse is the result of Generations.Get.
	GenerationResponse = gen.GenerationResponse
	// GenerationContentResponse is the result of Generations.GetContent.
	// Its Data.Input is a prompt or a list of messages (see its As*
	// methods); Data.Error is nil unless the generation failed.
	GenerationContentResponse = gen.GenerationContentResponse
	// GenerationFeedbackRequest is the body of Generations.SubmitFeedback.
	GenerationFeedbackRequest = gen.SubmitGenerationFeedbackRequest
	// GenerationFeedbackResponse is the result of Generations.SubmitFeedback.
	GenerationFeedbackResponse = gen.SubmitGenerationFeedbackResponse
)

// Get returns the metadata (tokens, cost, latency, provider) of the
// generation with the given id, as found in a response's ID field.
// It calls GET /generation?id={id}.
func (s *GenerationsService) Get(ctx context.Context, id string, opts ...Option) (*GenerationResponse, error) {
	const op = "Generations.Get"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[GenerationResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetGenerationRequest(server, &gen.GetGenerationParams{ID: id})
	})
}

// GetContent returns the stored input and output of the generation with the
// given id, when the account keeps them; otherwise OpenRouter answers with
// an [*APIError] (403 or 404). It calls GET /generation/content?id={id}.
func (s *GenerationsService) GetContent(ctx context.Context, id string, opts ...Option) (*GenerationContentResponse, error) {
	const op = "Generations.GetContent"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[GenerationContentResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListGenerationContentRequest(server, &gen.ListGenerationContentParams{ID: id})
	})
}

// SubmitFeedback records feedback about a generation: its GenerationID, a
// category such as "incorrect_response", and an optional comment. An
// empty GenerationID or Category is an error, and nothing is sent.
// It calls POST /generation/feedback.
func (s *GenerationsService) SubmitFeedback(ctx context.Context, req GenerationFeedbackRequest, opts ...Option) (*GenerationFeedbackResponse, error) {
	const op = "Generations.SubmitFeedback"
	if err := nonEmpty(op, "generation id", req.GenerationID, "category", string(req.Category)); err != nil {
		return nil, err
	}
	return doJSON[GenerationFeedbackResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewSubmitGenerationFeedbackRequest(server, req)
	})
}
