package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// CreditsService reads credits. Get it from [Client].Credits.
type CreditsService struct{ c *caller }

// Request and result types of the Credits methods.
type (
	// CreditsResponse is the result of Credits.Get.
	CreditsResponse = gen.GetCreditsResponse
)

// Get returns the credits bought and used. It needs a management key.
// It calls GET /credits.
func (s *CreditsService) Get(ctx context.Context, opts ...Option) (*CreditsResponse, error) {
	return doJSON[CreditsResponse](ctx, s.c, "Credits.Get", opts, func(server string) (*http.Request, error) {
		return gen.NewGetCreditsRequest(server)
	})
}

// CreateCoinbaseCharge starts a Coinbase crypto payment. OpenRouter has
// retired this endpoint and answers 410 Gone, which comes back as an
// [*APIError]. It calls POST /credits/coinbase.
func (s *CreditsService) CreateCoinbaseCharge(ctx context.Context, opts ...Option) error {
	return doNoContent(ctx, s.c, "Credits.CreateCoinbaseCharge", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateCoinbaseChargeRequest(server)
	})
}
