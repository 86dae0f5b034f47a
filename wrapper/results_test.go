package openrouter_test

import (
	"context"
	"encoding/json"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func decodeInto[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestChatChunkHelpers(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		chunk                    string
		text, reasoning, finish  string
		textOK, costOK, tokensOK bool
		calls                    int
		cost                     float64
	}{
		"content":   {chunk: `{"choices":[{"index":0,"delta":{"content":"Hi"}}]}`, text: "Hi", textOK: true},
		"reasoning": {chunk: `{"choices":[{"index":0,"delta":{"reasoning":"hm"}}]}`, reasoning: "hm"},
		"tool call": {chunk: `{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"name":"f","arguments":"{"}}]}}]}`, calls: 1},
		"finish":    {chunk: `{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}`, finish: "stop"},
		"free":      {chunk: `{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"cost":0}}`, costOK: true, tokensOK: true},
		"priced":    {chunk: `{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"cost":0.25}}`, costOK: true, tokensOK: true, cost: 0.25},
		"no usage":  {chunk: `{"choices":[]}`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := decodeInto[openrouter.ChatChunk](t, tc.chunk)
			text, ok := c.TextDelta()
			if text != tc.text || ok != tc.textOK || c.Text() != tc.text {
				t.Errorf("TextDelta = %q, %v; want %q, %v", text, ok, tc.text, tc.textOK)
			}
			if got := c.Reasoning(); got != tc.reasoning {
				t.Errorf("Reasoning = %q, want %q", got, tc.reasoning)
			}
			if got := c.FinishReason(); got != tc.finish {
				t.Errorf("FinishReason = %q, want %q", got, tc.finish)
			}
			if got := c.ToolCallDeltas(); len(got) != tc.calls || (tc.calls > 0 && (got[0].ID != "c1" || got[0].Function.Arguments != "{")) {
				t.Errorf("ToolCallDeltas = %+v, want %d", got, tc.calls)
			}
			if cost, ok := c.Cost(); cost != tc.cost || ok != tc.costOK {
				t.Errorf("Cost = %v, %v; want %v, %v", cost, ok, tc.cost, tc.costOK)
			}
			if tok, ok := c.Tokens(); ok != tc.tokensOK || (ok && tok != (openrouter.Tokens{Input: 1, Output: 2, Total: 3})) {
				t.Errorf("Tokens = %+v, %v", tok, ok)
			}
		})
	}
}

func TestChatCostMissingOrZero(t *testing.T) {
	t.Parallel()
	free := decodeInto[openrouter.ChatResponse](t, `{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"cost":0}}`)
	if cost, ok := free.Cost(); cost != 0 || !ok {
		t.Errorf("free: Cost = %v, %v; want 0, true", cost, ok)
	}
	unreported := decodeInto[openrouter.ChatResponse](t, `{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`)
	if cost, ok := unreported.Cost(); cost != 0 || ok {
		t.Errorf("unreported: Cost = %v, %v; want 0, false", cost, ok)
	}
	if tok, ok := unreported.Tokens(); !ok || tok.Total != 2 {
		t.Errorf("Tokens = %+v, %v", tok, ok)
	}
	noUsage := decodeInto[openrouter.ChatResponse](t, `{"choices":[]}`)
	if _, ok := noUsage.Tokens(); ok {
		t.Error("Tokens of a response without usage: ok")
	}
	detailed := decodeInto[openrouter.ChatResponse](t, `{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,
		"prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":3}}}`)
	if tok, _ := detailed.Tokens(); tok != (openrouter.Tokens{Input: 10, Output: 5, Total: 15, Reasoning: 3, CachedInput: 4}) {
		t.Errorf("Tokens = %+v", tok)
	}
}

func TestResponsesResultText(t *testing.T) {
	t.Parallel()
	// No output_text: the text comes from the message items.
	r := decodeInto[openrouter.ResponsesResult](t, `{"id":"resp-1","status":"completed","output":[
		{"type":"reasoning","id":"rs_1","summary":[]},
		{"type":"message","id":"m1","role":"assistant","status":"completed","content":[
			{"type":"output_text","text":"Hello, "},{"type":"refusal","refusal":"no"},{"type":"output_text","text":"world."}]},
		{"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{}"}],
		"usage":{"input_tokens":3,"output_tokens":4,"total_tokens":7,"input_tokens_details":{"cached_tokens":1},"output_tokens_details":{"reasoning_tokens":2}}}`)
	if got := r.Text(); got != "Hello, world." {
		t.Errorf("Text = %q, want %q", got, "Hello, world.")
	}
	if calls := r.FunctionCalls(); len(calls) != 1 || calls[0].CallID != "call_1" || calls[0].Name != "get_weather" {
		t.Errorf("FunctionCalls = %+v", calls)
	}
	if _, ok := r.Cost(); ok {
		t.Error("Cost reported for a result without cost")
	}
	if tok, ok := r.Tokens(); !ok || tok != (openrouter.Tokens{Input: 3, Output: 4, Total: 7, Reasoning: 2, CachedInput: 1}) {
		t.Errorf("Tokens = %+v, %v", tok, ok)
	}
	withText := decodeInto[openrouter.ResponsesResult](t, `{"output_text":"Hi.","output":[]}`)
	if got := withText.Text(); got != "Hi." {
		t.Errorf("Text = %q", got)
	}
	var nilResult *openrouter.ResponsesResult
	if nilResult.Text() != "" || nilResult.FunctionCalls() != nil {
		t.Error("helpers of a nil result are not zero")
	}
}

func TestResponsesSendText(t *testing.T) {
	t.Parallel()
	// An answer without output_text, as some providers send it.
	ts := newTestServer(t, jsonHandler(200, `{"id":"resp-1","object":"response","status":"completed","model":"m","created_at":1,
		"output":[{"type":"message","id":"m1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Hi there."}]}],
		"usage":{"input_tokens":2,"output_tokens":3,"total_tokens":5,"cost":0.001,"input_tokens_details":{"cached_tokens":0},"output_tokens_details":{"reasoning_tokens":0}}}`))
	r, err := ts.client(t).Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Text(); got != "Hi there." {
		t.Errorf("Text = %q, want %q", got, "Hi there.")
	}
	if cost, ok := r.Cost(); cost != 0.001 || !ok {
		t.Errorf("Cost = %v, %v", cost, ok)
	}
}

func TestMessagesResultHelpers(t *testing.T) {
	t.Parallel()
	r := decodeInto[openrouter.MessagesResult](t, `{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[
		{"type":"text","text":"Let me check."},{"type":"tool_use","id":"tu_1","name":"get_weather","input":{"city":"Paris"}}],
		"stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":4,"cache_creation_input_tokens":2,"cost":0}}`)
	if got := r.Text(); got != "Let me check." {
		t.Errorf("Text = %q", got)
	}
	if uses := r.ToolUses(); len(uses) != 1 || uses[0].ID != "tu_1" || uses[0].Name != "get_weather" {
		t.Errorf("ToolUses = %+v", uses)
	}
	if cost, ok := r.Cost(); cost != 0 || !ok {
		t.Errorf("Cost = %v, %v; want 0, true", cost, ok)
	}
	if tok, _ := r.Tokens(); tok != (openrouter.Tokens{Input: 16, Output: 5, Total: 21, CachedInput: 4}) {
		t.Errorf("Tokens = %+v", tok)
	}
}

func TestRunResultTotals(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_w", Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	srv.Enqueue(chatOp, openroutertest.ChatReply("It is 21 degrees in Paris."))
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Text() != "It is 21 degrees in Paris." || len(res.Responses) != 2 || res.Responses[1] != res.Response {
		t.Fatalf("Text %q, %d responses", res.Text(), len(res.Responses))
	}
	if got := res.Responses[0].ToolCalls(); len(got) != 1 || got[0].ID != "call_w" {
		t.Errorf("first response's tool calls = %+v", got)
	}
	if len(res.ToolCalls) != 1 || res.ToolCalls[0].Step != 0 || res.ToolCalls[0].Call.ID != "call_w" || res.ToolCalls[0].Err != nil || res.ToolCalls[0].Content == "" {
		t.Errorf("ToolCalls = %+v", res.ToolCalls)
	}
	var want openrouter.Tokens
	for _, r := range res.Responses {
		tok, ok := r.Tokens()
		if !ok {
			t.Fatal("a response without usage")
		}
		want = want.Add(tok)
	}
	if res.Tokens != want || res.Tokens.Total == 0 {
		t.Errorf("Tokens = %+v, want %+v", res.Tokens, want)
	}
	if res.CostUnreported != 0 || res.Cost <= 0 {
		t.Errorf("Cost %v, %d unreported", res.Cost, res.CostUnreported)
	}
}
