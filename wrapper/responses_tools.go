package openrouter

import (
	"encoding/json"

	"github.com/gopenrouter/openrouter/gen"
)

// ResponsesTool is one tool of [ResponsesRequest].Tools. Function tools
// and OpenRouter's server tools are built with the chat constructors
// ([FunctionTool], [WebSearchTool], [DatetimeTool], ...) and converted
// with [ResponsesTools]; the tools only the Responses API has come from
// the constructors of this file ([FileSearchTool], [CodeInterpreterTool],
// [MCPTool], [ComputerUseTool], [LocalShellTool], [CustomTool],
// [ResponsesShellTool], [ResponsesApplyPatchTool], [ResponsesToolSearchTool]).
type ResponsesTool = gen.ResponsesRequestTool

// ResponsesTools converts tools built with this package's chat
// constructors for [ResponsesRequest].Tools: a function tool becomes the
// Responses API's flat function tool (name, description and parameters at
// the top level), and a server tool keeps its JSON, which the Responses
// API takes as is.
//
//	weather, err := openrouter.FunctionToolFor[Weather]("get_weather", "The weather in a city.")
//	...
//	req.Tools = openrouter.ResponsesTools(weather, openrouter.WebSearchTool())
//
// Append the Responses-only tools to the result.
func ResponsesTools(tools ...Tool) []ResponsesTool {
	if tools == nil {
		return nil
	}
	out := make([]ResponsesTool, 0, len(tools))
	for _, t := range tools {
		raw, err := t.MarshalJSON()
		if err != nil {
			continue // an empty Tool: nothing to send
		}
		if toolType(raw) == "function" {
			if f, err := t.AsChatFunctionToolFunction(); err == nil {
				out = append(out, unionOf((*ResponsesTool).FromResponsesRequestToolFunctionTool, gen.ResponsesRequestToolFunctionTool{
					Type: gen.FunctionToolTypeFunction, Name: f.Function.Name, Description: f.Function.Description,
					Parameters: f.Function.Parameters, Strict: f.Function.Strict,
				}))
				continue
			}
		}
		var rt ResponsesTool
		_ = rt.UnmarshalJSON(raw) // a union takes any JSON
		out = append(out, rt)
	}
	return out
}

// toolType returns the "type" of a tool's JSON.
func toolType(raw []byte) string {
	var t struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(raw, &t)
	return t.Type
}

// The configurations of the Responses-only tools that take one; the
// tool's type is set by its constructor.
type (
	// ShellToolConfig configures [ResponsesShellTool] and
	// [MessagesShellTool]: engine, container environment and idle sleep
	// time.
	ShellToolConfig = gen.ShellServerToolConfig
	// ApplyPatchToolConfig configures [ResponsesApplyPatchTool]: the
	// engine that applies the patches.
	ApplyPatchToolConfig = gen.ApplyPatchServerToolConfig
	// MCPToolConfig configures [MCPTool]: the server's label (required)
	// and URL or connector, authorization, headers, allowed tools and
	// approval policy. Its Type is set by MCPTool.
	MCPToolConfig = gen.McpServerTool
	// FileSearchToolConfig configures [FileSearchTool]: vector stores
	// (required), filters, result limit and ranking. Its Type is set by
	// FileSearchTool.
	FileSearchToolConfig = gen.FileSearchServerTool
)

// ComputerEnvironment is the environment a [ComputerUseTool] controls.
type ComputerEnvironment = gen.ComputerUseServerToolEnvironment

// The environments of the computer-use tool.
const (
	ComputerBrowser ComputerEnvironment = gen.ComputerUseServerToolEnvironmentBrowser
	ComputerLinux   ComputerEnvironment = gen.ComputerUseServerToolEnvironmentLinux
	ComputerMac     ComputerEnvironment = gen.ComputerUseServerToolEnvironmentMac
	ComputerUbuntu  ComputerEnvironment = gen.ComputerUseServerToolEnvironmentUbuntu
	ComputerWindows ComputerEnvironment = gen.ComputerUseServerToolEnvironmentWindows
)

// ResponsesShellTool returns the openrouter:shell server tool of the
// Responses API, with which the model runs shell commands in a sandbox
// that OpenRouter hosts. config optionally sets the engine and
// environment (the first one is used).
func ResponsesShellTool(config ...ShellToolConfig) ResponsesTool {
	return unionOf((*ResponsesTool).FromShellServerToolOpenRouter, gen.ShellServerToolOpenRouter{
		Type: gen.ShellServerToolOpenRouterTypeOpenrouterShell, Parameters: firstPtr(config),
	})
}

// ResponsesApplyPatchTool returns the openrouter:apply_patch server tool,
// with which the model edits files by sending patches.
func ResponsesApplyPatchTool(config ...ApplyPatchToolConfig) ResponsesTool {
	return unionOf((*ResponsesTool).FromApplyPatchServerToolOpenRouter, gen.ApplyPatchServerToolOpenRouter{
		Type: gen.ApplyPatchServerToolOpenRouterTypeOpenrouterApplyPatch, Parameters: firstPtr(config),
	})
}

// ResponsesToolSearchTool returns the openrouter:tool_search server tool,
// with which the model looks up the request's deferred tools by
// description; maxResults caps the tools a search returns (0: the
// default).
func ResponsesToolSearchTool(maxResults int) ResponsesTool {
	return unionOf((*ResponsesTool).FromToolSearchServerTool, toolSearch(maxResults))
}

func toolSearch(maxResults int) gen.ToolSearchServerTool {
	t := gen.ToolSearchServerTool{Type: gen.ToolSearchServerToolTypeOpenrouterToolSearch}
	if maxResults > 0 {
		t.Parameters = &gen.ToolSearchServerToolConfig{MaxResults: &maxResults}
	}
	return t
}

// FileSearchTool returns the file_search tool, with which the model
// searches the vector stores of config.VectorStoreIds.
func FileSearchTool(config FileSearchToolConfig) ResponsesTool {
	config.Type = gen.FileSearchServerToolTypeFileSearch
	if config.VectorStoreIds == nil {
		config.VectorStoreIds = []string{}
	}
	return unionOf((*ResponsesTool).FromFileSearchServerTool, config)
}

// CodeInterpreterTool returns the code_interpreter tool, with which the
// model runs Python in a container created for the request (an "auto"
// container holding the files of fileIDs, if any).
func CodeInterpreterTool(fileIDs ...string) ResponsesTool {
	c := unionOf((*gen.CodeInterpreterServerToolContainer).FromCodeInterpreterAutoContainer, gen.CodeInterpreterAutoContainer{
		Type: gen.CodeInterpreterAutoContainerTypeAuto, FileIds: fileIDs,
	})
	return unionOf((*ResponsesTool).FromCodeInterpreterServerTool, gen.CodeInterpreterServerTool{Type: gen.CodeInterpreterServerToolTypeCodeInterpreter, Container: c})
}

// MCPTool returns an mcp tool, with which the model calls the tools of
// the remote MCP server that config describes:
//
//	openrouter.MCPTool(openrouter.MCPToolConfig{ServerLabel: "docs", ServerURL: "https://example.com/mcp"})
func MCPTool(config MCPToolConfig) ResponsesTool {
	config.Type = gen.McpServerToolTypeMcp
	return unionOf((*ResponsesTool).FromMcpServerTool, config)
}

// ComputerUseTool returns the computer_use_preview tool, with which the
// model operates a display of width by height pixels in env.
func ComputerUseTool(width, height int, env ComputerEnvironment) ResponsesTool {
	return unionOf((*ResponsesTool).FromComputerUseServerTool, gen.ComputerUseServerTool{
		Type: gen.ComputerUseServerToolTypeComputerUsePreview, DisplayWidth: width, DisplayHeight: height, Environment: env,
	})
}

// LocalShellTool returns the local_shell tool: the model asks for shell
// commands, which the caller runs and answers.
func LocalShellTool() ResponsesTool {
	return unionOf((*ResponsesTool).FromCodexLocalShellTool, gen.CodexLocalShellTool{Type: gen.CodexLocalShellToolTypeLocalShell})
}

// CustomTool returns a custom tool named name, whose input the model
// writes as free text rather than JSON arguments.
func CustomTool(name, description string) ResponsesTool {
	return unionOf((*ResponsesTool).FromCustomTool, gen.CustomTool{Type: gen.CustomToolTypeCustom, Name: name, Description: description})
}
