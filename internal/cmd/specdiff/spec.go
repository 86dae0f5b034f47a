package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// loadDoc reads an OpenAPI 3.0 or 3.1 document with its $refs resolved.
func loadDoc(path string) (*openapi3.T, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	if doc.OpenAPI == "" || !strings.HasPrefix(doc.OpenAPI, "3.") {
		return nil, fmt.Errorf("%s: not an OpenAPI 3.x document (openapi: %q)", path, doc.OpenAPI)
	}
	if doc.Paths == nil || doc.Paths.Len() == 0 {
		return nil, fmt.Errorf("%s: the document has no paths", path)
	}
	return doc, nil
}

// opKey names an operation: method and path, path parameter names erased
// and the servers' base path (such as /api/v1) removed.
type opKey struct{ method, path string }

func (k opKey) String() string { return k.method + " " + k.path }

var paramRE = regexp.MustCompile(`\{[^}/]*\}`)

func normPath(base, p string) string {
	if base != "" && base != "/" && strings.HasPrefix(p, base+"/") {
		p = strings.TrimPrefix(p, base)
	}
	p = paramRE.ReplaceAllString(p, "{}")
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	return p
}

func basePath(doc *openapi3.T) string {
	if len(doc.Servers) == 0 || doc.Servers[0] == nil {
		return ""
	}
	u, err := url.Parse(doc.Servers[0].URL)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.Path, "/")
}

// operation is one method on one path, with the path as written.
type operation struct {
	key     opKey
	display string
	item    *openapi3.PathItem
	op      *openapi3.Operation
}

var methodOrder = map[string]int{"GET": 0, "PUT": 1, "POST": 2, "DELETE": 3, "OPTIONS": 4, "HEAD": 5, "PATCH": 6, "TRACE": 7}

func operations(doc *openapi3.T) map[opKey]*operation {
	base := basePath(doc)
	out := map[opKey]*operation{}
	for p, item := range doc.Paths.Map() {
		if item == nil {
			continue
		}
		for m, op := range item.Operations() {
			if op == nil {
				continue
			}
			k := opKey{strings.ToUpper(m), normPath(base, p)}
			out[k] = &operation{key: k, display: strings.ToUpper(m) + " " + p, item: item, op: op}
		}
	}
	return out
}

func sortedKeys(m map[opKey]*operation) []opKey {
	keys := make([]opKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].path != keys[j].path {
			return keys[i].path < keys[j].path
		}
		return methodOrder[keys[i].method] < methodOrder[keys[j].method]
	})
	return keys
}

// field is what the merged schemas say about one field path.
type field struct {
	types map[string]bool // JSON types; "null" when nullable
	any   bool            // some branch accepts any value
	// enum holds the enum and const values (canonical JSON) of the branches
	// that have them; free holds the types of branches without.
	enum map[string]string // canonical JSON -> JSON type
	free map[string]bool
}

func newField() *field {
	return &field{types: map[string]bool{}, free: map[string]bool{}}
}

// fields maps a field path (body.messages[].role, query.limit,
// response.data[].id, sse.choices[].delta.content) to what is known of it.
type fields map[string]*field

// maxSteps bounds the work for one operation (each step visits a schema).
const maxSteps = 2_000_000

type collector struct {
	maxDepth int
	steps    int
	stack    map[*openapi3.Schema]int
}

func (c *collector) collect(op *operation, out fields) {
	c.steps = 0
	c.stack = map[*openapi3.Schema]int{}
	params := append(openapi3.Parameters{}, op.item.Parameters...)
	params = append(params, op.op.Parameters...)
	for _, pr := range params {
		if pr == nil || pr.Value == nil {
			continue
		}
		p := pr.Value
		name := p.Name
		switch p.In {
		case openapi3.ParameterInPath:
			continue // matched positionally through the path already
		case openapi3.ParameterInHeader:
			name = strings.ToLower(name)
			if name == "accept" || name == "content-type" || name == "authorization" {
				continue
			}
		}
		path := p.In + "." + name
		if p.Schema != nil {
			c.walk(p.Schema, path, 0, out)
		} else {
			get(out, path).any = true
		}
	}
	if rb := op.op.RequestBody; rb != nil && rb.Value != nil {
		if mt := pickBody(rb.Value.Content); mt != nil && mt.Schema != nil {
			c.walk(mt.Schema, "body", 0, out)
		}
	}
	if op.op.Responses == nil {
		return
	}
	for code, rr := range op.op.Responses.Map() {
		if !strings.HasPrefix(code, "2") || rr == nil || rr.Value == nil {
			continue
		}
		for media, mt := range rr.Value.Content {
			if mt == nil || mt.Schema == nil {
				continue
			}
			base := strings.ToLower(strings.TrimSpace(strings.SplitN(media, ";", 2)[0]))
			switch {
			case isJSON(base):
				c.walk(mt.Schema, "response", 0, out)
			case base == "text/event-stream":
				c.walk(sseData(mt.Schema), "sse", 0, out)
			}
		}
	}
}

func isJSON(media string) bool {
	return media == "application/json" || strings.HasSuffix(media, "+json")
}

// pickBody prefers a JSON body, then a form.
func pickBody(content openapi3.Content) *openapi3.MediaType {
	for media, mt := range content {
		if isJSON(strings.ToLower(strings.SplitN(media, ";", 2)[0])) {
			return mt
		}
	}
	for _, media := range []string{"multipart/form-data", "application/x-www-form-urlencoded"} {
		if mt := content.Get(media); mt != nil {
			return mt
		}
	}
	return nil
}

// sseData unwraps an event envelope ({data, event, id, retry}) to the
// schema of its data, so that either way of describing a stream compares
// the events themselves.
func sseData(s *openapi3.SchemaRef) *openapi3.SchemaRef {
	if s.Value == nil {
		return s
	}
	props := s.Value.Properties
	if _, ok := props["data"]; !ok {
		return s
	}
	for name := range props {
		switch name {
		case "data", "event", "id", "retry":
		default:
			return s
		}
	}
	return props["data"]
}

func get(out fields, path string) *field {
	f := out[path]
	if f == nil {
		f = newField()
		out[path] = f
	}
	return f
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case int, int64, int32:
		return "integer"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return ""
}

func canon(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// own records a schema's own type, nullability and enum values.
func own(s *openapi3.Schema, f *field) {
	var values []any
	values = append(values, s.Enum...)
	if s.Const != nil {
		values = append(values, s.Const)
	}
	var types []string
	if s.Type != nil {
		types = append(types, (*s.Type)...)
	}
	if len(types) == 0 {
		switch {
		case len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil:
			types = []string{"object"}
		case s.Items != nil || len(s.PrefixItems) > 0:
			types = []string{"array"}
		default:
			for _, v := range values {
				types = append(types, jsonType(v))
			}
		}
	}
	composed := len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0
	if len(types) == 0 && !composed && s.Not == nil {
		f.any = true
	}
	for _, t := range types {
		f.types[t] = true
	}
	if s.Nullable {
		f.types["null"] = true
	}
	if len(values) > 0 {
		if f.enum == nil {
			f.enum = map[string]string{}
		}
		for _, v := range values {
			if v == nil {
				f.types["null"] = true
				continue
			}
			f.enum[canon(v)] = jsonType(v)
		}
	} else if !composed {
		for _, t := range types {
			f.free[t] = true
		}
		if len(types) == 0 {
			f.free["*"] = true
		}
	}
}

func (c *collector) walk(sr *openapi3.SchemaRef, path string, depth int, out fields) {
	c.steps++
	if sr == nil || c.steps > maxSteps {
		return
	}
	s := sr.Value
	f := get(out, path)
	if s == nil {
		f.any = true
		return
	}
	if c.stack[s] > 0 {
		// A recursive schema: note its types, do not expand it again.
		c.shallow(s, f, map[*openapi3.Schema]bool{})
		return
	}
	c.stack[s]++
	defer func() { c.stack[s]-- }()

	own(s, f)
	for _, sub := range s.AllOf {
		c.walk(sub, path, depth, out)
	}
	// The branches of a union of several kinds, each naming its kind by a
	// one-value "type" property, are compared branch by branch, so that a
	// field one branch lacks is not hidden by a sibling that has it. Other
	// unions merge their branches: their shapes may differ between two
	// documents that describe the same API.
	for _, group := range []openapi3.SchemaRefs{s.AnyOf, s.OneOf} {
		labels := unionLabels(s.Discriminator, group)
		for i, sub := range group {
			if labels != nil && labels[i] != "" {
				c.walk(sub, path+"<"+labels[i]+">", depth, out)
			} else {
				c.walk(sub, path, depth, out)
			}
		}
	}
	if depth >= c.maxDepth {
		return
	}
	for name, sub := range s.Properties {
		c.walk(sub, path+segment(name), depth+1, out)
	}
	if s.Items != nil {
		c.walk(s.Items, path+"[]", depth+1, out)
	}
	for _, sub := range s.PrefixItems {
		c.walk(sub, path+"[]", depth+1, out)
	}
	if ap := s.AdditionalProperties.Schema; ap != nil && informative(ap.Value) {
		c.walk(ap, path+".{*}", depth+1, out)
	}
}

func (c *collector) shallow(s *openapi3.Schema, f *field, seen map[*openapi3.Schema]bool) {
	if s == nil || seen[s] {
		return
	}
	seen[s] = true
	own(s, f)
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, sub := range group {
			if sub != nil {
				c.shallow(sub.Value, f, seen)
			}
		}
	}
}

// informative reports whether an additionalProperties schema says more
// than "any value".
func informative(s *openapi3.Schema) bool {
	if s == nil {
		return false
	}
	return (s.Type != nil && len(*s.Type) > 0) || len(s.Properties) > 0 || s.Items != nil ||
		len(s.Enum) > 0 || s.Const != nil || len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 ||
		s.AdditionalProperties.Schema != nil
}

var plainName = regexp.MustCompile(`^[^.\[\]{}"\s]+$`)

func segment(name string) string {
	if plainName.MatchString(name) {
		return "." + name
	}
	return "[" + canon(name) + "]"
}

// unionLabels returns the label of every branch of group when there are
// several and each has one, else nil. A discriminator's property names
// the kinds; without one, a "type" property does.
func unionLabels(d *openapi3.Discriminator, group openapi3.SchemaRefs) []string {
	if len(group) < 2 {
		return nil
	}
	prop := "type"
	byRef := map[string]string{}
	if d != nil && d.PropertyName != "" {
		prop = d.PropertyName
		for value, ref := range d.Mapping {
			byRef[ref.Ref] = prop + "=" + canon(value)
		}
	}
	labels := make([]string, len(group))
	named := 0
	for i, sub := range group {
		if isNull(sub) {
			continue // a "type: null" branch only makes the union nullable
		}
		labels[i] = byRef[sub.Ref]
		if labels[i] == "" {
			labels[i] = branchLabel(sub, prop, map[*openapi3.Schema]bool{})
		}
		if labels[i] == "" {
			return nil
		}
		named++
	}
	if named < 2 {
		return nil
	}
	return labels
}

// isNull reports whether a branch admits only null.
func isNull(sr *openapi3.SchemaRef) bool {
	return sr != nil && sr.Value != nil && sr.Value.Type != nil && len(*sr.Value.Type) == 1 && (*sr.Value.Type)[0] == "null"
}

// branchLabel names a union branch by the one value of its property prop
// ("type=message"), looking through allOf; "" when it has none.
func branchLabel(sr *openapi3.SchemaRef, prop string, seen map[*openapi3.Schema]bool) string {
	if sr == nil || sr.Value == nil || seen[sr.Value] {
		return ""
	}
	s := sr.Value
	seen[s] = true
	if t := s.Properties[prop]; t != nil && t.Value != nil {
		switch {
		case len(t.Value.Enum) == 1 && t.Value.Enum[0] != nil:
			return prop + "=" + canon(t.Value.Enum[0])
		case t.Value.Const != nil:
			return prop + "=" + canon(t.Value.Const)
		}
	}
	for _, sub := range s.AllOf {
		if l := branchLabel(sub, prop, seen); l != "" {
			return l
		}
	}
	return ""
}
