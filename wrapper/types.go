package openrouter

import (
	"fmt"

	"github.com/gopenrouter/openrouter/gen"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// UUID is the type of the UUID fields of requests and results, such as a
// workspace id. Parse one with [ParseUUID].
type UUID = openapi_types.UUID

// ParseUUID parses s, such as "550e8400-e29b-41d4-a716-446655440000", into
// a [UUID], with an error that names the bad input.
func ParseUUID(s string) (UUID, error) {
	var id UUID
	if err := id.UnmarshalText([]byte(s)); err != nil {
		return id, fmt.Errorf("openrouter: %q is not a UUID: %w", s, err)
	}
	return id, nil
}

// Request and result types of the service methods. They are the generated
// types of package gen under shorter names, so most programs never import
// gen; every other model type is in gen.
type (
	// ChatRequest is the body of Chat.Send and Chat.Stream.
	ChatRequest = gen.ChatRequest
	// ChatChunk is one event of Chat.Stream.
	ChatChunk = gen.ChatChunk
	// ChatMessage is one message of a conversation (a union of the roles).
	ChatMessage = gen.ChatMessage
	// CompletionChunk is one event of Completions.Stream.
	CompletionChunk = gen.CompletionResponse
	// ResponsesStreamEvent is one event of Beta.Responses.Stream, a union
	// keyed by its "type"; see its Discriminator and As* methods.
	ResponsesStreamEvent = gen.ResponsesStreamEvent
	// CompletionRequest is the body of Completions.Generate.
	CompletionRequest = gen.CompletionRequest
	// CompletionResponse is the result of Completions.Generate.
	CompletionResponse = gen.CompletionResponse
	// ResponsesRequest is the body of Beta.Responses.Send.
	ResponsesRequest = gen.ResponsesRequest
	// ResponsesResult is the result of Beta.Responses.Send.
	ResponsesResult = gen.OpenResponsesResult
	// EmbeddingsRequest is the body of Embeddings.Generate.
	EmbeddingsRequest = gen.CreateEmbeddingsRequest
	// EmbeddingsResponse is the result of Embeddings.Generate.
	EmbeddingsResponse = gen.CreateEmbeddingsResponse
	// ModelsListResponse is the result of the model listings.
	ModelsListResponse = gen.ModelsListResponse
	// ModelsCountResponse is the result of Models.Count.
	ModelsCountResponse = gen.ModelsCountResponse
	// ModelEndpointsResponse is the result of Endpoints.List.
	ModelEndpointsResponse = gen.ListEndpointsResponse
	// ZDREndpointsResponse is the result of Endpoints.ListZDR.
	ZDREndpointsResponse = gen.ListEndpointsZdrResponse
	// ParametersResponse is the result of Parameters.Get.
	ParametersResponse = gen.GetParametersResponse
	// ProvidersResponse is the result of Providers.List.
	ProvidersResponse = gen.ListProvidersResponse
	// GenerationResponse is the result of Generations.Get.
	GenerationResponse = gen.GenerationResponse
	// CreditsResponse is the result of Credits.Get.
	CreditsResponse = gen.GetCreditsResponse
	// APIKeyListResponse is the result of APIKeys.List.
	APIKeyListResponse = gen.ListKeysResponse
	// CreateAPIKeyRequest is the body of APIKeys.Create.
	CreateAPIKeyRequest = gen.CreateKeysRequest
	// CreateAPIKeyResponse is the result of APIKeys.Create.
	CreateAPIKeyResponse = gen.CreateKeysResponse
	// APIKeyResponse is the result of APIKeys.Get.
	APIKeyResponse = gen.GetKeyResponse
	// UpdateAPIKeyRequest is the body of APIKeys.Update.
	UpdateAPIKeyRequest = gen.UpdateKeysRequest
	// UpdateAPIKeyResponse is the result of APIKeys.Update.
	UpdateAPIKeyResponse = gen.UpdateKeysResponse
	// DeleteAPIKeyResponse is the result of APIKeys.Delete.
	DeleteAPIKeyResponse = gen.DeleteKeysResponse
	// CurrentAPIKeyResponse is the result of APIKeys.GetCurrent.
	CurrentAPIKeyResponse = gen.GetCurrentKeyResponse
	// ActivityResponse is the result of Analytics.GetUserActivity.
	ActivityResponse = gen.ActivityResponse
	// CreateAuthCodeRequest is the body of OAuth.CreateAuthCode.
	CreateAuthCodeRequest = gen.CreateAuthKeysCodeRequest
	// CreateAuthCodeResponse is the result of OAuth.CreateAuthCode.
	CreateAuthCodeResponse = gen.CreateAuthKeysCodeResponse
	// ExchangeAuthCodeRequest is the body of OAuth.ExchangeAuthCode.
	ExchangeAuthCodeRequest = gen.ExchangeAuthCodeForAPIKeyRequest
	// ExchangeAuthCodeResponse is the result of OAuth.ExchangeAuthCode.
	ExchangeAuthCodeResponse = gen.ExchangeAuthCodeForAPIKeyResponse

	// ListModelsParams are the optional filters of Models.List.
	ListModelsParams = gen.GetModelsParams
	// CountModelsParams are the optional filters of Models.Count.
	CountModelsParams = gen.ListModelsCountParams
	// ListUserModelsParams page Models.ListForUser.
	ListUserModelsParams = gen.ListModelsUserParams
	// ListEmbeddingsModelsParams page Embeddings.ListModels.
	ListEmbeddingsModelsParams = gen.ListEmbeddingsModelsParams
	// GetParametersParams are the optional filters of Parameters.Get.
	GetParametersParams = gen.GetParametersParams
	// ListAPIKeysParams are the optional filters of APIKeys.List.
	ListAPIKeysParams = gen.ListKeysParams
	// UserActivityParams are the optional filters of Analytics.GetUserActivity.
	UserActivityParams = gen.GetUserActivityParams
)

// ChatResponse is the result of Chat.Send and of a [ChatAccumulator]: the
// generated gen.ChatResponse, whose fields it promotes, plus helper methods.
type ChatResponse struct {
	gen.ChatResponse
}
