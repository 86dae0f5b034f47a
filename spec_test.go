package openrouter_test

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	openrouter "github.com/gopenrouter/openrouter"
)

func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openrouter.OpenAPISpec)
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	return doc
}

func TestSpecValidates(t *testing.T) {
	t.Parallel()
	doc := loadSpec(t)
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.yaml does not validate: %v", err)
	}
	if got, want := doc.OpenAPI, "3.0.3"; got != want {
		t.Errorf("openapi version = %q, want %q", got, want)
	}
}

func TestSpecOperationsHaveIDsTagsAndSummaries(t *testing.T) {
	t.Parallel()
	doc := loadSpec(t)
	declared := map[string]bool{}
	for _, tag := range doc.Tags {
		declared[tag.Name] = true
	}
	seen := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := method + " " + path
			if op.OperationID == "" {
				t.Errorf("%s: no operationId", where)
			} else if prev, dup := seen[op.OperationID]; dup {
				t.Errorf("%s: operationId %q already used by %s", where, op.OperationID, prev)
			} else {
				seen[op.OperationID] = where
			}
			if len(op.Tags) == 0 {
				t.Errorf("%s: no tag", where)
			}
			for _, tag := range op.Tags {
				if !declared[tag] {
					t.Errorf("%s: tag %q is not declared in the top-level tags", where, tag)
				}
			}
			if strings.TrimSpace(op.Summary) == "" {
				t.Errorf("%s: no summary", where)
			}
		}
	}
	if len(seen) == 0 {
		t.Fatal("openapi.yaml has no operations")
	}
}

// TestSpecHasNoUnreferencedComponents fails on a component that no operation
// reaches, directly or through other components: a leftover that would still
// be generated into gen/.
// TestSpecSchemasHaveDescriptions: every component schema is described,
// for the HTML reference and for the doc comments of gen's types.
func TestSpecSchemasHaveDescriptions(t *testing.T) {
	t.Parallel()
	doc := loadSpec(t)
	var missing []string
	for name, ref := range doc.Components.Schemas {
		if ref.Value == nil || strings.TrimSpace(ref.Value.Description) == "" {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d component schemas have no description (give each a short description in openapi.yaml, in our own words): %s",
			len(missing), strings.Join(missing, ", "))
	}
}

func TestSpecHasNoUnreferencedComponents(t *testing.T) {
	t.Parallel()
	doc := loadSpec(t)
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]any
	if err := json.Unmarshal(raw, &top); err != nil {
		t.Fatal(err)
	}
	comps, _ := top["components"].(map[string]any)
	component := func(ref string) any {
		parts := strings.Split(strings.TrimPrefix(ref, "#/components/"), "/")
		if len(parts) != 2 {
			return nil
		}
		group, _ := comps[parts[0]].(map[string]any)
		return group[parts[1]]
	}
	reached := map[string]bool{}
	var walk func(node any)
	walk = func(node any) {
		switch n := node.(type) {
		case map[string]any:
			if ref, ok := n["$ref"].(string); ok && !reached[ref] {
				reached[ref] = true
				walk(component(ref))
			}
			for _, v := range n {
				walk(v)
			}
		case []any:
			for _, v := range n {
				walk(v)
			}
		}
	}
	walk(top["paths"])
	var unused []string
	for _, kind := range []string{"schemas", "responses", "parameters", "requestBodies"} {
		members, _ := comps[kind].(map[string]any)
		for name := range members {
			if ref := "#/components/" + kind + "/" + name; !reached[ref] {
				unused = append(unused, ref)
			}
		}
	}
	sort.Strings(unused)
	for _, ref := range unused {
		t.Errorf("%s is not reached from any operation", ref)
	}
	if len(reached) == 0 {
		t.Fatal("no $ref reached from paths: the walk is broken")
	}
}

// TestSpecOptionalStringsAreValues holds openapi.yaml to its pointer rule:
// an optional string property (or one whose schema is a string enum) is a
// Go value, not a pointer, since "" and absent mean the same to a user;
// optional numbers and booleans stay pointers, since 0 and false are
// values a request sends and a result reports (a temperature of 0, a cost
// of 0). A new optional string needs x-go-type-skip-optional-pointer: true.
func TestSpecOptionalStringsAreValues(t *testing.T) {
	t.Parallel()
	doc := loadSpec(t)
	const ext = "x-go-type-skip-optional-pointer"
	isString := func(r *openapi3.SchemaRef) bool {
		v := r.Value
		if v == nil && len(r.Value.AllOf) == 0 {
			return false
		}
		if len(v.AllOf) == 1 && v.Type == nil {
			v = v.AllOf[0].Value
		}
		_, custom := v.Extensions["x-go-type"]
		return v.Type.Is("string") && v.Format != "binary" && v.Format != "byte" && v.Format != "date-time" &&
			v.Format != "date" && v.Format != "uuid" && len(v.Properties) == 0 && !custom
	}
	var missing []string
	var walk func(where string, s *openapi3.Schema)
	walk = func(where string, s *openapi3.Schema) {
		required := map[string]bool{}
		for _, r := range s.Required {
			required[r] = true
		}
		for name, p := range s.Properties {
			if required[name] || !isString(p) {
				continue
			}
			_, inline := p.Value.Extensions[ext]
			_, beside := p.Extensions[ext]
			if !inline && !beside {
				missing = append(missing, where+"."+name)
			}
		}
		for _, group := range [][]*openapi3.SchemaRef{s.AllOf, s.OneOf, s.AnyOf} {
			for _, m := range group {
				if m.Ref == "" && m.Value != nil {
					walk(where, m.Value)
				}
			}
		}
	}
	for name, s := range doc.Components.Schemas {
		walk(name, s.Value)
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d optional string properties would be pointers in Go; give each %s: true: %s", len(missing), ext, strings.Join(missing, ", "))
	}
}
