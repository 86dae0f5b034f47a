package openrouter_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	root "github.com/gopenrouter/openrouter"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// specDoc is openapi.yaml, parsed once.
var specDoc = sync.OnceValues(func() (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData(root.OpenAPISpec)
	if err != nil {
		return nil, err
	}
	return doc, doc.Validate(context.Background())
})

// specCheck reports whether the JSON of v is valid against the component
// schema named schema of openapi.yaml, as a request body part.
func specCheck(t *testing.T, schema string, v any) error {
	t.Helper()
	doc, err := specDoc()
	if err != nil {
		t.Fatalf("loading openapi.yaml: %v", err)
	}
	ref := doc.Components.Schemas[schema]
	if ref == nil || ref.Value == nil {
		t.Fatalf("openapi.yaml has no schema %q", schema)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshalling %T: %v", v, err)
	}
	var data any
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatalf("unmarshalling %s: %v", b, err)
	}
	return ref.Value.VisitJSON(data, openapi3.VisitAsRequest(), openapi3.MultiErrors())
}

// mustMatchSpec fails the test when v does not match schema.
func mustMatchSpec(t *testing.T, schema string, v any) {
	t.Helper()
	if err := specCheck(t, schema, v); err != nil {
		b, _ := json.Marshal(v)
		t.Errorf("%s does not match schema %s: %v", b, schema, err)
	}
}

// jsonOf returns the compact JSON of v.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshalling %T: %v", v, err)
	}
	return string(b)
}

func TestSpecCheckRejects(t *testing.T) {
	// The validator itself must be able to say no, or the tests below
	// prove nothing.
	for _, bad := range []any{
		map[string]any{"role": "user"},
		map[string]any{"role": "tool", "content": "x"},
		map[string]any{"role": "wizard", "content": "x"},
		map[string]any{"role": "user", "content": []any{map[string]any{"type": "text"}}},
	} {
		if specCheck(t, "ChatMessage", bad) == nil {
			t.Errorf("%v was accepted as a ChatMessage", bad)
		}
	}
}

func TestMessagesMatchSpec(t *testing.T) {
	call := openrouter.ToolCall{ID: "call_1", Function: openrouter.ToolCallFunction{Name: "get_weather", Arguments: `{"city":"Paris"}`}}
	tests := []struct {
		name string
		msg  openrouter.ChatMessage
		want string
	}{
		{"system", openrouter.SystemMessage("Be brief."), `{"content":"Be brief.","role":"system"}`},
		{"cached system", openrouter.CachedSystemMessage("Long rules.", openrouter.EphemeralCache()),
			`{"content":[{"cache_control":{"type":"ephemeral"},"text":"Long rules.","type":"text"}],"role":"system"}`},
		{"developer", openrouter.DeveloperMessage("Answer in French."), `{"content":"Answer in French.","role":"developer"}`},
		{"user text", openrouter.UserText("Hello"), `{"content":"Hello","role":"user"}`},
		{"user parts", openrouter.UserMessage(openrouter.TextPart("Look:"), openrouter.ImageURLPart("https://example.com/a.png")),
			`{"content":[{"text":"Look:","type":"text"},{"image_url":{"url":"https://example.com/a.png"},"type":"image_url"}],"role":"user"}`},
		{"user no parts", openrouter.UserMessage(), `{"content":[],"role":"user"}`},
		{"assistant", openrouter.AssistantMessage("Hi!"), `{"content":"Hi!","role":"assistant"}`},
		{"assistant tool calls", openrouter.AssistantToolCallsMessage("", call),
			`{"role":"assistant","tool_calls":[{"function":{"arguments":"{\"city\":\"Paris\"}","name":"get_weather"},"id":"call_1","type":"function"}]}`},
		{"assistant text and tool calls", openrouter.AssistantToolCallsMessage("Checking.", call),
			`{"content":"Checking.","role":"assistant","tool_calls":[{"function":{"arguments":"{\"city\":\"Paris\"}","name":"get_weather"},"id":"call_1","type":"function"}]}`},
		{"tool", openrouter.ToolMessage("call_1", `{"temp_c":21}`), `{"content":"{\"temp_c\":21}","role":"tool","tool_call_id":"call_1"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jsonOf(t, tt.msg); got != tt.want {
				t.Errorf("JSON:\n got %s\nwant %s", got, tt.want)
			}
			mustMatchSpec(t, "ChatMessage", tt.msg)
		})
	}
}

func TestPtr(t *testing.T) {
	x := 0.5
	p := openrouter.Ptr(x)
	x = 1
	if *p != 0.5 {
		t.Errorf("Ptr shares the variable: %v", *p)
	}
	req := openrouter.ChatRequest{
		Model:        "openai/gpt-4o",
		Temperature:  openrouter.Ptr(0.2),
		MaxTokens:    openrouter.Ptr(100),
		Messages:     []openrouter.ChatMessage{openrouter.SystemMessage("s"), openrouter.UserText("u")},
		CacheControl: openrouter.EphemeralCache(openrouter.CacheTTL5m),
	}
	mustMatchSpec(t, "ChatRequest", req)
}

func TestAssistantToolCallsMessageLeavesCallsAlone(t *testing.T) {
	calls := []openrouter.ToolCall{{ID: "c1"}}
	calls[0].Function.Name, calls[0].Function.Arguments = "f", "{}"
	_ = openrouter.AssistantToolCallsMessage("", calls...)
	if calls[0].Type != "" {
		t.Errorf("the caller's call got Type %q", calls[0].Type)
	}
}
