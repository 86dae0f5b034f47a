// Command mcptools offers the tools of an MCP server to a model with
// mcpopenrouter.Tools and RunTools: it starts a small MCP server in this
// process (a weather tool), connects an MCP client to it, turns the
// server's tools into tool handlers and runs the conversation.
//
//	go run ./examples/mcptools
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/mcptools "Is it warm in Lisbon?"
//
// A real program would connect to an MCP server that runs elsewhere, with
// mcp.CommandTransport or mcp.StreamableClientTransport instead of
// mcp.NewInMemoryTransports.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/gopenrouter/openrouter/mcpopenrouter"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// weatherArgs are the arguments of the MCP tool get_weather; the MCP SDK
// derives the tool's input schema from this type.
type weatherArgs struct {
	City string `json:"city" jsonschema:"the city name, such as Paris"`
}

func main() {
	question := "What is the weather in Paris?"
	if len(os.Args) > 1 {
		question = strings.Join(os.Args[1:], " ")
	}
	if err := run(context.Background(), question); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, question string) error {
	session, stopMCP, err := startMCP(ctx)
	if err != nil {
		return err
	}
	defer stopMCP()

	tools, err := mcpopenrouter.Tools(ctx, session)
	if err != nil {
		return err
	}
	for _, t := range tools {
		fmt.Printf("MCP tool offered to the model: %s\n", t.Name())
	}

	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()
	res, err := openrouter.RunTools(ctx, c, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText(question)},
	}, tools, openrouter.WithMaxSteps(4))
	if err != nil {
		return err
	}
	fmt.Printf("final answer: %s\n", res.Text())
	fmt.Printf("[%d requests, %d tool calls]\n", res.Steps, len(res.ToolCalls))
	return nil
}

// startMCP starts an MCP server with one tool in this process and returns
// a client session connected to it; stop closes both ends.
func startMCP(ctx context.Context) (session *mcp.ClientSession, stop func(), err error) {
	server := mcp.NewServer(&mcp.Implementation{Name: "weather", Version: "v1.0.0"}, nil)
	mcp.AddTool(server, &mcp.Tool{Name: "get_weather", Description: "Current weather of a city"},
		func(ctx context.Context, req *mcp.CallToolRequest, args weatherArgs) (*mcp.CallToolResult, any, error) {
			fmt.Printf("MCP server: get_weather(%q)\n", args.City)
			// A real server would call a weather service here.
			return &mcp.CallToolResult{Content: []mcp.Content{
				&mcp.TextContent{Text: fmt.Sprintf("%s: 21 degrees Celsius, sunny", args.City)},
			}}, nil, nil
		})
	serverEnd, clientEnd := mcp.NewInMemoryTransports()
	serverSession, err := server.Connect(ctx, serverEnd, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("start the MCP server: %w", err)
	}
	client := mcp.NewClient(&mcp.Implementation{Name: "mcptools-example", Version: "v1.0.0"}, nil)
	session, err = client.Connect(ctx, clientEnd, nil)
	if err != nil {
		serverSession.Close()
		return nil, nil, fmt.Errorf("connect to the MCP server: %w", err)
	}
	return session, func() {
		session.Close()
		serverSession.Wait()
	}, nil
}

// newClient returns a client for the real OpenRouter API when
// $OPENROUTER_API_KEY is set. Without a key it starts the fake OpenRouter
// of package openroutertest in this process (canned answers; it checks
// every request against the API's OpenAPI document), says so on stderr and
// returns a client for it; stop shuts the fake down. In your own program,
// openrouter.NewClient(opts...) is all you need, and leaving the fake out
// keeps kin-openapi out of your binary.
func newClient(opts ...openrouter.Option) (client *openrouter.Client, stop func(), err error) {
	if os.Getenv("OPENROUTER_API_KEY") != "" {
		client, err = openrouter.NewClient(opts...)
		return client, func() {}, err
	}
	srv, err := openroutertest.New()
	if err != nil {
		return nil, nil, fmt.Errorf("start the fake OpenRouter: %w", err)
	}
	client, err = srv.Client(opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	fmt.Fprintln(os.Stderr, "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server "+
		"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API.")
	return client, srv.Close, nil
}
