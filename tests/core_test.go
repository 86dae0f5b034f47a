package tests

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Contract tests of the 24 core operations.
func init() {
	register(map[string]contract{
		"sendChatCompletionRequest": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			req := chatRequest(t, "hello there")
			req.Temperature = ptr(0.2)
			resp := must[*openrouter.ChatResponse](t)(c.Chat.Send(ctx, req))
			r := only(t, srv, "sendChatCompletionRequest")
			expectRequest(t, r, "POST", "/chat/completions", map[string]any{"model": "openai/gpt-4o-mini", "temperature": 0.2})
			check(t, "reply", messageText(t, resp.Choices[0].Message), "You said: hello there")
			check(t, "model", resp.Model, "openai/gpt-4o-mini")
			if resp.Usage == nil || resp.Usage.Cost == nil || *resp.Usage.Cost <= 0 {
				t.Errorf("usage with cost missing: %+v", resp.Usage)
			}
			if strings.Contains(string(r.Body), `"stream"`) {
				t.Errorf("Send sent a stream flag: %s", r.Body)
			}
		},
		"createCompletions": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			var prompt gen.CompletionRequestPrompt
			if err := prompt.FromCompletionRequestPromptString("Once upon a time"); err != nil {
				t.Fatal(err)
			}
			resp := must[*openrouter.CompletionResponse](t)(c.Completions.Generate(ctx, openrouter.CompletionRequest{Model: "openai/gpt-3.5-turbo-instruct", Prompt: prompt, MaxTokens: ptr(20)}))
			expectRequest(t, only(t, srv, "createCompletions"), "POST", "/completions", map[string]any{"prompt": "Once upon a time", "max_tokens": 20})
			if len(resp.Choices) == 0 || resp.Choices[0].Text == "" {
				t.Errorf("no completion text: %+v", resp)
			}
		},
		"createResponses": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			var in gen.Inputs
			if err := in.FromInputsString("Tell me a joke"); err != nil {
				t.Fatal(err)
			}
			resp := must[*openrouter.ResponsesResult](t)(c.Beta.Responses.Send(ctx, openrouter.ResponsesRequest{Model: "openai/gpt-4o", Input: &in}))
			expectRequest(t, only(t, srv, "createResponses"), "POST", "/responses", map[string]any{"input": "Tell me a joke"})
			check(t, "status", resp.Status, "completed")
			if len(resp.Output) == 0 {
				t.Error("no output items")
			}
		},
		"createEmbeddings": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			var in gen.CreateEmbeddingsRequestInput
			if err := in.FromCreateEmbeddingsRequestInputStringList([]string{"a", "b"}); err != nil {
				t.Fatal(err)
			}
			resp := must[*openrouter.EmbeddingsResponse](t)(c.Embeddings.Generate(ctx, openrouter.EmbeddingsRequest{Model: "openai/text-embedding-3-small", Input: in}))
			expectRequest(t, only(t, srv, "createEmbeddings"), "POST", "/embeddings", map[string]any{"input": []any{"a", "b"}})
			check(t, "vectors", len(resp.Data), 2)
		},
		"listEmbeddingsModels": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ModelsListResponse](t)(c.Embeddings.ListModels(ctx, nil))
			expectRequest(t, only(t, srv, "listEmbeddingsModels"), "GET", "/embeddings/models", nil)
			if len(resp.Data) == 0 {
				t.Error("no embedding models")
			}
		},
		"getModels": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ModelsListResponse](t)(c.Models.List(ctx, &openrouter.ListModelsParams{Category: ptr(gen.GetModelsCategoryParamProgramming)}))
			r := only(t, srv, "getModels")
			expectRequest(t, r, "GET", "/models", nil)
			check(t, "category query", r.Query.Get("category"), "programming")
			if len(resp.Data) == 0 || resp.Data[0].ID == "" {
				t.Error("no models")
			}
		},
		"listModelsCount": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ModelsCountResponse](t)(c.Models.Count(ctx, nil))
			expectRequest(t, only(t, srv, "listModelsCount"), "GET", "/models/count", nil)
			if resp.Data.Count <= 0 {
				t.Errorf("count %v", resp.Data.Count)
			}
		},
		"listModelsUser": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ModelsListResponse](t)(c.Models.ListForUser(ctx, &openrouter.ListUserModelsParams{Limit: ptr(2)}))
			r := only(t, srv, "listModelsUser")
			expectRequest(t, r, "GET", "/models/user", nil)
			check(t, "limit query", r.Query.Get("limit"), "2")
			if len(resp.Data) == 0 {
				t.Error("no models")
			}
		},
		"listEndpoints": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ModelEndpointsResponse](t)(c.Endpoints.List(ctx, "openai", "gpt-4o"))
			expectRequest(t, only(t, srv, "listEndpoints"), "GET", "/models/openai/gpt-4o/endpoints", nil)
			check(t, "model id", resp.Data.ID, "openai/gpt-4o")
			if len(resp.Data.Endpoints) == 0 {
				t.Error("no endpoints")
			}
		},
		"listEndpointsZdr": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ZDREndpointsResponse](t)(c.Endpoints.ListZDR(ctx))
			expectRequest(t, only(t, srv, "listEndpointsZdr"), "GET", "/endpoints/zdr", nil)
			if len(resp.Data) == 0 {
				t.Error("no ZDR endpoints")
			}
		},
		"getParameters": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ParametersResponse](t)(c.Parameters.Get(ctx, "openai", "gpt-4o", nil))
			expectRequest(t, only(t, srv, "getParameters"), "GET", "/parameters/openai/gpt-4o", nil)
			check(t, "model", resp.Data.Model, "openai/gpt-4o")
		},
		"listProviders": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ProvidersResponse](t)(c.Providers.List(ctx))
			expectRequest(t, only(t, srv, "listProviders"), "GET", "/providers", nil)
			if len(resp.Data) == 0 || resp.Data[0].Name == "" {
				t.Error("no providers")
			}
		},
		"getGeneration": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GenerationResponse](t)(c.Generations.Get(ctx, "gen-abc"))
			r := only(t, srv, "getGeneration")
			expectRequest(t, r, "GET", "/generation", nil)
			check(t, "id query", r.Query.Get("id"), "gen-abc")
			check(t, "id", resp.Data.ID, "gen-abc")
		},
		"getCredits": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CreditsResponse](t)(c.Credits.Get(ctx))
			expectRequest(t, only(t, srv, "getCredits"), "GET", "/credits", nil)
			check(t, "total", resp.Data.TotalCredits, 100)
		},
		"createCoinbaseCharge": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			err := c.Credits.CreateCoinbaseCharge(ctx)
			expectRequest(t, only(t, srv, "createCoinbaseCharge"), "POST", "/credits/coinbase", nil)
			wantAPIError(t, err, http.StatusGone)
		},
		"listKeys": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.APIKeyListResponse](t)(c.APIKeys.List(ctx, &openrouter.ListAPIKeysParams{IncludeDisabled: ptr(true)}))
			r := only(t, srv, "listKeys")
			expectRequest(t, r, "GET", "/keys", nil)
			check(t, "include_disabled", r.Query.Get("include_disabled"), "true")
			if len(resp.Data) == 0 || resp.Data[0].Hash == "" {
				t.Error("no keys")
			}
		},
		"createKeys": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CreateAPIKeyResponse](t)(c.APIKeys.Create(ctx, openrouter.CreateAPIKeyRequest{Name: "ci key", Limit: ptr(5.0)}))
			expectRequest(t, only(t, srv, "createKeys"), "POST", "/keys", map[string]any{"name": "ci key", "limit": 5})
			if !strings.HasPrefix(resp.Key, "sk-or-") {
				t.Errorf("new key %q", resp.Key)
			}
			check(t, "name", resp.Data.Name, "ci key")
		},
		"getKey": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.APIKeyResponse](t)(c.APIKeys.Get(ctx, "hash-1"))
			expectRequest(t, only(t, srv, "getKey"), "GET", "/keys/hash-1", nil)
			check(t, "hash", resp.Data.Hash, "hash-1")
		},
		"updateKeys": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.UpdateAPIKeyResponse](t)(c.APIKeys.Update(ctx, "hash-2", openrouter.UpdateAPIKeyRequest{Disabled: ptr(true), Name: "renamed"}))
			expectRequest(t, only(t, srv, "updateKeys"), "PATCH", "/keys/hash-2", map[string]any{"disabled": true, "name": "renamed"})
			check(t, "disabled", resp.Data.Disabled, true)
			check(t, "name", resp.Data.Name, "renamed")
		},
		"deleteKeys": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.DeleteAPIKeyResponse](t)(c.APIKeys.Delete(ctx, "hash-3"))
			expectRequest(t, only(t, srv, "deleteKeys"), "DELETE", "/keys/hash-3", nil)
			check(t, "deleted", resp.Deleted, true)
		},
		"getCurrentKey": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CurrentAPIKeyResponse](t)(c.APIKeys.GetCurrent(ctx))
			expectRequest(t, only(t, srv, "getCurrentKey"), "GET", "/key", nil)
			if resp.Data.Label == "" {
				t.Error("no label")
			}
		},
		"getUserActivity": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ActivityResponse](t)(c.Analytics.GetUserActivity(ctx, &openrouter.UserActivityParams{Date: ptr("2025-08-24")}))
			r := only(t, srv, "getUserActivity")
			expectRequest(t, r, "GET", "/activity", nil)
			check(t, "date query", r.Query.Get("date"), "2025-08-24")
			if len(resp.Data) == 0 || resp.Data[0].Date != "2025-08-24" {
				t.Errorf("activity %+v", resp.Data)
			}
		},
		"exchangeAuthCodeForAPIKey": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ExchangeAuthCodeResponse](t)(c.OAuth.ExchangeAuthCode(ctx, openrouter.ExchangeAuthCodeRequest{Code: "auth-code", CodeVerifier: "verifier"}))
			r := only(t, srv, "exchangeAuthCodeForAPIKey")
			expectRequest(t, r, "POST", "/auth/keys", map[string]any{"code": "auth-code", "code_verifier": "verifier"})
			if r.Header.Get("Authorization") != "Bearer "+openroutertest.TestAPIKey {
				t.Errorf("Authorization %q: the configured key belongs on the code exchange too", r.Header.Get("Authorization"))
			}
			if !strings.HasPrefix(resp.Key, "sk-or-") {
				t.Errorf("key %q", resp.Key)
			}
		},
		"createAuthKeysCode": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CreateAuthCodeResponse](t)(c.OAuth.CreateAuthCode(ctx, openrouter.CreateAuthCodeRequest{CallbackURL: "https://app.example/callback"}))
			expectRequest(t, only(t, srv, "createAuthKeysCode"), "POST", "/auth/keys/code", map[string]any{"callback_url": "https://app.example/callback"})
			if resp.Data.ID == "" {
				t.Error("no code id")
			}
		},
	})
}

// Streaming contracts: full streams, mid-stream errors and truncation.

func TestChatStreamContract(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	stream, err := c.Chat.Stream(ctx, chatRequest(t, "stream this please"))
	if err != nil {
		t.Fatal(err)
	}
	var acc openrouter.ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		acc.Add(chunk)
	}
	resp := acc.Response()
	check(t, "streamed reply", messageText(t, resp.Choices[0].Message), "You said: stream this please")
	check(t, "finish", *resp.Choices[0].FinishReason, "stop")
	if resp.Usage == nil || resp.Usage.Cost == nil {
		t.Error("final usage chunk with cost not accumulated")
	}
	r := only(t, srv, "sendChatCompletionRequest")
	expectRequest(t, r, "POST", "/chat/completions", map[string]any{"stream": true})
}

func TestChatStreamFaultContracts(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		stream  func(openroutertest.Response) openroutertest.Response
		wantErr func(t *testing.T, err error)
	}{
		"mid-stream error": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.Events = r.Stream.Events[:1]
				r.Stream.Error = openroutertest.MidStreamError(502, "provider went away")
				return r
			},
			wantErr: func(t *testing.T, err error) {
				e := wantAPIError(t, err, 502)
				check(t, "message", e.Message, "provider went away")
			},
		},
		"no [DONE]": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.OmitDone = true
				return r
			},
			wantErr: func(t *testing.T, err error) {
				if !errors.Is(err, openrouter.ErrStreamTruncated) {
					t.Errorf("error %v, want ErrStreamTruncated", err)
				}
			},
		},
		"reset": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.ResetAfter = 1
				return r
			},
			wantErr: func(t *testing.T, err error) {
				if !errors.Is(err, openrouter.ErrStreamTruncated) {
					t.Errorf("error %v, want ErrStreamTruncated", err)
				}
			},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t)
			c, _ := srv.Client()
			srv.Enqueue("sendChatCompletionRequest", tc.stream(openroutertest.ChatStream("first ", "second")))
			stream, err := c.Chat.Stream(ctx, chatRequest(t, "x"))
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			var streamErr error
			for chunk, err := range stream.All() {
				if err != nil {
					streamErr = err
					break
				}
				for _, ch := range chunk.Choices {
					got.WriteString(ch.Delta.Content)
				}
			}
			if !strings.HasPrefix(got.String(), "first") {
				t.Errorf("chunks before the fault were lost: %q", got.String())
			}
			tc.wantErr(t, streamErr)
			if n := len(srv.RequestsFor("sendChatCompletionRequest")); n != 1 {
				t.Errorf("%d requests: a started stream must not be retried", n)
			}
		})
	}
}

func TestCompletionsStreamContract(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	var prompt gen.CompletionRequestPrompt
	_ = prompt.FromCompletionRequestPromptString("Count: one two")
	stream, err := c.Completions.Stream(ctx, openrouter.CompletionRequest{Model: "m/x", Prompt: prompt})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for chunk, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range chunk.Choices {
			text.WriteString(ch.Text)
		}
	}
	if text.Len() == 0 {
		t.Error("no streamed text")
	}
	expectRequest(t, only(t, srv, "createCompletions"), "POST", "/completions", map[string]any{"stream": true})
}

func TestResponsesStreamContract(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	var in gen.Inputs
	_ = in.FromInputsString("hi")
	stream, err := c.Beta.Responses.Stream(ctx, openrouter.ResponsesRequest{Model: "openai/gpt-4o", Input: &in})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		k, err := ev.Discriminator()
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, k)
	}
	if len(kinds) < 3 || kinds[0] != "response.created" || kinds[len(kinds)-1] != "response.completed" {
		t.Errorf("event kinds %v", kinds)
	}
	expectRequest(t, only(t, srv, "createResponses"), "POST", "/responses", map[string]any{"stream": true})
}

func TestRetriesAgainstFake(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	srv.Enqueue("getCredits", openroutertest.RetryAfter(0, "slow down"))
	srv.Enqueue("getCredits", openroutertest.ErrorResponse(http.StatusBadGateway, "upstream"))
	if _, err := c.Credits.Get(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.RequestsFor("getCredits")); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
}

func TestInvalidRequestIsRejectedByTheFake(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
	c, _ := srv.Client()
	// A chat request without messages violates the spec.
	_, err := c.Chat.Send(ctx, openrouter.ChatRequest{Model: "m/x"})
	e := wantAPIError(t, err, 400)
	if !contains(e.Message, "messages") {
		t.Errorf("message %q does not name the invalid field", e.Message)
	}
}
