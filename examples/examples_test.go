// Package examples_test checks that every program under examples/ can be
// copied as it is into a module of one's own, and that it runs offline:
// each main.go is copied into a fresh module outside this one, which
// requires this module through a replace directive (as the README shows),
// is tidied and built there, and each program is run without
// $OPENROUTER_API_KEY: it must fall back to the fake server, say so on
// stderr, and print its usual output.
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
)

// notice is what every example prints on stderr when it runs offline.
const notice = "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server " +
	"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API."

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
	"batch":      {"submitted batch_fake_0001 with 2 requests", "status completed: 2 of 2 done", "q-capital: You said: What is the capital of France?", "[batch cost $"},
	"caching":    {"call 1: cache MISS, stored for 10m0s", "call 2: cache HIT, 0s old, from generation gen-fake-000001", "[0 tokens billed]"},
	"agent": {
		"step 0: called get_weather and get_time, ",
		"step 1: final answer, ",
		`tool get_weather({"city":"Lisbon"}) -> {"city":"Lisbon","temp_c":17,"sky":"clear"}`,
		`tool get_time({"city":"Lisbon"}) -> {"city":"Lisbon","time":"19:30"}`,
		"tool calls running at once, at most: 2",
		"stopped by a condition: true",
		`answer: The tools returned: {"city":"Lisbon","temp_c":17,"sky":"clear"}; {"city":"Lisbon","time":"19:30"}`,
		"[2 requests, ",
	},
	"approval": {
		`waiting for approval: delete_file {"path":"/tmp/report-2023.txt"} (call call_fake_1)`,
		"saved the paused run (",
		"approved call call_fake_1",
		`tool delete_file("/tmp/report-2023.txt") ran`,
		"answer: The tool returned: deleted /tmp/report-2023.txt",
		"[2 requests in all, $",
	},
	"tools": {`tool get_weather("Paris")`, `final answer: The tool returned: {"city":"Paris","temp_c":21,"sky":"sunny"}`, "[2 requests, $"},
	"routing": {
		"ordered providers: You said: In one sentence: what is a goroutine?",
		"  served by anthropic/claude-3.5-haiku via FakeProvider for $",
		"  served by meta-llama/llama-3.1-8b-instruct via FakeProvider for $",
	},
	"plugins": {
		"web search: You said: What is the latest released version of Go?",
		"pdf: You said: What is the total of this invoice?",
		"[pdf request: ",
	},
	"reasoning": {
		"reasoning: (none returned by google/gemini-2.5-flash)",
		"answer: You said: A bat and a ball cost $1.10 in total.",
		"completion tokens of which 0 reasoning]",
	},
	"images": {
		"sent a ", "-byte PNG; the model says: You said: In three words: what shape and colour is this?",
		"2 images generated",
		"- image 1: image/png, 1x1 pixels, ",
		"- image 2: image/png, 1x1 pixels, ",
	},
	"structured": {
		"parsed into main.book",
		"title:  ",
		"year:   1",
	},
	"errors": {
		"   ErrModelNotFound: check the model id",
		"   availability code model_not_found, retryable false",
		"   availability code capacity_exhausted, retryable true",
		"   OpenRouter suggests anthropic/claude-3.5-haiku, meta-llama/llama-3.1-8b-instruct",
		"   answer from anthropic/claude-3.5-haiku: You said: Say hi.",
		"   ErrRateLimited: slow down",
		"   gave up after 2 attempts",
		"   rate limit: 0 of 20 requests left",
		"   attempt 1 failed (Chat.Send: 429 Too Many Requests",
		"   answer from openai/gpt-4o-mini: You said: One more time?",
		" requests left in this window",
	},
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
	mod := copyIntoModule(t, names)
	build := exec.Command(goCommand(), "build", "-o", bin+string(filepath.Separator), "./...")
	build.Dir = mod
	build.Env = moduleEnv()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./... in a module of copied examples: %v\n%s", err, out)
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
			if !strings.Contains(stderr.String(), notice) {
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

// copyIntoModule copies examples/NAME/main.go, for every name, to NAME/main.go
// of a new module in a temporary directory, requires this module there
// with the commands the README gives (go mod edit -replace, go mod tidy),
// and returns the module's directory. It seeds go.sum with this module's,
// so that tidy needs no network when the module cache is warm.
func copyIntoModule(t *testing.T, names map[string]bool) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	for name := range names {
		src, err := os.ReadFile(filepath.Join(name, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte("/internal/")) {
			t.Errorf("%s/main.go imports an internal package, which no other module can", name)
		}
		if err := os.MkdirAll(filepath.Join(mod, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"mod", "init", "example.com/copied"},
		{"mod", "edit", "-replace", "github.com/gopenrouter/openrouter=" + root},
		{"mod", "tidy"},
	} {
		cmd := exec.Command(goCommand(), args...)
		cmd.Dir = mod
		cmd.Env = moduleEnv()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), mod, err, out)
		}
	}
	return mod
}

// moduleEnv is the environment for the go command in the copied module:
// no workspace, and no -mod or other flags meant for this module.
func moduleEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GOWORK=") || strings.HasPrefix(kv, "GOFLAGS=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOWORK=off")
}

// TestExamplesShareNewClient checks that every example carries the same
// newClient, the offline fallback, so that a fix to one reaches all.
func TestExamplesShareNewClient(t *testing.T) {
	files, err := filepath.Glob("*/main.go")
	if err != nil {
		t.Fatal(err)
	}
	var first, firstFile string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.Index(src, []byte("\n// newClient returns"))
		if i < 0 {
			t.Errorf("%s has no newClient", f)
			continue
		}
		fn := string(src[i:])
		if end := strings.Index(fn, "\n}\n"); end >= 0 {
			fn = fn[:end+3]
		}
		if first == "" {
			first, firstFile = fn, f
		} else if fn != first {
			t.Errorf("%s's newClient differs from %s's; keep them identical", f, firstFile)
		}
	}
}
