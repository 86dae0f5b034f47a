package openrouter

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// AnalyticsService reports usage. Get it from [Client].Analytics.
type AnalyticsService struct{ c *caller }

// Request and result types of the Analytics methods.
type (
	// ActivityResponse is the result of Analytics.GetUserActivity.
	ActivityResponse = gen.ActivityResponse
	// UserActivityParams are the optional filters of Analytics.GetUserActivity.
	UserActivityParams = gen.GetUserActivityParams
	// AnalyticsMetaResponse is the result of Analytics.GetMeta: the metrics,
	// dimensions, filter operators and time granularities a query accepts.
	AnalyticsMetaResponse = gen.GetAnalyticsMetaResponse
	// AnalyticsQueryRequest is the body of Analytics.Query. Metrics is
	// required; Dimensions (at most two) group the rows.
	AnalyticsQueryRequest = gen.QueryAnalyticsRequest
	// AnalyticsQueryResponse is the result of Analytics.Query. Its rows are
	// JSON objects keyed by the requested dimension and metric names.
	AnalyticsQueryResponse = gen.QueryAnalyticsResponse
)

// GetUserActivity returns daily usage by model and endpoint for the last
// 30 days, filtered by params (nil for all). It needs a management key.
// It calls GET /activity.
func (s *AnalyticsService) GetUserActivity(ctx context.Context, params *UserActivityParams, opts ...Option) (*ActivityResponse, error) {
	return doJSON[ActivityResponse](ctx, s.c, "Analytics.GetUserActivity", opts, func(server string) (*http.Request, error) {
		return gen.NewGetUserActivityRequest(server, params)
	})
}

// GetMeta lists the metrics, dimensions, filter operators and granularities
// that Query accepts. It calls GET /analytics/meta.
func (s *AnalyticsService) GetMeta(ctx context.Context, opts ...Option) (*AnalyticsMetaResponse, error) {
	return doJSON[AnalyticsMetaResponse](ctx, s.c, "Analytics.GetMeta", opts, func(server string) (*http.Request, error) {
		return gen.NewGetAnalyticsMetaRequest(server)
	})
}

// Query runs an aggregate usage query: the requested metrics, grouped by up
// to two dimensions and optionally by time, over a time range and filters.
// At least one metric is required: without any, Query returns an error and
// sends nothing. It needs a management key. It calls POST /analytics/query.
func (s *AnalyticsService) Query(ctx context.Context, req AnalyticsQueryRequest, opts ...Option) (*AnalyticsQueryResponse, error) {
	const op = "Analytics.Query"
	if len(req.Metrics) == 0 {
		return nil, fmt.Errorf("openrouter: %s: no metrics", op)
	}
	return doJSON[AnalyticsQueryResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewQueryAnalyticsRequest(server, req)
	})
}
