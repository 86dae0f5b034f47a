package openrouter

import (
	"context"
	"errors"
	"time"
)

// RunHooks are optional functions that [RunTools] calls around tool calls
// and model calls; pass them with [WithHooks]. With
// [WithToolConcurrency] above 1, BeforeToolCall and AfterToolCall run on
// the calls' goroutines, concurrently: they must be safe for concurrent
// use. A hook's ctx is the tool call's (or the run's) context.
type RunHooks struct {
	// BeforeToolCall is called before a function call runs, with the
	// model's call. Its decision may change the arguments the handler
	// receives, deny the call, or answer it without running the handler.
	// The zero decision runs the call as it is.
	BeforeToolCall func(ctx context.Context, call ToolCall) ToolCallDecision
	// AfterToolCall is called after a call ran (or was denied or answered
	// by BeforeToolCall), with its result text and error (a [*ToolError]
	// or nil). What it returns replaces them: return result, err to keep
	// them. A non-nil error makes the call failed; RunTools wraps it in a
	// [*ToolError] if it is not one.
	AfterToolCall func(ctx context.Context, call ToolCall, result string, err error) (string, error)
	// AfterModelCall is called after each chat request of the run, the
	// final answer included, with its usage, cost, generation id and
	// duration, or its error.
	AfterModelCall func(ctx context.Context, info ModelCallInfo)
	// OnRepeatedCall, when set, decides what the repeat guard
	// ([WithRepeatLimit]) does when the model makes the same call (same
	// function, same arguments) the limit's number of times in a row: nil
	// runs the call anyway, an error ends the run with it. When it is not
	// set, the run ends with an error matching [ErrRepeatedToolCall].
	OnRepeatedCall func(ctx context.Context, call ToolCall, times int) error
}

// ToolCallDecision is what a [RunHooks].BeforeToolCall hook decides about
// a call. Deny wins over Answered, which wins over Arguments.
type ToolCallDecision struct {
	// Arguments, when not empty, replaces the JSON arguments the handler
	// receives. The transcript keeps the model's call as it was.
	Arguments string
	// Deny, when not nil, fails the call with this error without running
	// the handler: the model gets "error: <Deny>" (or the run ends, with
	// [ToolErrorsReturn]). Errors.Is(err, ErrToolDenied) holds for the
	// [*ToolError].
	Deny error
	// Answered sends Answer to the model as the call's result without
	// running the handler.
	Answered bool
	// Answer is the result text sent when Answered is true.
	Answer string
}

// ModelCallInfo describes one chat request of [RunTools], for
// [RunHooks].AfterModelCall.
type ModelCallInfo struct {
	// Step is the index of the request in the run, from 0.
	Step int
	// Final is true for the tool-free request sent after a stop
	// ([WithFinalAnswer]).
	Final bool
	// Response is the response, nil when Err is not nil.
	Response *ChatResponse
	// Tokens is the response's usage (zero when it reports none).
	Tokens Tokens
	// Cost is the reported cost; CostReported is false when there is none.
	Cost         float64
	CostReported bool
	// GenerationID is the response's generation id (for Generations.Get).
	GenerationID string
	// Duration is how long the request took, retries and the whole stream
	// included.
	Duration time.Duration
	// Err is the request's error, or nil.
	Err error
}

var (
	// ErrToolDenied matches the [*ToolError] of a call that a
	// [RunHooks].BeforeToolCall hook denied.
	ErrToolDenied = errors.New("tool call denied")
	// ErrToolPanicked matches the [*ToolError] of a call whose handler
	// panicked; the error text carries the panic value.
	ErrToolPanicked = errors.New("tool handler panicked")
	// ErrRepeatedToolCall is matched by the error [RunTools] returns when
	// the model made the same call (same function, same arguments) the
	// [WithRepeatLimit] number of times in a row.
	ErrRepeatedToolCall = errors.New("openrouter: the model repeats the same tool call")
)

// DefaultRepeatLimit is the number of identical calls in a row that ends
// a [RunTools] run unless [WithRepeatLimit] says otherwise.
const DefaultRepeatLimit = 3
