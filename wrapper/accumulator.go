package openrouter

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// ChatAccumulator folds the chunks of a chat stream into the response that
// Chat.Send would have returned for the same completion: content, refusal,
// reasoning and reasoning_details, tool calls assembled by index, audio,
// finish reasons per choice (OpenRouter's and the provider's), usage with
// cost from the final chunk, provider, model and id. The zero value is ready to use; it is not safe for concurrent use.
//
//	var acc openrouter.ChatAccumulator
//	for chunk, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		acc.Add(chunk)
//		if text, ok := acc.JustFinishedContent(); ok {
//			fmt.Println(text)
//		}
//	}
//	resp := acc.Response()
type ChatAccumulator struct {
	id, model   string
	provider    *string
	created     int
	fingerprint *string
	serviceTier *string
	usage       *gen.ChatUsage
	metadata    *gen.OpenRouterMetadata
	choices     map[int]*choiceAcc
	chunks      int

	// last reports what the latest chunk finished.
	finishedContent   *string
	finishedReasoning *string
	finishedToolCalls []gen.ChatToolCall
}

type choiceAcc struct {
	index        int
	content      strings.Builder
	hasContent   bool
	refusal      strings.Builder
	hasRefusal   bool
	reasoning    strings.Builder
	hasReasoning bool
	details      []*detailAcc
	scratch      []byte
	toolCalls    map[int]*toolCallAcc
	audio        *gen.ChatAudioOutput
	finish       *gen.ChatFinishReasonEnum
	nativeFinish *string
	logprobs     *gen.ChatTokenLogprobs

	// phase is what the choice was last receiving: "content", "reasoning",
	// or "tool:<index>"; a change of phase finishes the previous one.
	phase string
}

type toolCallAcc struct {
	index int
	id    string
	kind  string
	name  string
	args  strings.Builder
}

// Add folds one chunk into the accumulated response.
func (a *ChatAccumulator) Add(chunk ChatChunk) {
	a.finishedContent, a.finishedReasoning, a.finishedToolCalls = nil, nil, nil
	a.chunks++
	if a.id == "" {
		a.id = chunk.ID
	}
	if chunk.Model != "" {
		a.model = chunk.Model
	}
	if chunk.Provider != nil {
		a.provider = chunk.Provider
	}
	if a.created == 0 {
		a.created = chunk.Created
	}
	if chunk.SystemFingerprint != nil {
		a.fingerprint = chunk.SystemFingerprint
	}
	if chunk.ServiceTier != nil {
		a.serviceTier = chunk.ServiceTier
	}
	if chunk.Usage != nil {
		a.usage = chunk.Usage
	}
	if chunk.OpenrouterMetadata != nil {
		a.metadata = chunk.OpenrouterMetadata
	}
	if a.choices == nil {
		a.choices = map[int]*choiceAcc{}
	}
	for _, ch := range chunk.Choices {
		c := a.choices[ch.Index]
		if c == nil {
			c = &choiceAcc{index: ch.Index, toolCalls: map[int]*toolCallAcc{}}
			a.choices[ch.Index] = c
		}
		a.addChoice(c, ch)
	}
}

func (a *ChatAccumulator) addChoice(c *choiceAcc, ch gen.ChatStreamChoice) {
	d := ch.Delta
	if d.Reasoning != nil && *d.Reasoning != "" {
		a.enter(c, "reasoning")
		c.reasoning.WriteString(*d.Reasoning)
		c.hasReasoning = true
	}
	if d.ReasoningDetails != nil {
		for _, det := range *d.ReasoningDetails {
			c.addDetail(det)
		}
	}
	if d.Content != nil && *d.Content != "" {
		a.enter(c, "content")
		c.content.WriteString(*d.Content)
		c.hasContent = true
	}
	if d.Refusal != nil {
		c.refusal.WriteString(*d.Refusal)
		c.hasRefusal = true
	}
	for _, tc := range d.ToolCalls {
		a.enter(c, "tool:"+strconv.Itoa(tc.Index))
		t := c.toolCalls[tc.Index]
		if t == nil {
			t = &toolCallAcc{index: tc.Index, kind: "function"}
			c.toolCalls[tc.Index] = t
		}
		if tc.ID != nil && *tc.ID != "" {
			t.id = *tc.ID
		}
		if tc.Type != nil {
			t.kind = string(*tc.Type)
		}
		if f := tc.Function; f != nil {
			if f.Name != nil {
				t.name += *f.Name
			}
			if f.Arguments != nil {
				t.args.WriteString(*f.Arguments)
			}
		}
	}
	if au := d.Audio; au != nil {
		if c.audio == nil {
			c.audio = &gen.ChatAudioOutput{}
		}
		appendPtr(&c.audio.ID, au.ID, false)
		appendPtr(&c.audio.Data, au.Data, true)
		appendPtr(&c.audio.Transcript, au.Transcript, true)
		if au.ExpiresAt != nil {
			c.audio.ExpiresAt = au.ExpiresAt
		}
	}
	if lp := ch.Logprobs; lp != nil {
		if c.logprobs == nil {
			c.logprobs = &gen.ChatTokenLogprobs{}
		}
		c.logprobs.Content = append(c.logprobs.Content, lp.Content...)
		c.logprobs.Refusal = append(c.logprobs.Refusal, lp.Refusal...)
	}
	if ch.NativeFinishReason != nil {
		c.nativeFinish = ch.NativeFinishReason
	}
	if ch.FinishReason != nil {
		c.finish = ch.FinishReason
		a.enter(c, "")
	}
}

// enter records that choice c now receives phase; the phase it leaves is
// reported as just finished (for the first choice, which the JustFinished
// helpers describe).
func (a *ChatAccumulator) enter(c *choiceAcc, phase string) {
	if c.phase == phase {
		return
	}
	prev := c.phase
	c.phase = phase
	if c.index != 0 {
		return
	}
	switch {
	case prev == "content":
		s := c.content.String()
		a.finishedContent = &s
	case prev == "reasoning":
		s := c.reasoning.String()
		a.finishedReasoning = &s
	case strings.HasPrefix(prev, "tool:"):
		for _, t := range c.toolCalls {
			if "tool:"+strconv.Itoa(t.index) == prev {
				a.finishedToolCalls = append(a.finishedToolCalls, t.call())
			}
		}
	}
}

// JustFinishedContent returns the first choice's full content when the
// latest chunk ended it (by moving on to tool calls or finishing).
func (a *ChatAccumulator) JustFinishedContent() (string, bool) {
	if a.finishedContent == nil {
		return "", false
	}
	return *a.finishedContent, true
}

// JustFinishedReasoning returns the first choice's full reasoning text when
// the latest chunk ended it.
func (a *ChatAccumulator) JustFinishedReasoning() (string, bool) {
	if a.finishedReasoning == nil {
		return "", false
	}
	return *a.finishedReasoning, true
}

// JustFinishedToolCall returns the first choice's tool call that the latest
// chunk completed, with its whole arguments. One chunk can complete several
// (parallel calls sent together): [ChatAccumulator.JustFinishedToolCalls]
// returns them all, and this method the first of them.
func (a *ChatAccumulator) JustFinishedToolCall() (gen.ChatToolCall, bool) {
	if len(a.finishedToolCalls) == 0 {
		return gen.ChatToolCall{}, false
	}
	return a.finishedToolCalls[0], true
}

// JustFinishedToolCalls returns the first choice's tool calls that the
// latest chunk completed, in order, with their whole arguments; nil when
// it completed none.
func (a *ChatAccumulator) JustFinishedToolCalls() []gen.ChatToolCall {
	return a.finishedToolCalls
}

// Chunks returns how many chunks were added.
func (a *ChatAccumulator) Chunks() int { return a.chunks }

// Response builds the response accumulated so far. It can be called at
// any time; after the stream's last chunk it equals what Chat.Send returns.
func (a *ChatAccumulator) Response() *ChatResponse {
	r := &ChatResponse{ChatResponse: gen.ChatResponse{
		ID:                 a.id,
		Model:              a.model,
		Created:            a.created,
		Object:             gen.ChatResponseObjectChatCompletion,
		SystemFingerprint:  a.fingerprint,
		ServiceTier:        a.serviceTier,
		Usage:              a.usage,
		OpenrouterMetadata: a.metadata,
		Provider:           a.provider,
		Choices:            []gen.ChatChoice{},
	}}
	idx := make([]int, 0, len(a.choices))
	for i := range a.choices {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, i := range idx {
		r.Choices = append(r.Choices, a.choices[i].choice())
	}
	return r
}

func (c *choiceAcc) choice() gen.ChatChoice {
	msg := gen.ChatAssistantMessage{Role: gen.ChatAssistantMessageRoleAssistant}
	if c.hasContent {
		var content gen.ChatAssistantMessageContent
		_ = content.FromChatAssistantMessageContentString(c.content.String()) // marshalling a string cannot fail
		msg.Content = &content
	}
	if c.hasRefusal {
		s := c.refusal.String()
		msg.Refusal = &s
	}
	if c.hasReasoning {
		s := c.reasoning.String()
		msg.Reasoning = &s
	}
	if len(c.details) > 0 {
		details := make(gen.ChatReasoningDetails, 0, len(c.details))
		for _, d := range c.details {
			raw, err := json.Marshal(d.fields())
			if err != nil {
				continue
			}
			var u gen.ReasoningDetailUnion
			if u.UnmarshalJSON(raw) == nil {
				details = append(details, u)
			}
		}
		msg.ReasoningDetails = &details
	}
	if len(c.toolCalls) > 0 {
		idx := make([]int, 0, len(c.toolCalls))
		for i := range c.toolCalls {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		for _, i := range idx {
			msg.ToolCalls = append(msg.ToolCalls, c.toolCalls[i].call())
		}
	}
	msg.Audio = c.audio
	return gen.ChatChoice{Index: c.index, FinishReason: c.finish, NativeFinishReason: c.nativeFinish, Message: msg, Logprobs: c.logprobs}
}

func (t *toolCallAcc) call() gen.ChatToolCall {
	return gen.ChatToolCall{
		ID:       t.id,
		Type:     gen.ChatToolCallType(t.kind),
		Function: gen.ChatToolCallFunction{Name: t.name, Arguments: t.args.String()},
	}
}

// detailAcc is a reasoning detail being assembled: the fields of its
// fragments, the later ones winning, except that the text fields of
// consecutive fragments are concatenated (in builders, so that a long
// reasoning costs linear time).
type detailAcc struct {
	m     map[string]any
	texts map[string]*strings.Builder
}

// textKeys are the detail fields whose fragments are concatenated.
var textKeys = [...]string{"text", "summary", "data"}

// fields returns the detail's fields with the texts joined.
func (d *detailAcc) fields() map[string]any {
	for k, b := range d.texts {
		d.m[k] = b.String()
	}
	return d.m
}

// addDetail merges a streamed reasoning detail into the details so far:
// fragments with the same type and index are concatenated.
func (c *choiceAcc) addDetail(det gen.ReasoningDetailUnion) {
	raw, err := det.MarshalJSON()
	if err != nil || c.mergeFlat(raw) {
		return
	}
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return
	}
	if n := len(c.details); n > 0 && sameDetail(c.details[n-1].m, m) {
		last := c.details[n-1]
		for k, v := range m {
			if v == nil {
				continue
			}
			s, isStr := v.(string)
			// A text field holding a string has a builder (and a stale
			// entry in m).
			if b := last.texts[k]; b != nil {
				if isStr {
					b.WriteString(s)
					continue
				}
				delete(last.texts, k)
			}
			last.m[k] = v
			if isStr && isTextKey(k) {
				last.text(k, s)
			}
		}
		return
	}
	d := &detailAcc{m: m}
	for _, k := range textKeys {
		if s, ok := m[k].(string); ok {
			d.text(k, s)
		}
	}
	c.details = append(c.details, d)
}

// text starts the builder of text field k with s.
func (d *detailAcc) text(k, s string) {
	if d.texts == nil {
		d.texts = map[string]*strings.Builder{}
	}
	b := new(strings.Builder)
	b.WriteString(s)
	d.texts[k] = b
}

func isTextKey(k string) bool { return k == "text" || k == "summary" || k == "data" }

// sameDetail reports whether two fragments belong to the same detail: the
// same type and the same index.
func sameDetail(a, b map[string]any) bool {
	ta, _ := a["type"].(string)
	tb, _ := b["type"].(string)
	if ta != tb {
		return false
	}
	switch x := a["index"].(type) {
	case nil:
		return b["index"] == nil
	case float64:
		y, ok := b["index"].(float64)
		return ok && x == y
	case string:
		y, ok := b["index"].(string)
		return ok && x == y
	case bool:
		y, ok := b["index"].(bool)
		return ok && x == y
	}
	ja, _ := json.Marshal(a["index"])
	jb, _ := json.Marshal(b["index"])
	return string(ja) == string(jb)
}

func appendPtr(dst **string, add *string, concat bool) {
	if add == nil {
		return
	}
	if *dst == nil || !concat {
		s := *add
		*dst = &s
		return
	}
	s := **dst + *add
	*dst = &s
}

// flatMember is a member of a flat JSON object: its value is a string
// (raw holds the unescaped text), a number, a boolean or null.
type flatMember struct {
	key  []byte
	kind byte // 's', 'n', 'b' or 'z' (null)
	raw  []byte
	num  float64
	flag bool
}

// mergeFlat merges the fragment raw into the last detail without decoding
// it into a map, when raw is a flat object (at most 8 members, no nested
// values, no escaped or repeated names) that continues that detail: the
// common case of a streamed reasoning text. It reports whether it did;
// if not, addDetail takes the general path, with the same result.
func (c *choiceAcc) mergeFlat(raw []byte) bool {
	n := len(c.details)
	if n == 0 {
		return false
	}
	last := c.details[n-1]
	var members [8]flatMember
	count := 0
	c.scratch = c.scratch[:0]
	p := jscan{b: raw}
	more, ok := p.openObj()
	for ok && more {
		if count == len(members) {
			return false
		}
		f := &members[count]
		if f.key, ok = p.key(); !ok {
			return false
		}
		for _, g := range members[:count] {
			if string(g.key) == string(f.key) {
				return false
			}
		}
		if p.i == len(p.b) {
			return false
		}
		switch b := p.b[p.i]; {
		case b == '"':
			s, esc, ok := p.str()
			if !ok {
				return false
			}
			if esc {
				start := len(c.scratch)
				if c.scratch, ok = unescape(c.scratch, s); !ok {
					return false
				}
				s = c.scratch[start:len(c.scratch):len(c.scratch)]
			}
			f.kind, f.raw = 's', s
		case b == 'n':
			if !p.null() {
				return false
			}
			f.kind = 'z'
		case b == 't' || b == 'f':
			if !p.bool(&f.flag) {
				return false
			}
			f.kind = 'b'
		default:
			if !p.float(&f.num) {
				return false
			}
			f.kind = 'n'
		}
		count++
		more, ok = p.next('}')
	}
	if !ok || !p.end() {
		return false
	}
	fs := members[:count]

	// Same detail: same type (a string, or absent) and same index (a
	// number, or absent or null).
	typ, index := "", any(nil)
	for _, f := range fs {
		switch string(f.key) {
		case "type":
			if f.kind != 's' {
				return false
			}
			typ = string(f.raw)
		case "index":
			switch f.kind {
			case 'n':
				index = f.num
			case 'z':
			default:
				return false
			}
		}
	}
	lt, _ := last.m["type"].(string)
	if lt != typ {
		return false
	}
	switch li := last.m["index"].(type) {
	case nil:
		if index != nil {
			return false
		}
	case float64:
		if x, isNum := index.(float64); !isNum || x != li {
			return false
		}
	default:
		return false
	}

	for _, f := range fs {
		if f.kind == 'z' {
			continue
		}
		if b := last.texts[string(f.key)]; b != nil {
			if f.kind == 's' {
				b.Write(f.raw)
				continue
			}
			delete(last.texts, string(f.key))
		}
		if name := textKeyOf(f.key); f.kind == 's' && name != "" {
			s := string(f.raw)
			last.m[name] = s
			last.text(name, s)
			continue
		}
		switch old := last.m[string(f.key)].(type) {
		case string:
			if f.kind == 's' && old == string(f.raw) {
				continue
			}
		case float64:
			if f.kind == 'n' && old == f.num {
				continue
			}
		case bool:
			if f.kind == 'b' && old == f.flag {
				continue
			}
		}
		switch f.kind {
		case 's':
			last.m[string(f.key)] = string(f.raw)
		case 'n':
			last.m[string(f.key)] = f.num
		case 'b':
			last.m[string(f.key)] = f.flag
		}
	}
	return true
}

// textKeyOf returns the name of the text field k, or "".
func textKeyOf(k []byte) string {
	for _, name := range textKeys {
		if string(k) == name {
			return name
		}
	}
	return ""
}
