package openrouter

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// ChatService sends chat completions. Get it from [Client].Chat.
type ChatService struct{ c *Client }

// Send creates a chat completion and waits for the whole reply.
// It calls POST /chat/completions with stream unset; use Stream for
// incremental output. Errors: [*APIError] for non-2xx responses (see the
// Err* sentinels), [*DecodeError] for a body that does not decode.
func (s *ChatService) Send(ctx context.Context, req ChatRequest, opts ...Option) (*ChatResponse, error) {
	req.Stream = nil
	return doJSON[ChatResponse](ctx, s.c, "Chat.Send", opts, func(server string) (*http.Request, error) {
		return gen.NewSendChatCompletionRequestRequest(server, nil, req)
	})
}

// CompletionsService sends legacy text completions. Get it from
// [Client].Completions.
type CompletionsService struct{ c *Client }

// Generate creates a text completion from a prompt.
// It calls POST /completions with stream unset.
func (s *CompletionsService) Generate(ctx context.Context, req CompletionRequest, opts ...Option) (*CompletionResponse, error) {
	req.Stream = nil
	return doJSON[CompletionResponse](ctx, s.c, "Completions.Generate", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateCompletionsRequest(server, req)
	})
}

// BetaService groups the APIs OpenRouter marks as beta.
type BetaService struct {
	// Responses is the OpenAI Responses-style API.
	Responses *ResponsesService
}

// ResponsesService calls the Responses API. Get it from
// [Client].Beta.Responses.
type ResponsesService struct{ c *Client }

// Send creates a response and waits for all of it.
// It calls POST /responses with stream unset.
func (s *ResponsesService) Send(ctx context.Context, req ResponsesRequest, opts ...Option) (*ResponsesResult, error) {
	req.Stream = nil
	return doJSON[ResponsesResult](ctx, s.c, "Beta.Responses.Send", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateResponsesRequest(server, nil, req)
	})
}

// EmbeddingsService creates embeddings. Get it from [Client].Embeddings.
type EmbeddingsService struct{ c *Client }

// Generate turns the request's input into embedding vectors.
// It calls POST /embeddings.
func (s *EmbeddingsService) Generate(ctx context.Context, req EmbeddingsRequest, opts ...Option) (*EmbeddingsResponse, error) {
	return doJSON[EmbeddingsResponse](ctx, s.c, "Embeddings.Generate", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateEmbeddingsRequest(server, req)
	})
}

// ListModels lists the models that serve embeddings; params may be nil.
// It calls GET /embeddings/models.
func (s *EmbeddingsService) ListModels(ctx context.Context, params *ListEmbeddingsModelsParams, opts ...Option) (*ModelsListResponse, error) {
	return doJSON[ModelsListResponse](ctx, s.c, "Embeddings.ListModels", opts, func(server string) (*http.Request, error) {
		return gen.NewListEmbeddingsModelsRequest(server, params)
	})
}

// ModelsService reads the model catalogue. Get it from [Client].Models.
type ModelsService struct{ c *Client }

// List returns the model catalogue, filtered by params (nil for all).
// It calls GET /models.
func (s *ModelsService) List(ctx context.Context, params *ListModelsParams, opts ...Option) (*ModelsListResponse, error) {
	return doJSON[ModelsListResponse](ctx, s.c, "Models.List", opts, func(server string) (*http.Request, error) {
		return gen.NewGetModelsRequest(server, params)
	})
}

// Count returns how many models match params (nil for all).
// It calls GET /models/count.
func (s *ModelsService) Count(ctx context.Context, params *CountModelsParams, opts ...Option) (*ModelsCountResponse, error) {
	return doJSON[ModelsCountResponse](ctx, s.c, "Models.Count", opts, func(server string) (*http.Request, error) {
		return gen.NewListModelsCountRequest(server, params)
	})
}

// ListForUser returns the models available to the calling key after its
// provider and privacy settings. It calls GET /models/user.
func (s *ModelsService) ListForUser(ctx context.Context, params *ListUserModelsParams, opts ...Option) (*ModelsListResponse, error) {
	return doJSON[ModelsListResponse](ctx, s.c, "Models.ListForUser", opts, func(server string) (*http.Request, error) {
		return gen.NewListModelsUserRequest(server, params)
	})
}

// EndpointsService lists provider endpoints. Get it from [Client].Endpoints.
type EndpointsService struct{ c *Client }

// List returns the endpoints serving the model author/slug, such as
// "openai"/"gpt-4o". It calls GET /models/{author}/{slug}/endpoints.
func (s *EndpointsService) List(ctx context.Context, author, slug string, opts ...Option) (*ModelEndpointsResponse, error) {
	const op = "Endpoints.List"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ModelEndpointsResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListEndpointsRequest(server, author, slug)
	})
}

// ListZDR returns the endpoints with zero data retention.
// It calls GET /endpoints/zdr.
func (s *EndpointsService) ListZDR(ctx context.Context, opts ...Option) (*ZDREndpointsResponse, error) {
	return doJSON[ZDREndpointsResponse](ctx, s.c, "Endpoints.ListZDR", opts, func(server string) (*http.Request, error) {
		return gen.NewListEndpointsZdrRequest(server)
	})
}

// ParametersService reports supported parameters. Get it from
// [Client].Parameters.
type ParametersService struct{ c *Client }

// Get returns the request parameters the model author/slug supports,
// optionally for one provider (params may be nil).
// It calls GET /parameters/{author}/{slug}.
func (s *ParametersService) Get(ctx context.Context, author, slug string, params *GetParametersParams, opts ...Option) (*ParametersResponse, error) {
	const op = "Parameters.Get"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ParametersResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetParametersRequest(server, author, slug, params)
	})
}

// ProvidersService lists providers. Get it from [Client].Providers.
type ProvidersService struct{ c *Client }

// List returns the inference providers OpenRouter routes to.
// It calls GET /providers.
func (s *ProvidersService) List(ctx context.Context, opts ...Option) (*ProvidersResponse, error) {
	return doJSON[ProvidersResponse](ctx, s.c, "Providers.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListProvidersRequest(server)
	})
}

// GenerationsService looks up generations. Get it from [Client].Generations.
type GenerationsService struct{ c *Client }

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

// CreditsService reads credits. Get it from [Client].Credits.
type CreditsService struct{ c *Client }

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

// APIKeysService manages API keys; every method needs a management key.
// Get it from [Client].APIKeys.
type APIKeysService struct{ c *Client }

// List returns the API keys, filtered by params (nil for defaults).
// It calls GET /keys.
func (s *APIKeysService) List(ctx context.Context, params *ListAPIKeysParams, opts ...Option) (*APIKeyListResponse, error) {
	return doJSON[APIKeyListResponse](ctx, s.c, "APIKeys.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListKeysRequest(server, params)
	})
}

// Create makes a new API key. The key itself is in the result's Key field
// and is shown only this once. It calls POST /keys.
func (s *APIKeysService) Create(ctx context.Context, req CreateAPIKeyRequest, opts ...Option) (*CreateAPIKeyResponse, error) {
	return doJSON[CreateAPIKeyResponse](ctx, s.c, "APIKeys.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateKeysRequest(server, req)
	})
}

// Get returns the API key with the given hash. It calls GET /keys/{hash}.
func (s *APIKeysService) Get(ctx context.Context, hash string, opts ...Option) (*APIKeyResponse, error) {
	const op = "APIKeys.Get"
	if err := nonEmpty(op, "hash", hash); err != nil {
		return nil, err
	}
	return doJSON[APIKeyResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetKeyRequest(server, hash)
	})
}

// Update changes the API key with the given hash. It calls PATCH /keys/{hash}.
func (s *APIKeysService) Update(ctx context.Context, hash string, req UpdateAPIKeyRequest, opts ...Option) (*UpdateAPIKeyResponse, error) {
	const op = "APIKeys.Update"
	if err := nonEmpty(op, "hash", hash); err != nil {
		return nil, err
	}
	return doJSON[UpdateAPIKeyResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewUpdateKeysRequest(server, hash, req)
	})
}

// Delete removes the API key with the given hash.
// It calls DELETE /keys/{hash}.
func (s *APIKeysService) Delete(ctx context.Context, hash string, opts ...Option) (*DeleteAPIKeyResponse, error) {
	const op = "APIKeys.Delete"
	if err := nonEmpty(op, "hash", hash); err != nil {
		return nil, err
	}
	return doJSON[DeleteAPIKeyResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewDeleteKeysRequest(server, hash)
	})
}

// GetCurrent returns usage and limits of the key making the call; any key
// works. It calls GET /key.
func (s *APIKeysService) GetCurrent(ctx context.Context, opts ...Option) (*CurrentAPIKeyResponse, error) {
	return doJSON[CurrentAPIKeyResponse](ctx, s.c, "APIKeys.GetCurrent", opts, func(server string) (*http.Request, error) {
		return gen.NewGetCurrentKeyRequest(server)
	})
}

// AnalyticsService reports usage. Get it from [Client].Analytics.
type AnalyticsService struct{ c *Client }

// GetUserActivity returns daily usage by model and endpoint for the last
// 30 days, filtered by params (nil for all). It needs a management key.
// It calls GET /activity.
func (s *AnalyticsService) GetUserActivity(ctx context.Context, params *UserActivityParams, opts ...Option) (*ActivityResponse, error) {
	return doJSON[ActivityResponse](ctx, s.c, "Analytics.GetUserActivity", opts, func(server string) (*http.Request, error) {
		return gen.NewGetUserActivityRequest(server, params)
	})
}

// OAuthService runs OpenRouter's PKCE flow. Get it from [Client].OAuth.
type OAuthService struct{ c *Client }

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

// nonEmpty checks name/value pairs of required string arguments.
func nonEmpty(op string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return fmt.Errorf("openrouter: %s: %s is empty", op, pairs[i])
		}
	}
	return nil
}

// uuidArg checks that the path argument name of op is a UUID, as the
// management endpoints require, so that a malformed id fails before any
// request is sent.
func uuidArg(op, name, value string) (UUID, error) {
	var id UUID
	if err := nonEmpty(op, name, value); err != nil {
		return id, err
	}
	if err := id.UnmarshalText([]byte(value)); err != nil {
		return id, fmt.Errorf("openrouter: %s: %s %q is not a UUID", op, name, value)
	}
	return id, nil
}

// doJSONWithUUID is doJSON for an operation whose path argument id must
// be a UUID: a malformed id fails before any request is sent.
func doJSONWithUUID[T any](ctx context.Context, c *Client, op, id string, opts []Option, build func(server string, id UUID) (*http.Request, error)) (*T, error) {
	uid, err := uuidArg(op, "id", id)
	if err != nil {
		return nil, err
	}
	return doJSON[T](ctx, c, op, opts, func(server string) (*http.Request, error) { return build(server, uid) })
}
