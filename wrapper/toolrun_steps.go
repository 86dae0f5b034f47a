package openrouter

import (
	"context"
	"errors"
	"iter"
)

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
