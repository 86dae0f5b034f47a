package openrouter

import (
	"github.com/gopenrouter/openrouter/gen"
)

// Effort is how hard a reasoning model thinks before it answers; pass it
// to [Reasoning] or [ResponsesReasoning].
type Effort = gen.ChatRequestReasoningEffort

// The reasoning efforts, from none to max. Models that do not support the
// requested level use the nearest one.
const (
	EffortNone    Effort = gen.ChatRequestReasoningEffortNone
	EffortMinimal Effort = gen.ChatRequestReasoningEffortMinimal
	EffortLow     Effort = gen.ChatRequestReasoningEffortLow
	EffortMedium  Effort = gen.ChatRequestReasoningEffortMedium
	EffortHigh    Effort = gen.ChatRequestReasoningEffortHigh
	EffortXHigh   Effort = gen.ChatRequestReasoningEffortXhigh
	EffortMax     Effort = gen.ChatRequestReasoningEffortMax
)

// ReasoningSummary is how detailed a summary of its reasoning the model
// returns: [SummaryAuto], [SummaryConcise] or [SummaryDetailed].
type ReasoningSummary = gen.ChatReasoningSummaryVerbosityEnum

// The reasoning summary levels.
const (
	SummaryAuto     ReasoningSummary = gen.ChatReasoningSummaryVerbosityEnumAuto
	SummaryConcise  ReasoningSummary = gen.ChatReasoningSummaryVerbosityEnumConcise
	SummaryDetailed ReasoningSummary = gen.ChatReasoningSummaryVerbosityEnumDetailed
)

// ChatReasoning is [ChatRequest].Reasoning; build it with [Reasoning].
type ChatReasoning = gen.ChatRequestReasoning

// ResponsesReasoningConfig is [ResponsesRequest].Reasoning; build it with
// [ResponsesReasoning] or [ResponsesReasoningBudget].
type ResponsesReasoningConfig = gen.ReasoningConfig

// Reasoning returns the reasoning settings of a chat request at the given
// effort, with a reasoning summary at the first of summary if one is
// given:
//
//	req.Reasoning = openrouter.Reasoning(openrouter.EffortHigh)
//	req.Reasoning = openrouter.Reasoning(openrouter.EffortLow, openrouter.SummaryConcise)
//
// OpenRouter's published spec gives the chat request's reasoning object
// effort and summary only, no max_tokens and no exclude; a token budget is
// a Responses setting ([ResponsesReasoningBudget]). To send a field the
// spec lacks, replace the whole object with [WithExtraBody]:
//
//	openrouter.WithExtraBody(map[string]any{"reasoning": map[string]any{"max_tokens": 2000, "exclude": true}})
func Reasoning(effort Effort, summary ...ReasoningSummary) *ChatReasoning {
	return &ChatReasoning{Effort: effort, Summary: first(summary)}
}

// ResponsesReasoning returns the reasoning settings of a Responses
// request at the given effort, with a summary at the first of summary if
// one is given.
func ResponsesReasoning(effort Effort, summary ...ReasoningSummary) *ResponsesReasoningConfig {
	return &ResponsesReasoningConfig{
		Effort:  gen.ReasoningEffort(effort),
		Summary: gen.ReasoningSummaryVerbosity(first(summary)),
	}
}

// ResponsesReasoningBudget returns the reasoning settings of a Responses
// request that turn reasoning on with a budget of maxTokens reasoning
// tokens (Anthropic and Gemini thinking models take a budget rather than
// an effort).
func ResponsesReasoningBudget(maxTokens int) *ResponsesReasoningConfig {
	return &ResponsesReasoningConfig{Enabled: Ptr(true), MaxTokens: &maxTokens}
}

// ResponsesReasoningOff returns the reasoning settings of a Responses
// request that turn reasoning off, for models where it is optional.
func ResponsesReasoningOff() *ResponsesReasoningConfig {
	return &ResponsesReasoningConfig{Enabled: Ptr(false)}
}

// Thinking is [MessagesRequest].Thinking; build it with [ThinkingBudget],
// [ThinkingAdaptive] or [ThinkingOff].
type Thinking = gen.MessagesRequestThinking

// ThinkingBudget turns on extended thinking for a Messages request, with
// a budget of budgetTokens thinking tokens (Anthropic requires at least
// 1024, and fewer than max_tokens).
func ThinkingBudget(budgetTokens int) *Thinking {
	var t Thinking
	_ = t.FromMessagesRequestThinkingEnabled(gen.MessagesRequestThinkingEnabled{
		Type: gen.MessagesRequestThinkingEnabledTypeEnabled, BudgetTokens: budgetTokens,
	})
	return &t
}

// ThinkingAdaptive lets the model decide how much to think in a Messages
// request.
func ThinkingAdaptive() *Thinking {
	t := unionOf((*Thinking).FromMessagesRequestThinkingAdaptive, gen.MessagesRequestThinkingAdaptive{Type: gen.MessagesRequestThinkingAdaptiveTypeAdaptive})
	return &t
}

// ThinkingOff turns extended thinking off in a Messages request.
func ThinkingOff() *Thinking {
	t := unionOf((*Thinking).FromMessagesRequestThinkingDisabled, gen.MessagesRequestThinkingDisabled{Type: gen.MessagesRequestThinkingDisabledTypeDisabled})
	return &t
}
