package openrouter_test

import (
	"context"
	"fmt"
	"log"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// Routing with fallbacks: two providers tried in order, no others, no
// provider that keeps data, then a second model.
func ExampleProviders() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Models:   openrouter.ModelFallbacks("anthropic/claude-sonnet-4.5", "openai/gpt-4o"),
		Messages: []openrouter.ChatMessage{openrouter.UserText("Hello")},
		Provider: &openrouter.ProviderPreferences{
			Order:          openrouter.Providers("anthropic", "amazon-bedrock"),
			AllowFallbacks: openrouter.NoFallbacks(),
			DataCollection: openrouter.DataCollectionDeny,
			Sort:           openrouter.SortBy(openrouter.SortByPrice),
			MaxPrice:       &openrouter.MaxPrice{Prompt: "5", Completion: "20"},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Text())
}

// A PDF sent as a file part and read by the file-parser plugin.
func ExamplePDFPlugin() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	pdf, err := openrouter.PDFFilePart("report.pdf")
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o",
		Messages: []openrouter.ChatMessage{openrouter.UserMessage(openrouter.TextPart("Summarize this report."), pdf)},
		Plugins:  []openrouter.Plugin{openrouter.PDFPlugin(openrouter.PDFEngineCloudflareAI)},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Text())
}

// Reasoning at high effort, with web search as a server tool.
func ExampleReasoning() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:     "openai/o4-mini",
		Messages:  []openrouter.ChatMessage{openrouter.UserText("What changed in Go 1.24?")},
		Reasoning: openrouter.Reasoning(openrouter.EffortHigh, openrouter.SummaryConcise),
		Tools:     []openrouter.Tool{openrouter.WebSearchTool(openrouter.WebSearchToolConfig{MaxResults: openrouter.Ptr(3)})},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Text())
}

// A Responses request whose input is a short conversation.
func ExampleInputItems() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{
		Model: "openai/gpt-4o",
		Input: openrouter.InputItems(
			openrouter.InputSystemText("Answer in one word."),
			openrouter.InputUserText("What is the capital of Italy?"),
		),
		Reasoning: openrouter.ResponsesReasoning(openrouter.EffortLow),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.ID)
}

// Embeddings of several texts in one request.
func ExampleEmbedTexts() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Embeddings.Generate(context.Background(), openrouter.EmbeddingsRequest{
		Model: "openai/text-embedding-3-small",
		Input: openrouter.EmbedTexts("a red car", "a blue bicycle"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(resp.Data))
}
