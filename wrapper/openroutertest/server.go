package openroutertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// TestAPIKey is the API key that [Server.Client] configures. The server
// accepts any non-empty bearer token; this one merely looks like a key.
const TestAPIKey = "sk-or-test-key"

// maxRequestBody bounds the request bodies the server reads.
const maxRequestBody = 32 << 20

// ServerOption configures a [Server]; pass it to [NewServer] or [New].
type ServerOption func(*serverConfig)

type serverConfig struct {
	allowInvalid bool
	latency      time.Duration
	batchPacing  time.Duration
}

// AllowInvalidRequests keeps requests that fail validation (a 400, 401,
// 404 or 405 answer) out of the test's failures: the client still gets
// the error answer, but testing.TB is not told and [Server.Failures] does
// not list them. Use it in tests of bad input. Invalid responses are
// still reported.
func AllowInvalidRequests() ServerOption {
	return func(c *serverConfig) { c.allowInvalid = true }
}

// WithLatency makes the server wait d before every answer, scripted or
// default, on top of any [Response].Delay. The wait ends early when the
// client gives up or the server closes.
func WithLatency(d time.Duration) ServerOption {
	return func(c *serverConfig) { c.latency = d }
}

// Server is a fake OpenRouter API on a loopback httptest server. It
// validates every request and every response it sends against the
// embedded openapi.yaml, answers each operation with a spec-valid default
// unless a [Response] was queued with [Server.Enqueue], and records the
// requests it receives. A Server is safe for concurrent use.
type Server struct {
	cfg  serverConfig
	spec *spec
	tb   testing.TB // nil for New
	ts   *httptest.Server

	done      chan struct{} // closed by Close: pending waits end
	closeOnce sync.Once

	mu       sync.Mutex
	queues   map[OperationID][]Response
	requests []Request
	failures []Failure
	seq      int
	answered int // answers sent, for the rate-limit headers

	stores stores // the stateful resources

	batches batchStore    // the batches submitted
	cache   responseCache // OpenRouter's response cache
}

// Request is one HTTP request as the server received it. It is a copy,
// safe to keep and to modify. Each attempt of a retried call is a request
// of its own, so tests count attempts with [Server.RequestsFor].
type Request struct {
	// OperationID is the spec operation the request was routed to, or ""
	// when none matched (the answer was then a 404 or 405).
	OperationID OperationID
	// Method is the HTTP method.
	Method string
	// Path is the URL path as received (decoded), including the /api/v1
	// prefix.
	Path string
	// PathParams are the path parameters of the operation, such as
	// "hash" of getKey.
	PathParams map[string]string
	// Query is the parsed query string.
	Query url.Values
	// Header holds the request headers, Authorization included.
	Header http.Header
	// Body is the request body.
	Body []byte
}

// DecodeJSON unmarshals the request body into v.
func (r Request) DecodeJSON(v any) error {
	return json.Unmarshal(r.Body, v)
}

// Failure is one spec-validation failure: a request the server rejected,
// or a response of the server that does not match the spec (which the
// client then did not get: see [Server.Enqueue]).
type Failure struct {
	// OperationID is the operation, or "" when no route matched.
	OperationID OperationID
	// Method and Path identify the request.
	Method, Path string
	// Response is true when the server's own response failed validation
	// and false when the request did.
	Response bool
	// Message says what was invalid.
	Message string
}

// Error describes the failure in one line.
func (f Failure) Error() string {
	what := "request"
	if f.Response {
		what = "response to"
	}
	op := ""
	if f.OperationID != "" {
		op = " (" + string(f.OperationID) + ")"
	}
	return fmt.Sprintf("openroutertest: invalid %s %s %s%s: %s", what, f.Method, f.Path, op, f.Message)
}

// NewServer starts a fake OpenRouter for a test on a loopback address and
// closes it when the test ends. Spec-validation failures, of requests
// (unless [AllowInvalidRequests]) and of the server's own responses, fail
// the test through tb.Errorf.
func NewServer(tb testing.TB, opts ...ServerOption) *Server {
	tb.Helper()
	s, err := newServer(tb, opts)
	if err != nil {
		tb.Fatalf("openroutertest.NewServer: %v", err)
		return nil
	}
	tb.Cleanup(s.Close)
	return s
}

// New starts a fake OpenRouter for a program, such as an example running
// offline. Validation failures are only answered to the client as errors
// and kept in [Server.Failures]. Call Close when done.
func New(opts ...ServerOption) (*Server, error) {
	return newServer(nil, opts)
}

func newServer(tb testing.TB, opts []ServerOption) (*Server, error) {
	sp, err := loadSpec()
	if err != nil {
		return nil, err
	}
	s := &Server{spec: sp, tb: tb, done: make(chan struct{}), queues: map[OperationID][]Response{}}
	for _, o := range opts {
		if o != nil {
			o(&s.cfg)
		}
	}
	s.ts = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	return s, nil
}

// Close shuts the server down: pending delays end, open connections are
// closed, and Close waits for the handlers to return. It is safe to call
// more than once. A server from [NewServer] closes itself at the end of
// the test.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.ts.CloseClientConnections()
		s.ts.Close()
	})
}

// URL returns the base URL of the API, such as http://127.0.0.1:41234/api/v1,
// for [openrouter.WithBaseURL]. Requests outside that prefix get a 404.
func (s *Server) URL() string {
	return s.ts.URL + apiPrefix
}

// Client returns an SDK client for the server: its base URL, the
// [TestAPIKey], the server's HTTP client, and retries with millisecond
// backoffs (Retry-After is honoured up to a minute). opts are applied
// after those and may override them.
func (s *Server) Client(opts ...openrouter.Option) (*openrouter.Client, error) {
	all := []openrouter.Option{
		openrouter.WithBaseURL(s.URL()),
		openrouter.WithAPIKey(TestAPIKey),
		openrouter.WithHTTPClient(s.ts.Client()),
		openrouter.WithRetryPolicy(openrouter.RetryPolicy{
			InitialBackoff: time.Millisecond,
			MaxBackoff:     5 * time.Millisecond,
			MaxRetryAfter:  time.Minute,
		}),
	}
	return openrouter.NewClient(append(all, opts...)...)
}

// Enqueue queues r as the answer to the next valid request for the
// operation id (such as [OpSendChatCompletionRequest]). Answers are used
// first in, first out; once the queue is empty the default answer
// returns. Requests that fail validation are answered with an error and
// do not consume the queue.
//
// Enqueue checks r against the spec at once: a JSON body with a 2xx
// status and every event of a Stream must match the operation's schema, a
// Stream needs an operation that streams, an empty 2xx answer one that
// answers without a body, and each [Fault] an answer it can apply to.
// When r does not fit, Enqueue returns a [Failure] that says why, lists it
// in [Server.Failures] and, on a server from [NewServer], fails the test
// at the caller's line. The misfit is queued all the same, as a 501 Not
// Implemented answer that carries the same message: the request it was
// meant for fails, where a default answer would let a broken test pass
// (and an SDK client does not retry a 501). An unknown operation is an
// error and queues nothing.
func (s *Server) Enqueue(id OperationID, r Response) error {
	if s.tb != nil {
		s.tb.Helper()
	}
	route, ok := s.spec.ops[string(id)]
	if !ok {
		err := unknownOperation(s.spec, id)
		if s.tb != nil {
			s.tb.Errorf("%v", err)
		}
		return err
	}
	if err := s.spec.check(route, r); err != nil {
		f := Failure{OperationID: id, Method: route.Method, Path: apiPrefix + route.Path, Response: true,
			Message: "Enqueue: " + err.Error()}
		s.fail(f)
		r = Response{Status: http.StatusNotImplemented, JSON: errorBody(http.StatusNotImplemented, f.Error())}
		s.mu.Lock()
		s.queues[id] = append(s.queues[id], r)
		s.mu.Unlock()
		return f
	}
	r.Header = r.Header.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queues[id] = append(s.queues[id], r)
	return nil
}

// EnqueueFault queues the default answer of the operation id with the
// given faults applied, for the next valid request: a shorthand of
// Enqueue(id, Response{Faults: faults}).
func (s *Server) EnqueueFault(id OperationID, faults ...Fault) error {
	if s.tb != nil {
		s.tb.Helper()
	}
	return s.Enqueue(id, Response{Faults: faults})
}

// Pending returns how many queued answers for the operation id are still
// unused.
func (s *Server) Pending(id OperationID) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queues[id])
}

// Requests returns a copy of every request received so far, in order.
func (s *Server) Requests() []Request {
	return s.RequestsFor("")
}

// RequestsFor returns a copy of the requests routed to the operation id,
// in order; "" means all requests.
func (s *Server) RequestsFor(id OperationID) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if id == "" || r.OperationID == id {
			out = append(out, r.clone())
		}
	}
	return out
}

// Failures returns the validation failures so far, in order.
func (s *Server) Failures() []Failure {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Failure(nil), s.failures...)
}

func (r Request) clone() Request {
	c := r
	c.Query = url.Values{}
	for k, v := range r.Query {
		c.Query[k] = append([]string(nil), v...)
	}
	c.Header = r.Header.Clone()
	c.Body = append([]byte(nil), r.Body...)
	if r.PathParams != nil {
		c.PathParams = make(map[string]string, len(r.PathParams))
		for k, v := range r.PathParams {
			c.PathParams[k] = v
		}
	}
	return c
}

// fail records f and reports it to the test.
func (s *Server) fail(f Failure) {
	if s.tb != nil {
		s.tb.Helper()
	}
	s.mu.Lock()
	s.failures = append(s.failures, f)
	s.mu.Unlock()
	if s.tb != nil {
		s.tb.Errorf("%v", f)
	}
}

// call is one valid request being answered.
type call struct {
	op     OperationID
	route  *routers.Route
	input  *openapi3filter.RequestValidationInput
	req    *http.Request
	body   []byte
	json   map[string]any // the decoded body, when it is a JSON object
	params map[string]string
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "openroutertest: reading the request body: "+err.Error())
		return
	}
	rec := Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
		Body:   body,
	}

	route, params, status, msg := s.spec.route(r)
	if route != nil {
		rec.OperationID = OperationID(route.Operation.OperationID)
		rec.PathParams = params
	}
	s.mu.Lock()
	s.requests = append(s.requests, rec.clone())
	s.mu.Unlock()

	if route == nil {
		s.reject(w, rec, status, msg)
		return
	}

	vr := r.Clone(r.Context())
	vr.Body = io.NopCloser(bytes.NewReader(body))
	vr.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	vr.ContentLength = int64(len(body))
	input := &openapi3filter.RequestValidationInput{
		Request:    vr,
		PathParams: params,
		Route:      route,
		Options:    s.spec.validationOptions(),
	}
	if err := openapi3filter.ValidateRequest(r.Context(), input); err != nil {
		msg, unauthorized := describeRequestError(err)
		status := http.StatusBadRequest
		if unauthorized {
			status = http.StatusUnauthorized
		}
		s.reject(w, rec, status, msg)
		return
	}

	c := &call{op: rec.OperationID, route: route, input: input, req: r, body: body, params: params}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/json" && len(bytes.TrimSpace(body)) > 0 {
		// The validator reads only the first JSON value; the API would
		// reject trailing data, and so does the fake.
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			s.reject(w, rec, http.StatusBadRequest, "request body is not valid JSON: "+err.Error())
			return
		}
		c.json, _ = v.(map[string]any)
	}

	s.mu.Lock()
	var resp Response
	scripted := false
	if q := s.queues[c.op]; len(q) > 0 {
		resp, scripted = q[0], true
		s.queues[c.op] = q[1:]
	}
	s.mu.Unlock()

	delay := s.cfg.latency + resp.Delay
	for _, f := range resp.Faults {
		if f.kind == faultLatency {
			delay += f.d
		}
	}
	if !s.wait(r.Context(), delay) {
		abort(w)
		return
	}
	for _, f := range resp.Faults {
		if f.kind == faultResetBefore {
			abort(w)
			return
		}
	}
	w = s.withFaults(w, r.Context(), resp.Faults)
	if scripted && (resp.Reset || resp.Stream != nil || resp.Raw != nil || resp.JSON != nil || resp.Status != 0) {
		if resp.Stream != nil {
			resp.Stream = applyStreamFaults(c.op, resp.Stream, resp.Faults)
		}
		s.send(w, c, resp, false)
		return
	}
	// No answer scripted, or only a Delay, Header and Faults: the default
	// answer, with the scripted headers first.
	def := s.cachedAnswer(c)
	if len(resp.Header) > 0 {
		h := def.Header.Clone()
		if h == nil {
			h = http.Header{}
		}
		for k, v := range resp.Header {
			h[k] = v
		}
		def.Header = h
	}
	if hasStreamFault(resp.Faults) {
		if def.Stream == nil {
			msg := fmt.Sprintf("the faults %v need a streamed answer, and the default answer of %s to this request is not one (set \"stream\": true)", resp.Faults, c.op)
			s.badResponse(w, c, msg, false)
			return
		}
		def.Stream = applyStreamFaults(c.op, def.Stream, resp.Faults)
	}
	s.send(w, c, def, true)
}

func hasStreamFault(faults []Fault) bool {
	for _, f := range faults {
		if f.streamFault() {
			return true
		}
	}
	return false
}

// reject answers a request that failed routing or validation.
func (s *Server) reject(w http.ResponseWriter, rec Request, status int, msg string) {
	if !s.cfg.allowInvalid {
		s.fail(Failure{OperationID: rec.OperationID, Method: rec.Method, Path: rec.Path, Message: msg})
	}
	writeError(w, status, msg)
}

// wait sleeps for d; it returns false when the request's context ends
// or the server closes first.
func (s *Server) wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.done:
		return false
	}
}

// nextID returns the next number of the server's generation ids.
func (s *Server) nextID() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return s.seq
}

// abort drops the connection without completing the response: what the
// client sees is a closed connection (before any byte) or a truncated
// body. Bytes already flushed stay delivered.
func abort(w http.ResponseWriter) {
	for {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
			break
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			break
		}
		w = u.Unwrap()
	}
	// Not hijackable (HTTP/2): the server resets the stream instead.
	panic(http.ErrAbortHandler)
}

// writeError sends OpenRouter's error shape.
func writeError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(errorBody(status, msg))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

func errorBody(status int, msg string) map[string]any {
	return map[string]any{"error": map[string]any{"code": status, "message": msg}}
}

// Decode returns the body decoded as the gen type of its operation's
// JSON request body, a pointer such as *gen.ChatRequest (which is
// *openrouter.ChatRequest) for [OpSendChatCompletionRequest]. It fails
// for an operation without a JSON body and for a body that does not
// decode. [RequestBody] returns the value typed.
func (r Request) Decode() (any, error) {
	mk := requestBodies[r.OperationID]
	if mk == nil {
		return nil, fmt.Errorf("openroutertest: %s has no JSON request body", r.opName())
	}
	v := mk()
	if err := json.Unmarshal(r.Body, v); err != nil {
		return nil, fmt.Errorf("openroutertest: decoding the body of %s: %w", r.opName(), err)
	}
	return v, nil
}

func (r Request) opName() string {
	if r.OperationID == "" {
		return r.Method + " " + r.Path
	}
	return string(r.OperationID)
}

// RequestBody decodes the body of r as T, the gen type of its
// operation's JSON request body, such as openrouter.ChatRequest for the
// requests of [OpSendChatCompletionRequest]:
//
//	req, err := openroutertest.RequestBody[openrouter.ChatRequest](srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)[0])
//
// A T that is not that type is an error that names the right one.
func RequestBody[T any](r Request) (T, error) {
	var zero T
	v, err := r.Decode()
	if err != nil {
		return zero, err
	}
	p, ok := v.(*T)
	if !ok {
		return zero, fmt.Errorf("openroutertest: the body of %s is a %T, not a %T", r.opName(), v, &zero)
	}
	return *p, nil
}
