package openrouter

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// ErrApprovalRequired is returned by [RunTools] (and the other run
// functions) when the model called a tool that needs approval
// ([WithApproval]). The run is paused, not failed: [RunResult].Pending
// lists the calls waiting for a decision and [RunResult].State holds what
// [ResumeTools] needs to go on, also in another process (it marshals to
// JSON).
var ErrApprovalRequired = errors.New("openrouter: tool calls wait for approval")

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
// holds: store it as you would the conversation. The failed calls of the
// steps before the pause keep their error text, not their error values:
// after a resume, [ToolCallResult].Err of such a call is a [*ToolError]
// with the same text, which no longer matches sentinels such as
// [ErrToolDenied].
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
