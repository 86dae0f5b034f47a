package openrouter_test

import (
	"context"
	"encoding/json"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// TestRunToolsSendsReasoningBack: the assistant message of a tool call
// step goes back with its reasoning and reasoning_details (Gemini's thought
// signatures, Anthropic's signed thinking), streamed or not.
func TestRunToolsSendsReasoningBack(t *testing.T) {
	for _, stream := range []bool{false, true} {
		srv, client := loopSetup(t)
		op := openroutertest.OpSendChatCompletionRequest
		b := openroutertest.Chat("").Reasoning("I should look it up.").
			ReasoningDetails(map[string]any{"type": "reasoning.encrypted", "data": "c2lnbmF0dXJl", "id": "tool_1", "format": "google-gemini-v1", "index": 0}).
			ToolCalls(openroutertest.ToolCall{ID: "tool_1", Name: "get_weather", Arguments: `{"city":"Paris"}`})
		var opts []openrouter.RunOption
		if stream {
			srv.Enqueue(op, b.Stream().Response())
			opts = append(opts, openrouter.WithStreaming(nil))
		} else {
			srv.Enqueue(op, b.Response())
		}
		var cities []string
		res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)}, opts...)
		if err != nil {
			t.Fatal(err)
		}
		second, err := openroutertest.RequestBody[openrouter.ChatRequest](srv.RequestsFor(op)[1])
		if err != nil {
			t.Fatal(err)
		}
		if len(second.Messages) != 4 {
			t.Fatalf("stream %v: %d messages in the second request", stream, len(second.Messages))
		}
		asst, err := second.Messages[2].AsChatAssistantMessage()
		if err != nil {
			t.Fatal(err)
		}
		if asst.Reasoning != "I should look it up." {
			t.Errorf("stream %v: reasoning sent back = %q", stream, asst.Reasoning)
		}
		raw, err := json.Marshal(asst.ReasoningDetails)
		if err != nil {
			t.Fatal(err)
		}
		var details []map[string]any
		if err := json.Unmarshal(raw, &details); err != nil {
			t.Fatal(err)
		}
		if len(details) != 1 || details[0]["type"] != "reasoning.encrypted" || details[0]["data"] != "c2lnbmF0dXJl" || details[0]["id"] != "tool_1" || details[0]["format"] != "google-gemini-v1" {
			t.Errorf("stream %v: reasoning_details sent back = %s", stream, raw)
		}
		if res.Responses[0].Reasoning() != "I should look it up." {
			t.Errorf("stream %v: first response reasoning = %q", stream, res.Responses[0].Reasoning())
		}
	}
}
