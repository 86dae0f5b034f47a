package openroutertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// Response is a scripted answer; queue it with [Server.Enqueue]. At most
// one of Reset, Stream, Raw and JSON is used, in that order of
// precedence. With none of them, a Response with a Status is answered
// with that status and Header alone (an empty body), and one without is
// the operation's default answer, with Header added: Response{Delay: d}
// delays the default answer.
type Response struct {
	// Status is the HTTP status. Zero means the operation's success
	// status: 200, or 201 for createKeys.
	Status int
	// Header holds extra response headers, such as Retry-After, or the
	// Content-Type of Raw.
	Header http.Header
	// JSON is marshalled as the body, with Content-Type application/json.
	// With a 2xx status it must match the spec (see [Server.Enqueue]);
	// error bodies are sent as they are. A json.RawMessage is sent
	// verbatim (and still validated).
	JSON any
	// Raw is sent as it is, with the Content-Type of Header (if any), and
	// never validated: an HTML error page of a proxy, or a body the spec
	// forbids, for tests of the client's tolerance.
	Raw []byte
	// Stream makes the answer server-sent events.
	Stream *Stream
	// Delay is a wait before answering. It ends early, without an
	// answer, when the client gives up or the server closes.
	Delay time.Duration
	// Reset drops the connection without any answer (after Delay), like
	// the fault [ResetBeforeHeaders].
	Reset bool
	// Faults are misbehaviours of the answer, such as a stall after the
	// headers or a truncated stream; see [Fault]. A Response with only
	// Faults (and Delay or Header) applies them to the default answer.
	Faults []Fault
}

// Stream is a scripted server-sent-event answer: each event is written
// as `data: <json>` followed by a blank line, and flushed.
type Stream struct {
	// Events are marshalled to one `data:` event each and validated
	// against the operation's chunk schema (such as ChatChunk). A
	// [RawEvent] is written verbatim and not validated.
	Events []any
	// KeepAlives writes the comment `: OPENROUTER PROCESSING` before each
	// event, as OpenRouter does while a model is slow to start.
	KeepAlives bool
	// Error, when not nil, is sent as one more data event after Events,
	// without validation: OpenRouter's mid-stream error, such as
	// [MidStreamError]. It counts as an event for ResetAfter.
	Error any
	// OmitDone ends the body cleanly without the final `data: [DONE]`.
	OmitDone bool
	// ResetAfter, when positive, drops the connection once that many
	// events (counting Error) were sent; when that is all of them, the
	// connection drops instead of `data: [DONE]`.
	ResetAfter int
	// EventDelay is a pause before each event after the first.
	EventDelay time.Duration

	// leadingComment writes one keep-alive comment before the first
	// event, as the default answers do.
	leadingComment bool
}

// RawEvent is an event payload that a [Stream] writes verbatim, one
// "data:" line per line of it, without validation: malformed JSON, for
// example.
type RawEvent string

// ErrorResponse returns OpenRouter's error answer: status and the body
// {"error":{"code":status,"message":message}}. Its Header is an empty map,
// ready for Set. [Error] builds richer ones.
func ErrorResponse(status int, message string) Response {
	return Error(status, message).Response()
}

// RetryAfter returns a 429 error answer with a Retry-After header of the
// given whole seconds.
func RetryAfter(seconds int, message string) Response {
	return Error(http.StatusTooManyRequests, message).RetryAfter(time.Duration(seconds) * time.Second).Response()
}

// MidStreamError returns the event OpenRouter sends when a chat stream
// fails after it started: a chunk with an "error" object and one choice
// whose finish_reason is "error". Use it as [Stream].Error.
func MidStreamError(code int, message string) any {
	return map[string]any{
		"id":      "gen-fake-error",
		"object":  "chat.completion.chunk",
		"created": time.Now().Unix(),
		"model":   "openrouter/auto",
		"error":   map[string]any{"code": code, "message": message},
		"choices": []any{map[string]any{
			"index":         0,
			"delta":         map[string]any{"content": ""},
			"finish_reason": "error",
		}},
	}
}

// successStatus is the first 2xx status the operation declares.
func successStatus(c *call) int {
	for code := 200; code < 300; code++ {
		if c.route.Operation.Responses.Status(code) != nil {
			return code
		}
	}
	return http.StatusOK
}

// send writes resp. Default answers (builtin) are validated whatever
// their status; scripted ones only when 2xx.
func (s *Server) send(w http.ResponseWriter, c *call, resp Response, builtin bool) {
	status := resp.Status
	if status == 0 {
		status = successStatus(c)
	}
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	s.standardHeaders(w.Header(), c, resp)
	switch {
	case resp.Reset:
		abort(w)
	case resp.Stream != nil:
		if status >= 200 && status < 300 && !declaresMedia(c, status, "text/event-stream") {
			s.badResponse(w, c, fmt.Sprintf("status %d: %s declares no text/event-stream answer; script a JSON body instead", status, c.op), builtin)
			return
		}
		s.sendStream(w, c, status, resp.Stream)
	case resp.Raw != nil:
		w.WriteHeader(status)
		w.Write(resp.Raw)
	case resp.JSON != nil:
		body, err := json.Marshal(resp.JSON)
		if err != nil {
			s.badResponse(w, c, "marshalling the JSON body: "+err.Error(), builtin)
			return
		}
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json")
		}
		if builtin || (status >= 200 && status < 300) {
			if err := s.validateResponse(c, status, w.Header(), body); err != nil {
				s.badResponse(w, c, err.Error(), builtin)
				return
			}
		}
		w.WriteHeader(status)
		w.Write(body)
	default:
		if status >= 200 && status < 300 && declaresBody(c, status) {
			s.badResponse(w, c, fmt.Sprintf("status %d: %s answers with a body, and the scripted response has none", status, c.op), builtin)
			return
		}
		w.WriteHeader(status)
	}
}

// declaredContent is the content the operation declares for status.
func declaredContent(c *call, status int) openapi3.Content {
	r := c.route.Operation.Responses.Status(status)
	if r == nil || r.Value == nil {
		return nil
	}
	return r.Value.Content
}

// declaresBody reports whether the operation's answer with status has a body.
func declaresBody(c *call, status int) bool { return len(declaredContent(c, status)) > 0 }

// declaresMedia reports whether the operation's answer with status may
// have the media type mt.
func declaresMedia(c *call, status int, mt string) bool {
	return declaredContent(c, status).Get(mt) != nil
}

// validateResponse checks a JSON answer against the operation's response.
func (s *Server) validateResponse(c *call, status int, header http.Header, body []byte) error {
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: c.input,
		Status:                 status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                s.spec.validationOptions(),
	}
	if err := openapi3filter.ValidateResponse(c.req.Context(), in); err != nil {
		msg := describeSchemaError(err)
		if re, ok := err.(*openapi3filter.ResponseError); ok && re.Err != nil {
			msg = describeSchemaError(re.Err)
			if !strings.HasPrefix(re.Reason, "response body doesn't match schema") {
				msg = re.Reason + ": " + msg
			}
		}
		return fmt.Errorf("status %d: %s", status, shorten(msg))
	}
	return nil
}

// badResponse reports an answer of the server that failed validation and
// sends an error that says why instead: a 500 for a default answer (a bug
// of the fake), a 501 for a scripted one, which SDK clients do not retry,
// so that the misfit is never replaced by a default answer.
func (s *Server) badResponse(w http.ResponseWriter, c *call, msg string, builtin bool) {
	f := Failure{OperationID: c.op, Method: c.req.Method, Path: c.req.URL.Path, Response: true, Message: msg}
	s.fail(f)
	for k := range w.Header() {
		w.Header().Del(k)
	}
	status := http.StatusNotImplemented
	if builtin {
		status = http.StatusInternalServerError
	}
	writeError(w, status, f.Error())
}

// sendStream writes a server-sent-event answer.
func (s *Server) sendStream(w http.ResponseWriter, c *call, status int, st *Stream) {
	flusher, _ := w.(http.Flusher)
	flush := func() bool {
		if flusher != nil {
			flusher.Flush()
		}
		return c.req.Context().Err() == nil
	}
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "text/event-stream")
	}
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if st.leadingComment {
		io.WriteString(w, ": OPENROUTER PROCESSING\n\n")
	}
	if !flush() {
		return
	}

	schema := chunkSchema(c.route)
	if status < 200 || status > 299 {
		schema = nil // the chunk schema describes successful streams only
	}
	named := streamNamesEvents(c.route)
	events := st.Events
	if st.Error != nil {
		events = append(events[:len(events):len(events)], st.Error)
	}
	for i, ev := range events {
		if st.ResetAfter > 0 && i == st.ResetAfter {
			abort(w)
			return
		}
		if i > 0 && !s.wait(c.req.Context(), st.EventDelay) {
			abort(w)
			return
		}
		if st.KeepAlives {
			io.WriteString(w, ": OPENROUTER PROCESSING\n\n")
		}
		isError := st.Error != nil && i == len(events)-1
		data, err := s.eventData(ev, schema, !isError)
		if err != nil {
			f := Failure{OperationID: c.op, Method: c.req.Method, Path: c.req.URL.Path, Response: true,
				Message: fmt.Sprintf("stream event %d: %v", i+1, err)}
			s.fail(f)
			b, _ := json.Marshal(errorBody(http.StatusInternalServerError, f.Error()))
			writeEvent(w, string(b))
			flush()
			return
		}
		if named {
			// The envelope requires an event name: the event's type, as
			// Anthropic's streams send it.
			var typed struct {
				Type string `json:"type"`
			}
			if json.Unmarshal([]byte(data), &typed) == nil && typed.Type != "" {
				io.WriteString(w, "event: "+typed.Type+"\n")
			}
		}
		writeEvent(w, data)
		if !flush() {
			return
		}
	}
	if st.ResetAfter > 0 && st.ResetAfter >= len(events) {
		abort(w)
		return
	}
	if !st.OmitDone {
		writeEvent(w, "[DONE]")
		flush()
	}
}

// eventData renders one event, validating it against schema when asked.
func (s *Server) eventData(ev any, schema *openapi3.Schema, validate bool) (string, error) {
	if raw, ok := ev.(RawEvent); ok {
		return string(raw), nil
	}
	b, err := json.Marshal(ev)
	if err != nil {
		return "", fmt.Errorf("marshalling: %w", err)
	}
	if validate && schema != nil {
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return "", err
		}
		if err := schema.VisitJSON(v, append(s.spec.schemaOptions(), openapi3.VisitAsResponse())...); err != nil {
			return "", fmt.Errorf("does not match the chunk schema: %s", shorten(describeSchemaError(err)))
		}
	}
	return string(b), nil
}

// writeEvent writes one SSE event, a data line per line of data.
func writeEvent(w io.Writer, data string) {
	var b strings.Builder
	for _, line := range strings.Split(data, "\n") {
		b.WriteString("data: ")
		b.WriteString(line)
		b.WriteString("\n")
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}
