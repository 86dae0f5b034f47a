package openrouter

import (
	"encoding/json"

	"github.com/gopenrouter/openrouter/gen"
)

// MessagesTool is one tool of [MessagesRequest].Tools. Function tools and
// OpenRouter's server tools are built with the chat constructors
// ([FunctionTool], [WebSearchTool], [DatetimeTool], ...) and converted
// with [MessagesTools]; Anthropic's own tools and the Messages-only
// server tools come from the constructors of this file
// ([AnthropicWebSearchTool], [AnthropicBashTool],
// [AnthropicTextEditorTool], [AnthropicToolSearchBM25Tool],
// [AnthropicToolSearchRegexTool], [MessagesShellTool],
// [MessagesToolSearchTool]).
type MessagesTool = gen.MessagesTool

// messagesServerTools are the chat server tools that the Messages API
// takes too, by type.
var messagesServerTools = map[string]bool{
	string(gen.OpenRouterWebSearchServerToolTypeOpenrouterWebSearch):             true,
	string(gen.WebFetchServerToolTypeOpenrouterWebFetch):                         true,
	string(gen.DatetimeServerToolTypeOpenrouterDatetime):                         true,
	string(gen.BashServerToolTypeOpenrouterBash):                                 true,
	string(gen.ImageGenerationServerToolOpenRouterTypeOpenrouterImageGeneration): true,
	string(gen.ChatSearchModelsServerToolTypeOpenrouterExperimentalSearchModels): true,
}

// MessagesTools converts tools built with this package's chat
// constructors for [MessagesRequest].Tools: a function tool becomes an
// Anthropic custom tool (name, description and input_schema), and the
// server tools the Messages API has (web search, web fetch, datetime,
// bash, image generation, model search) keep their JSON. It fails for a
// server tool the Messages API does not take (files, fusion, advisor,
// subagent), naming it.
//
//	tools, err := openrouter.MessagesTools(weather, openrouter.DatetimeTool("Europe/Paris"))
//	...
//	req.Tools = append(tools, openrouter.AnthropicWebSearchTool())
func MessagesTools(tools ...Tool) ([]MessagesTool, error) {
	if tools == nil {
		return nil, nil
	}
	out := make([]MessagesTool, 0, len(tools))
	for i, t := range tools {
		raw, err := t.MarshalJSON()
		if err != nil {
			return nil, errorf("MessagesTools", "tool %d is empty", i)
		}
		kind := toolType(raw)
		if kind == "function" {
			f, err := t.AsChatFunctionToolFunction()
			if err != nil {
				return nil, errorf("MessagesTools", "tool %d: %w", i, err)
			}
			out = append(out, customTool(f.Function))
			continue
		}
		if !messagesServerTools[kind] {
			return nil, errorf("MessagesTools", "tool %d (%s) is not a tool of the Messages API", i, kind)
		}
		var mt MessagesTool
		_ = mt.UnmarshalJSON(raw) // a union takes any JSON
		out = append(out, mt)
	}
	return out, nil
}

// customTool returns the Anthropic custom tool of a chat function: its
// parameters schema, whole, as the input_schema.
func customTool(f gen.ChatFunctionToolFunctionFunction) MessagesTool {
	schema := f.Parameters
	if schema == nil {
		schema = map[string]any{"type": "object", "properties": map[string]any{}}
	}
	tool := map[string]any{"type": string(gen.MessagesToolCustomTypeCustom), "name": f.Name, "input_schema": schema}
	if f.Description != "" {
		tool["description"] = f.Description
	}
	raw, _ := json.Marshal(tool) // the schema came from JSON, so it marshals
	var mt MessagesTool
	_ = mt.UnmarshalJSON(raw)
	return mt
}

// The configurations of the Messages tools that take one; the tool's
// type and name are set by its constructor.
type (
	// AnthropicWebSearchConfig configures [AnthropicWebSearchTool]:
	// allowed and blocked domains, use limit, user location and cache
	// control.
	AnthropicWebSearchConfig = gen.MessagesToolWebSearch20250305
)

// AnthropicWebSearchTool returns Anthropic's web search tool
// (web_search_20250305), run by the provider; [WebSearchTool], through
// [MessagesTools], is OpenRouter's. config optionally limits it (the
// first one is used).
func AnthropicWebSearchTool(config ...AnthropicWebSearchConfig) MessagesTool {
	c := first(config)
	c.Type = gen.MessagesToolWebSearch20250305TypeWebSearch20250305
	c.Name = gen.MessagesToolWebSearch20250305NameWebSearch
	return unionOf((*MessagesTool).FromMessagesToolWebSearch20250305, c)
}

// AnthropicBashTool returns Anthropic's bash tool (bash_20250124): the
// model asks for shell commands, which the caller runs and answers with
// a tool_result.
func AnthropicBashTool() MessagesTool {
	return unionOf((*MessagesTool).FromMessagesToolBash, gen.MessagesToolBash{
		Type: gen.MessagesToolBashTypeBash20250124, Name: gen.MessagesToolBashNameBash,
	})
}

// AnthropicTextEditorTool returns Anthropic's text editor tool
// (text_editor_20250124, named str_replace_editor): the model views and
// edits files through commands that the caller carries out.
func AnthropicTextEditorTool() MessagesTool {
	return unionOf((*MessagesTool).FromMessagesToolTextEditor, gen.MessagesToolTextEditor{
		Type: gen.MessagesToolTextEditorTypeTextEditor20250124, Name: gen.MessagesToolTextEditorNameStrReplaceEditor,
	})
}

// AnthropicToolSearchBM25Tool returns Anthropic's tool search tool that
// finds the request's deferred tools with BM25 ranking of natural
// language queries.
func AnthropicToolSearchBM25Tool() MessagesTool {
	return unionOf((*MessagesTool).FromAnthropicToolSearchToolBm25, gen.AnthropicToolSearchToolBm25{
		Type: gen.AnthropicToolSearchToolBm25TypeToolSearchToolBm25, Name: gen.AnthropicToolSearchToolBm25NameToolSearchToolBm25,
	})
}

// AnthropicToolSearchRegexTool returns Anthropic's tool search tool that
// finds the request's deferred tools with regular expressions.
func AnthropicToolSearchRegexTool() MessagesTool {
	return unionOf((*MessagesTool).FromAnthropicToolSearchToolRegex, gen.AnthropicToolSearchToolRegex{
		Type: gen.AnthropicToolSearchToolRegexTypeToolSearchToolRegex, Name: gen.AnthropicToolSearchToolRegexNameToolSearchToolRegex,
	})
}

// MessagesShellTool returns the openrouter:shell server tool of the
// Messages API (see [ResponsesShellTool]).
func MessagesShellTool(config ...ShellToolConfig) MessagesTool {
	return unionOf((*MessagesTool).FromShellServerToolOpenRouter, gen.ShellServerToolOpenRouter{
		Type: gen.ShellServerToolOpenRouterTypeOpenrouterShell, Parameters: firstPtr(config),
	})
}

// MessagesToolSearchTool returns the openrouter:tool_search server tool of
// the Messages API (see [ResponsesToolSearchTool]).
func MessagesToolSearchTool(maxResults int) MessagesTool {
	return unionOf((*MessagesTool).FromToolSearchServerTool, toolSearch(maxResults))
}
