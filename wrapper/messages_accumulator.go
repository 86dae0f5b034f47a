package openrouter

import (
	"encoding/json"
	"maps"
	"strings"
)

// MessagesAccumulator folds the events of a Messages stream into the
// [MessagesResult] that Messages.Send would have returned: the message of
// message_start, each content block with its deltas joined (text,
// thinking, signature, citations, and tool input JSON decoded at the
// block's end), and the stop reason and usage of message_delta. Fields
// the SDK does not know are kept. The zero value is ready to use; it is
// not safe for concurrent use.
//
//	var acc openrouter.MessagesAccumulator
//	for ev, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		acc.Add(ev)
//		if use, ok := acc.JustFinishedToolUse(); ok {
//			fmt.Println("run", use.Name, use.Input)
//		}
//	}
//	msg := acc.Result()
//	fmt.Println(msg.Text(), msg.StopReason)
type MessagesAccumulator struct {
	message map[string]any
	blocks  []*messagesBlock
	events  int
	// just is the block that the latest event (content_block_stop)
	// finished, for the JustFinished methods.
	just map[string]any
}

type messagesBlock struct {
	fields map[string]any
	text   map[string]*strings.Builder // text, thinking, signature
	input  strings.Builder             // partial tool input JSON
	hasIn  bool
}

// Add folds one event into the accumulated message.
func (a *MessagesAccumulator) Add(ev MessagesStreamEvent) {
	a.events++
	a.just = nil
	raw, err := ev.MarshalJSON()
	if err != nil {
		return
	}
	var e struct {
		Message      map[string]any  `json:"message"`
		Index        int             `json:"index"`
		ContentBlock map[string]any  `json:"content_block"`
		Delta        json.RawMessage `json:"delta"`
		Usage        map[string]any  `json:"usage"`
	}
	if json.Unmarshal(raw, &e) != nil {
		return
	}
	switch ev.Type() {
	case MessagesEventMessageStart:
		a.message = e.Message
	case MessagesEventContentBlockStart:
		for len(a.blocks) <= e.Index {
			a.blocks = append(a.blocks, &messagesBlock{fields: map[string]any{}, text: map[string]*strings.Builder{}})
		}
		b := a.blocks[e.Index]
		b.fields = nonNilMap(e.ContentBlock)
	case MessagesEventContentBlockDelta:
		if e.Index >= len(a.blocks) {
			return
		}
		a.blocks[e.Index].addDelta(e.Delta)
	case MessagesEventContentBlockStop:
		if e.Index < len(a.blocks) {
			b := a.blocks[e.Index]
			b.finishInput()
			a.just = b.value()
		}
	case MessagesEventMessageDelta:
		if a.message == nil {
			a.message = map[string]any{}
		}
		var d map[string]any
		_ = json.Unmarshal(e.Delta, &d)
		maps.Copy(a.message, d)
		if e.Usage != nil {
			u, _ := a.message["usage"].(map[string]any)
			if u == nil {
				u = map[string]any{}
			}
			for k, v := range e.Usage {
				if v != nil {
					u[k] = v
				}
			}
			a.message["usage"] = u
		}
	}
}

func nonNilMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func (b *messagesBlock) addDelta(raw json.RawMessage) {
	var d struct {
		Type        string         `json:"type"`
		Text        string         `json:"text"`
		Thinking    string         `json:"thinking"`
		Signature   string         `json:"signature"`
		PartialJSON string         `json:"partial_json"`
		Citation    map[string]any `json:"citation"`
	}
	if json.Unmarshal(raw, &d) != nil {
		return
	}
	add := func(field, s string) {
		w := b.text[field]
		if w == nil {
			w = &strings.Builder{}
			if prev, ok := b.fields[field].(string); ok {
				w.WriteString(prev)
			}
			b.text[field] = w
		}
		w.WriteString(s)
	}
	switch d.Type {
	case "text_delta":
		add("text", d.Text)
	case "thinking_delta":
		add("thinking", d.Thinking)
	case "signature_delta":
		add("signature", d.Signature)
	case "input_json_delta":
		b.input.WriteString(d.PartialJSON)
		b.hasIn = true
	case "citations_delta":
		cs, _ := b.fields["citations"].([]any)
		b.fields["citations"] = append(cs, d.Citation)
	}
}

// finishInput decodes the tool input sent in pieces, once it is whole.
func (b *messagesBlock) finishInput() {
	if !b.hasIn {
		return
	}
	var in any
	if s := strings.TrimSpace(b.input.String()); s == "" {
		in = map[string]any{}
	} else if json.Unmarshal([]byte(s), &in) != nil {
		return
	}
	b.fields["input"] = in
	b.hasIn = false
}

// value returns the block as accumulated so far, as its JSON object.
func (b *messagesBlock) value() map[string]any {
	f := maps.Clone(b.fields)
	for k, w := range b.text {
		f[k] = w.String()
	}
	if b.hasIn {
		// The block has not ended: its input may not parse yet.
		var in any
		if json.Unmarshal([]byte(b.input.String()), &in) == nil {
			f["input"] = in
		}
	}
	return f
}

// Events returns how many events were added.
func (a *MessagesAccumulator) Events() int { return a.events }

// justString returns field of the block the latest event finished, when
// that block is of type kind.
func (a *MessagesAccumulator) justString(kind, field string) (string, bool) {
	if a.just == nil || a.just["type"] != kind {
		return "", false
	}
	s, _ := a.just[field].(string)
	return s, true
}

// JustFinishedText returns the whole text of a text block when the latest
// event (its content_block_stop) finished it.
func (a *MessagesAccumulator) JustFinishedText() (string, bool) {
	return a.justString("text", "text")
}

// JustFinishedThinking returns the whole thinking text of a thinking block
// when the latest event finished it.
func (a *MessagesAccumulator) JustFinishedThinking() (string, bool) {
	return a.justString("thinking", "thinking")
}

// JustFinishedToolUse returns the tool_use block that the latest event
// finished, with its whole input decoded: the tool to run while the
// stream goes on.
func (a *MessagesAccumulator) JustFinishedToolUse() (MessagesToolUse, bool) {
	if a.just == nil || a.just["type"] != "tool_use" {
		return MessagesToolUse{}, false
	}
	raw, err := json.Marshal(a.just)
	if err != nil {
		return MessagesToolUse{}, false
	}
	var use MessagesToolUse
	if unmarshal(raw, &use) != nil {
		return MessagesToolUse{}, false
	}
	return use, true
}

// Result builds the message accumulated so far. It can be called at any
// time; after the stream's message_stop it equals what Messages.Send
// returns.
func (a *MessagesAccumulator) Result() *MessagesResult {
	m := maps.Clone(a.message)
	if m == nil {
		m = map[string]any{}
	}
	content := make([]any, 0, len(a.blocks))
	for _, b := range a.blocks {
		content = append(content, b.value())
	}
	m["content"] = content
	r := &MessagesResult{}
	if raw, err := json.Marshal(m); err == nil {
		_ = unmarshal(raw, r)
	}
	return r
}
