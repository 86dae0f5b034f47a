package openrouter

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Observer receives the events of a client's calls and tool runs, for
// tracing, metrics or logs: package
// github.com/gopenrouter/openrouter/otelopenrouter builds OpenTelemetry
// spans and metrics on it. Register one with [WithObserver]. Every field
// may be nil; the client calls the others in the goroutine of the call
// (or of the stream's reader), one event at a time for a call:
//
//	CallStart
//	  AttemptEnd, Retry, AttemptEnd, ...    once per attempt; Retry before each wait
//	  StreamEvent, StreamEvent, ...         streams only: every event decoded
//	CallEnd                                 when the result is decoded or the call failed;
//	                                        for a stream, when it ends or is closed
//
// A call that fails before it sends anything (a nil context, a missing API
// key, a request that cannot be built) has no events. A stream that is
// neither read to its end nor closed has no CallEnd.
//
// [RunTools] adds RunStart and RunEnd around its steps, and ToolCallStart
// and ToolCallEnd around each tool it runs; the chat calls of the run
// happen in between, in the context RunStart returned.
//
// The Start functions return the context that the rest of the call (or
// run, or tool call) uses: its HTTP requests and handlers carry it, and
// the events that follow receive it, so an observer keeps its per-call
// state there, such as a span. Returning ctx itself keeps it unchanged.
//
// The events carry no credentials: no headers, no API key. They can carry
// the prompt ([CallStartInfo].RequestBody), the answer (CallEndInfo.Result
// and the stream events) and tool arguments and results: an observer that
// exports data should record content only when its user asked for it.
//
// With no observer set, a call does no more work than without this
// feature.
type Observer struct {
	// CallStart is called once the request is built, before the first
	// attempt.
	CallStart func(ctx context.Context, info CallStartInfo) context.Context
	// AttemptEnd is called after each attempt: when the response headers
	// came (a JSON call's body is read by then) or the attempt failed.
	AttemptEnd func(ctx context.Context, info AttemptInfo)
	// Retry is called when a failed attempt is to be retried, before the
	// wait.
	Retry func(ctx context.Context, info RetryInfo)
	// StreamEvent is called for each event a stream decodes, as it
	// arrives (the first ones while the stream's method has not returned
	// yet). Event 1 of the attempt that succeeds gives the time to the
	// first chunk.
	StreamEvent func(ctx context.Context, info StreamEventInfo)
	// CallEnd is called once when the call is over.
	CallEnd func(ctx context.Context, info CallEndInfo)

	// RunStart is called when [RunTools] starts its loop.
	RunStart func(ctx context.Context, info RunStartInfo) context.Context
	// RunEnd is called when [RunTools] returns.
	RunEnd func(ctx context.Context, info RunEndInfo)
	// ToolCallStart is called before RunTools runs a function call of the
	// model (also one that a [RunHooks] hook then denies or answers); the
	// context it returns is the handler's. With [WithToolConcurrency]
	// above 1, ToolCallStart and ToolCallEnd run on the calls' goroutines,
	// concurrently.
	ToolCallStart func(ctx context.Context, info ToolCallInfo) context.Context
	// ToolCallEnd is called after the function call ran, with its result
	// or error.
	ToolCallEnd func(ctx context.Context, info ToolCallInfo)
}

// CallStartInfo describes a call that is about to be sent.
type CallStartInfo struct {
	// Operation is the SDK method, such as "Chat.Send" or "Chat.Stream".
	Operation string
	// Stream reports a streaming call.
	Stream bool
	// Method is the HTTP method.
	Method string
	// ServerAddress and ServerPort are the API's host and port.
	ServerAddress string
	ServerPort    int
	// RequestModel is the "model" of a JSON request body, when it has one.
	RequestModel string
	// RequestBody is a copy of the JSON request body (nil for other
	// bodies): it holds the prompt.
	RequestBody []byte
}

// AttemptInfo describes the end of one attempt.
type AttemptInfo struct {
	// Attempt counts from 1.
	Attempt int
	// StatusCode is the HTTP status, or 0 when no response came.
	StatusCode int
	// Err is why no response came (a connection failure, a timeout).
	Err error
	// Duration is the attempt's time to its response (a JSON call's
	// whole body) or to its failure.
	Duration time.Duration
}

// RetryInfo describes the decision to retry.
type RetryInfo struct {
	// Attempt is the attempt that failed; the next one is Attempt+1.
	Attempt int
	// Delay is the wait before the next attempt.
	Delay time.Duration
	// Err is the failure: an [*APIError] for a status, else the
	// connection's error.
	Err error
}

// StreamEventInfo is one decoded event of a stream.
type StreamEventInfo struct {
	// N counts the stream's events from 1. It starts again at 1 when an
	// attempt that failed before any output is retried.
	N int
	// Event points to the event: a *[ChatChunk], *[CompletionChunk],
	// *[ResponsesStreamEvent] or *[MessagesStreamEvent]. It is valid
	// during the call only: copy what you keep.
	Event any
}

// CallEndInfo describes the end of a call.
type CallEndInfo struct {
	// Operation is the SDK method, as in [CallStartInfo].
	Operation string
	// Attempts is the number of attempts made.
	Attempts int
	// Err is the call's error (the stream's, for a stream), or nil.
	Err error
	// Result is the decoded result of a JSON call, such as a
	// *[ChatResponse], *[CompletionResponse], *[ResponsesResult] or
	// *[MessagesResult]; nil for streams, downloads and calls without a
	// result. The caller gets the same value: do not modify it.
	Result any
	// Events is the number of events a stream delivered.
	Events int
}

// RunStartInfo describes a [RunTools] loop that starts.
type RunStartInfo struct {
	// Model is the request's model.
	Model string
	// Tools are the names of the handlers' functions.
	Tools []string
}

// RunEndInfo describes the end of a [RunTools] loop.
type RunEndInfo struct {
	// Result is what RunTools returns: steps, cost, the last response.
	Result *RunResult
	// Err is RunTools' error, or nil.
	Err error
}

// ToolCallInfo describes a function call that [RunTools] runs.
type ToolCallInfo struct {
	// Name is the function the model called.
	Name string
	// CallID is the id of the model's call.
	CallID string
	// Arguments is the JSON text of the arguments.
	Arguments string
	// Result is the text sent back to the model (ToolCallEnd only, when
	// Err is nil).
	Result string
	// Err is the call's failure, a [*ToolError] (ToolCallEnd only).
	Err error
}

// WithObserver adds an observer of calls and tool runs. Observers are
// called in the order they were added; each Start function receives the
// context the previous one returned. On a client it observes every call;
// on a single call, that call (and [RunTools] observes through the
// client's observers only).
func WithObserver(o Observer) Option {
	return func(c *config) error {
		// A full slice expression: a call's copy of the client's list
		// never writes into the client's array.
		c.observers = append(c.observers[:len(c.observers):len(c.observers)], o)
		return nil
	}
}

// observed is the observer state of one call that has observers.
type observed struct {
	cl      *call
	ctx     context.Context
	events  int
	handed  bool // a stream was handed to the caller: its end is the call's
	stopped bool
}

// observeStart begins observing the call cl (it has observers) about to
// send req, and returns the call's context.
func (cl *call) observeStart(ctx context.Context, req *http.Request) context.Context {
	info := CallStartInfo{Operation: cl.op, Stream: cl.kind == streamCall, Method: req.Method, ServerAddress: req.URL.Hostname()}
	info.ServerPort, _ = strconv.Atoi(req.URL.Port())
	if info.ServerPort == 0 {
		info.ServerPort = 443
		if req.URL.Scheme == "http" {
			info.ServerPort = 80
		}
	}
	if req.GetBody != nil && strings.Contains(req.Header.Get("Content-Type"), "json") {
		if body, err := req.GetBody(); err == nil {
			info.RequestBody, _ = io.ReadAll(body)
			_ = body.Close()
			var m struct {
				Model string `json:"model"`
			}
			if unmarshal(info.RequestBody, &m) == nil {
				info.RequestModel = m.Model
			}
		}
	}
	for _, o := range cl.cfg.observers {
		if o.CallStart != nil {
			if c := o.CallStart(ctx, info); c != nil {
				ctx = c
			}
		}
	}
	cl.obs = &observed{cl: cl, ctx: ctx}
	return ctx
}

// clock is the start time of an attempt, when observed.
func (o *observed) clock() time.Time {
	if o == nil {
		return time.Time{}
	}
	return time.Now()
}

func (o *observed) attemptEnd(start time.Time, resp *http.Response, err error) {
	if o == nil {
		return
	}
	info := AttemptInfo{Attempt: o.cl.attempts, Err: err, Duration: time.Since(start)}
	if resp != nil {
		info.StatusCode = resp.StatusCode
	}
	for _, ob := range o.cl.cfg.observers {
		if ob.AttemptEnd != nil {
			ob.AttemptEnd(o.ctx, info)
		}
	}
}

func (o *observed) retry(delay time.Duration, cause error) {
	if o == nil {
		return
	}
	for _, ob := range o.cl.cfg.observers {
		if ob.Retry != nil {
			ob.Retry(o.ctx, RetryInfo{Attempt: o.cl.attempts, Delay: delay, Err: cause})
		}
	}
}

func (o *observed) event(n int, ev any) {
	o.events = n
	for _, ob := range o.cl.cfg.observers {
		if ob.StreamEvent != nil {
			ob.StreamEvent(o.ctx, StreamEventInfo{N: n, Event: ev})
		}
	}
}

// end reports the end of the call, once. It returns err.
func (o *observed) end(err error, result any) error {
	if o == nil || o.stopped {
		return err
	}
	o.stopped = true
	info := CallEndInfo{Operation: o.cl.op, Attempts: o.cl.attempts, Err: err, Result: result}
	if o.cl.kind == streamCall {
		info.Events = o.events
	}
	for _, ob := range o.cl.cfg.observers {
		if ob.CallEnd != nil {
			ob.CallEnd(o.ctx, info)
		}
	}
	return err
}

// streamEnd reports the end of a stream: the call's end once the stream
// was handed to the caller (the end of a stream read while opening it,
// an attempt that may be retried, is not the call's).
func (o *observed) streamEnd(err error) {
	if o != nil && o.handed {
		o.end(err, nil)
	}
}

// handOver marks the call's stream as the caller's; one that already
// ended while it was opened ends the call now.
func (o *observed) handOver(finished bool, err error) {
	if o == nil {
		return
	}
	o.handed = true
	if finished {
		o.end(err, nil)
	}
}

// runStart begins observing a RunTools loop.
func runStart(ctx context.Context, obs []Observer, req ChatRequest, handlers []*ToolHandler) context.Context {
	info := RunStartInfo{Model: req.Model}
	for _, h := range handlers {
		info.Tools = append(info.Tools, h.name)
	}
	for _, o := range obs {
		if o.RunStart != nil {
			if c := o.RunStart(ctx, info); c != nil {
				ctx = c
			}
		}
	}
	return ctx
}

func runEnd(ctx context.Context, obs []Observer, res *RunResult, err error) {
	for _, o := range obs {
		if o.RunEnd != nil {
			o.RunEnd(ctx, RunEndInfo{Result: res, Err: err})
		}
	}
}

// toolStart reports a tool call about to run and returns the handler's
// context.
func toolStart(ctx context.Context, obs []Observer, tc ToolCall) context.Context {
	for _, o := range obs {
		if o.ToolCallStart != nil {
			if c := o.ToolCallStart(ctx, ToolCallInfo{Name: tc.Function.Name, CallID: tc.ID, Arguments: tc.Function.Arguments}); c != nil {
				ctx = c
			}
		}
	}
	return ctx
}

func toolEnd(ctx context.Context, obs []Observer, tc ToolCall, result string, err error) {
	for _, o := range obs {
		if o.ToolCallEnd != nil {
			o.ToolCallEnd(ctx, ToolCallInfo{Name: tc.Function.Name, CallID: tc.ID, Arguments: tc.Function.Arguments, Result: result, Err: err})
		}
	}
}
