package openrouter

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// ResponsesAccumulator folds the events of a Beta.Responses.Stream into
// the [ResponsesResult] that Beta.Responses.Send would have returned. The
// final event (response.completed, response.incomplete or
// response.failed) carries the whole response, which Result returns; until
// it comes, Result builds the response from the latest snapshot
// (response.created, response.in_progress), the finished output items
// (response.output_item.done) and the text deltas of the items still
// being written. The zero value is ready to use; it is not safe for
// concurrent use.
//
//	var acc openrouter.ResponsesAccumulator
//	for ev, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		acc.Add(ev)
//		if call, ok := acc.JustFinishedFunctionCall(); ok {
//			fmt.Println("call", call.Name, call.Arguments)
//		}
//	}
//	fmt.Println(acc.Result().Text())
type ResponsesAccumulator struct {
	snapshot *ResponsesResult
	final    bool
	items    map[int]json.RawMessage
	text     map[int]*strings.Builder // output_text deltas by output index
	events   int

	// What the latest event finished, for the JustFinished methods.
	justText, justReasoning     string
	justTextOK, justReasoningOK bool
	justCall                    *ResponsesFunctionCall
}

// Add folds one event into the accumulated response.
func (a *ResponsesAccumulator) Add(ev ResponsesStreamEvent) {
	a.events++
	a.justText, a.justReasoning, a.justTextOK, a.justReasoningOK, a.justCall = "", "", false, false, nil
	raw, err := ev.MarshalJSON()
	if err != nil {
		return
	}
	var e struct {
		Response    json.RawMessage `json:"response"`
		Item        json.RawMessage `json:"item"`
		OutputIndex int             `json:"output_index"`
		Delta       string          `json:"delta"`
		Text        string          `json:"text"`
	}
	if json.Unmarshal(raw, &e) != nil {
		return
	}
	switch t := ev.Type(); t {
	case ResponsesEventCreated, ResponsesEventInProgress, "response.queued",
		ResponsesEventCompleted, ResponsesEventIncomplete, ResponsesEventFailed:
		if a.final || len(e.Response) == 0 {
			return
		}
		r := &ResponsesResult{}
		if unmarshal(e.Response, r) != nil {
			return
		}
		a.snapshot = r
		a.final = t == ResponsesEventCompleted || t == ResponsesEventIncomplete || t == ResponsesEventFailed
	case ResponsesEventOutputItemDone:
		if a.items == nil {
			a.items = map[int]json.RawMessage{}
		}
		a.items[e.OutputIndex] = e.Item
		var call ResponsesFunctionCall
		if json.Unmarshal(e.Item, &call) == nil && call.Type == "function_call" {
			a.justCall = &call
		}
	case ResponsesEventOutputTextDone:
		a.justText, a.justTextOK = e.Text, true
	case ResponsesEventReasoningTextDone:
		a.justReasoning, a.justReasoningOK = e.Text, true
	case ResponsesEventOutputTextDelta:
		if a.text == nil {
			a.text = map[int]*strings.Builder{}
		}
		w := a.text[e.OutputIndex]
		if w == nil {
			w = &strings.Builder{}
			a.text[e.OutputIndex] = w
		}
		w.WriteString(e.Delta)
	}
}

// Events returns how many events were added.
func (a *ResponsesAccumulator) Events() int { return a.events }

// JustFinishedText returns the whole text of an output_text part when the
// latest event (response.output_text.done) finished it.
func (a *ResponsesAccumulator) JustFinishedText() (string, bool) {
	return a.justText, a.justTextOK
}

// JustFinishedReasoning returns the whole reasoning text of a reasoning
// part when the latest event (response.reasoning_text.done) finished it.
func (a *ResponsesAccumulator) JustFinishedReasoning() (string, bool) {
	return a.justReasoning, a.justReasoningOK
}

// JustFinishedFunctionCall returns the function call that the latest
// event (response.output_item.done of a function_call item) finished,
// with its whole arguments: the call to run while the stream goes on.
func (a *ResponsesAccumulator) JustFinishedFunctionCall() (ResponsesFunctionCall, bool) {
	if a.justCall == nil {
		return ResponsesFunctionCall{}, false
	}
	return *a.justCall, true
}

// Done reports whether the final event (completed, incomplete or failed)
// was added.
func (a *ResponsesAccumulator) Done() bool { return a.final }

// Result builds the response accumulated so far: after the final event,
// the response it carries.
func (a *ResponsesAccumulator) Result() *ResponsesResult {
	if a.final {
		r := *a.snapshot
		return &r
	}
	r := &ResponsesResult{}
	if a.snapshot != nil {
		*r = *a.snapshot
	}
	r.Output = r.Output[:0:0]
	var text strings.Builder
	indexes := slices.Sorted(maps.Keys(a.items))
	for i := range a.text {
		if _, done := a.items[i]; !done {
			indexes = append(indexes, i)
		}
	}
	slices.Sort(indexes)
	for _, i := range indexes {
		if item, ok := a.items[i]; ok {
			one := ResponsesResult{}
			if unmarshal([]byte(`{"output":[`+string(item)+`]}`), &one) == nil {
				r.Output = append(r.Output, one.Output...)
			}
		}
		if w := a.text[i]; w != nil {
			text.WriteString(w.String())
		}
	}
	r.OutputText = text.String()
	return r
}
