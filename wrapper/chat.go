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
	// ToolCallDelta is a piece of a tool call in a [ChatChunk]: the
	// call's Index, and its ID, name and a fragment of its arguments as
	// they arrive. A [ChatAccumulator] joins them into [ToolCall] values.
	ToolCallDelta = gen.ChatStreamToolCall
	// ChatMessage is one message of a conversation (a union of the roles).
	ChatMessage = gen.ChatMessage
)

// ChatResponse is the result of Chat.Send and of a [ChatAccumulator]: the
// generated gen.ChatResponse, whose fields it promotes, plus helper methods.
type ChatResponse struct {
	gen.ChatResponse
}

// ChatChunk is one event of Chat.Stream: the generated gen.ChatChunk,
// whose fields it promotes, plus helper methods that read its first
// choice (see "Stream events" in the package documentation).
type ChatChunk struct {
	gen.ChatChunk
}

func (c ChatChunk) first() *gen.ChatStreamChoice {
	if len(c.Choices) == 0 {
		return nil
	}
	return &c.Choices[0]
}

// TextDelta returns the content the chunk adds to the first choice; ok is
// false when it adds none.
func (c ChatChunk) TextDelta() (text string, ok bool) {
	if ch := c.first(); ch != nil && ch.Delta.Content != "" {
		return ch.Delta.Content, true
	}
	return "", false
}

// Text returns the content the chunk adds to the first choice, "" if none.
func (c ChatChunk) Text() string {
	t, _ := c.TextDelta()
	return t
}

// Reasoning returns the reasoning text the chunk adds to the first
// choice, "" if none.
func (c ChatChunk) Reasoning() string {
	if ch := c.first(); ch != nil {
		return ch.Delta.Reasoning
	}
	return ""
}

// FinishReason returns why the first choice ended, such as "stop" or
// "tool_calls", on the chunk that ends it; "" on the others.
func (c ChatChunk) FinishReason() string {
	if ch := c.first(); ch != nil && ch.FinishReason != nil {
		return string(*ch.FinishReason)
	}
	return ""
}

// ToolCallDeltas returns the pieces of tool calls the chunk adds to the
// first choice; nil if none. Pieces of one call share an Index; fold
// them with a [ChatAccumulator] to get whole calls.
func (c ChatChunk) ToolCallDeltas() []ToolCallDelta {
	if ch := c.first(); ch != nil {
		return ch.Delta.ToolCalls
	}
	return nil
}

// Cost returns the cost the chunk reports, in credits (US dollars); ok is
// false when it reports none (only the last chunk of a stream does).
func (c ChatChunk) Cost() (usd float64, ok bool) {
	return chatCost(c.Usage)
}

// Tokens returns the token counts the chunk reports; ok is false when it
// has no usage (only the last chunk of a stream has).
func (c ChatChunk) Tokens() (t Tokens, ok bool) {
	return chatTokens(c.Usage)
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
	return unionOf((*ChatMessage).FromChatAssistantMessage, am)
}

// Cost returns what the request cost in credits (US dollars), as reported
// in the usage; ok is false when the response reports no cost, which
// tells a free request (0, true) from an unreported cost (0, false).
func (r *ChatResponse) Cost() (usd float64, ok bool) {
	if r == nil {
		return 0, false
	}
	return chatCost(r.Usage)
}

// Tokens returns the token counts of the usage; ok is false when the
// response has no usage.
func (r *ChatResponse) Tokens() (t Tokens, ok bool) {
	if r == nil {
		return Tokens{}, false
	}
	return chatTokens(r.Usage)
}

func chatCost(u *gen.ChatUsage) (float64, bool) {
	if u == nil || u.Cost == nil {
		return 0, false
	}
	return *u.Cost, true
}

func chatTokens(u *gen.ChatUsage) (Tokens, bool) {
	if u == nil {
		return Tokens{}, false
	}
	t := Tokens{Input: u.PromptTokens, Output: u.CompletionTokens, Total: u.TotalTokens}
	if d := u.CompletionTokensDetails; d != nil && d.ReasoningTokens != nil {
		t.Reasoning = *d.ReasoningTokens
	}
	if d := u.PromptTokensDetails; d != nil && d.CachedTokens != nil {
		t.CachedInput = *d.CachedTokens
	}
	return t, true
}

// GenerationID returns the id of the generation, the key of
// Generations.Get for its full statistics.
func (r *ChatResponse) GenerationID() string {
	if r == nil {
		return ""
	}
	return r.ID
}
