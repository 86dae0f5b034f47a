package openrouter_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeCode checks that the Go snippet of README.md is the code of
// readmeTour in example_readme_test.go, which compiles and runs, apart
// from the client options the example adds.
func TestReadmeCode(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	for rest := string(readme); ; {
		i := strings.Index(rest, "```go\n")
		if i < 0 {
			break
		}
		rest = rest[i+len("```go\n"):]
		j := strings.Index(rest, "```")
		if j < 0 {
			t.Fatal("README.md: unterminated ```go block")
		}
		blocks = append(blocks, rest[:j])
		rest = rest[j:]
	}
	if len(blocks) == 0 {
		t.Fatal("README.md has no ```go block")
	}
	s := string(src)
	code := s[strings.Index(s, "// README:begin")+len("// README:begin") : strings.Index(s, "// README:end")]
	want := normalize(strings.ReplaceAll(code, "openrouter.NewClient(extra...)", "openrouter.NewClient()"))
	var got []string
	for _, b := range blocks {
		for _, l := range normalize(b) {
			if !strings.HasPrefix(l, "import ") {
				got = append(got, l)
			}
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README.md's Go code differs from readmeTour:\nREADME:\n%s\n\nexample:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
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
