package openroutertest_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func ptr[T any](v T) *T { return &v }

func userMessage(t *testing.T, text string) openrouter.ChatMessage {
	t.Helper()
	return openrouter.UserText(text)
}

func replyText(t *testing.T, r *openrouter.ChatResponse) string {
	t.Helper()
	if len(r.Choices) != 1 || r.Choices[0].Message.Content == nil {
		t.Fatalf("response without one choice with content: %+v", r)
	}
	s, err := r.Choices[0].Message.Content.AsChatAssistantMessageContentString()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestClientDefaults calls every operation through the SDK client, so
// the requests the SDK builds are validated too, and checks a field of
// each decoded default answer.
func TestClientDefaults(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	ctx := context.Background()

	calls := map[string]func() (string, error){
		"sendChatCompletionRequest": func() (string, error) {
			r, err := c.Chat.Send(ctx, openrouter.ChatRequest{
				Model:       "anthropic/claude-3.5-haiku",
				Messages:    []openrouter.ChatMessage{userMessage(t, "Ping")},
				Temperature: ptr(0.2),
			})
			if err != nil {
				return "", err
			}
			return replyText(t, r) + " " + r.Model + " " + fmt.Sprint(r.Usage.TotalTokens), nil
		},
		"createCompletions": func() (string, error) {
			var p gen.CompletionRequestPrompt
			if err := p.FromCompletionRequestPromptString("Once"); err != nil {
				return "", err
			}
			r, err := c.Completions.Generate(ctx, openrouter.CompletionRequest{Prompt: p})
			if err != nil {
				return "", err
			}
			return r.Model + ":" + r.Choices[0].Text, nil
		},
		"createResponses": func() (string, error) {
			var in gen.Inputs
			if err := in.FromInputsString("Tell me"); err != nil {
				return "", err
			}
			r, err := c.Beta.Responses.Send(ctx, openrouter.ResponsesRequest{Model: "openai/gpt-4o-mini", Input: &in})
			if err != nil {
				return "", err
			}
			return string(r.Status), nil
		},
		"createEmbeddings": func() (string, error) {
			var in gen.CreateEmbeddingsRequestInput
			if err := in.FromCreateEmbeddingsRequestInputString("hello"); err != nil {
				return "", err
			}
			r, err := c.Embeddings.Generate(ctx, openrouter.EmbeddingsRequest{Model: "openai/text-embedding-3-small", Input: in})
			if err != nil {
				return "", err
			}
			return fmt.Sprint(len(r.Data)), nil
		},
		"listEmbeddingsModels": func() (string, error) {
			r, err := c.Embeddings.ListModels(ctx, &openrouter.ListEmbeddingsModelsParams{Limit: ptr(1)})
			if err != nil {
				return "", err
			}
			return fmt.Sprint(len(r.Data), r.TotalCount), nil
		},
		"getModels": func() (string, error) {
			r, err := c.Models.List(ctx, nil)
			if err != nil {
				return "", err
			}
			return r.Data[0].ID, nil
		},
		"listModelsCount": func() (string, error) {
			r, err := c.Models.Count(ctx, nil)
			if err != nil {
				return "", err
			}
			return fmt.Sprint(r.Data.Count), nil
		},
		"listModelsUser": func() (string, error) {
			r, err := c.Models.ListForUser(ctx, nil)
			if err != nil {
				return "", err
			}
			return fmt.Sprint(len(r.Data)), nil
		},
		"listEndpoints": func() (string, error) {
			r, err := c.Endpoints.List(ctx, "openai", "gpt-4o")
			if err != nil {
				return "", err
			}
			return r.Data.ID, nil
		},
		"listEndpointsZdr": func() (string, error) {
			r, err := c.Endpoints.ListZDR(ctx)
			if err != nil {
				return "", err
			}
			return fmt.Sprint(len(r.Data)), nil
		},
		"getParameters": func() (string, error) {
			r, err := c.Parameters.Get(ctx, "openai", "gpt-4o", nil)
			if err != nil {
				return "", err
			}
			return r.Data.Model, nil
		},
		"listProviders": func() (string, error) {
			r, err := c.Providers.List(ctx)
			if err != nil {
				return "", err
			}
			return r.Data[0].Slug, nil
		},
		"getGeneration": func() (string, error) {
			r, err := c.Generations.Get(ctx, "gen-42")
			if err != nil {
				return "", err
			}
			return r.Data.ID, nil
		},
		"getCredits": func() (string, error) {
			r, err := c.Credits.Get(ctx)
			if err != nil {
				return "", err
			}
			return fmt.Sprint(r.Data.TotalCredits), nil
		},
		"createCoinbaseCharge": func() (string, error) {
			err := c.Credits.CreateCoinbaseCharge(ctx)
			var apiErr *openrouter.APIError
			if !errors.As(err, &apiErr) {
				return "", fmt.Errorf("want an APIError, got %v", err)
			}
			return fmt.Sprint(apiErr.StatusCode), nil
		},
		"listKeys": func() (string, error) {
			r, err := c.APIKeys.List(ctx, nil)
			if err != nil {
				return "", err
			}
			return fmt.Sprint(len(r.Data)), nil
		},
		"createKeys": func() (string, error) {
			r, err := c.APIKeys.Create(ctx, openrouter.CreateAPIKeyRequest{Name: "CI", Limit: ptr(10.0)})
			if err != nil {
				return "", err
			}
			return r.Data.Name + " " + fmt.Sprint(*r.Data.Limit) + " " + fmt.Sprint(strings.HasPrefix(r.Key, "sk-or-v1-")), nil
		},
		"getKey": func() (string, error) {
			r, err := c.APIKeys.Get(ctx, "h1")
			if err != nil {
				return "", err
			}
			return r.Data.Hash, nil
		},
		"updateKeys": func() (string, error) {
			r, err := c.APIKeys.Update(ctx, "h1", openrouter.UpdateAPIKeyRequest{Disabled: ptr(true)})
			if err != nil {
				return "", err
			}
			return fmt.Sprint(r.Data.Disabled), nil
		},
		"deleteKeys": func() (string, error) {
			r, err := c.APIKeys.Delete(ctx, "h2")
			if err != nil {
				return "", err
			}
			return fmt.Sprint(r.Deleted), nil
		},
		"getCurrentKey": func() (string, error) {
			r, err := c.APIKeys.GetCurrent(ctx)
			if err != nil {
				return "", err
			}
			return r.Data.Label, nil
		},
		"getUserActivity": func() (string, error) {
			r, err := c.Analytics.GetUserActivity(ctx, nil)
			if err != nil {
				return "", err
			}
			return fmt.Sprint(len(r.Data)), nil
		},
		"exchangeAuthCodeForAPIKey": func() (string, error) {
			r, err := c.OAuth.ExchangeAuthCode(ctx, openrouter.ExchangeAuthCodeRequest{Code: "code-1", CodeVerifier: "verifier"})
			if err != nil {
				return "", err
			}
			return fmt.Sprint(strings.HasPrefix(r.Key, "sk-or-v1-")), nil
		},
		"createAuthKeysCode": func() (string, error) {
			r, err := c.OAuth.CreateAuthCode(ctx, openrouter.CreateAuthCodeRequest{CallbackURL: "https://app.example/callback"})
			if err != nil {
				return "", err
			}
			return r.Data.ID, nil
		},
	}
	want := map[string]string{
		"sendChatCompletionRequest": "You said: Ping anthropic/claude-3.5-haiku 4",
		"createCompletions":         "openrouter/auto: You said: Once",
		"createResponses":           "completed",
		"createEmbeddings":          "1",
		"listEmbeddingsModels":      "1 2",
		"getModels":                 "openai/gpt-4o-mini",
		"listModelsCount":           "3",
		"listModelsUser":            "3",
		"listEndpoints":             "openai/gpt-4o",
		"listEndpointsZdr":          "1",
		"getParameters":             "openai/gpt-4o",
		"listProviders":             "fakeprovider",
		"getGeneration":             "gen-42",
		"getCredits":                "100",
		"createCoinbaseCharge":      "410",
		"listKeys":                  "3", // the 2 default keys and the one createKeys made (deleteKeys removes a stand-in id)
		"createKeys":                "CI 10 true",
		"getKey":                    "h1",
		"updateKeys":                "true",
		"deleteKeys":                "true",
		"getCurrentKey":             "sk-or-v1-tes...key",
		"getUserActivity":           "2",
		"exchangeAuthCodeForAPIKey": "true",
		"createAuthKeysCode":        "auth_code_fake_0001",
	}
	// The core operations are called here; tests/ holds a contract test
	// for every operation of the spec, and fails when one is missing.
	known := map[string]bool{}
	for _, id := range openroutertest.OperationIDs() {
		known[string(id)] = true
	}
	// In a fixed order: the key store is stateful, so listKeys sees what
	// createKeys and deleteKeys did before it.
	for _, id := range slices.Sorted(maps.Keys(calls)) {
		call := calls[id]
		if !known[id] {
			t.Errorf("client call for %q, which is not an operation of the spec", id)
			continue
		}
		got, err := call()
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if got != want[id] {
			t.Errorf("%s: got %q, want %q", id, got, want[id])
		}
		if n := len(srv.RequestsFor(openroutertest.OperationID(id))); n != 1 {
			t.Errorf("%s: %d requests, want 1", id, n)
		}
	}
	if r := srv.RequestsFor("getCredits"); len(r) == 1 && r[0].Header.Get("Authorization") != "Bearer "+openroutertest.TestAPIKey {
		t.Errorf("getCredits sent Authorization %q", r[0].Header.Get("Authorization"))
	}
}

// TestClientRetries counts the attempts of a call that meets a 503 with
// Retry-After, then a dropped connection, then succeeds.
func TestClientRetries(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, err := srv.Client(openrouter.WithMaxRetries(3))
	if err != nil {
		t.Fatal(err)
	}
	busy := openroutertest.ErrorResponse(http.StatusServiceUnavailable, "try again")
	busy.Header = http.Header{"Retry-After": {"0"}}
	srv.Enqueue("getCredits", busy)
	srv.Enqueue("getCredits", openroutertest.Response{Reset: true})
	r, err := c.Credits.Get(context.Background())
	if err != nil {
		t.Fatalf("Credits.Get: %v", err)
	}
	if r.Data.TotalCredits != 100 {
		t.Errorf("TotalCredits %v", r.Data.TotalCredits)
	}
	if n := len(srv.RequestsFor("getCredits")); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
	if srv.Pending("getCredits") != 0 {
		t.Errorf("queue not used up")
	}

	// Without retries the scripted 429 comes back as an APIError.
	srv.Enqueue("getCredits", openroutertest.RetryAfter(7, "slow down"))
	_, err = c.Credits.Get(context.Background(), openrouter.WithMaxRetries(0))
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusTooManyRequests || apiErr.Message != "slow down" {
		t.Errorf("err = %v, want a 429 APIError with the message", err)
	}
}

// TestClientScriptedChat drives a tool call and a scripted reply through
// the client.
func TestClientScriptedChat(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatToolCalls(openroutertest.ToolCall{Name: "weather", Arguments: `{"city":"Paris"}`}))
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply("Sunny."))
	req := openrouter.ChatRequest{Messages: []openrouter.ChatMessage{userMessage(t, "Weather in Paris?")}}
	r, err := c.Chat.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	ch := r.Choices[0]
	if ch.FinishReason == nil || *ch.FinishReason != "tool_calls" || len(ch.Message.ToolCalls) != 1 ||
		ch.Message.ToolCalls[0].ID != "call_1" || ch.Message.ToolCalls[0].Function.Name != "weather" ||
		ch.Message.ToolCalls[0].Function.Arguments != `{"city":"Paris"}` {
		t.Errorf("tool call answer: %+v", ch)
	}
	r, err = c.Chat.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if got := replyText(t, r); got != "Sunny." {
		t.Errorf("reply %q", got)
	}
	r, err = c.Chat.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if got := replyText(t, r); got != "You said: Weather in Paris?" {
		t.Errorf("default reply %q", got)
	}
}
