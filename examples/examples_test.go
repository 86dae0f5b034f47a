// Package examples_test builds every program under examples/ and runs it
// offline: without $OPENROUTER_API_KEY each one must fall back to the fake
// server, say so on stderr, and print its usual output.
package examples_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gopenrouter/openrouter/examples/internal/offline"
)

// want lists, for every example, lines its stdout must contain when it
// runs against the fake server.
var want = map[string][]string{
	"quickstart": {"You said: Say hello to a Go developer in one short sentence.", "[openai/gpt-4o-mini via FakeProvider: "},
	"models":     {"3 models in the catalogue; the first 5:", "- openai/gpt-4o-mini (OpenAI: GPT-4o-mini): context 128000 tokens"},
	"embeddings": {"3 vectors of 8 dimensions from openai/text-embedding-3-small", `similarity("The cat sat on the mat.", "A cat was sitting on a rug.") = `},
	"credits":    {"credits $100.00, used $12.3456, balance $87.6544"},
	"keys":       {"current key \"sk-or-v1-tes...key\"", "- Production (sk-or-v1-fa1...e01)", "2 keys"},
	"generation": {"answer: You said: Name one prime number.", "generation gen-fake-000001: model openai/gpt-4o-mini, provider FakeProvider"},
	"responses":  {"status: completed", "You said: Write a haiku about Go's garbage collector."},
	"tools":      {`tool get_weather("Paris")`, `final answer: The tool returned: {"city":"Paris","temp_c":21,"sky":"sunny"}`, "[2 requests, $"},
}

// goCommand is the go command that runs this test: $GOROOT/bin/go when
// the go command set GOROOT, else the first go on $PATH.
func goCommand() string {
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestExamplesRunOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example; skipped with -short")
	}
	dirs, err := filepath.Glob("*/main.go")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, d := range dirs {
		names[filepath.Dir(d)] = true
	}
	for name := range names {
		if want[name] == nil {
			t.Errorf("example %s has no expected output in want", name)
		}
	}
	for name := range want {
		if !names[name] {
			t.Errorf("want lists example %s, which does not exist", name)
		}
	}

	bin := t.TempDir()
	build := exec.Command(goCommand(), "build", "-o", bin+string(filepath.Separator), "./...")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./examples/...: %v\n%s", err, out)
	}

	for name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, filepath.Join(bin, name))
			cmd.Env = withoutKey(os.Environ())
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s: %v\nstdout:\n%s\nstderr:\n%s", name, err, &stdout, &stderr)
			}
			if !strings.Contains(stderr.String(), offline.Notice) {
				t.Errorf("%s did not say it runs offline; stderr:\n%s", name, &stderr)
			}
			for _, line := range want[name] {
				if !strings.Contains(stdout.String(), line) {
					t.Errorf("%s: stdout lacks %q; stdout:\n%s", name, line, &stdout)
				}
			}
		})
	}
}

// withoutKey drops the variables that would send the examples to the real
// API or elsewhere.
func withoutKey(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if strings.HasPrefix(kv, "OPENROUTER_") {
			continue
		}
		out = append(out, kv)
	}
	return out
}
