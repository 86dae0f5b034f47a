package openrouter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
)

// ToolHandler is a function tool together with the Go function that runs
// it, for [RunTools]. Build it with [NewToolHandler] or
// [NewRawToolHandler].
type ToolHandler struct {
	name string
	tool Tool
	run  func(ctx context.Context, arguments json.RawMessage) (string, error)
}

// NewToolHandler returns a handler for the function tool name whose
// arguments are the JSON Schema of In, as [FunctionToolFor] derives it.
// When the model calls the tool, the arguments are decoded into an In and
// fn's result is sent back to the model: a string as it is, any other
// value as JSON. It fails when name is invalid, fn is nil, or In has no
// object schema.
func NewToolHandler[In, Out any](name, description string, fn func(ctx context.Context, in In) (Out, error)) (*ToolHandler, error) {
	if fn == nil {
		return nil, fmt.Errorf("openrouter: NewToolHandler %q: nil function", name)
	}
	tool, err := FunctionToolFor[In](name, description)
	if err != nil {
		return nil, err
	}
	return &ToolHandler{name: name, tool: tool, run: func(ctx context.Context, args json.RawMessage) (string, error) {
		var in In
		if err := json.Unmarshal(args, &in); err != nil {
			return "", fmt.Errorf("invalid arguments for %s: %w", reflect.TypeFor[In](), err)
		}
		out, err := fn(ctx, in)
		if err != nil {
			return "", err
		}
		return toolResult(out)
	}}, nil
}

// NewRawToolHandler returns a handler for the function tool name whose
// parameters are the JSON Schema parameters (any form [FunctionTool]
// accepts). fn receives the arguments as JSON and returns the text sent
// back to the model. It fails when name is invalid, fn is nil, or
// parameters is not a JSON object.
func NewRawToolHandler(name, description string, parameters any, fn func(ctx context.Context, arguments json.RawMessage) (string, error)) (*ToolHandler, error) {
	if fn == nil {
		return nil, fmt.Errorf("openrouter: NewRawToolHandler %q: nil function", name)
	}
	tool, err := FunctionTool(name, description, parameters)
	if err != nil {
		return nil, err
	}
	return &ToolHandler{name: name, tool: tool, run: fn}, nil
}

// Name returns the tool's function name.
func (h *ToolHandler) Name() string { return h.name }

// Tool returns the tool's definition, as sent in [ChatRequest].Tools.
func (h *ToolHandler) Tool() Tool { return h.tool }

func toolResult(out any) (string, error) {
	switch v := out.(type) {
	case string:
		return v, nil
	case json.RawMessage:
		return string(v), nil
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encoding the result: %w", err)
	}
	return string(b), nil
}

// ToolErrorMode says what [RunTools] does when a tool call fails: the
// handler returns an error, the arguments do not decode, or the model
// calls a function that has no handler.
type ToolErrorMode int

const (
	// ToolErrorsToModel sends the error text to the model as the call's
	// result ("error: ...") and goes on, so that the model can correct
	// itself. It is the default.
	ToolErrorsToModel ToolErrorMode = iota
	// ToolErrorsReturn stops the loop and returns a [*ToolError].
	ToolErrorsReturn
)

// ToolError is a failed tool call, returned by [RunTools] with
// [ToolErrorsReturn].
type ToolError struct {
	// Name is the function the model called.
	Name string
	// CallID is the id of the call.
	CallID string
	// Arguments is the JSON text of the call's arguments.
	Arguments string
	// Err is what went wrong.
	Err error
}

// Error describes the failed call.
func (e *ToolError) Error() string {
	return fmt.Sprintf("openrouter: tool %s (call %s): %v", e.Name, e.CallID, e.Err)
}

// Unwrap returns the underlying error.
func (e *ToolError) Unwrap() error { return e.Err }

var (
	// ErrMaxSteps is returned by [RunTools] when the model still calls
	// tools after the step limit ([WithMaxSteps]).
	ErrMaxSteps = errors.New("openrouter: tool loop reached its step limit")
	// ErrMaxCost is returned by [RunTools] when the reported cost reached
	// the limit ([WithMaxCost]) while the model still calls tools.
	ErrMaxCost = errors.New("openrouter: tool loop reached its cost limit")
	// ErrUnknownTool is the error of a call to a function that has no
	// handler.
	ErrUnknownTool = errors.New("no handler for this function")
)

// RunOption configures [RunTools].
type RunOption func(*runConfig)

type runConfig struct {
	maxSteps       int
	maxCost        float64
	errMode        ToolErrorMode
	callOpts       []Option
	onChunk        func(ChatChunk)
	streaming      bool
	concurrency    int
	concurrencySet bool
	stops          []StopCondition
	noFinal        bool
	hooks          RunHooks
	repeatLimit    int
	approval       func(ToolCall) bool
}

// DefaultMaxSteps is the number of chat requests [RunTools] sends at most
// unless [WithMaxSteps] says otherwise.
const DefaultMaxSteps = 10

// DefaultToolConcurrency is the number of tool calls of one answer that
// [RunTools] runs at a time unless [WithToolConcurrency] says otherwise:
// one, so that handlers need not be safe for concurrent use (a handler
// that appends to a slice or writes a map would race). Ask for parallel
// calls with WithToolConcurrency.
const DefaultToolConcurrency = 1

// WithMaxSteps limits the number of chat requests [RunTools] sends; n < 1
// means [DefaultMaxSteps].
func WithMaxSteps(n int) RunOption { return func(c *runConfig) { c.maxSteps = n } }

// WithMaxCost stops [RunTools] with [ErrMaxCost] once the costs reported
// by the responses add up to usd or more and the model still calls tools.
// 0 means no limit. The limit is checked after each response, so the
// total may exceed it by one request's cost. To stop without an error,
// and get a final answer, use [StopAfterCost] instead.
func WithMaxCost(usd float64) RunOption { return func(c *runConfig) { c.maxCost = usd } }

// WithToolErrors sets what happens when a tool call fails; the default is
// [ToolErrorsToModel].
func WithToolErrors(mode ToolErrorMode) RunOption { return func(c *runConfig) { c.errMode = mode } }

// WithToolConcurrency sets how many function calls of one answer
// [RunTools] runs at the same time, each on its own goroutine: n >= 1 is
// the bound, n < 1 means no bound (all the calls of an answer at once).
// The default is [DefaultToolConcurrency]. Whatever the order in which
// they finish, the results go back to the model in the order of the
// calls. Handlers, hooks and observers then run concurrently and must be
// safe for concurrent use.
func WithToolConcurrency(n int) RunOption {
	return func(c *runConfig) { c.concurrency, c.concurrencySet = n, true }
}

// WithRunCallOptions applies opts to every chat request of [RunTools],
// such as [WithMaxRetries] or [WithTimeout].
func WithRunCallOptions(opts ...Option) RunOption {
	return func(c *runConfig) { c.callOpts = append(c.callOpts, opts...) }
}

// WithStreaming makes [RunTools] stream every chat request with
// Chat.Stream and pass each chunk to onChunk (which may be nil) as it
// arrives, such as to print the answer while it is written. Each step's
// response is assembled with a [ChatAccumulator]. A stream is not retried
// once it delivered a chunk.
func WithStreaming(onChunk func(ChatChunk)) RunOption {
	return func(c *runConfig) { c.streaming, c.onChunk = true, onChunk }
}

// RunResult is the outcome of [RunTools].
type RunResult struct {
	// Response is the last response received: the final answer when
	// RunTools returns no error.
	Response *ChatResponse
	// Messages is the whole conversation: the request's messages, then
	// every assistant message and tool result, ending with the final
	// answer. Append a user message to it to go on.
	Messages []ChatMessage
	// Steps is the number of chat requests sent.
	Steps int
	// Cost is the sum of the costs the responses reported, in credits
	// (US dollars).
	Cost float64
	// CostUnreported is the number of responses that reported no cost;
	// when it is not 0, Cost is less than what the run cost.
	CostUnreported int
	// Tokens is the sum of the token counts of the responses.
	Tokens Tokens
	// Responses are the responses of the steps, in order, the last one
	// being Response: the model's messages of the run, typed (Text,
	// ToolCalls, Reasoning, ...).
	Responses []*ChatResponse
	// ToolCalls are the tool calls the run answered, in order, with what
	// was sent back: the tool messages of the run, typed.
	ToolCalls []ToolCallResult
	// Stopped is true when a [StopCondition] ([WithStopWhen]) ended the
	// run; Response is then the final answer, unless [WithFinalAnswer]
	// turned it off.
	Stopped bool
	// Pending are the calls that wait for approval when the run paused
	// with [ErrApprovalRequired] ([WithApproval]), nil otherwise.
	Pending []ToolCall
	// State is the paused run to pass to [ResumeTools] when the run
	// paused with [ErrApprovalRequired], nil otherwise. It marshals to
	// JSON.
	State *RunState
}

// ToolCallResult is a tool call that [RunTools] answered.
type ToolCallResult struct {
	// Step is the index in RunResult.Responses of the response that made
	// the call.
	Step int
	// Call is the call: its ID, function name and JSON arguments.
	Call ToolCall
	// Content is the text sent back to the model ("error: ..." for a
	// failed call).
	Content string
	// Err is the error of a failed call (a [*ToolError]), nil otherwise.
	Err error
}

// Text returns the text of the last response: the final answer when
// [RunTools] returned no error.
func (r *RunResult) Text() string {
	if r == nil {
		return ""
	}
	return r.Response.Text()
}

// RunTools runs a tool-calling conversation: it sends req with the tools
// of handlers added to req.Tools, runs the function calls of the answer
// through the handlers, appends the results to the conversation and sends
// it again, until the model answers without calling tools. It calls POST
// /chat/completions once per step, streamed with [WithStreaming].
//
// The calls of one answer run one at a time by default, or concurrently
// with [WithToolConcurrency]; their results go back in the order of the
// calls either way. A handler that panics makes a failed call (its
// [*ToolError] matches [ErrToolPanicked]); cancelling ctx cancels the
// context of the running handlers, starts no more of them, and RunTools
// returns ctx's error once the running ones have returned. [WithHooks]
// sees, changes, denies or answers tool calls and observes each model
// call.
//
// The run ends without an error when a [StopCondition] of [WithStopWhen]
// holds after a step (RunResult.Stopped; by default one last request with
// tool_choice "none" then gets an answer, see [WithFinalAnswer]). It ends
// with [ErrMaxSteps] after [WithMaxSteps] requests (default
// [DefaultMaxSteps]), with [ErrMaxCost] at the [WithMaxCost] limit and
// with [ErrRepeatedToolCall] when the model repeats the same call
// ([WithRepeatLimit]); the tool calls of the last response are then
// answered in the transcript, so the conversation can be resumed from
// RunResult.Messages. A failed tool call is sent to the model as an error
// result, or ends the loop with a [*ToolError] under [ToolErrorsReturn]. A
// request error ends the loop with that error. RunResult is never nil: it
// holds the conversation so far whatever the error.
//
// With [WithApproval], a call that needs approval pauses the run before
// any call of its answer runs: RunTools returns [ErrApprovalRequired] with
// the waiting calls in RunResult.Pending and the saved run, which
// marshals to JSON, in RunResult.State; [ResumeTools] goes on with the
// decisions.
//
// The assistant messages appended to the conversation are the model's
// messages as received, reasoning and reasoning_details included, so the
// next request sends them back: reasoning models that need their
// reasoning blocks (such as Gemini's thought signatures or Anthropic's
// signed thinking) continue their turn.
//
// A tool_choice that forces a call (required, or a named function) applies
// to the first request only; later requests let the model choose, so that
// it can answer. Calls to req.Tools entries that have no handler, such as
// OpenRouter's server tools, are run by OpenRouter and never reach the
// loop; a function call without a handler is a failed call
// ([ErrUnknownTool]).
func RunTools(ctx context.Context, client *Client, req ChatRequest, handlers []*ToolHandler, opts ...RunOption) (*RunResult, error) {
	return runTools(ctx, client, req, handlers, opts, nil, nil)
}

// runTools is RunTools, calling yield (when not nil) after each step; a
// false from yield ends the run without an error. With from not nil it
// resumes a paused run instead of starting one with req.
func runTools(ctx context.Context, client *Client, req ChatRequest, handlers []*ToolHandler, opts []RunOption, yield func(*RunStep) bool, from *resumePoint) (res *RunResult, err error) {
	cfg := runConfig{}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.maxSteps < 1 {
		cfg.maxSteps = DefaultMaxSteps
	}
	if !cfg.concurrencySet {
		cfg.concurrency = DefaultToolConcurrency
	}
	if cfg.repeatLimit == 0 {
		cfg.repeatLimit = DefaultRepeatLimit
	}
	op := "RunTools"
	if from != nil {
		op = "ResumeTools"
		req = from.state.s.Request
		req.Messages = nil
	}
	res = &RunResult{Messages: slices.Clone(req.Messages)}
	if from != nil {
		from.state.restore(res)
	}
	if client == nil {
		return res, errorf(op, "nil client")
	}
	byName := make(map[string]*ToolHandler, len(handlers))
	declared := map[string]bool{}
	for _, t := range req.Tools {
		if name := functionToolName(t); name != "" {
			declared[name] = true
		}
	}
	userTools := req.Tools
	req.Tools = slices.Clone(req.Tools)
	for _, h := range handlers {
		if h == nil {
			return res, errorf(op, "nil handler")
		}
		if byName[h.name] != nil {
			return res, errorf(op, "two handlers for %q", h.name)
		}
		if declared[h.name] {
			return res, errorf(op, "req.Tools already declares a function %q; a handler adds its own declaration, so remove it from req.Tools", h.name)
		}
		byName[h.name] = h
		req.Tools = append(req.Tools, h.tool)
	}
	r := &runner{client: client, cfg: &cfg, byName: byName, res: res, yield: yield, userTools: userTools}
	var calls []ToolCall
	var decided map[string]ApprovalDecision
	if from != nil {
		if decided, err = from.check(byName); err != nil {
			return res, errorf(op, "%w", err)
		}
		calls = from.state.s.Calls
		r.lastKey, r.repeats = from.state.s.RepeatKey, from.state.s.Repeats
		r.emittedCalls = len(res.ToolCalls)
	}
	if obs := client.cfg.observers; len(obs) > 0 {
		ctx = runStart(ctx, obs, req, handlers)
		defer func() { runEnd(ctx, obs, res, err) }()
	}
	defer func() {
		if err == errBreak {
			err = nil
		}
	}()

	for {
		if calls == nil {
			if res.Steps >= cfg.maxSteps {
				return res, ErrMaxSteps
			}
			req.Messages = res.Messages
			resp, err := r.step(ctx, req, false)
			if err != nil {
				return res, err
			}
			calls = resp.ToolCalls()
			if len(calls) == 0 {
				return res, r.emit(false)
			}
			if err := r.guard(ctx, calls); err != nil {
				_ = r.emit(false)
				return res, err
			}
			if r.pause(req, calls) {
				if err := r.emit(false); err != nil {
					return res, err
				}
				return res, ErrApprovalRequired
			}
		}
		if err := r.runCalls(ctx, calls, decided); err != nil {
			_ = r.emit(false)
			return res, err
		}
		calls, decided = nil, nil
		if err := r.emit(false); err != nil {
			return res, err
		}
		req.ToolChoice = nil
		if slices.ContainsFunc(cfg.stops, func(c StopCondition) bool { return c != nil && c(res) }) {
			res.Stopped = true
			if cfg.noFinal {
				return res, nil
			}
			req.Messages = res.Messages
			req.ToolChoice = ToolChoiceNone()
			if _, err := r.step(ctx, req, true); err != nil {
				return res, err
			}
			return res, r.emit(true)
		}
		if cfg.maxCost > 0 && res.Cost >= cfg.maxCost {
			return res, ErrMaxCost
		}
	}
}

// runner is the state of one RunTools run.
type runner struct {
	client *Client
	cfg    *runConfig
	byName map[string]*ToolHandler
	res    *RunResult
	// The repeat guard: the last call's key and how many times in a row
	// it was made.
	lastKey string
	repeats int
	// yield, when not nil, receives each step; emittedCalls counts the
	// tool calls already given to it.
	yield        func(*RunStep) bool
	emittedCalls int
	// userTools are the request's own tools, without the handlers'
	// declarations, for a paused run's state.
	userTools []Tool
}

// errBreak is the error of a run whose step iterator was left early.
var errBreak = errors.New("openrouter: break")

// emit gives the last step to yield; errBreak when it asks to stop.
func (r *runner) emit(final bool) error {
	if r.yield == nil {
		return nil
	}
	res := r.res
	n := len(res.ToolCalls)
	st := &RunStep{Index: res.Steps - 1, Response: res.Response, ToolCalls: res.ToolCalls[r.emittedCalls:n:n], Pending: res.Pending, Final: final, TotalTokens: res.Tokens, TotalCost: res.Cost}
	st.Tokens, _ = res.Response.Tokens()
	st.Cost, st.CostReported = res.Response.Cost()
	r.emittedCalls = n
	if !r.yield(st) {
		return errBreak
	}
	return nil
}

// step sends one request and records its response in the result.
func (r *runner) step(ctx context.Context, req ChatRequest, final bool) (*ChatResponse, error) {
	start := time.Now()
	resp, err := runStep(ctx, r.client, req, r.cfg)
	if hook := r.cfg.hooks.AfterModelCall; hook != nil {
		info := ModelCallInfo{Step: r.res.Steps, Final: final, Response: resp, Duration: time.Since(start), Err: err}
		if err == nil {
			info.Tokens, _ = resp.Tokens()
			info.Cost, info.CostReported = resp.Cost()
			info.GenerationID = resp.GenerationID()
		}
		hook(ctx, info)
	}
	if err != nil {
		return nil, err
	}
	res := r.res
	res.Steps++
	res.Response = resp
	res.Responses = append(res.Responses, resp)
	if c, ok := resp.Cost(); ok {
		res.Cost += c
	} else {
		res.CostUnreported++
	}
	if t, ok := resp.Tokens(); ok {
		res.Tokens = res.Tokens.Add(t)
	}
	if len(resp.Choices) > 0 {
		res.Messages = append(res.Messages, resp.Message())
	}
	return resp, nil
}

// answer records the result of a call in the transcript.
func (r *runner) answer(call ToolCall, content string, err error) {
	if err != nil {
		content = "error: " + errors.Unwrap(err).Error()
	}
	r.res.ToolCalls = append(r.res.ToolCalls, ToolCallResult{Step: r.res.Steps - 1, Call: call, Content: content, Err: err})
	r.res.Messages = append(r.res.Messages, ToolMessage(call.ID, content))
}

// guard is the repeat guard: it fails when a call of calls is the same as
// the ones before it the limit's number of times in a row, and then
// answers all of calls with that error.
func (r *runner) guard(ctx context.Context, calls []ToolCall) error {
	limit := r.cfg.repeatLimit
	if limit < 0 {
		return nil
	}
	for _, call := range calls {
		key := call.Function.Name + "\x00" + compactJSON(call.Function.Arguments)
		if key == r.lastKey {
			r.repeats++
		} else {
			r.lastKey, r.repeats = key, 1
		}
		if r.repeats < limit {
			continue
		}
		var err error
		if hook := r.cfg.hooks.OnRepeatedCall; hook != nil {
			err = hook(ctx, call, r.repeats)
		} else {
			err = fmt.Errorf("%w: %s called %d times in a row with the arguments %s", ErrRepeatedToolCall, call.Function.Name, r.repeats, compactJSON(call.Function.Arguments))
		}
		if err != nil {
			for _, c := range calls {
				r.answer(c, "", &ToolError{Name: c.Function.Name, CallID: c.ID, Arguments: c.Function.Arguments, Err: err})
			}
			return err
		}
	}
	return nil
}

func compactJSON(s string) string {
	var b bytes.Buffer
	if json.Compact(&b, []byte(s)) != nil {
		return strings.TrimSpace(s)
	}
	return b.String()
}

// runCalls runs the calls of one answer, at most cfg.concurrency at a
// time, and answers them in order. It returns ctx's error when ctx ends,
// or the first failed call's error under ToolErrorsReturn; the calls
// before that one are answered.
//
// decided holds the approval decisions of a resumed run by call id: a
// rejected call does not run and is answered with its rejection, whatever
// the error mode (the rejection is meant for the model).
func (r *runner) runCalls(ctx context.Context, calls []ToolCall, decided map[string]ApprovalDecision) error {
	type outcome struct {
		content string
		err     error
		done    bool
	}
	out := make([]outcome, len(calls))
	limit := r.cfg.concurrency
	if limit < 1 || limit > len(calls) {
		limit = len(calls)
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := -1 // the first call to fail under ToolErrorsReturn

dispatch:
	for i, call := range calls {
		select {
		case sem <- struct{}{}:
		case <-cctx.Done():
			break dispatch
		}
		if cctx.Err() != nil {
			<-sem
			break
		}
		if d, ok := decided[call.ID]; ok && !d.Approve {
			<-sem
			out[i] = outcome{err: rejection(call, d.Reason), done: true}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			content, err := r.runOne(cctx, call)
			out[i] = outcome{content: content, err: err, done: true}
			if err != nil && r.cfg.errMode == ToolErrorsReturn {
				mu.Lock()
				if failed < 0 || (i < failed && cctx.Err() == nil) {
					failed = i
				}
				mu.Unlock()
				cancel()
			}
		}()
	}
	wg.Wait()
	for i, call := range calls {
		o := out[i]
		if i == failed {
			return o.err
		}
		if err := ctx.Err(); err != nil && !o.done {
			return err
		}
		if !o.done {
			// Not started after another call failed.
			continue
		}
		r.answer(call, o.content, o.err)
	}
	return ctx.Err()
}

// runOne runs one call with its observers and hooks; its error is always
// a *ToolError, a panic included.
func (r *runner) runOne(ctx context.Context, call ToolCall) (content string, err error) {
	obs := r.client.cfg.observers
	ctx = toolStart(ctx, obs, call)
	defer func() { toolEnd(ctx, obs, call, content, err) }()
	defer func() {
		if p := recover(); p != nil {
			content, err = "", &ToolError{Name: call.Function.Name, CallID: call.ID, Arguments: call.Function.Arguments, Err: fmt.Errorf("%w: %v", ErrToolPanicked, p)}
		}
	}()
	content, err = r.hooked(ctx, call)
	if hook := r.cfg.hooks.AfterToolCall; hook != nil {
		content, err = hook(ctx, call, content, err)
		var te *ToolError
		if err != nil && !errors.As(err, &te) {
			err = &ToolError{Name: call.Function.Name, CallID: call.ID, Arguments: call.Function.Arguments, Err: err}
		}
	}
	return content, err
}

// hooked runs a call through the BeforeToolCall hook and its handler.
func (r *runner) hooked(ctx context.Context, call ToolCall) (string, error) {
	if hook := r.cfg.hooks.BeforeToolCall; hook != nil {
		d := hook(ctx, call)
		switch {
		case d.Deny != nil:
			return "", &ToolError{Name: call.Function.Name, CallID: call.ID, Arguments: call.Function.Arguments, Err: fmt.Errorf("%w: %w", ErrToolDenied, d.Deny)}
		case d.Answered:
			return d.Answer, nil
		case d.Arguments != "":
			call.Function.Arguments = d.Arguments
		}
	}
	return runCall(ctx, r.byName, call)
}

// runStep sends one request, streamed or not.
func runStep(ctx context.Context, client *Client, req ChatRequest, cfg *runConfig) (*ChatResponse, error) {
	if !cfg.streaming {
		return client.Chat.Send(ctx, req, cfg.callOpts...)
	}
	stream, err := client.Chat.Stream(ctx, req, cfg.callOpts...)
	if err != nil {
		return nil, err
	}
	var acc ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			return nil, err
		}
		acc.Add(chunk)
		if cfg.onChunk != nil {
			cfg.onChunk(chunk)
		}
	}
	return acc.Response(), nil
}

// runCall runs one function call; its error is always a *ToolError.
func runCall(ctx context.Context, byName map[string]*ToolHandler, call ToolCall) (string, error) {
	fail := func(e error) (string, error) {
		return "", &ToolError{Name: call.Function.Name, CallID: call.ID, Arguments: call.Function.Arguments, Err: e}
	}
	h := byName[call.Function.Name]
	if h == nil {
		return fail(ErrUnknownTool)
	}
	args := json.RawMessage(call.Function.Arguments)
	if strings.TrimSpace(call.Function.Arguments) == "" {
		args = json.RawMessage("{}")
	}
	out, herr := h.run(ctx, args)
	if herr != nil {
		return fail(herr)
	}
	return out, nil
}

// functionToolName is the function name of a tool declaration, or "" for
// other kinds of tools.
func functionToolName(t Tool) string {
	raw, err := json.Marshal(t)
	if err != nil {
		return ""
	}
	var decl struct {
		Type     string `json:"type"`
		Function struct {
			Name string `json:"name"`
		} `json:"function"`
	}
	if json.Unmarshal(raw, &decl) != nil || decl.Type != "function" {
		return ""
	}
	return decl.Function.Name
}
