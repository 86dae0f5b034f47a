package mcpopenrouter_test

import (
	"context"
	"fmt"
	"log"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/gopenrouter/openrouter/mcpopenrouter"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// ExampleTools offers the tools of an in-process MCP server to a model
// and runs the conversation against the SDK's fake server (offline),
// whose model calls the tool and quotes its result.
func ExampleTools() {
	ctx := context.Background()

	// An MCP server with one tool, connected in process. A real program
	// connects to a server elsewhere, with mcp.CommandTransport or
	// mcp.StreamableClientTransport.
	server := mcp.NewServer(&mcp.Implementation{Name: "clock", Version: "v1.0.0"}, nil)
	type timeArgs struct {
		Zone string `json:"zone" jsonschema:"an IANA time zone, such as Europe/Paris"`
	}
	mcp.AddTool(server, &mcp.Tool{Name: "get_time", Description: "The time in a time zone"},
		func(ctx context.Context, req *mcp.CallToolRequest, args timeArgs) (*mcp.CallToolResult, any, error) {
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "12:00 in " + args.Zone}}}, nil, nil
		})
	serverEnd, clientEnd := mcp.NewInMemoryTransports()
	serverSession, err := server.Connect(ctx, serverEnd, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer serverSession.Wait()
	session, err := mcp.NewClient(&mcp.Implementation{Name: "example", Version: "v1.0.0"}, nil).Connect(ctx, clientEnd, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer session.Close()

	tools, err := mcpopenrouter.Tools(ctx, session, mcpopenrouter.WithPrefix("clock_"))
	if err != nil {
		log.Fatal(err)
	}

	srv, err := openroutertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	res, err := openrouter.RunTools(ctx, client, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("What time is it in Asia/Tokyo")},
	}, tools)
	if err != nil {
		log.Fatal(err)
	}
	for _, call := range res.ToolCalls {
		fmt.Printf("%s %s -> %s\n", call.Call.Function.Name, call.Call.Function.Arguments, call.Content)
	}
	fmt.Println(res.Text())
	// Output:
	// clock_get_time {"zone":"Asia/Tokyo"} -> 12:00 in Asia/Tokyo
	// The tool returned: 12:00 in Asia/Tokyo
}

// ExampleSanitizeName shows the function names [WithRename] with
// SanitizeName gives to MCP tool names that function names may not have.
func ExampleSanitizeName() {
	fmt.Println(mcpopenrouter.SanitizeName("files.read"))
	fmt.Println(mcpopenrouter.SanitizeName("github/issues.list"))
	// Output:
	// files_read
	// github_issues_list
}
