package openrouter_test

import (
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestResponseHelpers(t *testing.T) {
	r := chatResponse(t, `{"role":"assistant","content":"Checking the weather.","reasoning":"The user wants Paris.",
		"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}`)
	if got := r.Text(); got != "Checking the weather." {
		t.Errorf("Text = %q", got)
	}
	if got := r.Reasoning(); got != "The user wants Paris." {
		t.Errorf("Reasoning = %q", got)
	}
	calls := r.ToolCalls()
	if len(calls) != 1 || calls[0].ID != "call_1" || calls[0].Function.Name != "get_weather" || calls[0].Function.Arguments != `{"city":"Paris"}` {
		t.Errorf("ToolCalls = %+v", calls)
	}
	if got, ok := r.Cost(); got != 0.0012 || !ok {
		t.Errorf("Cost = %v, %v", got, ok)
	}
	if got, ok := r.Tokens(); got != (openrouter.Tokens{Input: 3, Output: 4, Total: 7}) || !ok {
		t.Errorf("Tokens = %+v, %v", got, ok)
	}
	if got := r.GenerationID(); got != "gen-1" {
		t.Errorf("GenerationID = %q", got)
	}
	if got := r.FinishReason(); got != "stop" {
		t.Errorf("FinishReason = %q", got)
	}
	if got := r.Refusal(); got != "" {
		t.Errorf("Refusal = %q", got)
	}
	msg := r.Message()
	mustMatchSpec(t, "ChatMessage", msg)
	want := `{"content":"Checking the weather.","reasoning":"The user wants Paris.","role":"assistant","tool_calls":[{"function":{"arguments":"{\"city\":\"Paris\"}","name":"get_weather"},"id":"call_1","type":"function"}]}`
	if got := jsonOf(t, msg); got != want {
		t.Errorf("Message:\n got %s\nwant %s", got, want)
	}
}

func TestResponseHelpersOnEmpty(t *testing.T) {
	for name, r := range map[string]*openrouter.ChatResponse{
		"nil":          nil,
		"no choices":   {},
		"null content": chatResponse(t, `{"role":"assistant","content":null,"reasoning":null,"refusal":"No."}`),
	} {
		t.Run(name, func(t *testing.T) {
			if r.Text() != "" || r.Reasoning() != "" || r.ToolCalls() != nil {
				t.Errorf("helpers of an empty response are not zero")
			}
			if r == nil || len(r.Choices) == 0 {
				_, hasCost := r.Cost()
				_, hasTokens := r.Tokens()
				if r.GenerationID() != "" || hasCost || r.FinishReason() != "" || hasTokens {
					t.Errorf("helpers of an empty response are not zero")
				}
				if got := jsonOf(t, r.Message()); got != "null" {
					t.Errorf("Message = %s, want null", got)
				}
				return
			}
			if r.Refusal() != "No." {
				t.Errorf("Refusal = %q", r.Refusal())
			}
			mustMatchSpec(t, "ChatMessage", r.Message())
		})
	}
}
