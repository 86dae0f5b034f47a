package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// ClassificationsService reads task classifications. Get it from
// [Client].Classifications.
type ClassificationsService struct{ c *caller }

// Request and result types of the Classifications methods.
type (
	// TaskClassificationsParams are the optional parameters of
	// Classifications.GetTasks.
	TaskClassificationsParams = gen.GetTaskClassificationsParams
	// TaskClassificationsResponse is the result of Classifications.GetTasks.
	TaskClassificationsResponse = gen.TaskClassificationResponse
)

// GetTasks returns how OpenRouter's traffic splits across task categories,
// and the leading models of each, over a recent window (params may be nil).
// It calls GET /classifications/task.
func (s *ClassificationsService) GetTasks(ctx context.Context, params *TaskClassificationsParams, opts ...Option) (*TaskClassificationsResponse, error) {
	return doJSON[TaskClassificationsResponse](ctx, s.c, "Classifications.GetTasks", opts, func(server string) (*http.Request, error) {
		return gen.NewGetTaskClassificationsRequest(server, params)
	})
}
