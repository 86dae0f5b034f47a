package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// BenchmarksService reads model benchmark scores. Get it from
// [Client].Benchmarks.
type BenchmarksService struct{ c *caller }

// Request and result types of the Benchmarks methods.
type (
	// BenchmarksParams are the optional filters of Benchmarks.List.
	BenchmarksParams = gen.GetBenchmarksParams
	// BenchmarksResponse is the result of Benchmarks.List. Each item is one
	// of four shapes (Artificial Analysis, Design Arena, OpenRouter
	// accuracy, OpenRouter search); read it with the item's As* methods
	// after checking its "source" and "benchmark_type".
	BenchmarksResponse = gen.UnifiedBenchmarksResponse
)

// List returns benchmark scores of models, such as Artificial Analysis
// indices, Design Arena ratings and OpenRouter's own runs, filtered by
// params (nil for all). It calls GET /benchmarks.
func (s *BenchmarksService) List(ctx context.Context, params *BenchmarksParams, opts ...Option) (*BenchmarksResponse, error) {
	return doJSON[BenchmarksResponse](ctx, s.c, "Benchmarks.List", opts, func(server string) (*http.Request, error) {
		return gen.NewGetBenchmarksRequest(server, params)
	})
}
