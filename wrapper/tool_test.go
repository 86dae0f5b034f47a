package openrouter_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/jsonschema-go/jsonschema"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

type weatherArgs struct {
	City  string `json:"city" jsonschema:"the city, such as Paris"`
	Units string `json:"units,omitempty" jsonschema:"celsius or fahrenheit"`
	Days  int    `json:"days"`
}

func TestFunctionToolsMatchSpec(t *testing.T) {
	must := func(tool openrouter.Tool, err error) openrouter.Tool {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return tool
	}
	mapSchema := map[string]any{
		"type":       "object",
		"properties": map[string]any{"city": map[string]any{"type": "string"}},
		"required":   []string{"city"},
	}
	const mapJSON = `{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}`
	tests := []struct {
		name string
		tool openrouter.Tool
		want string
	}{
		{"map", must(openrouter.FunctionTool("get_weather", "Current weather", mapSchema)),
			`{"function":{"description":"Current weather","name":"get_weather","parameters":` + mapJSON + `},"type":"function"}`},
		{"raw JSON", must(openrouter.FunctionTool("get_weather", "", json.RawMessage(mapJSON))),
			`{"function":{"name":"get_weather","parameters":` + mapJSON + `},"type":"function"}`},
		{"string", must(openrouter.FunctionTool("get_weather", "", mapJSON)),
			`{"function":{"name":"get_weather","parameters":` + mapJSON + `},"type":"function"}`},
		{"bytes", must(openrouter.FunctionTool("get_weather", "", []byte(mapJSON))),
			`{"function":{"name":"get_weather","parameters":` + mapJSON + `},"type":"function"}`},
		{"jsonschema.Schema", must(openrouter.FunctionTool("get_weather", "", &jsonschema.Schema{Type: "object", Properties: map[string]*jsonschema.Schema{"city": {Type: "string"}}, Required: []string{"city"}})),
			`{"function":{"name":"get_weather","parameters":` + mapJSON + `},"type":"function"}`},
		{"no parameters", must(openrouter.FunctionTool("now", "The time", nil)),
			`{"function":{"description":"The time","name":"now","parameters":{"properties":{},"type":"object"}},"type":"function"}`},
		{"from struct", must(openrouter.FunctionToolFor[weatherArgs]("get_weather", "Current weather")),
			`{"function":{"description":"Current weather","name":"get_weather","parameters":{"additionalProperties":false,"properties":{"city":{"description":"the city, such as Paris","type":"string"},"days":{"type":"integer"},"units":{"description":"celsius or fahrenheit","type":"string"}},"required":["city","days"],"type":"object"}},"type":"function"}`},
		{"from pointer to struct", must(openrouter.FunctionToolFor[*struct{}]("noop", "")),
			`{"function":{"name":"noop","parameters":{"additionalProperties":false,"type":"object"}},"type":"function"}`},
		{"from map", must(openrouter.FunctionToolFor[map[string]int]("count", "")),
			`{"function":{"name":"count","parameters":{"additionalProperties":{"type":"integer"},"type":"object"}},"type":"function"}`},
	}
	var tools []openrouter.Tool
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jsonOf(t, tt.tool); got != tt.want {
				t.Errorf("JSON:\n got %s\nwant %s", got, tt.want)
			}
			mustMatchSpec(t, "ChatFunctionTool", tt.tool)
			mustMatchSpec(t, "ChatFunctionToolFunction", tt.tool)
		})
		tools = append(tools, tt.tool)
	}
	mustMatchSpec(t, "ChatRequest", openrouter.ChatRequest{
		Messages:   []openrouter.ChatMessage{openrouter.UserText("Weather in Paris?")},
		Tools:      tools,
		ToolChoice: openrouter.ToolChoiceAuto(),
	})
}

func TestToolChoicesMatchSpec(t *testing.T) {
	tests := []struct {
		name   string
		choice *openrouter.ToolChoice
		want   string
	}{
		{"auto", openrouter.ToolChoiceAuto(), `"auto"`},
		{"none", openrouter.ToolChoiceNone(), `"none"`},
		{"required", openrouter.ToolChoiceRequired(), `"required"`},
		{"function", openrouter.ToolChoiceFunction("get_weather"), `{"function":{"name":"get_weather"},"type":"function"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jsonOf(t, tt.choice); got != tt.want {
				t.Errorf("JSON = %s, want %s", got, tt.want)
			}
			mustMatchSpec(t, "ChatToolChoice", tt.choice)
		})
	}
}

type recursive struct {
	Name     string      `json:"name"`
	Children []recursive `json:"children"`
}

func TestFunctionToolErrors(t *testing.T) {
	tests := []struct {
		name    string
		call    func() (openrouter.Tool, error)
		wantErr string
	}{
		{"empty name", func() (openrouter.Tool, error) { return openrouter.FunctionTool("", "d", nil) }, "empty tool name"},
		{"empty name typed", func() (openrouter.Tool, error) { return openrouter.FunctionToolFor[weatherArgs]("", "d") }, "empty tool name"},
		{"bad name", func() (openrouter.Tool, error) { return openrouter.FunctionTool("get weather", "d", nil) }, `tool name "get weather" must be`},
		{"long name", func() (openrouter.Tool, error) { return openrouter.FunctionTool(strings.Repeat("a", 65), "d", nil) }, "must be 1 to 64"},
		{"array parameters", func() (openrouter.Tool, error) { return openrouter.FunctionTool("f", "", []byte(`[1]`)) }, "not a JSON object"},
		{"bad JSON parameters", func() (openrouter.Tool, error) { return openrouter.FunctionTool("f", "", json.RawMessage(`{`)) }, "not a JSON object"},
		{"unmarshalable parameters", func() (openrouter.Tool, error) { return openrouter.FunctionTool("f", "", make(chan int)) }, "unsupported type"},
		{"scalar type", func() (openrouter.Tool, error) { return openrouter.FunctionToolFor[int]("f", "") }, "type int has no JSON object schema"},
		{"chan field", func() (openrouter.Tool, error) {
			return openrouter.FunctionToolFor[struct{ C chan int }]("f", "")
		}, "has no JSON Schema"},
		{"func field", func() (openrouter.Tool, error) {
			return openrouter.FunctionToolFor[struct{ F func() }]("f", "")
		}, "has no JSON Schema"},
		{"int-keyed map", func() (openrouter.Tool, error) { return openrouter.FunctionToolFor[map[int]string]("f", "") }, "has no JSON Schema"},
		{"recursive", func() (openrouter.Tool, error) { return openrouter.FunctionToolFor[recursive]("f", "") }, "cycle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tool, err := tt.call()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "openrouter: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if got := jsonOf(t, tool); got != "null" {
				t.Errorf("failed constructor returned a tool: %s", got)
			}
		})
	}
}
