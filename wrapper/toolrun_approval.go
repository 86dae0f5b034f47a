package openrouter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrApprovalRequired is returned by [RunTools] (and the other run
// functions) when the model called a tool that needs approval
// ([WithApproval]). The run is paused, not failed: [RunResult].Pending
// lists the calls waiting for a decision and [RunResult].State holds what
// [ResumeTools] needs to go on, also in another process (it marshals to
// JSON).
var ErrApprovalRequired = errors.New("openrouter: tool calls wait for approval")

// WithApproval makes [RunTools] ask before it runs a function call: when
// need returns true for a call of the model's answer, the run pauses
// before any call of that answer runs and returns [ErrApprovalRequired],
// with the calls that need approval in [RunResult].Pending and the saved
// run in [RunResult].State. [ResumeTools] then runs the answer's calls
// with the decisions (the ones that need no approval run too) and goes
// on. need runs on the run's goroutine, once per call, after the repeat
// guard. [ApprovalFor] is a need that names the tools.
func WithApproval(need func(call ToolCall) bool) RunOption {
	return func(c *runConfig) { c.approval = need }
}

// ApprovalFor is a [WithApproval] function that asks for approval of
// every call of the named functions.
func ApprovalFor(names ...string) func(call ToolCall) bool {
	return func(call ToolCall) bool { return slices.Contains(names, call.Function.Name) }
}

// ApprovalDecision is a decision about a call that waits for approval,
// for [ResumeTools]. Make it with [Approve] or [Reject].
type ApprovalDecision struct {
	// CallID is the id of the pending call ([ToolCall].ID).
	CallID string
	// Approve runs the call when true. When false, the call does not run
	// and the model gets "error: tool call denied: <Reason>" as its
	// result, so that it can answer or try something else.
	Approve bool
	// Reason tells the model why a call was rejected.
	Reason string
}

// Approve is the decision to run the call callID.
func Approve(callID string) ApprovalDecision {
	return ApprovalDecision{CallID: callID, Approve: true}
}

// Reject is the decision not to run the call callID; the model is told
// reason.
func Reject(callID, reason string) ApprovalDecision {
	return ApprovalDecision{CallID: callID, Reason: reason}
}

// rejection is the error of a rejected call.
func rejection(call ToolCall, reason string) error {
	if reason == "" {
		reason = "rejected"
	}
	return &ToolError{Name: call.Function.Name, CallID: call.ID, Arguments: call.Function.Arguments, Err: fmt.Errorf("%w: %s", ErrToolDenied, reason)}
}

// RunState is a run paused for approval, as [RunResult].State holds it:
// the conversation, the totals, the call the repeat guard last saw and the
// answer whose calls wait. It marshals to JSON and back (with
// encoding/json or any package that honours json.Marshaler), so that a
// run paused in one process can be resumed in another with
// [ResumeTools]. Its format carries a version; unmarshalling a state of
// another version fails.
//
// The state holds no functions: handlers and run options (stop
// conditions, hooks, limits, approval) are passed again to ResumeTools.
// It holds the request's model, parameters and tools, and the whole
// transcript, so it can be large and it holds whatever the conversation
// holds: store it as you would the conversation.
type RunState struct {
	s savedRun
}

// stateVersion is the version of the RunState format.
const stateVersion = 1

// savedRun is the JSON form of a RunState.
type savedRun struct {
	Version int `json:"version"`
	// Request is the run's request: model, parameters and the request's
	// own tools (not the handlers'), without its messages.
	Request        ChatRequest     `json:"request"`
	Messages       []ChatMessage   `json:"messages"`
	Responses      []*ChatResponse `json:"responses"`
	ToolCalls      []savedCall     `json:"tool_calls,omitempty"`
	Steps          int             `json:"steps"`
	Cost           float64         `json:"cost"`
	CostUnreported int             `json:"cost_unreported,omitempty"`
	Tokens         savedTokens     `json:"tokens"`
	// Calls are all the calls of the paused answer; Pending the ones
	// that wait for a decision.
	Calls     []ToolCall `json:"calls"`
	Pending   []string   `json:"pending"`
	RepeatKey string     `json:"repeat_key,omitempty"`
	Repeats   int        `json:"repeats,omitempty"`
}

// savedCall is a ToolCallResult in a saved run; Error is the text of Err.
type savedCall struct {
	Step    int      `json:"step"`
	Call    ToolCall `json:"call"`
	Content string   `json:"content"`
	Error   string   `json:"error,omitempty"`
}

// savedTokens is Tokens in a saved run.
type savedTokens struct {
	Input       int `json:"input"`
	Output      int `json:"output"`
	Total       int `json:"total"`
	Reasoning   int `json:"reasoning,omitempty"`
	CachedInput int `json:"cached_input,omitempty"`
}

// MarshalJSON encodes the state.
func (s *RunState) MarshalJSON() ([]byte, error) {
	return json.Marshal(s.s)
}

// UnmarshalJSON decodes a state that MarshalJSON encoded.
func (s *RunState) UnmarshalJSON(data []byte) error {
	var v savedRun
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("openrouter: RunState: %w", err)
	}
	if v.Version != stateVersion {
		return fmt.Errorf("openrouter: RunState: format version %d, this SDK reads version %d", v.Version, stateVersion)
	}
	s.s = v
	return nil
}

// Pending returns the calls that wait for a decision, in the order the
// model made them.
func (s *RunState) Pending() []ToolCall {
	if s == nil {
		return nil
	}
	var out []ToolCall
	for _, c := range s.s.Calls {
		if slices.Contains(s.s.Pending, c.ID) {
			out = append(out, c)
		}
	}
	return out
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
			sc.Error = strings.TrimPrefix(tc.Err.Error(), prefix)
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
