package openrouter

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

// RunStep is one step of a tool run, as [RunToolsSteps] yields it: a
// model's answer and the tool calls of it that were answered.
type RunStep struct {
	// Index is the step's index in [RunResult].Responses, from 0.
	Index int
	// Response is the model's answer.
	Response *ChatResponse
	// ToolCalls are the calls of Response that the run answered, in
	// order, with their results; empty for the final answer and for a
	// step that paused for approval.
	ToolCalls []ToolCallResult
	// Pending are the calls of Response that wait for approval when the
	// run paused after this step ([WithApproval]); the run then ends
	// with [ErrApprovalRequired].
	Pending []ToolCall
	// Final is true for the tool-free request sent after a stop
	// ([WithFinalAnswer]).
	Final bool
	// Tokens is the usage this step's response reported (zero when it
	// reported none).
	Tokens Tokens
	// Cost is the cost this step's response reported; CostReported is
	// false when it reported none.
	Cost         float64
	CostReported bool
	// TotalTokens and TotalCost are the run's totals up to and including
	// this step, as [RunResult].Tokens and [RunResult].Cost will be if
	// the run ends here.
	TotalTokens Tokens
	TotalCost   float64
}
