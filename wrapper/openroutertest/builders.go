package openroutertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Usage is the token count and cost of a built answer. Zero fields are
// computed: the completion tokens count one per word of the output, the
// total is the sum, and the cost follows the fake model's prices.
type Usage struct {
	PromptTokens     int
	CompletionTokens int
	ReasoningTokens  int
	CachedTokens     int
	// Cost is the cost in credits (dollars).
	Cost float64
}

func (u Usage) fill(output ...string) Usage {
	if u.PromptTokens == 0 {
		u.PromptTokens = 1
	}
	if u.CompletionTokens == 0 {
		u.CompletionTokens = countWords(output...)
	}
	if u.Cost == 0 {
		u.Cost = cost(u.PromptTokens, u.CompletionTokens)
	}
	return u
}

func (u Usage) chat() obj {
	return obj{
		"prompt_tokens":             u.PromptTokens,
		"completion_tokens":         u.CompletionTokens,
		"total_tokens":              u.PromptTokens + u.CompletionTokens,
		"cost":                      u.Cost,
		"is_byok":                   false,
		"prompt_tokens_details":     obj{"cached_tokens": u.CachedTokens, "audio_tokens": 0},
		"completion_tokens_details": obj{"reasoning_tokens": u.ReasoningTokens},
		"cost_details": obj{
			"upstream_inference_cost":             nil,
			"upstream_inference_prompt_cost":      float64(u.PromptTokens) * promptPrice,
			"upstream_inference_completions_cost": float64(u.CompletionTokens) * completionPrice,
		},
	}
}

// reply is what the chat, Responses and Messages builders share.
type reply struct {
	id, model, provider string
	text                *string
	reasoning           string
	details             []any
	refusal             string
	calls               []ToolCall
	finish              string
	usage               Usage
	header              http.Header
}

func newReply(text string) reply {
	return reply{id: scriptedID, model: defaultModel, provider: fakeProvider, text: &text, header: http.Header{}}
}

func (r *reply) toolCalls() arr {
	tc := make(arr, 0, len(r.calls))
	for i, c := range r.calls {
		tc = append(tc, obj{"id": c.id(i), "type": "function", "function": obj{"name": c.Name, "arguments": c.args()}})
	}
	return tc
}

func (c ToolCall) id(i int) string {
	if c.ID != "" {
		return c.ID
	}
	return fmt.Sprintf("call_%d", i+1)
}

func (c ToolCall) args() string {
	if c.Arguments == "" {
		return "{}"
	}
	return c.Arguments
}

func (r *reply) outputs() []string {
	out := []string{r.reasoning, r.refusal}
	if r.text != nil {
		out = append(out, *r.text)
	}
	for _, c := range r.calls {
		out = append(out, c.Arguments)
	}
	return out
}

// ChatBuilder builds a chat completion answer of
// [OpSendChatCompletionRequest]; start one with [Chat]. Its methods change
// it and return it; [ChatBuilder.Response] returns the JSON answer and
// [ChatBuilder.Stream] the streamed one.
type ChatBuilder struct{ r reply }

// Chat starts a chat reply whose assistant message is text, with
// finish_reason "stop", provider FakeProvider, model openrouter/auto and
// a usage that counts one token per word.
func Chat(text string) *ChatBuilder { return &ChatBuilder{r: newReply(text)} }

// ID sets the generation id (also sent as X-Generation-Id).
func (b *ChatBuilder) ID(id string) *ChatBuilder { b.r.id = id; return b }

// Model sets the model that answered.
func (b *ChatBuilder) Model(model string) *ChatBuilder { b.r.model = model; return b }

// Provider sets the provider that answered.
func (b *ChatBuilder) Provider(name string) *ChatBuilder { b.r.provider = name; return b }

// Reasoning sets the message's reasoning text and, unless
// ReasoningDetails are set, one reasoning.text detail with it.
func (b *ChatBuilder) Reasoning(text string) *ChatBuilder { b.r.reasoning = text; return b }

// ReasoningDetails sets the message's reasoning_details: values such as
// gen.ReasoningDetailText or maps like {"type":"reasoning.encrypted","data":"..."}.
func (b *ChatBuilder) ReasoningDetails(details ...any) *ChatBuilder {
	b.r.details = details
	return b
}

// Refusal makes the message a refusal: content null, refusal text.
func (b *ChatBuilder) Refusal(text string) *ChatBuilder {
	b.r.refusal, b.r.text = text, nil
	return b
}

// ToolCalls makes the assistant call functions: content null (unless
// set again by Content) and finish_reason "tool_calls".
func (b *ChatBuilder) ToolCalls(calls ...ToolCall) *ChatBuilder {
	b.r.calls, b.r.text = calls, nil
	if b.r.finish == "" || b.r.finish == "stop" {
		b.r.finish = "tool_calls"
	}
	return b
}

// Content sets the message's text.
func (b *ChatBuilder) Content(text string) *ChatBuilder { b.r.text = &text; return b }

// FinishReason sets finish_reason, such as "length" or "content_filter".
func (b *ChatBuilder) FinishReason(reason string) *ChatBuilder { b.r.finish = reason; return b }

// Usage sets the usage and cost; zero fields are computed (see [Usage]).
func (b *ChatBuilder) Usage(u Usage) *ChatBuilder { b.r.usage = u; return b }

// Header sets a response header.
func (b *ChatBuilder) Header(key, value string) *ChatBuilder { b.r.header.Set(key, value); return b }

func (b *ChatBuilder) finish() string {
	if b.r.finish == "" {
		return "stop"
	}
	return b.r.finish
}

func (b *ChatBuilder) details() arr {
	if b.r.details != nil {
		return arr(b.r.details)
	}
	if b.r.reasoning != "" {
		return arr{obj{"type": "reasoning.text", "text": b.r.reasoning, "index": 0}}
	}
	return nil
}

// Response returns the JSON answer. Its Header is never nil.
func (b *ChatBuilder) Response() Response {
	r := &b.r
	msg := obj{"role": "assistant", "content": nil, "refusal": nil, "reasoning": nil}
	if r.text != nil {
		msg["content"] = *r.text
	}
	if r.refusal != "" {
		msg["refusal"] = r.refusal
	}
	if r.reasoning != "" {
		msg["reasoning"] = r.reasoning
	}
	if d := b.details(); d != nil {
		msg["reasoning_details"] = d
	}
	if len(r.calls) > 0 {
		msg["tool_calls"] = r.toolCalls()
	}
	body := chatCompletion(r.id, r.model, time.Now().Unix(), msg, b.finish(), r.usage.fill(r.outputs()...).chat())
	body["provider"] = r.provider
	return Response{JSON: body, Header: r.header.Clone()}
}

// Stream returns the streamed answer: a chunk with the role, the
// reasoning, the text cut into pieces at word boundaries (or the given
// pieces), the tool calls, a chunk with the finish reason, a chunk with
// the usage and no choices, then `data: [DONE]`. Use the StreamBuilder
// for keep-alives, pacing, errors and truncation.
func (b *ChatBuilder) Stream(pieces ...string) *StreamBuilder {
	r := &b.r
	now := time.Now().Unix()
	chunk := func(delta obj, finish any) obj {
		return obj{"id": r.id, "object": "chat.completion.chunk", "created": now, "model": r.model, "provider": r.provider,
			"choices": arr{obj{"index": 0, "delta": delta, "finish_reason": finish}}}
	}
	events := []any{chunk(obj{"role": "assistant", "content": ""}, nil)}
	if r.reasoning != "" || b.r.details != nil {
		d := obj{"reasoning": r.reasoning}
		if det := b.details(); det != nil {
			d["reasoning_details"] = det
		}
		events = append(events, chunk(d, nil))
	}
	if pieces == nil && r.text != nil {
		pieces = splitReply(*r.text)
	}
	for _, p := range pieces {
		events = append(events, chunk(obj{"content": p}, nil))
	}
	if r.refusal != "" {
		events = append(events, chunk(obj{"refusal": r.refusal}, nil))
	}
	for i, c := range r.calls {
		events = append(events, chunk(obj{"tool_calls": arr{obj{"index": i, "id": c.id(i), "type": "function",
			"function": obj{"name": c.Name, "arguments": c.args()}}}}, nil))
	}
	events = append(events, chunk(obj{"content": ""}, b.finish()))
	last := chunk(nil, nil)
	last["choices"] = arr{}
	last["usage"] = r.usage.fill(r.outputs()...).chat()
	events = append(events, last)
	return &StreamBuilder{op: OpSendChatCompletionRequest, st: Stream{Events: events}, header: r.header.Clone()}
}

// StreamBuilder builds a streamed answer with its faults; the builders'
// Stream methods start one. Its methods change it and return it;
// [StreamBuilder.Response] finishes it.
type StreamBuilder struct {
	op     OperationID
	st     Stream
	header http.Header
	status int
}

// KeepAlives writes the comment `: OPENROUTER PROCESSING` before each
// event, as OpenRouter does while a model is slow.
func (b *StreamBuilder) KeepAlives() *StreamBuilder { b.st.KeepAlives = true; return b }

// Pace waits d before each event after the first.
func (b *StreamBuilder) Pace(d time.Duration) *StreamBuilder { b.st.EventDelay = d; return b }

// ErrorAfter keeps the first n events and then sends e as the stream's
// error event (see [ErrorBuilder.Event]): a mid-stream error with n > 0,
// an error frame before any token with n = 0.
func (b *StreamBuilder) ErrorAfter(n int, e *ErrorBuilder) *StreamBuilder {
	if n < len(b.st.Events) {
		b.st.Events = b.st.Events[:n:n]
	}
	b.st.Error = e.Event(b.op)
	return b
}

// Truncate keeps the first n events and ends the body cleanly without
// `data: [DONE]`.
func (b *StreamBuilder) Truncate(n int) *StreamBuilder {
	if n < len(b.st.Events) {
		b.st.Events = b.st.Events[:n:n]
	}
	b.st.OmitDone = true
	return b
}

// ResetAfter drops the connection after n events.
func (b *StreamBuilder) ResetAfter(n int) *StreamBuilder { b.st.ResetAfter = n; return b }

// Header sets a response header.
func (b *StreamBuilder) Header(key, value string) *StreamBuilder { b.header.Set(key, value); return b }

// Response returns the answer. Its Header is never nil.
func (b *StreamBuilder) Response() Response {
	st := b.st
	st.Events = append([]any(nil), st.Events...)
	return Response{Status: b.status, Header: b.header.Clone(), Stream: &st}
}

// ResponsesBuilder builds an answer of [OpCreateResponses]; start one
// with [ResponsesReply].
type ResponsesBuilder struct{ r reply }

// ResponsesReply starts a Responses answer whose output is one message
// with text.
func ResponsesReply(text string) *ResponsesBuilder { return &ResponsesBuilder{r: newReply(text)} }

// ID sets the response id.
func (b *ResponsesBuilder) ID(id string) *ResponsesBuilder { b.r.id = id; return b }

// Model sets the model.
func (b *ResponsesBuilder) Model(model string) *ResponsesBuilder { b.r.model = model; return b }

// Reasoning adds a reasoning output item with the text as its summary.
func (b *ResponsesBuilder) Reasoning(text string) *ResponsesBuilder { b.r.reasoning = text; return b }

// FunctionCalls adds function_call output items (and no message unless
// Content sets one).
func (b *ResponsesBuilder) FunctionCalls(calls ...ToolCall) *ResponsesBuilder {
	b.r.calls, b.r.text = calls, nil
	return b
}

// Content sets the message's text.
func (b *ResponsesBuilder) Content(text string) *ResponsesBuilder { b.r.text = &text; return b }

// Usage sets the usage and cost; zero fields are computed.
func (b *ResponsesBuilder) Usage(u Usage) *ResponsesBuilder { b.r.usage = u; return b }

// Header sets a response header.
func (b *ResponsesBuilder) Header(key, value string) *ResponsesBuilder {
	b.r.header.Set(key, value)
	return b
}

func (b *ResponsesBuilder) body(status string, output arr, now int64) obj {
	r := &b.r
	u := r.usage.fill(r.outputs()...)
	body := obj{
		"id": r.id, "object": "response", "created_at": now, "completed_at": nil, "model": r.model,
		"status": status, "output": output, "error": nil, "incomplete_details": nil,
		"temperature": nil, "top_p": nil, "presence_penalty": nil, "frequency_penalty": nil,
		"instructions": nil, "metadata": nil, "tools": arr{}, "tool_choice": "auto",
		"parallel_tool_calls": true, "max_output_tokens": nil, "previous_response_id": nil,
	}
	if status == "completed" {
		body["completed_at"] = now
		body["usage"] = obj{
			"input_tokens": u.PromptTokens, "input_tokens_details": obj{"cached_tokens": u.CachedTokens},
			"output_tokens": u.CompletionTokens, "output_tokens_details": obj{"reasoning_tokens": u.ReasoningTokens},
			"total_tokens": u.PromptTokens + u.CompletionTokens, "cost": u.Cost, "is_byok": false,
		}
		if r.text != nil {
			body["output_text"] = *r.text
		}
	}
	return body
}

func (b *ResponsesBuilder) items() arr {
	r := &b.r
	var out arr
	if r.reasoning != "" {
		out = append(out, obj{"type": "reasoning", "id": "rs-fake-1", "summary": arr{obj{"type": "summary_text", "text": r.reasoning}}})
	}
	if r.text != nil {
		out = append(out, obj{"type": "message", "id": "msg-fake-1", "role": "assistant", "status": "completed",
			"content": arr{obj{"type": "output_text", "text": *r.text, "annotations": arr{}}}})
	}
	for i, c := range r.calls {
		out = append(out, obj{"type": "function_call", "id": fmt.Sprintf("fc-fake-%d", i+1), "call_id": c.id(i),
			"name": c.Name, "arguments": c.args(), "status": "completed"})
	}
	if out == nil {
		out = arr{}
	}
	return out
}

// Response returns the JSON answer. Its Header is never nil.
func (b *ResponsesBuilder) Response() Response {
	return Response{JSON: b.body("completed", b.items(), time.Now().Unix()), Header: b.r.header.Clone()}
}

// Stream returns the streamed answer: response.created, one
// response.output_text.delta per piece of the text, response.output_text.done
// and response.completed.
func (b *ResponsesBuilder) Stream(pieces ...string) *StreamBuilder {
	now := time.Now().Unix()
	seq := 0
	event := func(typ string, fields obj) obj {
		fields["type"], fields["sequence_number"] = typ, seq
		seq++
		return fields
	}
	events := []any{event("response.created", obj{"response": b.body("in_progress", arr{}, now)})}
	if b.r.text != nil {
		if pieces == nil {
			pieces = splitReply(*b.r.text)
		}
		for _, p := range pieces {
			events = append(events, event("response.output_text.delta", obj{"item_id": "msg-fake-1", "output_index": 0, "content_index": 0, "delta": p, "logprobs": arr{}}))
		}
		events = append(events, event("response.output_text.done", obj{"item_id": "msg-fake-1", "output_index": 0, "content_index": 0, "text": *b.r.text, "logprobs": arr{}}))
	}
	events = append(events, event("response.completed", obj{"response": b.body("completed", b.items(), now)}))
	return &StreamBuilder{op: OpCreateResponses, st: Stream{Events: events}, header: b.r.header.Clone()}
}

// MessagesBuilder builds an answer of [OpCreateMessages] (Anthropic's
// Messages API); start one with [MessagesReply].
type MessagesBuilder struct {
	r    reply
	stop string
}

// MessagesReply starts a Messages answer with one text block.
func MessagesReply(text string) *MessagesBuilder { return &MessagesBuilder{r: newReply(text)} }

// ID sets the message id.
func (b *MessagesBuilder) ID(id string) *MessagesBuilder { b.r.id = id; return b }

// Model sets the model.
func (b *MessagesBuilder) Model(model string) *MessagesBuilder { b.r.model = model; return b }

// Thinking adds a thinking block with the text before the answer.
func (b *MessagesBuilder) Thinking(text string) *MessagesBuilder { b.r.reasoning = text; return b }

// ToolUse adds tool_use blocks (Arguments is the JSON input) and sets the
// stop reason "tool_use".
func (b *MessagesBuilder) ToolUse(calls ...ToolCall) *MessagesBuilder {
	b.r.calls, b.r.text, b.stop = calls, nil, "tool_use"
	return b
}

// StopReason sets stop_reason, such as "max_tokens".
func (b *MessagesBuilder) StopReason(reason string) *MessagesBuilder { b.stop = reason; return b }

// Usage sets the usage and cost; zero fields are computed.
func (b *MessagesBuilder) Usage(u Usage) *MessagesBuilder { b.r.usage = u; return b }

// Header sets a response header.
func (b *MessagesBuilder) Header(key, value string) *MessagesBuilder {
	b.r.header.Set(key, value)
	return b
}

func (b *MessagesBuilder) blocks() arr {
	r := &b.r
	out := arr{}
	if r.reasoning != "" {
		out = append(out, obj{"type": "thinking", "thinking": r.reasoning, "signature": "sig-fake"})
	}
	if r.text != nil {
		out = append(out, obj{"type": "text", "text": *r.text, "citations": nil})
	}
	for i, c := range r.calls {
		var input any = obj{}
		if c.Arguments != "" {
			json.Unmarshal([]byte(c.Arguments), &input)
		}
		out = append(out, obj{"type": "tool_use", "id": c.id(i), "caller": obj{"type": "direct"}, "name": c.Name, "input": input})
	}
	return out
}

func (b *MessagesBuilder) stopReason() string {
	if b.stop == "" {
		return "end_turn"
	}
	return b.stop
}

// Response returns the JSON answer. Its Header is never nil.
func (b *MessagesBuilder) Response() Response {
	u := b.r.usage.fill(b.r.outputs()...)
	usage := anthropicUsage(u.PromptTokens, u.CompletionTokens)
	usage["cache_read_input_tokens"] = u.CachedTokens
	usage["cost"], usage["is_byok"] = u.Cost, false
	return Response{JSON: anthropicMessage(b.r.id, b.r.model, b.blocks(), b.stopReason(), usage), Header: b.r.header.Clone()}
}

// Stream returns the streamed answer: Anthropic's event sequence for a
// text reply (see [MessagesStream]), with the stop reason set.
func (b *MessagesBuilder) Stream(pieces ...string) *StreamBuilder {
	text := ""
	if b.r.text != nil {
		text = *b.r.text
	}
	if pieces == nil {
		pieces = splitReply(text)
	}
	u := b.r.usage.fill(b.r.outputs()...)
	st := messagesStream(b.r.id, b.r.model, pieces, u.PromptTokens, u.CompletionTokens)
	st.leadingComment = false
	for _, ev := range st.Events {
		if m := ev.(obj); m["type"] == "message_delta" {
			m["delta"].(obj)["stop_reason"] = b.stopReason()
		}
	}
	return &StreamBuilder{op: OpCreateMessages, st: *st, header: b.r.header.Clone()}
}
