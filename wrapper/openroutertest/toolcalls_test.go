package openroutertest_test

import (
	"context"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// The default model calls each offered function the user names, in one
// answer, and only the first with parallel_tool_calls false; naming none
// calls the first function.
func TestDefaultModelCallsTheNamedTools(t *testing.T) {
	t.Parallel()
	_, c := newFake(t)
	var tools []openrouter.Tool
	for _, name := range []string{"get_weather", "get_time", "unused"} {
		tool, err := openrouter.FunctionTool(name, "a tool", map[string]any{
			"type": "object", "properties": map[string]any{"city": map[string]any{"type": "string"}}, "required": []string{"city"},
		})
		if err != nil {
			t.Fatal(err)
		}
		tools = append(tools, tool)
	}
	names := func(r *openrouter.ChatResponse) string {
		var out []string
		for _, call := range r.ToolCalls() {
			out = append(out, call.ID+":"+call.Function.Name+call.Function.Arguments)
		}
		return strings.Join(out, " ")
	}
	no := false
	for _, tc := range []struct {
		text     string
		parallel *bool
		want     string
	}{
		{"Use get_time and get_weather for Lisbon", nil, `call_fake_1:get_weather{"city":"Lisbon"} call_fake_2:get_time{"city":"Lisbon"}`},
		{"Use get_time and get_weather for Lisbon", &no, `call_fake_1:get_weather{"city":"Lisbon"}`},
		{"What about Oslo?", nil, `call_fake_1:get_weather{"city":"Oslo"}`},
	} {
		r, err := c.Chat.Send(context.Background(), openrouter.ChatRequest{
			Messages: []openrouter.ChatMessage{openrouter.UserText(tc.text)}, Tools: tools, ParallelToolCalls: tc.parallel,
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(r); got != tc.want {
			t.Errorf("%q (parallel %v): calls %s, want %s", tc.text, tc.parallel, got, tc.want)
		}
	}
}
