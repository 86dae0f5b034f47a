package openrouter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"
)

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

// RunToolsSteps is [RunTools] step by step: ranging over steps sends the
// requests and runs the tools as RunTools does, with the same options,
// and yields each step once its tool calls are answered. When the run
// ends with an error, the last pair is (nil, err); it yields no error when
// the run ends normally. Breaking out of the loop ends the run there,
// without an error and without another request. result holds the whole
// run (transcript, totals, Stopped) once the loop is over; during the
// loop it is empty, and each step carries its response. It is never
// nil. steps runs the conversation once: ranging over it again yields
// only an error.
func RunToolsSteps(ctx context.Context, client *Client, req ChatRequest, handlers []*ToolHandler, opts ...RunOption) (steps iter.Seq2[*RunStep, error], result *RunResult) {
	return stepsOf("RunToolsSteps", func(yield func(*RunStep) bool) (*RunResult, error) {
		return runTools(ctx, client, req, handlers, opts, yield, nil)
	})
}

// ResumeTools resumes a run that [RunTools] (or [RunToolsSteps], or
// ResumeTools) paused with [ErrApprovalRequired]: it runs the calls of the
// paused answer, the rejected ones excepted, answers them all in the
// order of the calls, and goes on as RunTools does. decisions must answer
// every pending call of state, once ([Approve], [Reject]); a missing, extra
// or doubled decision is an error and nothing is sent.
//
// handlers and opts are those of the paused run, passed again (a state
// holds no functions): the same handlers, and the options that should
// still apply, [WithApproval] included if later calls need approval too.
// The step limit, cost and token totals count the steps before the pause.
// The result holds the whole run, from the first request: transcript,
// responses, answered calls and totals.
func ResumeTools(ctx context.Context, client *Client, state *RunState, handlers []*ToolHandler, decisions []ApprovalDecision, opts ...RunOption) (*RunResult, error) {
	if state == nil {
		return &RunResult{}, errors.New("openrouter: ResumeTools: nil state")
	}
	return runTools(ctx, client, ChatRequest{}, handlers, opts, nil, &resumePoint{state: state, decisions: decisions})
}

// ResumeToolsSteps is [ResumeTools] step by step, as [RunToolsSteps] is
// RunTools: the first step it yields is the paused one, with its calls
// answered.
func ResumeToolsSteps(ctx context.Context, client *Client, state *RunState, handlers []*ToolHandler, decisions []ApprovalDecision, opts ...RunOption) (steps iter.Seq2[*RunStep, error], result *RunResult) {
	return stepsOf("ResumeToolsSteps", func(yield func(*RunStep) bool) (*RunResult, error) {
		if state == nil {
			return &RunResult{}, errors.New("openrouter: ResumeToolsSteps: nil state")
		}
		return runTools(ctx, client, ChatRequest{}, handlers, opts, yield, &resumePoint{state: state, decisions: decisions})
	})
}

// stepsOf turns a run that calls yield after each step into a one-shot
// iterator and the result it fills in once the loop is over.
func stepsOf(op string, run func(yield func(*RunStep) bool) (*RunResult, error)) (iter.Seq2[*RunStep, error], *RunResult) {
	result := &RunResult{}
	used := false
	steps := func(yield func(*RunStep, error) bool) {
		if used {
			yield(nil, errorf(op, "the steps were already ranged over"))
			return
		}
		used = true
		stopped := false
		res, err := run(func(st *RunStep) bool {
			if !yield(st, nil) {
				stopped = true
				return false
			}
			return true
		})
		*result = *res
		if err != nil && !stopped {
			yield(nil, err)
		}
	}
	return steps, result
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
		req.Messages = res.Messages
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

// pause saves the run when a call of calls needs approval; it reports
// whether it did.
func (r *runner) pause(req ChatRequest, calls []ToolCall) bool {
	if r.cfg.approval == nil {
		return false
	}
	var pending []string
	for _, c := range calls {
		if r.cfg.approval(c) {
			pending = append(pending, c.ID)
		}
	}
	if len(pending) == 0 {
		return false
	}
	res := r.res
	req.Messages, req.Tools, req.ToolChoice = nil, r.userTools, nil
	v := savedRun{
		Version:        stateVersion,
		Request:        req,
		Messages:       slices.Clone(res.Messages),
		Responses:      slices.Clone(res.Responses),
		Steps:          res.Steps,
		Cost:           res.Cost,
		CostUnreported: res.CostUnreported,
		Tokens:         savedTokens(res.Tokens),
		Calls:          slices.Clone(calls),
		Pending:        pending,
		RepeatKey:      r.lastKey,
		Repeats:        r.repeats,
	}
	for _, tc := range res.ToolCalls {
		sc := savedCall{Step: tc.Step, Call: tc.Call, Content: tc.Content}
		if tc.Err != nil {
			// The text of what went wrong: restore wraps it in a
			// *ToolError of the call again.
			sc.Error = tc.Err.Error()
			if te := (*ToolError)(nil); errors.As(tc.Err, &te) && te.Err != nil {
				sc.Error = te.Err.Error()
			}
		}
		v.ToolCalls = append(v.ToolCalls, sc)
	}
	st := &RunState{s: v}
	res.State = st
	res.Pending = st.Pending()
	return true
}

// restore sets res to the run the state saved.
func (s *RunState) restore(res *RunResult) {
	v := s.s
	res.Messages = slices.Clone(v.Messages)
	res.Responses = slices.Clone(v.Responses)
	if n := len(res.Responses); n > 0 {
		res.Response = res.Responses[n-1]
	}
	res.Steps, res.Cost, res.CostUnreported = v.Steps, v.Cost, v.CostUnreported
	res.Tokens = Tokens(v.Tokens)
	for _, sc := range v.ToolCalls {
		tc := ToolCallResult{Step: sc.Step, Call: sc.Call, Content: sc.Content}
		if sc.Error != "" {
			tc.Err = &ToolError{Name: sc.Call.Function.Name, CallID: sc.Call.ID, Arguments: sc.Call.Function.Arguments, Err: errors.New(sc.Error)}
		}
		res.ToolCalls = append(res.ToolCalls, tc)
	}
}

// resumePoint is a paused run and the decisions to resume it with.
type resumePoint struct {
	state     *RunState
	decisions []ApprovalDecision
}

// check returns the decisions by call id once it has checked that they
// answer every pending call, once, and nothing else, and that every call
// of the paused answer has a handler.
func (p *resumePoint) check(byName map[string]*ToolHandler) (map[string]ApprovalDecision, error) {
	v := p.state.s
	if v.Version != stateVersion || len(v.Pending) == 0 {
		return nil, errors.New("the state holds no paused run: use the RunResult.State of a run that returned ErrApprovalRequired, or its JSON")
	}
	out := make(map[string]ApprovalDecision, len(p.decisions))
	for i, d := range p.decisions {
		if !slices.Contains(v.Pending, d.CallID) {
			return nil, fmt.Errorf("decision %d is for call %q, which is not pending (pending: %s)", i, d.CallID, strings.Join(v.Pending, ", "))
		}
		if _, dup := out[d.CallID]; dup {
			return nil, fmt.Errorf("two decisions for call %q", d.CallID)
		}
		out[d.CallID] = d
	}
	for _, id := range v.Pending {
		if _, ok := out[id]; !ok {
			return nil, fmt.Errorf("no decision for pending call %q", id)
		}
	}
	for _, c := range v.Calls {
		if byName[c.Function.Name] == nil {
			if d, ok := out[c.ID]; ok && !d.Approve {
				continue
			}
			return nil, fmt.Errorf("no handler for %q, which call %q of the paused answer needs", c.Function.Name, c.ID)
		}
	}
	return out, nil
}

// rejection is the error of a rejected call.
func rejection(call ToolCall, reason string) error {
	if reason == "" {
		reason = "rejected"
	}
	return &ToolError{Name: call.Function.Name, CallID: call.ID, Arguments: call.Function.Arguments, Err: fmt.Errorf("%w: %s", ErrToolDenied, reason)}
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
