package tests

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// TestOperations calls every operation through the client and checks the
// request the server received and the decoded result.
func TestOperations(t *testing.T) {
	t.Parallel()
	type opCase struct {
		call     func(t *testing.T, c *openrouter.Client) (string, error) // returns a decoded field to check
		method   string
		path     string
		query    url.Values
		body     string // JSON the server must receive, "" for none
		response string // JSON the server answers
		want     string // the decoded field call returns
	}
	ctx := context.Background()
	cases := map[string]opCase{
		"Chat.Send": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Chat.Send(ctx, openrouter.ChatRequest{
					Model:       "openai/gpt-4o",
					Messages:    []openrouter.ChatMessage{userMessage(t, "Hi")},
					Temperature: ptr(0.0),
					Stream:      ptr(true), // Send must clear it
				})
				if err != nil {
					return "", err
				}
				return r.ID + " " + r.Model, nil
			},
			method:   "POST",
			path:     "/chat/completions",
			body:     `{"model":"openai/gpt-4o","messages":[{"role":"user","content":"Hi"}],"temperature":0}`,
			response: `{"id":"gen-1","model":"openai/gpt-4o","object":"chat.completion","created":1,"choices":[],"future_field":{"x":1}}`,
			want:     "gen-1 openai/gpt-4o",
		},
		"Completions.Generate": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				var p gen.CompletionRequestPrompt
				if err := p.FromCompletionRequestPromptString("Once"); err != nil {
					t.Fatal(err)
				}
				r, err := c.Completions.Generate(ctx, openrouter.CompletionRequest{Model: "m", Prompt: p})
				if err != nil {
					return "", err
				}
				return r.ID, nil
			},
			method: "POST", path: "/completions",
			body:     `{"model":"m","prompt":"Once"}`,
			response: `{"id":"cmpl-1","object":"text_completion","created":1,"model":"m","choices":[]}`,
			want:     "cmpl-1",
		},
		"Beta.Responses.Send": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				var in gen.Inputs
				if err := in.FromInputsString("Tell me"); err != nil {
					t.Fatal(err)
				}
				r, err := c.Beta.Responses.Send(ctx, openrouter.ResponsesRequest{Model: "m", Input: &in})
				if err != nil {
					return "", err
				}
				return r.ID, nil
			},
			method: "POST", path: "/responses",
			body:     `{"model":"m","input":"Tell me"}`,
			response: `{"id":"resp_1","object":"response","created_at":1,"model":"m","status":"completed","output":[]}`,
			want:     "resp_1",
		},
		"Embeddings.Generate": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				var in gen.CreateEmbeddingsRequestInput
				if err := in.FromCreateEmbeddingsRequestInputString("hello"); err != nil {
					t.Fatal(err)
				}
				r, err := c.Embeddings.Generate(ctx, openrouter.EmbeddingsRequest{Model: "e", Input: in})
				if err != nil {
					return "", err
				}
				return fmt.Sprint(len(r.Data)), nil
			},
			method: "POST", path: "/embeddings",
			body:     `{"model":"e","input":"hello"}`,
			response: `{"object":"list","model":"e","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}]}`,
			want:     "1",
		},
		"Embeddings.ListModels": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Embeddings.ListModels(ctx, &openrouter.ListEmbeddingsModelsParams{Limit: ptr(5)})
				if err != nil {
					return "", err
				}
				return r.Data[0].ID, nil
			},
			method: "GET", path: "/embeddings/models", query: url.Values{"limit": {"5"}},
			response: `{"data":[{"id":"e1"}]}`, want: "e1",
		},
		"Models.List": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Models.List(ctx, &openrouter.ListModelsParams{Category: ptr(gen.GetModelsCategoryParamProgramming), Offset: ptr(10)})
				if err != nil {
					return "", err
				}
				return r.Data[0].ID, nil
			},
			method: "GET", path: "/models", query: url.Values{"category": {"programming"}, "offset": {"10"}},
			response: `{"data":[{"id":"openai/gpt-4o"}]}`, want: "openai/gpt-4o",
		},
		"Models.List(nil)": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Models.List(ctx, nil)
				if err != nil {
					return "", err
				}
				return fmt.Sprint(len(r.Data)), nil
			},
			method: "GET", path: "/models", response: `{"data":[]}`, want: "0",
		},
		"Models.Count": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Models.Count(ctx, &openrouter.CountModelsParams{OutputModalities: ptr("image")})
				if err != nil {
					return "", err
				}
				return fmt.Sprint(r.Data.Count), nil
			},
			method: "GET", path: "/models/count", query: url.Values{"output_modalities": {"image"}},
			response: `{"data":{"count":42}}`, want: "42",
		},
		"Models.ListForUser": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Models.ListForUser(ctx, nil)
				if err != nil {
					return "", err
				}
				return r.Data[0].ID, nil
			},
			method: "GET", path: "/models/user", response: `{"data":[{"id":"u1"}]}`, want: "u1",
		},
		"Endpoints.List": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Endpoints.List(ctx, "openai", "gpt 4o")
				if err != nil {
					return "", err
				}
				return r.Data.ID, nil
			},
			method: "GET", path: "/models/openai/gpt 4o/endpoints",
			response: `{"data":{"id":"openai/gpt-4o","endpoints":[]}}`, want: "openai/gpt-4o",
		},
		"Endpoints.ListZDR": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Endpoints.ListZDR(ctx)
				if err != nil {
					return "", err
				}
				return fmt.Sprint(len(r.Data)), nil
			},
			method: "GET", path: "/endpoints/zdr", response: `{"data":[{"name":"x"},{"name":"y"}]}`, want: "2",
		},
		"Parameters.Get": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Parameters.Get(ctx, "openai", "gpt-4o", &openrouter.GetParametersParams{Provider: ptr(gen.ProviderName("OpenAI"))})
				if err != nil {
					return "", err
				}
				return r.Data.Model, nil
			},
			method: "GET", path: "/parameters/openai/gpt-4o", query: url.Values{"provider": {"OpenAI"}},
			response: `{"data":{"model":"openai/gpt-4o","supported_parameters":["temperature"]}}`, want: "openai/gpt-4o",
		},
		"Providers.List": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Providers.List(ctx)
				if err != nil {
					return "", err
				}
				return r.Data[0].Name, nil
			},
			method: "GET", path: "/providers", response: `{"data":[{"name":"OpenAI","slug":"openai"}]}`, want: "OpenAI",
		},
		"Generations.Get": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Generations.Get(ctx, "gen-123")
				if err != nil {
					return "", err
				}
				return r.Data.ID, nil
			},
			method: "GET", path: "/generation", query: url.Values{"id": {"gen-123"}},
			response: `{"data":{"id":"gen-123"}}`, want: "gen-123",
		},
		"Credits.Get": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Credits.Get(ctx)
				if err != nil {
					return "", err
				}
				return fmt.Sprint(r.Data.TotalCredits), nil
			},
			method: "GET", path: "/credits", response: `{"data":{"total_credits":12.5,"total_usage":3}}`, want: "12.5",
		},
		"Credits.CreateCoinbaseCharge": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				return "done", c.Credits.CreateCoinbaseCharge(ctx)
			},
			method: "POST", path: "/credits/coinbase", response: `{}`, want: "done",
		},
		"APIKeys.List": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.APIKeys.List(ctx, &openrouter.ListAPIKeysParams{IncludeDisabled: ptr(true), Offset: ptr(3)})
				if err != nil {
					return "", err
				}
				return r.Data[0].Hash, nil
			},
			method: "GET", path: "/keys", query: url.Values{"include_disabled": {"true"}, "offset": {"3"}},
			response: `{"data":[{"hash":"h1"}]}`, want: "h1",
		},
		"APIKeys.Create": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.APIKeys.Create(ctx, openrouter.CreateAPIKeyRequest{Name: "ci", Limit: ptr(10.0)})
				if err != nil {
					return "", err
				}
				return r.Key, nil
			},
			method: "POST", path: "/keys", body: `{"name":"ci","limit":10}`,
			response: `{"data":{"hash":"h2","name":"ci"},"key":"sk-or-new"}`, want: "sk-or-new",
		},
		"APIKeys.Get": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.APIKeys.Get(ctx, "abc/def")
				if err != nil {
					return "", err
				}
				return r.Data.Name, nil
			},
			method: "GET", path: "/keys/abc/def", response: `{"data":{"hash":"abc/def","name":"k"}}`, want: "k",
		},
		"APIKeys.Update": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.APIKeys.Update(ctx, "h3", openrouter.UpdateAPIKeyRequest{Disabled: ptr(true)})
				if err != nil {
					return "", err
				}
				return fmt.Sprint(r.Data.Disabled), nil
			},
			method: "PATCH", path: "/keys/h3", body: `{"disabled":true}`,
			response: `{"data":{"hash":"h3","disabled":true}}`, want: "true",
		},
		"APIKeys.Delete": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.APIKeys.Delete(ctx, "h4")
				if err != nil {
					return "", err
				}
				return fmt.Sprint(r.Deleted), nil
			},
			method: "DELETE", path: "/keys/h4", response: `{"deleted":true}`, want: "true",
		},
		"APIKeys.GetCurrent": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.APIKeys.GetCurrent(ctx)
				if err != nil {
					return "", err
				}
				return r.Data.Label, nil
			},
			method: "GET", path: "/key", response: `{"data":{"label":"sk-or-v1-abc...xyz"}}`, want: "sk-or-v1-abc...xyz",
		},
		"Analytics.GetUserActivity": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.Analytics.GetUserActivity(ctx, &openrouter.UserActivityParams{Date: ptr("2025-08-24")})
				if err != nil {
					return "", err
				}
				return r.Data[0].Model, nil
			},
			method: "GET", path: "/activity", query: url.Values{"date": {"2025-08-24"}},
			response: `{"data":[{"model":"openai/gpt-4.1"}]}`, want: "openai/gpt-4.1",
		},
		"OAuth.CreateAuthCode": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.OAuth.CreateAuthCode(ctx, openrouter.CreateAuthCodeRequest{CallbackURL: "https://app.example/cb"})
				if err != nil {
					return "", err
				}
				return r.Data.ID, nil
			},
			method: "POST", path: "/auth/keys/code", body: `{"callback_url":"https://app.example/cb"}`,
			response: `{"data":{"id":"code-1"}}`, want: "code-1",
		},
		"OAuth.ExchangeAuthCode": {
			call: func(t *testing.T, c *openrouter.Client) (string, error) {
				r, err := c.OAuth.ExchangeAuthCode(ctx, openrouter.ExchangeAuthCodeRequest{Code: "c1", CodeVerifier: "v"})
				if err != nil {
					return "", err
				}
				return r.Key, nil
			},
			method: "POST", path: "/auth/keys", body: `{"code":"c1","code_verifier":"v"}`,
			response: `{"key":"sk-or-user","user_id":"u"}`, want: "sk-or-user",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, jsonHandler(http.StatusOK, tc.response))
			got, err := tc.call(t, ts.client(t))
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			if got != tc.want {
				t.Errorf("decoded %q, want %q", got, tc.want)
			}
			reqs := ts.requests()
			if len(reqs) != 1 {
				t.Fatalf("server saw %d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != tc.method || r.Path != "/api/v1"+tc.path {
				t.Errorf("request %s %s, want %s /api/v1%s", r.Method, r.Path, tc.method, tc.path)
			}
			gotQuery, _ := url.ParseQuery(r.Query)
			if fmt.Sprint(gotQuery) != fmt.Sprint(tc.query) && !(len(gotQuery) == 0 && len(tc.query) == 0) {
				t.Errorf("query %v, want %v", gotQuery, tc.query)
			}
			if tc.body == "" {
				if len(r.Body) != 0 {
					t.Errorf("body %q, want none", r.Body)
				}
			} else {
				if !jsonEqual(t, r.Body, tc.body) {
					t.Errorf("body %s, want %s", r.Body, tc.body)
				}
				if ct := r.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type %q, want application/json", ct)
				}
			}
			if got, want := r.Header.Get("Authorization"), "Bearer "+testKey; got != want {
				t.Errorf("Authorization %q, want %q", got, want)
			}
			if ua := r.Header.Get("User-Agent"); ua != "openrouter-go/"+openrouter.Version {
				t.Errorf("User-Agent %q", ua)
			}
		})
	}
}

func TestPathArgumentsAreValidated(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{}`))
	c := ts.client(t)
	ctx := context.Background()
	checks := map[string]error{}
	_, checks["Endpoints.List: author"] = c.Endpoints.List(ctx, "", "x")
	_, checks["Parameters.Get: slug"] = c.Parameters.Get(ctx, "a", " ", nil)
	_, checks["Generations.Get: id"] = c.Generations.Get(ctx, "")
	_, checks["APIKeys.Get: hash"] = c.APIKeys.Get(ctx, "")
	_, checks["APIKeys.Update: hash"] = c.APIKeys.Update(ctx, "", openrouter.UpdateAPIKeyRequest{})
	_, checks["APIKeys.Delete: hash"] = c.APIKeys.Delete(ctx, "")
	for want, err := range checks {
		if err == nil || !contains(err.Error(), want+" is empty") {
			t.Errorf("error %v, want one saying %q", err, want+" is empty")
		}
	}
	if n := len(ts.requests()); n != 0 {
		t.Errorf("%d requests sent for invalid arguments, want 0", n)
	}
}
