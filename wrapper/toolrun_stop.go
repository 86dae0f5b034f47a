package openrouter

import (
	"slices"
)

// StopCondition decides, after each step of [RunTools] whose tool calls
// were answered, whether the run stops there. It receives the run so far:
// steps, cost, tokens, the responses and the answered tool calls. Pass
// conditions with [WithStopWhen]; combine them with [StopAny] and
// [StopAll], or write your own function.
//
// A stop is not an error: RunTools returns a nil error and sets
// [RunResult].Stopped. Unless [WithFinalAnswer](false), it first sends one
// more request that forbids tools, so that the result ends with an answer.
type StopCondition func(run *RunResult) bool

// StopAfterSteps stops the run once n chat requests were sent (the final
// answer, if any, is one more). Unlike [WithMaxSteps], it is not an error.
func StopAfterSteps(n int) StopCondition {
	return func(r *RunResult) bool { return r.Steps >= n }
}

// StopWhenToolCalled stops the run after a step in which the model called
// one of the named functions (its calls are answered first). With no
// names, any tool call stops the run.
func StopWhenToolCalled(names ...string) StopCondition {
	return func(r *RunResult) bool {
		for i := len(r.ToolCalls) - 1; i >= 0 && r.ToolCalls[i].Step == r.Steps-1; i-- {
			if len(names) == 0 || slices.Contains(names, r.ToolCalls[i].Call.Function.Name) {
				return true
			}
		}
		return false
	}
}

// StopAfterTokens stops the run once the responses' total token counts
// ([RunResult].Tokens.Total) add up to n or more.
func StopAfterTokens(n int) StopCondition {
	return func(r *RunResult) bool { return r.Tokens.Total >= n }
}

// StopAfterCost stops the run once the reported costs add up to usd or
// more. Unlike [WithMaxCost], it is not an error.
func StopAfterCost(usd float64) StopCondition {
	return func(r *RunResult) bool { return r.Cost >= usd }
}

// StopOnFinishReason stops the run when the last response's finish reason
// is one of reasons (such as "length").
func StopOnFinishReason(reasons ...string) StopCondition {
	return func(r *RunResult) bool { return slices.Contains(reasons, r.Response.FinishReason()) }
}

// StopAny stops the run when any of conds does (nil entries are ignored).
func StopAny(conds ...StopCondition) StopCondition {
	return func(r *RunResult) bool {
		for _, c := range conds {
			if c != nil && c(r) {
				return true
			}
		}
		return false
	}
}

// StopAll stops the run when all of conds do (nil entries are ignored;
// with none, it never stops).
func StopAll(conds ...StopCondition) StopCondition {
	return func(r *RunResult) bool {
		n := 0
		for _, c := range conds {
			if c == nil {
				continue
			}
			if !c(r) {
				return false
			}
			n++
		}
		return n > 0
	}
}
