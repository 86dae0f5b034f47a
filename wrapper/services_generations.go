package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// Request and result types of the generation content and feedback methods.
type (
	// GenerationContentResponse is the result of Generations.GetContent.
	// Its Data.Input is a prompt or a list of messages (see its As*
	// methods); Data.Error is nil unless the generation failed.
	GenerationContentResponse = gen.GenerationContentResponse
	// GenerationFeedbackRequest is the body of Generations.SubmitFeedback.
	GenerationFeedbackRequest = gen.SubmitGenerationFeedbackRequest
	// GenerationFeedbackResponse is the result of Generations.SubmitFeedback.
	GenerationFeedbackResponse = gen.SubmitGenerationFeedbackResponse
)

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
