package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// report is everything upstream has that ours lacks.
type report struct {
	missingOps []string // "POST /path (operationId)"
	ops        []opDiff // operations present in both, with differences
}

type opDiff struct {
	name   string
	fields []string // missing fields, shallowest first
	enums  []string // missing enum values
	types  []string // type changes
}

func (r *report) empty() bool { return len(r.missingOps) == 0 && len(r.ops) == 0 }

func (r *report) counts() (fields, enums, types int) {
	for _, d := range r.ops {
		fields += len(d.fields)
		enums += len(d.enums)
		types += len(d.types)
	}
	return
}

func (r *report) print(w io.Writer, summaryOnly bool) {
	if !summaryOnly {
		if len(r.missingOps) > 0 {
			fmt.Fprintf(w, "missing operations (%d):\n", len(r.missingOps))
			for _, op := range r.missingOps {
				fmt.Fprintf(w, "  %s\n", op)
			}
			fmt.Fprintln(w)
		}
		for _, d := range r.ops {
			fmt.Fprintf(w, "%s:\n", d.name)
			for _, s := range d.fields {
				fmt.Fprintf(w, "  missing field       %s\n", s)
			}
			for _, s := range d.enums {
				fmt.Fprintf(w, "  missing enum value  %s\n", s)
			}
			for _, s := range d.types {
				fmt.Fprintf(w, "  type change         %s\n", s)
			}
			fmt.Fprintln(w)
		}
	}
	f, e, t := r.counts()
	if r.empty() {
		fmt.Fprintln(w, "specdiff: upstream describes nothing that we lack")
		return
	}
	fmt.Fprintf(w, "specdiff: %d missing operations, %d missing fields, %d missing enum values, %d type changes (in %d shared operations)\n",
		len(r.missingOps), f, e, t, len(r.ops))
}

// compare lists what theirs has that ours lacks.
// options tune compare.
type options struct {
	maxDepth      int
	strictNumbers bool // report upstream number vs our integer
}

func compare(ours, theirs *openapi3.T, opt options) *report {
	mine := operations(ours)
	up := operations(theirs)
	r := &report{}
	c := &collector{maxDepth: opt.maxDepth}
	for _, k := range sortedKeys(up) {
		uop := up[k]
		oop, ok := mine[k]
		if !ok {
			name := uop.display
			if uop.op.OperationID != "" {
				name += " (" + uop.op.OperationID + ")"
			}
			r.missingOps = append(r.missingOps, name)
			continue
		}
		uf, of := fields{}, fields{}
		c.collect(uop, uf)
		c.collect(oop, of)
		d := diffFields(uf, of, opt.strictNumbers)
		if len(d.fields)+len(d.enums)+len(d.types) > 0 {
			d.name = oop.display
			if oop.op.OperationID != "" {
				d.name += " (" + oop.op.OperationID + ")"
			}
			r.ops = append(r.ops, d)
		}
	}
	return r
}

func diffFields(up, ours fields, strictNumbers bool) opDiff {
	var d opDiff
	paths := make([]string, 0, len(up))
	for p := range up {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	missing := map[string]bool{}
	for _, p := range paths {
		if _, ok := ours[p]; !ok {
			missing[p] = true
		}
	}
	nested := map[string]int{}
	var tops []string
	for _, p := range paths {
		if !missing[p] {
			continue
		}
		top := p
		for q := parent(p); q != ""; q = parent(q) {
			if missing[q] {
				top = q
			}
		}
		if top == p {
			tops = append(tops, p)
		} else {
			nested[top]++
		}
	}
	for _, p := range tops {
		s := p
		if n := nested[p]; n > 0 {
			s += fmt.Sprintf(" (and %d nested)", n)
		}
		d.fields = append(d.fields, s)
	}
	for _, p := range paths {
		u, o := up[p], ours[p]
		if o == nil {
			continue
		}
		if lacks := lackedTypes(u, o, strictNumbers); len(lacks) > 0 && !queryBoolean(p, u, o) {
			d.types = append(d.types, fmt.Sprintf("%s: upstream %s, ours %s", p, typeLabel(u), typeLabel(o)))
		}
		if vals := lackedValues(u, o); len(vals) > 0 {
			d.enums = append(d.enums, fmt.Sprintf("%s: %s", p, strings.Join(vals, ", ")))
		}
	}
	return d
}

// queryBoolean tells whether p is a query parameter that one side types
// as a boolean and the other as a string ("true"/"false"): on the wire
// both are the same text.
func queryBoolean(p string, u, o *field) bool {
	if !strings.HasPrefix(p, "query.") {
		return false
	}
	s := u
	switch {
	case o.types["boolean"] && u.types["string"]:
	case u.types["boolean"] && o.types["string"]:
		s = o
	default:
		return false
	}
	for v := range s.enum {
		if v != `"true"` && v != `"false"` && v != "true" && v != "false" {
			return false
		}
	}
	return true
}

// parent strips the last segment of a field path; "" at the top.
func parent(p string) string {
	switch {
	case strings.HasSuffix(p, "[]"):
		return p[:len(p)-2]
	case strings.HasSuffix(p, `"]`):
		if i := strings.LastIndex(p, `["`); i > 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndex(p, "."); i > 0 {
		q := p[:i]
		if q == "query" || q == "header" || q == "cookie" || q == "path" {
			return ""
		}
		return q
	}
	return ""
}

func covers(o *field, t string, strictNumbers bool) bool {
	return o.any || o.types[t] || (t == "integer" && o.types["number"]) ||
		(!strictNumbers && t == "number" && o.types["integer"])
}

// lackedTypes lists the JSON types upstream allows that ours does not.
func lackedTypes(u, o *field, strictNumbers bool) []string {
	var out []string
	for t := range u.types {
		if !covers(o, t, strictNumbers) {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// lackedValues lists upstream enum values ours rejects: ours must be an
// enum at that path, without a free branch of the value's type.
func lackedValues(u, o *field) []string {
	if u.enum == nil || o.enum == nil || o.any || o.free["*"] {
		return nil
	}
	var out []string
	for v, t := range u.enum {
		if _, ok := o.enum[v]; ok {
			continue
		}
		if o.free[t] || (t == "integer" && o.free["number"]) {
			continue
		}
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

var typeOrder = []string{"object", "array", "string", "number", "integer", "boolean", "null"}

func typeLabel(f *field) string {
	if f.any {
		return "any"
	}
	var out []string
	for _, t := range typeOrder {
		if f.types[t] {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return "(untyped)"
	}
	return strings.Join(out, "|")
}
