package openroutertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
)

// --- values valid against a JSON schema ---

// schemaValue returns a small value valid against the JSON schema s (as
// a decoded map): every property of an object (required or not) when
// additionalProperties allows no others, enums and consts by their first
// value, strings that honour minLength and formats, numbers within their
// bounds, arrays with minItems items. hint fills free strings.
func schemaValue(s map[string]any, defs map[string]any, hint string, depth int) any {
	if depth > 8 || s == nil {
		return nil
	}
	if ref, _ := s["$ref"].(string); ref != "" {
		name := ref[strings.LastIndex(ref, "/")+1:]
		if d, ok := defs[name].(map[string]any); ok {
			return schemaValue(d, defs, hint, depth+1)
		}
		return nil
	}
	if c, ok := s["const"]; ok {
		return c
	}
	if e, _ := s["enum"].([]any); len(e) > 0 {
		return e[0]
	}
	for _, k := range []string{"anyOf", "oneOf"} {
		if alts, _ := s[k].([]any); len(alts) > 0 {
			if a, ok := alts[0].(map[string]any); ok {
				return schemaValue(a, defs, hint, depth+1)
			}
		}
	}
	if all, _ := s["allOf"].([]any); len(all) > 0 {
		merged := map[string]any{}
		for _, a := range all {
			if m, ok := a.(map[string]any); ok {
				if v, ok := schemaValue(m, defs, hint, depth+1).(map[string]any); ok {
					for k, x := range v {
						merged[k] = x
					}
				}
			}
		}
		return merged
	}
	typ := s["type"]
	if ts, ok := typ.([]any); ok && len(ts) > 0 {
		typ = ts[0]
		for _, t := range ts {
			if t != "null" {
				typ = t
				break
			}
		}
	}
	num := func(def float64) float64 {
		v := def
		if m, ok := s["minimum"].(float64); ok && v < m {
			v = m
		}
		if m, ok := s["exclusiveMinimum"].(float64); ok && v <= m {
			v = m + 1
		}
		if m, ok := s["maximum"].(float64); ok && v > m {
			v = m
		}
		return v
	}
	switch typ {
	case "object":
		out := map[string]any{}
		props, _ := s["properties"].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if p, ok := props[k].(map[string]any); ok {
				out[k] = schemaValue(p, defs, hint, depth+1)
			}
		}
		return out
	case "array":
		n := 1
		if m, ok := s["minItems"].(float64); ok && int(m) > n {
			n = int(m)
		}
		if m, ok := s["maxItems"].(float64); ok && int(m) < n {
			n = int(m)
		}
		items, _ := s["items"].(map[string]any)
		out := make([]any, 0, n)
		for i := 0; i < n; i++ {
			out = append(out, schemaValue(items, defs, hint, depth+1))
		}
		return out
	case "integer":
		return int(num(1))
	case "number":
		return num(1)
	case "boolean":
		return true
	case "null":
		return nil
	case "string":
		switch s["format"] {
		case "date-time":
			return fakeTime
		case "date":
			return "2025-01-15"
		case "email":
			return "user@example.com"
		case "uri", "url":
			return "https://example.com"
		case "uuid":
			return "00000000-0000-4000-8000-000000000001"
		}
		v := hint
		if v == "" {
			v = "example"
		}
		if m, ok := s["minLength"].(float64); ok && len(v) < int(m) {
			v += strings.Repeat("x", int(m)-len(v))
		}
		if m, ok := s["maxLength"].(float64); ok && len(v) > int(m) {
			v = v[:int(m)]
		}
		return v
	}
	if _, ok := s["properties"]; ok {
		c := map[string]any{"type": "object"}
		for k, v := range s {
			c[k] = v
		}
		return schemaValue(c, defs, hint, depth+1)
	}
	return hint
}

// defsOf returns the $defs (or definitions) of a schema.
func defsOf(s map[string]any) map[string]any {
	if d, ok := s["$defs"].(map[string]any); ok {
		return d
	}
	d, _ := s["definitions"].(map[string]any)
	return d
}

// structuredReply is the JSON text the fake model answers when the
// request's response_format asks for a JSON schema, and false otherwise.
func structuredReply(body map[string]any, hint string) (string, bool) {
	rf, _ := body["response_format"].(map[string]any)
	if str(rf, "type") != "json_schema" {
		return "", false
	}
	js, _ := rf["json_schema"].(map[string]any)
	schema, _ := js["schema"].(map[string]any)
	if schema == nil {
		return "{}", true
	}
	b, err := json.Marshal(schemaValue(schema, defsOf(schema), hint, 0))
	if err != nil {
		return "{}", true
	}
	return string(b), true
}

// toolArguments are arguments valid against a function's parameters.
func toolArguments(params map[string]any, hint string) string {
	if params == nil {
		return "{}"
	}
	v := schemaValue(params, defsOf(params), hint, 0)
	if _, ok := v.(map[string]any); !ok {
		v = map[string]any{}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// --- model filters ---

// filterModels keeps the models that pass the request's filters:
// supported_parameters (every listed one), input_modalities and
// output_modalities (any listed one, "all" for any), q (in the id, name
// or description), model_authors and context (a minimum context length).
func filterModels(c *call, models arr) arr {
	q := c.req.URL.Query()
	list := func(k string) []string {
		var out []string
		for _, v := range strings.Split(q.Get(k), ",") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	strs := func(m obj, path ...string) []string {
		var cur any = m
		for _, p := range path {
			mm, _ := cur.(obj)
			cur = mm[p]
		}
		ss, _ := cur.([]string)
		return ss
	}
	out := arr{}
	for _, it := range models {
		m := it.(obj)
		okAll := true
		for _, p := range list("supported_parameters") {
			if !slices.Contains(strs(m, "supported_parameters"), p) {
				okAll = false
			}
		}
		for _, f := range []struct{ param, field string }{{"input_modalities", "input_modalities"}, {"output_modalities", "output_modalities"}} {
			want := list(f.param)
			if len(want) == 0 || slices.Contains(want, "all") {
				continue
			}
			have := strs(m, "architecture", f.field)
			if !slices.ContainsFunc(want, func(w string) bool { return slices.Contains(have, w) }) {
				okAll = false
			}
		}
		if s := strings.ToLower(q.Get("q")); s != "" {
			if !strings.Contains(strings.ToLower(fmt.Sprint(m["id"], " ", m["name"], " ", m["description"])), s) {
				okAll = false
			}
		}
		if authors := list("model_authors"); len(authors) > 0 {
			id, _ := m["id"].(string)
			author, _, _ := strings.Cut(id, "/")
			if !slices.Contains(authors, author) {
				okAll = false
			}
		}
		if minCtx := q.Get("context"); minCtx != "" {
			var n int
			fmt.Sscan(minCtx, &n)
			if ctx, _ := m["context_length"].(int); ctx < n {
				okAll = false
			}
		}
		if okAll {
			out = append(out, m)
		}
	}
	return out
}

// --- stateful resources ---

// collection is a resource the server keeps: what create makes, list
// lists and get fetches; update changes it; after delete, get, update and
// delete answer 404. Records the server never made (nor seeded) are
// answered by the stateless default, so a test may get any id.
type collection struct {
	name                           string
	list, create, get, update, del OperationID
	param, field                   string // the path parameter and the record's id field
}

var collections = []collection{
	{"key", OpListKeys, OpCreateKeys, OpGetKey, OpUpdateKeys, OpDeleteKeys, "hash", "hash"},
	{"guardrail", OpListGuardrails, OpCreateGuardrail, OpGetGuardrail, OpUpdateGuardrail, OpDeleteGuardrail, "id", "id"},
	{"workspace", OpListWorkspaces, OpCreateWorkspace, OpGetWorkspace, OpUpdateWorkspace, OpDeleteWorkspace, "id", "id"},
	{"BYOK key", OpListBYOKKeys, OpCreateBYOKKey, OpGetBYOKKey, OpUpdateBYOKKey, OpDeleteBYOKKey, "id", "id"},
	{"observability destination", OpListObservabilityDestinations, OpCreateObservabilityDestination, OpGetObservabilityDestination, OpUpdateObservabilityDestination, OpDeleteObservabilityDestination, "id", "id"},
	{"SCIM group mapping", OpListScimGroupMappings, OpCreateScimGroupMapping, OpGetScimGroupMapping, OpUpdateScimGroupMapping, OpDeleteScimGroupMapping, "id", "id"},
}

// store is the state of one collection on one server.
type store struct {
	created []obj          // in creation order
	byID    map[string]obj // created and updated records
	deleted map[string]bool
}

type stores struct {
	mu sync.Mutex
	m  map[string]*store
}

func (s *Server) store(name string) *store {
	s.stores.mu.Lock()
	defer s.stores.mu.Unlock()
	if s.stores.m == nil {
		s.stores.m = map[string]*store{}
	}
	st := s.stores.m[name]
	if st == nil {
		st = &store{byID: map[string]obj{}, deleted: map[string]bool{}}
		s.stores.m[name] = st
	}
	return st
}

func init() {
	for _, col := range collections {
		col := col
		list, create, get, update, del := defaults[col.list], defaults[col.create], defaults[col.get], defaults[col.update], defaults[col.del]
		notFound := func(c *call) Response {
			return ErrorResponse(http.StatusNotFound, fmt.Sprintf("%s %q not found", col.name, c.params[col.param]))
		}
		data := func(r Response) obj {
			m, _ := r.JSON.(obj)
			d, _ := m["data"].(obj)
			return d
		}
		defaults[col.create] = func(s *Server, c *call) Response {
			r := create(s, c)
			if d := data(r); d != nil {
				st := s.store(col.name)
				s.stores.mu.Lock()
				st.created = append(st.created, d)
				st.byID[fmt.Sprint(d[col.field])] = d
				s.stores.mu.Unlock()
			}
			return r
		}
		defaults[col.get] = func(s *Server, c *call) Response {
			id := c.params[col.param]
			st := s.store(col.name)
			s.stores.mu.Lock()
			defer s.stores.mu.Unlock()
			if st.deleted[id] {
				return notFound(c)
			}
			if d := st.byID[id]; d != nil {
				return ok(obj{"data": d})
			}
			return get(s, c)
		}
		defaults[col.update] = func(s *Server, c *call) Response {
			id := c.params[col.param]
			st := s.store(col.name)
			s.stores.mu.Lock()
			gone, stored := st.deleted[id], st.byID[id]
			s.stores.mu.Unlock()
			if gone {
				return notFound(c)
			}
			r := update(s, c)
			u := data(r)
			if u == nil || stored == nil {
				if u != nil {
					s.stores.mu.Lock()
					st.byID[id] = u
					s.stores.mu.Unlock()
				}
				return r
			}
			// Apply what the update changed to the stored record.
			placeholder := data(get(s, c))
			merged := obj{}
			for k, v := range stored {
				merged[k] = v
			}
			for k, v := range u {
				_, asked := c.json[k]
				if asked || fmt.Sprint(placeholder[k]) != fmt.Sprint(v) {
					merged[k] = v
				}
			}
			s.stores.mu.Lock()
			st.byID[id] = merged
			for i, x := range st.created {
				if fmt.Sprint(x[col.field]) == id {
					st.created[i] = merged
				}
			}
			s.stores.mu.Unlock()
			return ok(obj{"data": merged})
		}
		defaults[col.del] = func(s *Server, c *call) Response {
			id := c.params[col.param]
			st := s.store(col.name)
			s.stores.mu.Lock()
			defer s.stores.mu.Unlock()
			if st.deleted[id] {
				return notFound(c)
			}
			st.deleted[id] = true
			delete(st.byID, id)
			st.created = slices.DeleteFunc(st.created, func(x obj) bool { return fmt.Sprint(x[col.field]) == id })
			return del(s, c)
		}
		defaults[col.list] = func(s *Server, c *call) Response {
			r := list(s, c)
			m, _ := r.JSON.(obj)
			items, _ := m["data"].(arr)
			if m == nil || (items == nil && m["data"] != nil) {
				return r
			}
			st := s.store(col.name)
			s.stores.mu.Lock()
			defer s.stores.mu.Unlock()
			out := arr{}
			removed := 0
			for _, it := range items {
				d, _ := it.(obj)
				id := fmt.Sprint(d[col.field])
				if st.deleted[id] {
					removed++
					continue
				}
				if u := st.byID[id]; u != nil {
					d = u
				}
				out = append(out, d)
			}
			// Created records follow the seeded ones, on the first page.
			if c.req.URL.Query().Get("offset") == "" || c.req.URL.Query().Get("offset") == "0" {
				for _, d := range st.created {
					out = append(out, d)
				}
			}
			n := obj{}
			for k, v := range m {
				n[k] = v
			}
			n["data"] = out
			if tc, ok := m["total_count"].(int); ok {
				n["total_count"] = tc - removed + len(st.created)
			}
			return Response{JSON: n, Header: r.Header}
		}
	}
}
