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
	// order, with their results; empty for the final answer.
	ToolCalls []ToolCallResult
	// Final is true for the tool-free request sent after a stop
	// ([WithFinalAnswer]).
	Final bool
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
	result = &RunResult{}
	used := false
	steps = func(yield func(*RunStep, error) bool) {
		if used {
			yield(nil, errors.New("openrouter: RunToolsSteps: the steps were already ranged over"))
			return
		}
		used = true
		stopped := false
		res, err := runTools(ctx, client, req, handlers, opts, func(st *RunStep) bool {
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
