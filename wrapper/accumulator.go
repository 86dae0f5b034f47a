package openrouter

import (
	"cmp"
	"maps"
	"slices"
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
	provider    string
	created     int
	fingerprint string
	serviceTier string
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
	reasoning    strings.Builder
	details      []*detailAcc
	toolCalls    map[int]*toolCallAcc
	audio        *gen.ChatAudioOutput
	finish       *gen.ChatFinishReasonEnum
	nativeFinish string
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
	a.provider = cmp.Or(chunk.Provider, a.provider)
	if a.created == 0 {
		a.created = chunk.Created
	}
	a.fingerprint = cmp.Or(chunk.SystemFingerprint, a.fingerprint)
	a.serviceTier = cmp.Or(chunk.ServiceTier, a.serviceTier)
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
	if d.Reasoning != "" {
		a.enter(c, "reasoning")
		c.reasoning.WriteString(d.Reasoning)
	}
	for _, det := range d.ReasoningDetails {
		c.addDetail(det)
	}
	if d.Content != "" {
		a.enter(c, "content")
		c.content.WriteString(d.Content)
		c.hasContent = true
	}
	c.refusal.WriteString(d.Refusal)
	for _, tc := range d.ToolCalls {
		a.enter(c, "tool:"+strconv.Itoa(tc.Index))
		t := c.toolCalls[tc.Index]
		if t == nil {
			t = &toolCallAcc{index: tc.Index, kind: "function"}
			c.toolCalls[tc.Index] = t
		}
		if tc.ID != "" {
			t.id = tc.ID
		}
		if tc.Type != "" {
			t.kind = string(tc.Type)
		}
		if f := tc.Function; f != nil {
			t.name += f.Name
			t.args.WriteString(f.Arguments)
		}
	}
	if au := d.Audio; au != nil {
		if c.audio == nil {
			c.audio = &gen.ChatAudioOutput{}
		}
		if au.ID != "" {
			c.audio.ID = au.ID
		}
		c.audio.Data += au.Data
		c.audio.Transcript += au.Transcript
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
	if ch.NativeFinishReason != "" {
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
	for _, i := range slices.Sorted(maps.Keys(a.choices)) {
		r.Choices = append(r.Choices, a.choices[i].choice())
	}
	return r
}

func (c *choiceAcc) choice() gen.ChatChoice {
	msg := gen.ChatAssistantMessage{Role: gen.ChatAssistantMessageRoleAssistant}
	if c.hasContent {
		content := unionOf((*gen.ChatAssistantMessageContent).FromChatAssistantMessageContentString, c.content.String()) // marshalling a string cannot fail
		msg.Content = &content
	}
	msg.Refusal = c.refusal.String()
	msg.Reasoning = c.reasoning.String()
	for _, d := range c.details {
		msg.ReasoningDetails = append(msg.ReasoningDetails, d.detail())
	}
	if len(c.toolCalls) > 0 {
		for _, i := range slices.Sorted(maps.Keys(c.toolCalls)) {
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

// detailAcc is a reasoning detail being assembled from consecutive
// fragments of one type and index: its text (the text, summary or data,
// by type) is concatenated in a builder, so that a long reasoning costs
// linear time, and its other known fields are the latest fragment's.
type detailAcc struct {
	first gen.ReasoningDetailUnion // the first fragment, as received
	parts int
	// kind and v are the type and the typed detail (*gen.ReasoningDetailText,
	// ...); kind is "" for a type the SDK does not know, kept as received.
	kind  string
	v     any
	index *int
	text  strings.Builder
}

// addDetail folds a streamed reasoning detail into the details so far: a
// fragment of the same known type and index as the last detail continues
// it.
func (c *choiceAcc) addDetail(det gen.ReasoningDetailUnion) {
	raw, _ := det.MarshalJSON() // the JSON as received
	f := detailAcc{first: det}
	var probe struct {
		Type string `json:"type"`
	}
	if unmarshal(raw, &probe) == nil {
		switch probe.Type {
		case string(gen.ReasoningDetailTextTypeReasoningText):
			if x := typed[gen.ReasoningDetailText](raw); x != nil {
				f.v, f.index = x, x.Index
			}
		case string(gen.ReasoningDetailSummaryTypeReasoningSummary):
			if x := typed[gen.ReasoningDetailSummary](raw); x != nil {
				f.v, f.index = x, x.Index
			}
		case string(gen.ReasoningDetailEncryptedTypeReasoningEncrypted):
			if x := typed[gen.ReasoningDetailEncrypted](raw); x != nil {
				f.v, f.index = x, x.Index
			}
		case string(gen.ReasoningDetailServerToolCallTypeReasoningServerToolCall):
			if x := typed[gen.ReasoningDetailServerToolCall](raw); x != nil {
				f.v, f.index = x, x.Index
			}
		}
	}
	if f.v != nil {
		// Else kind stays "": a type the SDK does not know, or a fragment
		// not of its type's shape, is kept as received, never merged.
		f.kind = probe.Type
	}
	if n := len(c.details); n > 0 && c.details[n-1].continuedBy(&f) {
		c.details[n-1].fold(f.v)
		return
	}
	d := &detailAcc{first: f.first, kind: f.kind, v: f.v, index: f.index}
	d.fold(d.v)
	c.details = append(c.details, d)
}

// typed decodes raw into a new T, or returns nil if it does not fit.
func typed[T any](raw []byte) *T {
	x := new(T)
	if unmarshal(raw, x) != nil {
		return nil
	}
	return x
}

// continuedBy reports whether the fragment f continues d: the same known
// type and the same index (or none).
func (d *detailAcc) continuedBy(f *detailAcc) bool {
	if d.kind == "" || d.kind != f.kind {
		return false
	}
	if d.index == nil || f.index == nil {
		return d.index == f.index
	}
	return *d.index == *f.index
}

// fold adds the typed fragment v to d: its text is appended, its other
// fields replace d's where set.
func (d *detailAcc) fold(v any) {
	d.parts++
	switch f := v.(type) {
	case *gen.ReasoningDetailText:
		if f.Text != "" {
			d.text.WriteString(f.Text)
		}
		if t := d.v.(*gen.ReasoningDetailText); t != f {
			t.Text = cmp.Or(t.Text, f.Text)
			t.Signature = cmp.Or(f.Signature, t.Signature)
			t.ID = cmp.Or(f.ID, t.ID)
			t.Format = cmp.Or(f.Format, t.Format)
		}
	case *gen.ReasoningDetailSummary:
		d.text.WriteString(f.Summary)
		if t := d.v.(*gen.ReasoningDetailSummary); t != f {
			t.ID = cmp.Or(f.ID, t.ID)
			t.Format = cmp.Or(f.Format, t.Format)
		}
	case *gen.ReasoningDetailEncrypted:
		d.text.WriteString(f.Data)
		if t := d.v.(*gen.ReasoningDetailEncrypted); t != f {
			t.ID = cmp.Or(f.ID, t.ID)
			t.Format = cmp.Or(f.Format, t.Format)
		}
	case *gen.ReasoningDetailServerToolCall:
		if t := d.v.(*gen.ReasoningDetailServerToolCall); t != f {
			t.ID = cmp.Or(f.ID, t.ID)
			t.ToolCallID = cmp.Or(f.ToolCallID, t.ToolCallID)
			t.Format = cmp.Or(f.Format, t.Format)
			t.ToolName = cmp.Or(f.ToolName, t.ToolName)
			t.Arguments = cmp.Or(f.Arguments, t.Arguments)
			t.Result = cmp.Or(f.Result, t.Result)
		}
	}
}

// detail returns the assembled detail: a single fragment as received, else
// the first fragment with the folded fields merged in (so that fields the
// SDK does not know survive).
func (d *detailAcc) detail() gen.ReasoningDetailUnion {
	if d.parts == 1 {
		return d.first
	}
	u := d.first
	var err error
	switch t := d.v.(type) {
	case *gen.ReasoningDetailText:
		t.Text = d.text.String()
		err = u.MergeReasoningDetailText(*t)
	case *gen.ReasoningDetailSummary:
		t.Summary = d.text.String()
		err = u.MergeReasoningDetailSummary(*t)
	case *gen.ReasoningDetailEncrypted:
		t.Data = d.text.String()
		err = u.MergeReasoningDetailEncrypted(*t)
	case *gen.ReasoningDetailServerToolCall:
		err = u.MergeReasoningDetailServerToolCall(*t)
	}
	if err != nil {
		return d.first
	}
	return u
}
