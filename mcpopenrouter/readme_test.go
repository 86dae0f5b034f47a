package mcpopenrouter_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/gopenrouter/openrouter/mcpopenrouter"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// readmeUsage holds the usage snippet of README.md's "MCP tools"
// section, between the markers, so that it compiles. It is not run: it
// starts a command that does not exist.
func readmeUsage(ctx context.Context, client *openrouter.Client, req openrouter.ChatRequest) (*openrouter.RunResult, error) {
	// README:begin
	mc := mcp.NewClient(&mcp.Implementation{Name: "my-app", Version: "v1.0.0"}, nil)
	session, err := mc.Connect(ctx, &mcp.CommandTransport{Command: exec.Command("my-mcp-server")}, nil)
	if err != nil {
		return nil, err
	}
	defer session.Close()
	tools, err := mcpopenrouter.Tools(ctx, session, mcpopenrouter.WithPrefix("fs_"))
	if err != nil {
		return nil, err
	}
	res, err := openrouter.RunTools(ctx, client, req, tools)
	// README:end
	return res, err
}

var _ = readmeUsage

// TestReadmeUsage checks that the Go code of README.md's "MCP tools"
// section is readmeUsage's (up to "return nil, err", which is "return
// err" in the README).
func TestReadmeUsage(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## MCP tools\n")
	if !ok {
		t.Fatal(`README.md has no "## MCP tools" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	// The section's indented blocks: the go get line, then the code.
	var blocks [][]string
	inBlock := false
	for _, l := range strings.Split(section, "\n") {
		code, ok := strings.CutPrefix(l, "    ")
		if !ok {
			inBlock = false
			continue
		}
		if !inBlock {
			blocks = append(blocks, nil)
			inBlock = true
		}
		blocks[len(blocks)-1] = append(blocks[len(blocks)-1], code)
	}
	if len(blocks) != 2 {
		t.Fatalf("the MCP tools section has %d indented blocks, want 2 (go get, code)", len(blocks))
	}
	if got, want := strings.Join(blocks[0], "\n"), "go get github.com/gopenrouter/openrouter/mcpopenrouter"; got != want {
		t.Errorf("install line %q, want %q", got, want)
	}

	src, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, code, _ := strings.Cut(string(src), "\t// README:begin\n")
	code, _, _ = strings.Cut(code, "\t// README:end\n")
	var want []string
	for _, l := range strings.Split(strings.TrimSuffix(code, "\n"), "\n") {
		want = append(want, strings.ReplaceAll(strings.TrimPrefix(l, "\t"), "return nil, err", "return err"))
	}
	if got := strings.Join(blocks[1], "\n"); got != strings.Join(want, "\n") {
		t.Errorf("README.md's MCP snippet differs from readmeUsage:\nREADME:\n%s\n\nreadmeUsage:\n%s", got, strings.Join(want, "\n"))
	}
}
