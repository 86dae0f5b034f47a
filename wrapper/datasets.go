package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// DatasetsService reads OpenRouter's public datasets. Get it from
// [Client].Datasets.
type DatasetsService struct{ c *caller }

// Request and result types of the Datasets methods.
type (
	// AppRankingsParams are the optional filters and paging of
	// Datasets.GetAppRankings.
	AppRankingsParams = gen.GetAppRankingsParams
	// AppRankingsResponse is the result of Datasets.GetAppRankings.
	AppRankingsResponse = gen.AppRankingsResponse
	// AppRanking is one app of Datasets.GetAppRankingsAll.
	AppRanking = gen.AppRanking
	// RankingsDailyParams are the optional filters of
	// Datasets.GetRankingsDaily.
	RankingsDailyParams = gen.GetRankingsDailyParams
	// RankingsDailyResponse is the result of Datasets.GetRankingsDaily.
	RankingsDailyResponse = gen.RankingsDailyResponse
	// SessionCostParams are the optional filters and paging of
	// Datasets.GetSessionCost.
	SessionCostParams = gen.GetSessionCostParams
	// SessionCostResponse is the result of Datasets.GetSessionCost.
	SessionCostResponse = gen.SessionCostResponse
	// SessionCost is one row of Datasets.GetSessionCostAll.
	SessionCost = gen.SessionCost
)

// Paging limits of the datasets, from openapi.yaml: the API rejects an
// offset or limit above them.
const (
	appRankingsMaxOffset = 100
	appRankingsMaxLimit  = 100
	sessionCostMaxOffset = 5000
	sessionCostMaxLimit  = 500
)

// GetAppRankings returns one page of public apps ranked by token usage,
// filtered and paged by params (nil for the first 50 by popularity); see
// GetAppRankingsAll to iterate. It calls GET /datasets/app-rankings.
func (s *DatasetsService) GetAppRankings(ctx context.Context, params *AppRankingsParams, opts ...Option) (*AppRankingsResponse, error) {
	return doJSON[AppRankingsResponse](ctx, s.c, "Datasets.GetAppRankings", opts, func(server string) (*http.Request, error) {
		return gen.NewGetAppRankingsRequest(server, params)
	})
}

// GetAppRankingsAll iterates over the ranked apps, fetching pages lazily
// from params.Offset (default 0) with params.Limit apps each (default and
// maximum 100); the other fields of params filter every page. The API
// serves no offset beyond 100, so the iteration ends after the page at
// offset 100 at the latest. It stops at the first error, which it yields.
// It calls GET /datasets/app-rankings once per page.
func (s *DatasetsService) GetAppRankingsAll(ctx context.Context, params *AppRankingsParams, opts ...Option) iter.Seq2[AppRanking, error] {
	return offsetAll(ctx, params, s.GetAppRankings, opts, offsetPaging{maxLimit: appRankingsMaxLimit, maxOffset: appRankingsMaxOffset},
		func(p *AppRankingsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *AppRankingsResponse) ([]AppRanking, int) { return r.Data, -1 })
}

// GetRankingsDaily returns the daily token totals of the most used public
// models, filtered by params (nil for the default window).
// It calls GET /datasets/rankings-daily.
func (s *DatasetsService) GetRankingsDaily(ctx context.Context, params *RankingsDailyParams, opts ...Option) (*RankingsDailyResponse, error) {
	return doJSON[RankingsDailyResponse](ctx, s.c, "Datasets.GetRankingsDaily", opts, func(server string) (*http.Request, error) {
		return gen.NewGetRankingsDailyRequest(server, params)
	})
}

// GetSessionCost returns one page of median session costs by app, model
// and session length, filtered and paged by params (nil for the first
// 100 rows); see GetSessionCostAll to iterate.
// It calls GET /datasets/session-cost.
func (s *DatasetsService) GetSessionCost(ctx context.Context, params *SessionCostParams, opts ...Option) (*SessionCostResponse, error) {
	return doJSON[SessionCostResponse](ctx, s.c, "Datasets.GetSessionCost", opts, func(server string) (*http.Request, error) {
		return gen.NewGetSessionCostRequest(server, params)
	})
}

// GetSessionCostAll iterates over the session cost rows, fetching pages
// lazily from params.Offset (default 0) with params.Limit rows each
// (default 100, maximum 500); the other fields of params filter every
// page. The API serves no offset beyond 5000, so the iteration ends there
// at the latest. It stops at the first error, which it yields.
// It calls GET /datasets/session-cost once per page.
func (s *DatasetsService) GetSessionCostAll(ctx context.Context, params *SessionCostParams, opts ...Option) iter.Seq2[SessionCost, error] {
	return offsetAll(ctx, params, s.GetSessionCost, opts, offsetPaging{maxLimit: sessionCostMaxLimit, maxOffset: sessionCostMaxOffset},
		func(p *SessionCostParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *SessionCostResponse) ([]SessionCost, int) { return r.Data, -1 })
}
