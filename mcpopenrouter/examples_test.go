package mcpopenrouter_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExampleProgramRunsOffline builds examples/mcptools and runs it
// without $OPENROUTER_API_KEY: it must say on stderr that it uses the
// fake server, run the MCP tool and print the answer that quotes it.
func TestExampleProgramRunsOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the example program; skipped with -short")
	}
	t.Parallel()
	goTool := "go"
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			goTool = p
		}
	}
	bin := filepath.Join(t.TempDir(), "mcptools")
	if out, err := exec.Command(goTool, "build", "-o", bin, "./examples/mcptools").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// bench/binsize_test.go checks that programs without mcpopenrouter
	// do not link this module path; this one must.
	if mods, err := exec.Command(goTool, "version", "-m", bin).CombinedOutput(); err != nil {
		t.Fatalf("go version -m: %v\n%s", err, mods)
	} else if !strings.Contains(string(mods), "\tgithub.com/modelcontextprotocol/go-sdk\t") {
		t.Errorf("the example does not list the MCP SDK as a dependency:\n%s", mods)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = withoutKey(os.Environ())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("mcptools: %v (context: %v)\nstdout:\n%s\nstderr:\n%s", err, ctx.Err(), &stdout, &stderr)
	}
	const notice = "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server " +
		"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API.\n"
	if stderr.String() != notice {
		t.Errorf("stderr = %q, want the offline notice", &stderr)
	}
	const want = "MCP tool offered to the model: get_weather\n" +
		"MCP server: get_weather(\"Paris\")\n" +
		"final answer: The tool returned: Paris: 21 degrees Celsius, sunny\n" +
		"[2 requests, 1 tool calls]\n"
	if got := stdout.String(); got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
}

func withoutKey(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "OPENROUTER_") {
			out = append(out, kv)
		}
	}
	return out
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
