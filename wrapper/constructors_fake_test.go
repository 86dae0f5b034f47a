package openrouter_test

import (
	"context"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// TestConstructorsThroughFakeServer sends requests built only with the
// constructors to the fake server, which checks each body against the
// spec.
func TestConstructorsThroughFakeServer(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	pdf, err := openrouter.PDFBytesPart([]byte("%PDF-1.4\n"), "a.pdf")
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Chat.Send(ctx, openrouter.ChatRequest{
		Models:   openrouter.ModelFallbacks("openai/gpt-4o", "anthropic/claude-sonnet-4.5"),
		Messages: []openrouter.ChatMessage{openrouter.UserMessage(openrouter.TextPart("Summarize."), pdf)},
		Provider: &openrouter.ProviderPreferences{
			Order:               openrouter.Providers("openai", "azure"),
			Ignore:              openrouter.Providers("deepinfra"),
			AllowFallbacks:      openrouter.NoFallbacks(),
			DataCollection:      openrouter.DataCollectionDeny,
			Zdr:                 openrouter.RequireZDR(),
			Sort:                openrouter.SortAcrossModels(openrouter.SortByThroughput),
			MaxPrice:            &openrouter.MaxPrice{Prompt: "1", Completion: "4"},
			Quantizations:       openrouter.Quantizations(openrouter.QuantizationFP8),
			PreferredMaxLatency: openrouter.MaxLatency(2),
		},
		Plugins: []openrouter.Plugin{
			openrouter.PDFPlugin(openrouter.PDFEngineMistralOCR),
			openrouter.WebSearchPlugin(openrouter.WebSearchPluginOptions{MaxResults: openrouter.Ptr(2)}),
			openrouter.ResponseHealingPlugin(),
			openrouter.ContextCompressionPlugin(),
		},
		Tools: []openrouter.Tool{
			openrouter.WebSearchTool(openrouter.WebSearchToolConfig{Engine: openrouter.SearchEngineExa}),
			openrouter.DatetimeTool("UTC"),
			openrouter.WebFetchTool(),
		},
		Reasoning: openrouter.Reasoning(openrouter.EffortHigh, openrouter.SummaryAuto),
	})
	if err != nil {
		t.Fatalf("Chat.Send: %v", err)
	}
	if n := len(srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)); n != 1 {
		t.Errorf("chat requests = %d, want 1", n)
	}
	_, err = client.Beta.Responses.Send(ctx, openrouter.ResponsesRequest{
		Model:     "openai/gpt-4o",
		Input:     openrouter.InputItems(openrouter.InputSystemText("Be brief."), openrouter.InputUserText("Hi")),
		Reasoning: openrouter.ResponsesReasoningBudget(1024),
		Plugins:   openrouter.ResponsesPlugins(openrouter.ModerationPlugin()),
	})
	if err != nil {
		t.Fatalf("Responses.Send: %v", err)
	}
	_, err = client.Embeddings.Generate(ctx, openrouter.EmbeddingsRequest{
		Model: "openai/text-embedding-3-small",
		Input: openrouter.EmbedTexts("a", "b"),
	})
	if err != nil {
		t.Fatalf("Embeddings.Generate: %v", err)
	}
}
