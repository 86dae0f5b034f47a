package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runSpecdiff(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

const (
	ours     = "testdata/ours.yaml"
	upstream = "testdata/upstream.yaml"
)

func TestReportsEachKindOfDifference(t *testing.T) {
	out, stderr, code := runSpecdiff(t, "-upstream", upstream, "-spec", ours)
	if code != 1 {
		t.Fatalf("exit status %d, want 1; stderr: %s", code, stderr)
	}
	want := []string{
		// an operation (path parameter names do not matter)
		"missing operations (1):\n  DELETE /things/{thing_id} (deleteThing)\n",
		// fields: query parameter, response through $ref, allOf branch
		// with nested fields collapsed, recursive schema, stream data
		"GET /things/{id} (getThing):\n  missing field       query.cursor\n",
		"  missing field       response.owner (and 2 nested)\n",
		"  missing field       response.tree.weight\n",
		"  missing field       body.metadata (and 1 nested)\n",
		"  missing field       sse.delta\n",
		// a field one branch of a discriminated union lacks, though a
		// sibling branch has it
		`  missing field       response.parts[]<type="image">.text` + "\n",
		// enum values, also inside an anyOf
		`  missing enum value  response.status: "archived"` + "\n",
		`  missing enum value  body.kind: "c"` + "\n",
		// type change: 3.1 type list with null against a 3.0 type
		"  type change         response.label: upstream string|null, ours string\n",
		"specdiff: 1 missing operations, 9 missing fields, 3 missing enum values, 2 type changes (in 2 shared operations)\n",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q\n--- output:\n%s", w, out)
		}
	}
	// Tolerated: upstream number where ours has integer, the const 7 our
	// integer branch accepts, an event envelope around the stream data,
	// fields both sides have, a query string "true"/"false" ours types as
	// a boolean.
	for _, not := range []string{"count", "kind: 7", `"c", 7`, "sse.data", "sse.event", "response.id", "body.name", "query.limit", "query.verbose", "{id}:\n  missing"} {
		if strings.Contains(out, not) {
			t.Errorf("output mentions %q, which is not a difference\n--- output:\n%s", not, out)
		}
	}
}

func TestStrictNumbers(t *testing.T) {
	out, _, code := runSpecdiff(t, "-upstream", upstream, "-spec", ours, "-strict-numbers")
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	if !strings.Contains(out, "  type change         response.count: upstream number, ours integer\n") {
		t.Errorf("-strict-numbers: no number/integer change reported\n%s", out)
	}
}

func TestSummaryOnly(t *testing.T) {
	out, _, code := runSpecdiff(t, "-upstream", upstream, "-spec", ours, "-summary")
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "specdiff: 1 missing operations") {
		t.Errorf("-summary printed %q", out)
	}
}

func TestNothingMissing(t *testing.T) {
	// Ours against itself, and ours against an upstream that has less.
	for _, pair := range [][2]string{{ours, ours}, {ours, upstream}, {upstream, upstream}} {
		out, stderr, code := runSpecdiff(t, "-upstream", pair[0], "-spec", pair[1])
		if code != 0 {
			t.Errorf("%s against %s: exit status %d, want 0\n%s%s", pair[0], pair[1], code, out, stderr)
		}
		if out != "specdiff: upstream describes nothing that we lack\n" {
			t.Errorf("%s against %s: output %q", pair[0], pair[1], out)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	notSpec := filepath.Join(dir, "list.yaml")
	if err := os.WriteFile(notSpec, []byte("- just\n- a list\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("openapi: 3.1.0\npaths: {/x: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"no -upstream":     {},
		"stray argument":   {"-upstream", upstream, "extra"},
		"unknown flag":     {"-upstream", upstream, "-nope"},
		"missing upstream": {"-upstream", filepath.Join(dir, "absent.yaml"), "-spec", ours},
		"missing ours":     {"-upstream", upstream, "-spec", filepath.Join(dir, "absent.yaml")},
		"not a document":   {"-upstream", notSpec, "-spec", ours},
		"unparseable":      {"-upstream", broken, "-spec", ours},
	} {
		out, stderr, code := runSpecdiff(t, args...)
		if code != 2 {
			t.Errorf("%s: exit status %d, want 2\n%s", name, code, out)
		}
		if stderr == "" {
			t.Errorf("%s: nothing on stderr", name)
		}
	}
}

// TestReferenceSpec runs the command on the upstream document openapi.yaml
// was last brought up to date with (kept beside the repository as
// ../shared/reference, as in CI): nothing may be missing.
func TestReferenceSpec(t *testing.T) {
	ref := "../../../../shared/reference/openrouter-openapi-2026-08.yaml"
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("reference document not available: %v", err)
	}
	out, stderr, code := runSpecdiff(t, "-upstream", ref, "-spec", "../../../openapi.yaml")
	if code != 0 {
		t.Errorf("exit status %d, want 0\n%s%s", code, out, stderr)
	}
}
