package openrouter

import (
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// The helpers below read the first choice of a response, which is the only
// one unless the request asked for several. They return zero values for a
// nil response or one without choices.

func (r *ChatResponse) first() *gen.ChatAssistantMessage {
	if r == nil || len(r.Choices) == 0 {
		return nil
	}
	return &r.Choices[0].Message
}

// Text returns the content of the first choice's message: its text, or
// the text parts of a multi-part content joined together. It is empty
// when the model only called tools or refused.
func (r *ChatResponse) Text() string {
	m := r.first()
	if m == nil || m.Content == nil {
		return ""
	}
	return assistantText(*m.Content)
}

func assistantText(c gen.ChatAssistantMessageContent) string {
	if s, err := c.AsChatAssistantMessageContentString(); err == nil {
		return s
	}
	parts, err := c.AsChatAssistantContentParts()
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, p := range parts {
		if d, _ := p.Discriminator(); d != string(gen.ChatContentTextTypeText) {
			continue
		}
		if t, err := p.AsChatContentText(); err == nil {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// ToolCalls returns the function calls the first choice asks for, in
// order; nil when there are none.
func (r *ChatResponse) ToolCalls() []ToolCall {
	if m := r.first(); m != nil {
		return m.ToolCalls
	}
	return nil
}

// Reasoning returns the reasoning text of the first choice, for models
// that report it; empty otherwise.
func (r *ChatResponse) Reasoning() string {
	if m := r.first(); m != nil {
		return m.Reasoning
	}
	return ""
}

// Refusal returns the first choice's refusal message, if the model
// declined to answer.
func (r *ChatResponse) Refusal() string {
	if m := r.first(); m != nil {
		return m.Refusal
	}
	return ""
}

// FinishReason returns why the first choice ended, such as "stop",
// "length" or "tool_calls"; empty when not reported.
func (r *ChatResponse) FinishReason() string {
	if r == nil || len(r.Choices) == 0 || r.Choices[0].FinishReason == nil {
		return ""
	}
	return string(*r.Choices[0].FinishReason)
}

// Message returns the first choice's message as a [ChatMessage], to append
// to the conversation before the next request (with its tool calls, if
// any). It is the zero ChatMessage for a response without choices.
func (r *ChatResponse) Message() ChatMessage {
	m := r.first()
	if m == nil {
		return ChatMessage{}
	}
	am := *m
	am.Role = gen.ChatAssistantMessageRoleAssistant
	var msg ChatMessage
	_ = msg.FromChatAssistantMessage(am)
	return msg
}

// Cost returns what the request cost in credits (US dollars), as reported
// in the usage; 0 when the response has no cost.
func (r *ChatResponse) Cost() float64 {
	if r == nil || r.Usage == nil || r.Usage.Cost == nil {
		return 0
	}
	return *r.Usage.Cost
}

// PromptTokens returns the number of input tokens the usage reports.
func (r *ChatResponse) PromptTokens() int {
	if r == nil || r.Usage == nil {
		return 0
	}
	return r.Usage.PromptTokens
}

// CompletionTokens returns the number of output tokens the usage reports,
// reasoning included.
func (r *ChatResponse) CompletionTokens() int {
	if r == nil || r.Usage == nil {
		return 0
	}
	return r.Usage.CompletionTokens
}

// TotalTokens returns the total number of tokens the usage reports.
func (r *ChatResponse) TotalTokens() int {
	if r == nil || r.Usage == nil {
		return 0
	}
	return r.Usage.TotalTokens
}

// GenerationID returns the id of the generation, the key of
// Generations.Get for its full statistics.
func (r *ChatResponse) GenerationID() string {
	if r == nil {
		return ""
	}
	return r.ID
}
