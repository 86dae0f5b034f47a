package otelopenrouter

import (
	"encoding/json"
	"strings"

	"go.opentelemetry.io/otel/attribute"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// summary is what a span reports of a call's answer, read from its result
// or folded from its stream's events.
type summary struct {
	model, id, provider string
	finish              []string
	hasUsage            bool
	input, output       int64
	reasoning, cached   *int
	hasCost             bool
	cost                float64

	// Content, with WithContent only: the text and tool calls of each
	// choice.
	choices []choiceContent
}

type choiceContent struct {
	text   []byte
	calls  []toolCallPart
	finish string
}

type toolCallPart struct {
	ID        string
	Name      string
	Arguments []byte
}

func (s *summary) choice(i int) *choiceContent {
	for len(s.choices) <= i {
		s.choices = append(s.choices, choiceContent{})
	}
	return &s.choices[i]
}

func (s *summary) setCost(c *float64) {
	if c != nil {
		s.hasCost, s.cost = true, *c
	}
}

// addResult reads the result of a JSON call.
func (s *summary) addResult(result any, content bool) {
	switch r := result.(type) {
	case *openrouter.ChatResponse:
		s.model, s.id, s.provider = r.Model, r.ID, r.Provider
		for _, ch := range r.Choices {
			if ch.FinishReason != nil {
				s.finish = append(s.finish, string(*ch.FinishReason))
			}
		}
		if content {
			s.chatContent(r)
		}
		if u := r.Usage; u != nil {
			s.hasUsage, s.input, s.output = true, int64(u.PromptTokens), int64(u.CompletionTokens)
			if d := u.CompletionTokensDetails; d != nil {
				s.reasoning = d.ReasoningTokens
			}
			if d := u.PromptTokensDetails; d != nil {
				s.cached = d.CachedTokens
			}
			s.setCost(u.Cost)
		}
	case *openrouter.CompletionResponse:
		s.addCompletion(r, content)
	case *openrouter.ResponsesResult:
		s.model, s.id = r.Model, r.ID
		s.finish = append(s.finish, string(r.Status))
		if u := r.Usage; u != nil {
			s.hasUsage, s.input, s.output = true, int64(u.InputTokens), int64(u.OutputTokens)
			s.setCost(u.Cost)
		}
		if content && r.OutputText != "" {
			c := s.choice(0)
			c.text = append(c.text, r.OutputText...)
		}
	case *openrouter.MessagesResult:
		s.model, s.id = r.Model, r.ID
		if r.Provider != "" {
			s.provider = string(r.Provider)
		}
		if r.StopReason != nil {
			s.finish = append(s.finish, string(*r.StopReason))
		}
		s.hasUsage, s.input, s.output = true, int64(r.Usage.InputTokens), int64(r.Usage.OutputTokens)
		s.cached = r.Usage.CacheReadInputTokens
		s.setCost(r.Usage.Cost)
		if content {
			c := s.choice(0)
			c.text = append(c.text, r.Text()...)
		}
	case *openrouter.EmbeddingsResponse:
		s.model = r.Model
		if r.ID != "" {
			s.id = r.ID
		}
		if u := r.Usage; u != nil {
			s.hasUsage, s.input = true, int64(u.PromptTokens)
			s.setCost(u.Cost)
		}
	}
}

// chatContent keeps the message of each choice.
func (s *summary) chatContent(r *openrouter.ChatResponse) {
	for i, ch := range r.Choices {
		c := s.choice(i)
		if ch.FinishReason != nil {
			c.finish = string(*ch.FinishReason)
		}
		one := openrouter.ChatResponse{}
		one.Choices = r.Choices[i : i+1]
		c.text = append(c.text, one.Text()...)
		for _, tc := range ch.Message.ToolCalls {
			p := toolCallPart{ID: tc.ID, Name: tc.Function.Name}
			p.Arguments = append(p.Arguments, tc.Function.Arguments...)
			c.calls = append(c.calls, p)
		}
	}
}

func (s *summary) addCompletion(r *openrouter.CompletionResponse, content bool) {
	s.model, s.id = r.Model, r.ID
	if r.Provider != "" {
		s.provider = r.Provider
	}
	for _, ch := range r.Choices {
		if ch.FinishReason != nil {
			s.finish = append(s.finish, string(*ch.FinishReason))
		}
		if content {
			c := s.choice(ch.Index)
			c.text = append(c.text, ch.Text...)
			if ch.FinishReason != nil {
				c.finish = string(*ch.FinishReason)
			}
		}
	}
	if u := r.Usage; u != nil {
		s.hasUsage, s.input, s.output = true, int64(u.PromptTokens), int64(u.CompletionTokens)
	}
}

// addEvent folds one stream event.
func (s *summary) addEvent(ev any, content bool) {
	switch c := ev.(type) {
	case *openrouter.ChatChunk:
		if c.Model != "" {
			s.model = c.Model
		}
		if c.ID != "" {
			s.id = c.ID
		}
		if c.Provider != "" {
			s.provider = c.Provider
		}
		for _, ch := range c.Choices {
			if ch.FinishReason != nil {
				s.finish = append(s.finish, string(*ch.FinishReason))
			}
			if !content {
				continue
			}
			cc := s.choice(ch.Index)
			cc.text = append(cc.text, ch.Delta.Content...)
			if ch.FinishReason != nil {
				cc.finish = string(*ch.FinishReason)
			}
			for _, tc := range ch.Delta.ToolCalls {
				for len(cc.calls) <= tc.Index {
					cc.calls = append(cc.calls, toolCallPart{})
				}
				p := &cc.calls[tc.Index]
				if tc.ID != "" {
					p.ID = tc.ID
				}
				if tc.Function != nil {
					if tc.Function.Name != "" {
						p.Name = tc.Function.Name
					}
					if tc.Function.Arguments != "" {
						p.Arguments = append(p.Arguments, tc.Function.Arguments...)
					}
				}
			}
		}
		if u := c.Usage; u != nil {
			s.hasUsage, s.input, s.output = true, int64(u.PromptTokens), int64(u.CompletionTokens)
			if d := u.CompletionTokensDetails; d != nil {
				s.reasoning = d.ReasoningTokens
			}
			if d := u.PromptTokensDetails; d != nil {
				s.cached = d.CachedTokens
			}
			s.setCost(u.Cost)
		}
	case *openrouter.CompletionChunk:
		s.addCompletion(c, content)
	}
}

// attributes are the span attributes of the answer.
func (s *summary) attributes(content bool) []attribute.KeyValue {
	var a []attribute.KeyValue
	if s.model != "" {
		a = append(a, keyResponseModel.String(s.model))
	}
	if s.id != "" {
		a = append(a, keyResponseID.String(s.id))
	}
	if s.provider != "" {
		a = append(a, keyProvider.String(s.provider))
	}
	if len(s.finish) > 0 {
		a = append(a, keyFinishReasons.StringSlice(s.finish))
	}
	if s.hasUsage {
		a = append(a, keyInputTokens.Int64(s.input), keyOutputTokens.Int64(s.output))
		if s.reasoning != nil {
			a = append(a, keyReasoningTokens.Int(*s.reasoning))
		}
		if s.cached != nil {
			a = append(a, keyCacheReadTokens.Int(*s.cached))
		}
	}
	if s.hasCost {
		a = append(a, keyCost.Float64(s.cost))
	}
	if content && len(s.choices) > 0 {
		a = append(a, keyOutputMessages.String(s.outputMessages()))
	}
	return a
}

// The content attributes hold JSON in the shape the GenAI conventions
// give gen_ai.input.messages and gen_ai.output.messages: messages with a
// role and parts.

type part struct {
	Type      string          `json:"type"`
	Content   string          `json:"content,omitempty"`
	ID        string          `json:"id,omitempty"`
	Name      string          `json:"name,omitempty"`
	Arguments json.RawMessage `json:"arguments,omitempty"`
	Response  string          `json:"response,omitempty"`
}

type message struct {
	Role         string `json:"role"`
	Parts        []part `json:"parts"`
	FinishReason string `json:"finish_reason,omitempty"`
}

// args is a tool call's arguments as JSON, or as a JSON string when they
// are not valid JSON (a stream cut short).
func args(s string) json.RawMessage {
	if json.Valid([]byte(s)) {
		return json.RawMessage(s)
	}
	b, _ := json.Marshal(s)
	return b
}

func (s *summary) outputMessages() string {
	msgs := make([]message, 0, len(s.choices))
	for i := range s.choices {
		c := &s.choices[i]
		m := message{Role: "assistant", Parts: []part{}, FinishReason: c.finish}
		if t := string(c.text); t != "" {
			m.Parts = append(m.Parts, part{Type: "text", Content: t})
		}
		for j := range c.calls {
			p := &c.calls[j]
			m.Parts = append(m.Parts, part{Type: "tool_call", ID: p.ID, Name: p.Name, Arguments: args(string(p.Arguments))})
		}
		msgs = append(msgs, m)
	}
	b, _ := json.Marshal(msgs)
	return string(b)
}

// inputMessages converts the messages of a request body (chat and
// Messages API "messages", a completion's "prompt", a Responses "input"
// string) to the conventions' shape. Parts other than text (images,
// files, audio) are recorded by their type alone.
func inputMessages(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	var req struct {
		Messages []struct {
			Role       string          `json:"role"`
			Content    json.RawMessage `json:"content"`
			ToolCallID string          `json:"tool_call_id"`
			ToolCalls  []struct {
				ID       string `json:"id"`
				Function struct {
					Name      string `json:"name"`
					Arguments string `json:"arguments"`
				} `json:"function"`
			} `json:"tool_calls"`
		} `json:"messages"`
		Prompt json.RawMessage `json:"prompt"`
		Input  json.RawMessage `json:"input"`
	}
	if json.Unmarshal(body, &req) != nil {
		return ""
	}
	var msgs []message
	for _, m := range req.Messages {
		out := message{Role: m.Role, Parts: []part{}}
		text, others := contentParts(m.Content)
		if m.Role == "tool" {
			out.Parts = append(out.Parts, part{Type: "tool_call_response", ID: m.ToolCallID, Response: text})
		} else {
			if text != "" {
				out.Parts = append(out.Parts, part{Type: "text", Content: text})
			}
			out.Parts = append(out.Parts, others...)
		}
		for _, tc := range m.ToolCalls {
			out.Parts = append(out.Parts, part{Type: "tool_call", ID: tc.ID, Name: tc.Function.Name, Arguments: args(tc.Function.Arguments)})
		}
		msgs = append(msgs, out)
	}
	if len(msgs) == 0 {
		for _, raw := range []json.RawMessage{req.Prompt, req.Input} {
			var s string
			if json.Unmarshal(raw, &s) == nil && s != "" {
				msgs = append(msgs, message{Role: "user", Parts: []part{{Type: "text", Content: s}}})
			}
		}
	}
	if len(msgs) == 0 {
		return ""
	}
	b, _ := json.Marshal(msgs)
	return string(b)
}

// contentParts reads a message content, a string or a list of parts: the
// text of its text parts, and the other parts by type.
func contentParts(raw json.RawMessage) (string, []part) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if json.Unmarshal(raw, &parts) != nil {
		return "", nil
	}
	var b strings.Builder
	var others []part
	for _, p := range parts {
		if p.Type == "text" {
			b.WriteString(p.Text)
		} else {
			others = append(others, part{Type: p.Type})
		}
	}
	return b.String(), others
}
