package openrouter_test

import (
	"context"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

var weatherSchema = `{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}`

func weatherFunction(t *testing.T) openrouter.Tool {
	t.Helper()
	return must(openrouter.FunctionTool("get_weather", "The weather in a city.", weatherSchema))
}

// The tools of the Responses and Messages APIs marshal to their JSON.
func TestEndpointToolConstructors(t *testing.T) {
	t.Parallel()
	messagesTools := must(openrouter.MessagesTools(weatherFunction(t), openrouter.DatetimeTool("UTC"), openrouter.WebSearchTool()))
	tests := map[string]marshalCase{
		"responses tools from chat tools": {
			openrouter.ResponsesTools(weatherFunction(t), openrouter.WebSearchTool(), openrouter.DatetimeTool("Europe/Paris"), openrouter.FusionTool()),
			`[{"type":"function","name":"get_weather","description":"The weather in a city.","parameters":` + weatherSchema + `},
				{"type":"openrouter:web_search"},
				{"type":"openrouter:datetime","parameters":{"timezone":"Europe/Paris"}},
				{"type":"openrouter:fusion"}]`,
		},
		"responses-only tools": {
			[]openrouter.ResponsesTool{
				openrouter.ResponsesShellTool(),
				openrouter.ResponsesApplyPatchTool(openrouter.ApplyPatchToolConfig{Engine: "native"}),
				openrouter.ResponsesToolSearchTool(5),
				openrouter.ResponsesToolSearchTool(0),
				openrouter.FileSearchTool(openrouter.FileSearchToolConfig{VectorStoreIds: []string{"vs_1"}, MaxNumResults: openrouter.Ptr(3)}),
				openrouter.CodeInterpreterTool("file-1"),
				openrouter.MCPTool(openrouter.MCPToolConfig{ServerLabel: "docs", ServerURL: "https://example.com/mcp"}),
				openrouter.ComputerUseTool(1024, 768, openrouter.ComputerBrowser),
				openrouter.LocalShellTool(),
				openrouter.CustomTool("sql", "Run a SQL query."),
			},
			`[{"type":"openrouter:shell"},
				{"type":"openrouter:apply_patch","parameters":{"engine":"native"}},
				{"type":"openrouter:tool_search","parameters":{"max_results":5}},
				{"type":"openrouter:tool_search"},
				{"type":"file_search","vector_store_ids":["vs_1"],"max_num_results":3},
				{"type":"code_interpreter","container":{"type":"auto","file_ids":["file-1"]}},
				{"type":"mcp","server_label":"docs","server_url":"https://example.com/mcp"},
				{"type":"computer_use_preview","display_width":1024,"display_height":768,"environment":"browser"},
				{"type":"local_shell"},
				{"type":"custom","name":"sql","description":"Run a SQL query."}]`,
		},
		"messages tools from chat tools": {
			messagesTools,
			`[{"type":"custom","name":"get_weather","description":"The weather in a city.","input_schema":` + weatherSchema + `},
				{"type":"openrouter:datetime","parameters":{"timezone":"UTC"}},
				{"type":"openrouter:web_search"}]`,
		},
		"messages-only tools": {
			[]openrouter.MessagesTool{
				openrouter.AnthropicWebSearchTool(),
				openrouter.AnthropicWebSearchTool(openrouter.AnthropicWebSearchConfig{AllowedDomains: []string{"go.dev"}, MaxUses: openrouter.Ptr(2)}),
				openrouter.AnthropicBashTool(),
				openrouter.AnthropicTextEditorTool(),
				openrouter.AnthropicToolSearchBM25Tool(),
				openrouter.AnthropicToolSearchRegexTool(),
				openrouter.MessagesShellTool(),
				openrouter.MessagesToolSearchTool(3),
			},
			`[{"type":"web_search_20250305","name":"web_search"},
				{"type":"web_search_20250305","name":"web_search","allowed_domains":["go.dev"],"max_uses":2},
				{"type":"bash_20250124","name":"bash"},
				{"type":"text_editor_20250124","name":"str_replace_editor"},
				{"type":"tool_search_tool_bm25","name":"tool_search_tool_bm25"},
				{"type":"tool_search_tool_regex","name":"tool_search_tool_regex"},
				{"type":"openrouter:shell"},
				{"type":"openrouter:tool_search","parameters":{"max_results":3}}]`,
		},
	}
	checkMarshal(t, tests)
}

// MessagesTools refuses a server tool the Messages API does not have.
func TestMessagesToolsRefusesChatOnlyTools(t *testing.T) {
	t.Parallel()
	for _, tool := range []openrouter.Tool{openrouter.FilesTool(), openrouter.FusionTool(), openrouter.AdvisorTool(openrouter.AdvisorToolConfig{Model: "m"})} {
		_, err := openrouter.MessagesTools(weatherFunction(t), tool)
		if err == nil || !strings.HasPrefix(err.Error(), "openrouter: MessagesTools: tool 1 (openrouter:") {
			t.Errorf("MessagesTools(..., %s) error = %v", must(tool.MarshalJSON()), err)
		}
	}
	if tools, err := openrouter.MessagesTools(); tools != nil || err != nil {
		t.Errorf("MessagesTools() = %v, %v; want nil, nil", tools, err)
	}
}

// Requests with the endpoint tools pass the fake server's spec validation.
func TestEndpointToolsThroughFakeServer(t *testing.T) {
	t.Parallel()
	_, client := newFake(t)
	ctx := context.Background()
	chatTools := []openrouter.Tool{weatherFunction(t), openrouter.WebSearchTool(), openrouter.WebFetchTool(), openrouter.DatetimeTool("UTC"), openrouter.BashTool(), openrouter.ImageGenerationTool(), openrouter.SearchModelsTool(3)}
	rtools := append(openrouter.ResponsesTools(append(chatTools, openrouter.FilesTool(), openrouter.FusionTool(), openrouter.SubagentTool(openrouter.SubagentToolConfig{}))...),
		openrouter.ResponsesShellTool(), openrouter.ResponsesApplyPatchTool(), openrouter.ResponsesToolSearchTool(2),
		openrouter.FileSearchTool(openrouter.FileSearchToolConfig{VectorStoreIds: []string{"vs_1"}}), openrouter.CodeInterpreterTool(),
		openrouter.MCPTool(openrouter.MCPToolConfig{ServerLabel: "docs", ServerURL: "https://example.com/mcp"}),
		openrouter.ComputerUseTool(1024, 768, openrouter.ComputerLinux), openrouter.LocalShellTool(), openrouter.CustomTool("sql", "SQL"))
	if _, err := client.Beta.Responses.Send(ctx, openrouter.ResponsesRequest{Model: "openai/gpt-4o", Input: openrouter.InputText("Hi"), Tools: rtools}); err != nil {
		t.Errorf("Responses.Send: %v", err)
	}
	mtools := must(openrouter.MessagesTools(chatTools...))
	mtools = append(mtools, openrouter.AnthropicWebSearchTool(), openrouter.AnthropicBashTool(), openrouter.AnthropicTextEditorTool(),
		openrouter.AnthropicToolSearchBM25Tool(), openrouter.AnthropicToolSearchRegexTool(), openrouter.MessagesShellTool(), openrouter.MessagesToolSearchTool(2))
	if _, err := client.Messages.Send(ctx, openrouter.MessagesRequest{
		Model: "anthropic/claude-sonnet-4.5", MaxTokens: openrouter.Ptr(100),
		Messages: []openrouter.MessagesMessage{openrouter.MessagesUserText("Hi")}, Tools: mtools,
	}); err != nil {
		t.Errorf("Messages.Send: %v", err)
	}
}
