package openrouter_test

import (
	"context"
	"fmt"
	"log"
	"os"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// A Responses request that asks about an image and a PDF.
func ExampleInputUserParts() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	report, err := os.ReadFile("report.pdf")
	if err != nil {
		log.Fatal(err)
	}
	pdf, err := openrouter.InputFileBytesPart(report, "application/pdf", "report.pdf")
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{
		Model: "openai/gpt-4o",
		Input: openrouter.InputItems(openrouter.InputUserParts(
			openrouter.InputTextPart("Does the chart match the report?"),
			openrouter.InputImagePart("https://example.com/chart.png", openrouter.ImageDetailHigh),
			pdf,
		)),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Text())
}

// A Responses tool round trip without previous_response_id: the
// conversation is sent again with the model's function calls and their
// outputs.
func ExampleInputFunctionCall() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	weather, err := openrouter.FunctionTool("get_weather", "The weather in a city.", `{"type":"object","properties":{"city":{"type":"string"}}}`)
	if err != nil {
		log.Fatal(err)
	}
	items := []openrouter.InputItem{openrouter.InputUserText("Weather in Paris?")}
	req := openrouter.ResponsesRequest{Model: "openai/gpt-4o", Tools: openrouter.ResponsesTools(weather)}
	req.Input = openrouter.InputItems(items...)
	first, err := client.Beta.Responses.Send(ctx, req)
	if err != nil {
		log.Fatal(err)
	}
	for _, call := range first.FunctionCalls() {
		items = append(items,
			openrouter.InputFunctionCall(call),
			openrouter.InputFunctionOutput(call.CallID, `{"celsius":21}`))
	}
	req.Input = openrouter.InputItems(items...)
	answer, err := client.Beta.Responses.Send(ctx, req)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(answer.Text())
}

// A Messages tool round trip: the model's tool_use blocks are replayed in
// an assistant turn and answered with tool_result blocks in a user turn.
func ExampleToolResultBlock() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	weather, err := openrouter.FunctionTool("get_weather", "The weather in a city.", `{"type":"object","properties":{"city":{"type":"string"}}}`)
	if err != nil {
		log.Fatal(err)
	}
	tools, err := openrouter.MessagesTools(weather)
	if err != nil {
		log.Fatal(err)
	}
	req := openrouter.MessagesRequest{
		Model:     "anthropic/claude-sonnet-4.5",
		MaxTokens: openrouter.Ptr(1024),
		Messages:  []openrouter.MessagesMessage{openrouter.MessagesUserText("Weather in Paris?")},
		Tools:     append(tools, openrouter.AnthropicWebSearchTool()),
	}
	first, err := client.Messages.Send(ctx, req)
	if err != nil {
		log.Fatal(err)
	}
	var calls, results []openrouter.MessagesBlock
	for _, use := range first.ToolUses() {
		calls = append(calls, openrouter.ToolUseBlock(use.ID, use.Name, use.Input))
		if use.Name != "get_weather" {
			results = append(results, openrouter.ToolErrorBlock(use.ID, "no such tool"))
			continue
		}
		results = append(results, openrouter.ToolResultBlock(use.ID, `{"celsius":21}`))
	}
	req.Messages = append(req.Messages, openrouter.MessagesAssistantBlocks(calls...), openrouter.MessagesUserBlocks(results...))
	answer, err := client.Messages.Send(ctx, req)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(answer.Text())
}

// One embedding for a clip's sound and its caption, from a multimodal
// embedding model.
func ExampleEmbedAudioPart() {
	client, err := openrouter.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	wav, err := os.ReadFile("clip.wav")
	if err != nil {
		log.Fatal(err)
	}
	audio, err := openrouter.EmbedAudioPart(wav, "audio/wav")
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Embeddings.Generate(context.Background(), openrouter.EmbeddingsRequest{
		Model: "example/multimodal-embedder", // a multimodal model of Embeddings.ListModels
		Input: openrouter.EmbedMultimodal(openrouter.EmbedTextPart("rain on a tin roof"), audio),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(resp.Data))
}
