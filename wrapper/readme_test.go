package openrouter_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeCode checks that the Go blocks of README.md are, in order,
// the code between the README:begin and README:end markers of
// example_readme_test.go, which compiles and runs (NewClient there takes
// the example's extra options).
func TestReadmeCode(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	blocks := between(string(readme), "```go\n", "```")
	code := between(string(src), "// README:begin\n", "// README:end")
	if len(blocks) == 0 {
		t.Fatal("README.md has no ```go block")
	}
	if len(blocks) != len(code) {
		t.Fatalf("README.md has %d Go blocks, example_readme_test.go %d marked ones", len(blocks), len(code))
	}
	for i := range blocks {
		var got []string
		for _, l := range normalize(blocks[i]) {
			if !strings.HasPrefix(l, "import ") {
				got = append(got, l)
			}
		}
		want := normalize(strings.ReplaceAll(code[i], "openrouter.NewClient(extra...)", "openrouter.NewClient()"))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("README.md's Go block %d differs from its copy in example_readme_test.go:\nREADME:\n%s\n\ncopy:\n%s",
				i+1, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// between returns the texts between each start marker and the next end
// marker.
func between(s, start, end string) []string {
	var out []string
	for {
		i := strings.Index(s, start)
		if i < 0 {
			return out
		}
		s = s[i+len(start):]
		j := strings.Index(s, end)
		if j < 0 {
			return append(out, s)
		}
		out = append(out, s[:j])
		s = s[j+len(end):]
	}
}

// normalize returns the non-empty lines of code, trimmed.
func normalize(code string) []string {
	var out []string
	for _, l := range strings.Split(code, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
