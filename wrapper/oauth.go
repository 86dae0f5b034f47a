package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// OAuthService runs OpenRouter's PKCE flow. Get it from [Client].OAuth.
type OAuthService struct{ c *caller }

// Request and result types of the OAuth methods.
type (
	// CreateAuthCodeRequest is the body of OAuth.CreateAuthCode.
	CreateAuthCodeRequest = gen.CreateAuthKeysCodeRequest
	// CreateAuthCodeResponse is the result of OAuth.CreateAuthCode.
	CreateAuthCodeResponse = gen.CreateAuthKeysCodeResponse
	// ExchangeAuthCodeRequest is the body of OAuth.ExchangeAuthCode.
	ExchangeAuthCodeRequest = gen.ExchangeAuthCodeForAPIKeyRequest
	// ExchangeAuthCodeResponse is the result of OAuth.ExchangeAuthCode.
	ExchangeAuthCodeResponse = gen.ExchangeAuthCodeForAPIKeyResponse
)

// CreateAuthCode creates an authorization code for the PKCE flow on behalf
// of the calling key. It calls POST /auth/keys/code.
func (s *OAuthService) CreateAuthCode(ctx context.Context, req CreateAuthCodeRequest, opts ...Option) (*CreateAuthCodeResponse, error) {
	return doJSON[CreateAuthCodeResponse](ctx, s.c, "OAuth.CreateAuthCode", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateAuthKeysCodeRequest(server, req)
	})
}

// ExchangeAuthCode trades the code from the OAuth redirect (and the PKCE
// verifier) for a user-controlled API key. It needs no API key.
// It calls POST /auth/keys.
func (s *OAuthService) ExchangeAuthCode(ctx context.Context, req ExchangeAuthCodeRequest, opts ...Option) (*ExchangeAuthCodeResponse, error) {
	return doJSONAuth[ExchangeAuthCodeResponse](ctx, s.c, "OAuth.ExchangeAuthCode", false, opts, func(server string) (*http.Request, error) {
		return gen.NewExchangeAuthCodeForAPIKeyRequest(server, req)
	})
}
