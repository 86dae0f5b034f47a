package openrouter_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// addEach adds every event of stream with add and returns, per event,
// what just says afterwards.
func addEach[E any](t *testing.T, stream *openrouter.Stream[E], add func(E), just func() string) []string {
	t.Helper()
	var got []string
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		add(ev)
		got = append(got, just())
	}
	return got
}

// checkJust compares, event by event, what the JustFinished methods said.
func checkJust(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("just finished per event:\n%q\nwant\n%q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("event %d: just finished %q, want %q", i, got[i], want[i])
		}
	}
}

func TestMessagesAccumulatorJustFinished(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseEvents(toolUseMessageEvents...))
	stream, err := ts.client(t).Messages.Stream(context.Background(), openrouter.MessagesRequest{Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	var acc openrouter.MessagesAccumulator
	just := func() string {
		var said []string
		if text, ok := acc.JustFinishedText(); ok {
			said = append(said, "text "+text)
		}
		if th, ok := acc.JustFinishedThinking(); ok {
			said = append(said, "thinking "+th)
		}
		if use, ok := acc.JustFinishedToolUse(); ok {
			said = append(said, fmt.Sprintf("tool_use %s %s %v", use.ID, use.Name, use.Input))
		}
		return strings.Join(said, "; ")
	}
	got := addEach(t, stream, acc.Add, just)
	checkJust(t, got, []string{
		"", "", "", "", "", "thinking Paris, so weather.",
		"", "", "", "text Let me check.",
		"", "", "", "tool_use tu_1 get_weather map[city:Paris]",
		"", "",
	})
}

func TestResponsesAccumulatorJustFinished(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseEvents(
		`{"type":"response.created","sequence_number":0,"response":{"id":"resp-1","object":"response","status":"in_progress","model":"m","created_at":1,"output":[]}}`,
		`{"type":"response.reasoning_text.delta","sequence_number":1,"item_id":"r1","output_index":0,"content_index":0,"delta":"Think."}`,
		`{"type":"response.reasoning_text.done","sequence_number":2,"item_id":"r1","output_index":0,"content_index":0,"text":"Think."}`,
		`{"type":"response.output_text.delta","sequence_number":3,"item_id":"m1","output_index":1,"content_index":0,"delta":"Hello, ","logprobs":[]}`,
		`{"type":"response.output_text.delta","sequence_number":4,"item_id":"m1","output_index":1,"content_index":0,"delta":"world.","logprobs":[]}`,
		`{"type":"response.output_text.done","sequence_number":5,"item_id":"m1","output_index":1,"content_index":0,"text":"Hello, world.","logprobs":[]}`,
		`{"type":"response.output_item.done","sequence_number":6,"output_index":1,"item":{"type":"message","id":"m1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Hello, world."}]}}`,
		`{"type":"response.function_call_arguments.delta","sequence_number":7,"item_id":"fc1","output_index":2,"delta":"{\"city\":"}`,
		`{"type":"response.function_call_arguments.done","sequence_number":8,"item_id":"fc1","output_index":2,"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}`,
		`{"type":"response.output_item.done","sequence_number":9,"output_index":2,"item":{"type":"function_call","id":"fc1","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}","status":"completed"}}`,
		`[DONE]`))
	stream, err := ts.client(t).Beta.Responses.Stream(context.Background(), openrouter.ResponsesRequest{Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	var acc openrouter.ResponsesAccumulator
	just := func() string {
		var said []string
		if text, ok := acc.JustFinishedText(); ok {
			said = append(said, "text "+text)
		}
		if r, ok := acc.JustFinishedReasoning(); ok {
			said = append(said, "reasoning "+r)
		}
		if call, ok := acc.JustFinishedFunctionCall(); ok {
			said = append(said, "call "+call.CallID+" "+call.Name+" "+call.Arguments)
		}
		return strings.Join(said, "; ")
	}
	got := addEach(t, stream, acc.Add, just)
	checkJust(t, got, []string{
		"", "", "reasoning Think.",
		"", "", "text Hello, world.", "",
		"", "", `call call_1 get_weather {"city":"Paris"}`,
	})
}
