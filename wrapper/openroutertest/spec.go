package openroutertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	openrouter "github.com/gopenrouter/openrouter"
)

// apiPrefix is where the fake mounts the API, as OpenRouter does, and
// betaPrefix where it mounts the operations that openapi.yaml serves from
// https://openrouter.ai/api/beta (the Batch API).
const (
	apiPrefix  = "/api/v1"
	betaPrefix = "/api/beta"
)

// spec is the parsed openapi.yaml with what the server derives from it.
// It is loaded once per process and only read afterwards, so every
// server shares it.
type spec struct {
	doc    *openapi3.T
	router routers.Router
	// ops maps an operationId to its route.
	ops map[string]*routers.Route
	// beta holds the paths served under betaPrefix.
	beta map[string]bool
}

var loadSpec = sync.OnceValues(func() (*spec, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openrouter.OpenAPISpec)
	if err != nil {
		return nil, fmt.Errorf("openroutertest: loading openapi.yaml: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("openroutertest: openapi.yaml is not valid: %w", err)
	}
	// The document names https://openrouter.ai/api/v1 as its server. The
	// fake strips its own /api/v1 prefix and routes on the rest of the
	// path, so the document loaded here (private to this package) drops
	// its servers.
	doc.Servers = nil
	beta := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for _, sv := range item.Servers {
			if strings.HasSuffix(strings.TrimSuffix(sv.URL, "/"), betaPrefix) {
				beta[path] = true
			}
		}
		item.Servers = nil
	}
	// kin-openapi checks date-time by itself; uuid and uri are the other
	// string formats of the spec.
	doc.SetStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562))
	doc.SetStringFormatValidator("uri", openapi3.NewCallbackValidator(func(v string) error {
		u, err := url.Parse(v)
		if err != nil {
			return err
		}
		if u.Scheme == "" {
			return errors.New("not an absolute URI")
		}
		return nil
	}))
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("openroutertest: routing openapi.yaml: %w", err)
	}
	s := &spec{doc: doc, router: router, ops: map[string]*routers.Route{}, beta: beta}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.OperationID == "" {
				return nil, fmt.Errorf("openroutertest: %s %s has no operationId", method, path)
			}
			s.ops[op.OperationID] = &routers.Route{Spec: doc, Path: path, PathItem: item, Method: method, Operation: op}
		}
	}
	return s, nil
})

// OperationIDs returns the id of every operation in the embedded
// openapi.yaml, sorted: the Op* constants. The server has a default
// answer for each.
func OperationIDs() []OperationID {
	return slices.Clone(operationIDs)
}

// schemaOptions are the options of every schema check.
func (s *spec) schemaOptions() []openapi3.SchemaValidationOption {
	return append(s.doc.GetSchemaValidationOptions(), openapi3.DisableSchemaErrorDetails())
}

// validationOptions are the openapi3filter options of every check.
func (s *spec) validationOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		AuthenticationFunc:      checkBearer,
		SkipSettingDefaults:     true,
		IncludeResponseStatus:   true,
		MultiError:              true,
		SchemaValidationOptions: s.schemaOptions(),
	}
}

// errMissingBearer and errEmptyBearer are the reasons of a 401.
var (
	errMissingBearer = errors.New(`missing "Authorization: Bearer <key>" header`)
	errEmptyBearer   = errors.New(`the "Authorization" header must be "Bearer <key>" with a non-empty key`)
)

// checkBearer is the AuthenticationFunc: the spec's only scheme is an
// HTTP bearer token, and any non-empty token is accepted.
func checkBearer(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if in.SecurityScheme == nil || in.SecurityScheme.Type != "http" || !strings.EqualFold(in.SecurityScheme.Scheme, "bearer") {
		return fmt.Errorf("unsupported security scheme %q", in.SecuritySchemeName)
	}
	h := in.RequestValidationInput.Request.Header.Get("Authorization")
	if h == "" {
		return errMissingBearer
	}
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return errEmptyBearer
	}
	return nil
}

// route finds the operation for r, whose path must start with /api/v1.
// It returns the HTTP status to answer with when there is none.
func (s *spec) route(r *http.Request) (*routers.Route, map[string]string, int, string) {
	// Route on the escaped path, so that an escaped slash stays inside
	// its path parameter, and unescape the parameters afterwards.
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), apiPrefix)
	isBeta := false
	if !ok {
		rest, ok = strings.CutPrefix(r.URL.EscapedPath(), betaPrefix)
		isBeta = ok
	}
	if !ok || !strings.HasPrefix(rest, "/") {
		return nil, nil, http.StatusNotFound, fmt.Sprintf("no route for %s %s: the API lives under %s/ (the Batch API under %s/)", r.Method, r.URL.Path, apiPrefix, betaPrefix)
	}
	rr := r.Clone(r.Context())
	rr.URL.Path = rest
	rr.URL.RawPath = ""
	route, params, err := s.router.FindRoute(rr)
	if err == nil {
		for k, v := range params {
			if params[k], err = url.PathUnescape(v); err != nil {
				break
			}
		}
	}
	if err != nil {
		var re *routers.RouteError
		if errors.As(err, &re) && re.Reason == routers.ErrMethodNotAllowed.Error() {
			return nil, nil, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed on %s", r.Method, r.URL.Path)
		}
		return nil, nil, http.StatusNotFound, fmt.Sprintf("no route for %s %s", r.Method, r.URL.Path)
	}
	if s.beta[route.Path] != isBeta {
		want := apiPrefix
		if s.beta[route.Path] {
			want = betaPrefix
		}
		return nil, nil, http.StatusNotFound, fmt.Sprintf("no route for %s %s: %s lives under %s", r.Method, r.URL.Path, route.Path, want)
	}
	return route, params, 0, ""
}

// describeRequestError turns an error of openapi3filter.ValidateRequest
// into a short message that names what was wrong, and tells whether it
// is an authentication failure (401) rather than a bad request (400).
func describeRequestError(err error) (msg string, unauthorized bool) {
	var se *openapi3filter.SecurityRequirementsError
	if errors.As(err, &se) {
		reasons := make([]string, 0, len(se.Errors))
		for _, e := range se.Errors {
			switch {
			case errors.Is(e, errMissingBearer):
				reasons = append(reasons, errMissingBearer.Error())
			case errors.Is(e, errEmptyBearer):
				reasons = append(reasons, errEmptyBearer.Error())
			default:
				reasons = append(reasons, e.Error())
			}
		}
		return "unauthorized: " + strings.Join(reasons, "; "), true
	}
	errs := []error{err}
	if me, ok := err.(openapi3.MultiError); ok {
		errs = me
	}
	parts := make([]string, 0, len(errs))
	for _, e := range errs {
		parts = append(parts, describeOneRequestError(e))
	}
	return shorten(strings.Join(parts, "; ")), false
}

// describeOneRequestError renders one error of a request's validation.
func describeOneRequestError(err error) string {
	var re *openapi3filter.RequestError
	if !errors.As(err, &re) {
		return "invalid request: " + describeSchemaError(err)
	}
	where := "request"
	switch {
	case re.Parameter != nil:
		where = fmt.Sprintf("%s parameter %q", re.Parameter.In, re.Parameter.Name)
	case re.RequestBody != nil:
		where = "request body"
	}
	reason := re.Reason
	if re.Err != nil {
		reason = describeSchemaError(re.Err)
		if re.Reason != "" && !strings.HasPrefix(re.Reason, "doesn't match schema") && re.Reason != re.Err.Error() {
			reason = re.Reason + ": " + reason
		}
	}
	return "invalid " + where + ": " + reason
}

// describeSchemaError renders err, usually one or more
// *openapi3.SchemaError, as "field: reason" items separated by "; ".
func describeSchemaError(err error) string {
	inner := schemaErrors(err)
	if len(inner) == 0 {
		if err == nil {
			return ""
		}
		return err.Error()
	}
	var parts []string
	for _, e := range inner {
		renderSchemaError(e, nil, &parts)
	}
	return strings.Join(parts, "; ")
}

// schemaErrors finds the outermost schema errors within err.
func schemaErrors(err error) []*openapi3.SchemaError {
	switch e := err.(type) {
	case nil:
		return nil
	case *openapi3.SchemaError:
		return []*openapi3.SchemaError{e}
	case openapi3.MultiError:
		var out []*openapi3.SchemaError
		for _, x := range e {
			out = append(out, schemaErrors(x)...)
		}
		return out
	case interface{ Unwrap() []error }:
		var out []*openapi3.SchemaError
		for _, x := range e.Unwrap() {
			out = append(out, schemaErrors(x)...)
		}
		return out
	case interface{ Unwrap() error }:
		return schemaErrors(e.Unwrap())
	}
	return nil
}

// renderSchemaError appends "field: reason" for e to out. When e only
// says that a oneOf, anyOf or allOf failed because of one inner error,
// that inner error is rendered instead, with the full path.
func renderSchemaError(e *openapi3.SchemaError, prefix []string, out *[]string) {
	path := e.JSONPointer()
	if len(prefix) > 0 && !hasPrefix(path, prefix) {
		path = append(append([]string(nil), prefix...), path...)
	}
	if e.Origin != nil {
		inner := schemaErrors(e.Origin)
		if len(inner) == 1 || (len(inner) > 1 && e.SchemaField == "allOf") {
			for _, x := range inner {
				renderSchemaError(x, path, out)
			}
			return
		}
	}
	reason := e.Reason
	if e.SchemaField == "format" && e.Schema != nil {
		reason = fmt.Sprintf("string doesn't match the format %q", e.Schema.Format)
	}
	if reason == "" {
		reason = fmt.Sprintf("does not match %q", e.SchemaField)
	}
	if got := scalar(e.Value); got != "" && !strings.Contains(reason, " is missing") {
		reason += " (got " + got + ")"
	}
	if len(path) == 0 {
		*out = append(*out, reason)
		return
	}
	*out = append(*out, fieldName(path)+": "+reason)
}

func hasPrefix(path, prefix []string) bool {
	if len(path) < len(prefix) {
		return false
	}
	for i := range prefix {
		if path[i] != prefix[i] {
			return false
		}
	}
	return true
}

// fieldName renders a JSON pointer as messages[0].content.
func fieldName(path []string) string {
	var b strings.Builder
	for i, p := range path {
		if p != "" && strings.Trim(p, "0123456789") == "" {
			b.WriteString("[" + p + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// scalar renders a short scalar value for an error message, or "".
func scalar(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 40 {
			return ""
		}
		return strconv.Quote(x)
	case float64, bool, json.Number:
		return fmt.Sprint(x)
	}
	return ""
}

// maxMessage bounds error messages: enough for a few reasons, never a dump.
const maxMessage = 600

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxMessage {
		return s
	}
	cut := maxMessage
	for cut > 0 && (s[cut]&0xC0) == 0x80 { // keep UTF-8 whole
		cut--
	}
	return s[:cut] + " …"
}

// chunkSchema is the schema of one event of an operation's stream: the
// "data" property of the 200 text/event-stream schema (the SSE envelope,
// such as ChatStreamEvent), or, for an operation that declares no
// envelope, its 200 application/json schema. It is nil when neither
// applies.
func chunkSchema(route *routers.Route) *openapi3.Schema {
	resp := route.Operation.Responses.Status(http.StatusOK)
	if resp == nil || resp.Value == nil {
		return nil
	}
	if mt := resp.Value.Content.Get("text/event-stream"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
		if data := mt.Schema.Value.Properties["data"]; data != nil && data.Value != nil {
			return data.Value
		}
		return nil
	}
	if mt := resp.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
		return mt.Schema.Value
	}
	return nil
}

// streamNamesEvents reports whether an operation's stream envelope
// requires an "event" field, that is an `event:` line before each event's
// data (the Messages API).
func streamNamesEvents(route *routers.Route) bool {
	resp := route.Operation.Responses.Status(http.StatusOK)
	if resp == nil || resp.Value == nil {
		return false
	}
	mt := resp.Value.Content.Get("text/event-stream")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	return slices.Contains(mt.Schema.Value.Required, "event")
}
