package openrouter_test

import (
	"context"
	"fmt"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// fake starts the fake OpenRouter for an example and returns a client for
// it and the function that stops it. Real programs call
// openrouter.NewClient instead.
func fake() (*openrouter.Client, *openroutertest.Server, func()) {
	srv, err := openroutertest.New()
	if err != nil {
		panic(err)
	}
	c, err := srv.Client()
	if err != nil {
		panic(err)
	}
	return c, srv, srv.Close
}

func ExampleChatService_Send() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model: "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{
			openrouter.SystemMessage("Answer in one sentence."),
			openrouter.UserText("What is a goroutine?"),
		},
		Temperature: openrouter.Ptr(0.2),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Text())
	fmt.Println("finish:", resp.FinishReason(), "tokens:", resp.Usage.TotalTokens)
	// Output:
	// You said: What is a goroutine?
	// finish: stop tokens: 14
}

func ExampleChatService_Stream() {
	client, _, stop := fake()
	defer stop()
	stream, err := client.Chat.Stream(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Count to three")},
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer stream.Close()
	for chunk, err := range stream.All() {
		if err != nil {
			fmt.Println("\nstream failed:", err)
			return
		}
		for _, c := range chunk.Choices {
			fmt.Print(c.Delta.Content)
		}
	}
	fmt.Println()
	// Output: You said: Count to three
}

func ExampleChatAccumulator() {
	client, _, stop := fake()
	defer stop()
	stream, err := client.Chat.Stream(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Tell me a fact about Go")},
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer stream.Close()
	var acc openrouter.ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			fmt.Println("stream failed:", err)
			return
		}
		acc.Add(chunk)
		if text, ok := acc.JustFinishedContent(); ok {
			fmt.Println("content done:", text)
		}
	}
	// The accumulated response has the shape Chat.Send returns.
	resp := acc.Response()
	fmt.Println(resp.Text())
	_, costReported := resp.Cost()
	fmt.Println("finish:", resp.FinishReason(), "cost reported:", costReported)
	// Output:
	// content done: You said: Tell me a fact about Go
	// You said: Tell me a fact about Go
	// finish: stop cost reported: true
}

func ExampleCompletionsService_Generate() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Completions.Generate(context.Background(), openrouter.CompletionRequest{
		Model:     "openai/gpt-3.5-turbo-instruct",
		Prompt:    openrouter.PromptText("Once upon a time"),
		MaxTokens: openrouter.Ptr(32),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Choices[0].Text)
	// Output:  You said: Once upon a time
}

func ExampleResponsesService_Send() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{
		Model: "openai/gpt-4o-mini",
		Input: openrouter.InputText("Say hi"),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Status, resp.OutputText)
	// Output: completed You said: Say hi
}

func ExampleEmbeddingsService_Generate() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Embeddings.Generate(context.Background(), openrouter.EmbeddingsRequest{
		Model: "openai/text-embedding-3-small",
		Input: openrouter.EmbedTexts("alpha", "beta"),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, d := range resp.Data {
		vec, err := d.Embedding.AsEmbeddingVectorFloats()
		if err != nil {
			panic(err)
		}
		fmt.Printf("input %d: %d dimensions\n", *d.Index, len(vec))
	}
	// Output:
	// input 0: 8 dimensions
	// input 1: 8 dimensions
}

func ExampleModelsService_List() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Models.List(context.Background(), &openrouter.ListModelsParams{Limit: openrouter.Ptr(2)})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, m := range resp.Data {
		fmt.Println(m.ID)
	}
	// Output:
	// openai/gpt-4o-mini
	// anthropic/claude-3.5-haiku
}

func ExampleModelsService_ListAll() {
	client, _, stop := fake()
	defer stop()
	// Pages are fetched lazily, one request per page of Limit models.
	for m, err := range client.Models.ListAll(context.Background(), &openrouter.ListModelsParams{Limit: openrouter.Ptr(2)}) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(m.ID, "context", *m.ContextLength)
	}
	// Output:
	// openai/gpt-4o-mini context 128000
	// anthropic/claude-3.5-haiku context 200000
	// meta-llama/llama-3.1-8b-instruct context 131072
}

func ExampleEndpointsService_List() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Endpoints.List(context.Background(), "openai", "gpt-4o")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Data.ID)
	for _, e := range resp.Data.Endpoints {
		fmt.Println(e.ProviderName, e.ContextLength)
	}
	// Output:
	// openai/gpt-4o
	// FakeProvider 128000
}

func ExampleParametersService_Get() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Parameters.Get(context.Background(), "openai", "gpt-4o", nil)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Data.Model, len(resp.Data.SupportedParameters) > 0)
	// Output: openai/gpt-4o true
}

func ExampleProvidersService_List() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Providers.List(context.Background())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, p := range resp.Data {
		fmt.Println(p.Slug)
	}
	// Output:
	// fakeprovider
	// example-cloud
}

func ExampleGenerationsService_Get() {
	client, _, stop := fake()
	defer stop()
	ctx := context.Background()
	resp, err := client.Chat.Send(ctx, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Hi")},
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	g, err := client.Generations.Get(ctx, resp.GenerationID())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(g.Data.ID == resp.ID, g.Data.Model, g.Data.TotalCost > 0)
	// Output: true openai/gpt-4o-mini true
}

func ExampleCreditsService_Get() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Credits.Get(context.Background())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("balance $%.2f\n", resp.Data.TotalCredits-resp.Data.TotalUsage)
	// Output: balance $87.65
}

func ExampleAPIKeysService_Create() {
	client, _, stop := fake()
	defer stop()
	// Creating keys needs a management key.
	resp, err := client.APIKeys.Create(context.Background(), openrouter.CreateAPIKeyRequest{
		Name:  "CI",
		Limit: openrouter.Ptr(5.0),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Data.Name, *resp.Data.Limit, resp.Key != "")
	// Output: CI 5 true
}

func ExampleAPIKeysService_ListAll() {
	client, _, stop := fake()
	defer stop()
	for k, err := range client.APIKeys.ListAll(context.Background(), nil) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(k.Name, k.Label)
	}
	// Output:
	// Production sk-or-v1-fa1...e01
	// CI sk-or-v1-fa2...e02
}

func ExampleAnalyticsService_GetUserActivity() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Analytics.GetUserActivity(context.Background(), &openrouter.UserActivityParams{Date: openrouter.Ptr("2025-01-10")})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, a := range resp.Data {
		fmt.Println(a.Date, a.Model, a.Requests)
	}
	// Output:
	// 2025-01-10 openai/gpt-4o-mini 42
	// 2025-01-10 anthropic/claude-3.5-haiku 7
}

func ExampleOAuthService_ExchangeAuthCode() {
	client, srv, stop := fake()
	defer stop()
	// The exchange needs no API key: a program without one can call it
	// (a configured key is sent along).
	resp, err := client.OAuth.ExchangeAuthCode(context.Background(), openrouter.ExchangeAuthCodeRequest{
		Code:                "code-from-the-callback",
		CodeVerifier:        "the-verifier-you-generated",
		CodeChallengeMethod: openrouter.CodeChallengeS256,
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Key != "", len(srv.RequestsFor("exchangeAuthCodeForAPIKey")))
	// Output: true 1
}

func ExampleBenchmarksService_List() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Benchmarks.List(context.Background(), &openrouter.BenchmarksParams{
		Source:     openrouter.Ptr(openrouter.BenchmarkSourceDesignArena),
		MaxResults: openrouter.Ptr(5),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	// Each row is one of four shapes; the source filter picks Design Arena's.
	for _, row := range resp.Data {
		da, err := row.AsBenchmarkDARow()
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(da.ModelPermaslug, da.Elo)
	}
	// Output: anthropic/claude-3.5-haiku 1210.5
}

func ExampleClassificationsService_GetTasks() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Classifications.GetTasks(context.Background(), &openrouter.TaskClassificationsParams{
		Window: openrouter.Ptr(openrouter.Window7Days),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("window:", resp.Data.WindowDays, "days")
	for _, c := range resp.Data.Classifications {
		fmt.Printf("%s: %d models\n", c.Tag, len(c.Models))
	}
	// Output:
	// window: 7 days
	// programming: 2 models
	// roleplay: 1 models
}

func ExampleBetaService() {
	client, _, stop := fake()
	defer stop()
	stream, err := client.Beta.Responses.Stream(context.Background(), openrouter.ResponsesRequest{
		Model: "openai/gpt-4o-mini",
		Input: openrouter.InputText("Stream a greeting"),
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer stream.Close()
	events := 0
	for ev, err := range stream.All() {
		if err != nil {
			fmt.Println("stream failed:", err)
			return
		}
		events++
		if ev.Type() == openrouter.ResponsesEventCompleted {
			fmt.Println("completed after", events, "events")
		}
	}
	// Output: completed after 6 events
}
