package openrouter

import (
	"context"
	"net/http"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// ChatService sends chat completions. Get it from [Client].Chat.
type ChatService struct{ c *caller }

// Request and result types of the Chat methods.
type (
	// ChatRequest is the body of Chat.Send and Chat.Stream.
	ChatRequest = gen.ChatRequest
	// ChatChunk is one event of Chat.Stream.
	ChatChunk = gen.ChatChunk
	// ChatMessage is one message of a conversation (a union of the roles).
	ChatMessage = gen.ChatMessage
)

// ChatResponse is the result of Chat.Send and of a [ChatAccumulator]: the
// generated gen.ChatResponse, whose fields it promotes, plus helper methods.
type ChatResponse struct {
	gen.ChatResponse
}

// Send creates a chat completion and waits for the whole reply.
// It calls POST /chat/completions with stream unset; use Stream for
// incremental output. Errors: [*APIError] for non-2xx responses (see the
// Err* sentinels), [*DecodeError] for a body that does not decode.
func (s *ChatService) Send(ctx context.Context, req ChatRequest, opts ...Option) (*ChatResponse, error) {
	req.Stream = nil
	return doJSON[ChatResponse](ctx, s.c, "Chat.Send", opts, func(server string) (*http.Request, error) {
		return gen.NewSendChatCompletionRequestRequest(server, nil, req)
	})
}

// Stream creates a chat completion and returns its chunks as they are
// generated. It calls POST /chat/completions with stream set to true.
// Stream returns once the first chunk with output (content, reasoning, a
// tool call or a finish) has arrived. Errors before it are returned here
// and retried as for Send: HTTP errors, connection failures, and an error
// event sent before any output (a provider that failed after OpenRouter
// accepted the request). Errors after it end the stream: see [Stream].
// Fold the chunks into a response with a [ChatAccumulator].
func (s *ChatService) Stream(ctx context.Context, req ChatRequest, opts ...Option) (*Stream[ChatChunk], error) {
	req.Stream = &streamTrue
	kind := streamKind[ChatChunk]{decode: decodeChunk[ChatChunk], meaningful: chatChunkHasOutput}
	return doStream(ctx, s.c, "Chat.Stream", opts, kind, func(server string) (*http.Request, error) {
		return gen.NewSendChatCompletionRequestRequest(server, nil, req)
	})
}

// chatChunkHasOutput reports a chunk that gives the caller something:
// content, reasoning, a refusal, audio, a tool call or a finish reason.
func chatChunkHasOutput(c *ChatChunk) bool {
	for _, ch := range c.Choices {
		d := &ch.Delta
		if d.Content != "" || d.Reasoning != "" || d.Refusal != "" || d.Audio != nil ||
			len(d.ReasoningDetails) > 0 || len(d.ToolCalls) > 0 || ch.FinishReason != nil {
			return true
		}
	}
	return false
}

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
