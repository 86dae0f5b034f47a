package openroutertest

import (
	"encoding/json"
	"fmt"
	"net/http"

	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

// unknownOperation is the error of an operation id the spec lacks; it
// suggests the ids that look alike.
func unknownOperation(sp *spec, id OperationID) error {
	var near []string
	want := strings.ToLower(string(id))
	for known := range sp.ops {
		k := strings.ToLower(known)
		if want != "" && (strings.HasPrefix(k, want) || strings.HasPrefix(want, k) || editDistance(k, want) <= 3) {
			near = append(near, fmt.Sprintf("%s (%q)", constName(known), known))
		}
	}
	sort.Strings(near)
	msg := fmt.Sprintf("openroutertest: Enqueue: openapi.yaml has no operation %q", string(id))
	if len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	} else {
		msg += "; the Op* constants (OperationIDs) list the operations"
	}
	return fmt.Errorf("%s", msg)
}

// constName is the name of an operation's Op* constant.
func constName(id string) string {
	if id == "" {
		return "Op"
	}
	return "Op" + strings.ToUpper(id[:1]) + id[1:]
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// answers describes what an operation declares for its successful
// statuses, such as "200 application/json or text/event-stream".
func answers(route *routers.Route) string {
	var parts []string
	for code := 200; code < 300; code++ {
		r := route.Operation.Responses.Status(code)
		if r == nil || r.Value == nil {
			continue
		}
		var mts []string
		for mt := range r.Value.Content {
			mts = append(mts, mt)
		}
		sort.Strings(mts)
		if len(mts) == 0 {
			parts = append(parts, fmt.Sprintf("%d with no body", code))
			continue
		}
		parts = append(parts, fmt.Sprintf("%d %s", code, strings.Join(mts, " or ")))
	}
	if len(parts) == 0 {
		return "no successful answer"
	}
	return strings.Join(parts, "; ")
}

// routeSuccess is the first 2xx status the operation declares.
func routeSuccess(route *routers.Route) int {
	for code := 200; code < 300; code++ {
		if route.Operation.Responses.Status(code) != nil {
			return code
		}
	}
	return http.StatusOK
}

// routeContent is the content the operation declares for status.
func routeContent(route *routers.Route, status int) (openapi3.Content, bool) {
	r := route.Operation.Responses.Status(status)
	if r == nil || r.Value == nil {
		return nil, false
	}
	return r.Value.Content, true
}

// streams reports whether the operation may answer with server-sent events.
func streams(route *routers.Route) bool {
	c, _ := routeContent(route, routeSuccess(route))
	return c.Get("text/event-stream") != nil
}

// check tells whether r fits the operation of route; see [Server.Enqueue].
func (sp *spec) check(route *routers.Route, r Response) error {
	op := route.Operation.OperationID
	status := r.Status
	if status == 0 {
		status = routeSuccess(route)
	}
	success := status >= 200 && status < 300
	body := r.Stream != nil || r.Raw != nil || r.JSON != nil
	for _, f := range r.Faults {
		if err := f.fits(route, r, body); err != nil {
			return err
		}
	}
	if r.Reset || !success {
		return nil
	}
	content, declared := routeContent(route, status)
	if !declared {
		if r.Status == 0 && !body {
			return nil // the default answer
		}
		return fmt.Errorf("%s declares no status %d; it answers %s", op, status, answers(route))
	}
	switch {
	case r.Stream != nil:
		if content.Get("text/event-stream") == nil {
			return fmt.Errorf("%s declares no stream (text/event-stream) for status %d; it answers %s: script JSON or Raw instead", op, status, answers(route))
		}
		schema := chunkSchema(route)
		for i, ev := range r.Stream.Events {
			if err := sp.checkEvent(ev, schema); err != nil {
				return fmt.Errorf("stream event %d: %w", i+1, err)
			}
		}
	case r.Raw != nil:
		// Sent as it is, by design.
	case r.JSON != nil:
		mt := "application/json"
		if ct := r.Header.Get("Content-Type"); ct != "" {
			mt = ct
		}
		m := content.Get(mt)
		if m == nil {
			if len(content) == 0 {
				return fmt.Errorf("%s answers status %d with no body, and the scripted response has JSON; it answers %s", op, status, answers(route))
			}
			return fmt.Errorf("%s answers status %d with no %s body; it answers %s: script Raw for other media types", op, status, mt, answers(route))
		}
		b, err := json.Marshal(r.JSON)
		if err != nil {
			return fmt.Errorf("marshalling the JSON body: %w", err)
		}
		if m.Schema != nil && m.Schema.Value != nil {
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				return fmt.Errorf("the JSON body: %w", err)
			}
			if err := m.Schema.Value.VisitJSON(v, append(sp.schemaOptions(), openapi3.VisitAsResponse(), openapi3.MultiErrors())...); err != nil {
				return fmt.Errorf("status %d: %s", status, shorten(describeSchemaError(err)))
			}
		}
	default:
		if r.Status != 0 && len(content) > 0 {
			return fmt.Errorf("status %d: %s answers with a body (%s), and the scripted response has none", status, op, answers(route))
		}
	}
	return nil
}

// checkEvent validates one scripted stream event against schema.
func (sp *spec) checkEvent(ev any, schema *openapi3.Schema) error {
	if _, raw := ev.(RawEvent); raw || schema == nil {
		return nil
	}
	b, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("marshalling: %w", err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if err := schema.VisitJSON(v, append(sp.schemaOptions(), openapi3.VisitAsResponse(), openapi3.MultiErrors())...); err != nil {
		return fmt.Errorf("does not match the chunk schema: %s", shorten(describeSchemaError(err)))
	}
	return nil
}
