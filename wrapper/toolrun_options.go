package openrouter

import (
	"errors"
	"slices"
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

var (
	// ErrMaxSteps is returned by [RunTools] when the model still calls
	// tools after the step limit ([WithMaxSteps]).
	ErrMaxSteps = errors.New("openrouter: tool loop reached its step limit")
	// ErrMaxCost is returned by [RunTools] when the reported cost reached
	// the limit ([WithMaxCost]) while the model still calls tools.
	ErrMaxCost = errors.New("openrouter: tool loop reached its cost limit")
)

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

// WithStopWhen adds stop conditions to [RunTools]: the run stops when any
// of them holds after a step (as [StopAny]). The conditions are checked
// after the step's tool calls are answered, before the [WithMaxCost]
// limit; [WithMaxSteps] stays a hard limit that ends the run with
// [ErrMaxSteps].
func WithStopWhen(conds ...StopCondition) RunOption {
	return func(c *runConfig) { c.stops = append(c.stops, conds...) }
}

// WithFinalAnswer sets whether [RunTools], after a [StopCondition] stopped
// the run, sends one more request with tool_choice "none" so that the
// model answers from the tool results it has. It is on by default: a stop
// usually comes while the model is still calling tools, and without it
// the last response holds only tool calls, RunResult.Text is empty and the
// results of the last calls are never read (OpenRouter's agent SDK makes
// the same choice). Turn it off to save that request when you only want
// the transcript. The final request is not counted against
// [WithMaxSteps] nor checked against the stop conditions.
func WithFinalAnswer(on bool) RunOption {
	return func(c *runConfig) { c.noFinal = !on }
}

// WithHooks sets the hooks of [RunTools]; a later WithHooks replaces an
// earlier one.
func WithHooks(h RunHooks) RunOption { return func(c *runConfig) { c.hooks = h } }

// WithRepeatLimit sets the repeat guard of [RunTools]: when the model
// calls the same function with the same arguments (compared as compact
// JSON) n times in a row, counted over the calls of all steps in order,
// the run ends with an error matching [ErrRepeatedToolCall] before the
// n-th call runs (or [RunHooks].OnRepeatedCall decides). 0 means
// [DefaultRepeatLimit]; n < 0 turns the guard off. The calls of that last
// answer are answered in the transcript with the error, so that
// RunResult.Messages stays a valid conversation.
func WithRepeatLimit(n int) RunOption { return func(c *runConfig) { c.repeatLimit = n } }

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
