// Package mcpopenrouter offers the tools of an MCP (Model Context
// Protocol) server to a model on OpenRouter: [Tools] turns every tool of
// an MCP client session into an [openrouter.ToolHandler] for
// [openrouter.RunTools], which then runs the model's calls on the MCP
// server and sends the results back to the model.
//
// It is a module of its own, github.com/gopenrouter/openrouter/mcpopenrouter,
// built on the official Go MCP SDK (github.com/modelcontextprotocol/go-sdk),
// so that programs that do not use MCP do not download or link it:
//
//	go get github.com/gopenrouter/openrouter/mcpopenrouter
//
// The core package is imported as openrouter:
//
//	import openrouter "github.com/gopenrouter/openrouter/wrapper"
//
// # Use
//
// Connect an [mcp.Client] to a server with any MCP transport (a command's
// stdin and stdout with [mcp.CommandTransport], HTTP with
// [mcp.StreamableClientTransport], or in process with
// [mcp.NewInMemoryTransports]), convert its tools and run the
// conversation:
//
//	client := mcp.NewClient(&mcp.Implementation{Name: "my-app", Version: "v1.0.0"}, nil)
//	session, err := client.Connect(ctx, &mcp.CommandTransport{Command: exec.Command("my-mcp-server")}, nil)
//	if err != nil {
//		return err
//	}
//	defer session.Close()
//	tools, err := mcpopenrouter.Tools(ctx, session, mcpopenrouter.WithPrefix("fs_"))
//	if err != nil {
//		return err
//	}
//	res, err := openrouter.RunTools(ctx, orClient, req, tools)
//
// The handlers can be mixed with Go handlers ([openrouter.NewToolHandler])
// and with the tools of other sessions; [WithPrefix] keeps their names
// apart.
//
// # Names
//
// A function name must be 1 to 64 ASCII letters, digits, '_' or '-'. MCP
// tool names may also have '.' and more, and [Tools] fails on such a name,
// naming the tool, rather than change it behind the caller's back. Pass
// WithRename([SanitizeName]) to replace the characters that are not
// allowed with '_', or [WithFilter] to leave the tool out.
//
// # Results
//
// A tool message carries text only, so [Tools] documents how each kind of
// MCP content becomes text: text as it is, structured content as JSON when
// the result has no other content, and a bracketed placeholder such as
// "[image: image/png, 5120 bytes]" for images, audio, binary resources and
// resource links. A result with IsError set becomes a [*ResultError], which
// the tool runner sends to the model as "error: ..." by default.
//
// # Errors
//
// Every error of this package starts with "mcpopenrouter: " and wraps the
// error it comes from, so errors.Is finds context.Canceled when the run's
// context is cancelled during an MCP call, and errors.As finds a
// [*ResultError] inside an [*openrouter.ToolError].
package mcpopenrouter
