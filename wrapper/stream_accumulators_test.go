package openrouter_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// sseEvents answers with the events as data lines of a text/event-stream.
func sseEvents(events ...string) http.HandlerFunc {
	pieces := make([]string, len(events))
	for i, e := range events {
		pieces[i] = "data: " + e + "\n\n"
	}
	return sseHandler(0, pieces...)
}

func TestMessagesAccumulatorMatchesSend(t *testing.T) {
	t.Parallel()
	c, err := openroutertest.NewServer(t).Client()
	if err != nil {
		t.Fatal(err)
	}
	req := openrouter.MessagesRequest{Model: "anthropic/claude-sonnet-4", MaxTokens: ptr(64),
		Messages: []openrouter.MessagesMessage{openrouter.MessagesUserText("Hello there")}}
	sent, err := c.Messages.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	stream, err := c.Messages.Stream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var acc openrouter.MessagesAccumulator
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		acc.Add(ev)
	}
	got := acc.Result()
	if got.Text() == "" || got.Text() != sent.Text() {
		t.Errorf("accumulated text %q, Send's %q", got.Text(), sent.Text())
	}
	if got.StopReason == nil || sent.StopReason == nil || *got.StopReason != *sent.StopReason {
		t.Errorf("stop reason %v, Send's %v", got.StopReason, sent.StopReason)
	}
	if got.ID == "" || got.Model == "" || got.Usage.OutputTokens == 0 || acc.Events() < 5 {
		t.Errorf("id %q, model %q, usage %+v after %d events", got.ID, got.Model, got.Usage, acc.Events())
	}
}

// toolUseMessageEvents is a Messages stream with a thinking block, a text
// block and a tool_use block whose input comes in pieces.
var toolUseMessageEvents = []string{
	`{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"usage":{"input_tokens":9,"output_tokens":1}}}`,
	`{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}`,
	`{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Paris, "}}`,
	`{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"so weather."}}`,
	`{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"sig"}}`,
	`{"type":"content_block_stop","index":0}`,
	`{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}`,
	`{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Let me "}}`,
	`{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"check."}}`,
	`{"type":"content_block_stop","index":1}`,
	`{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"tu_1","name":"get_weather","input":{}}}`,
	`{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"city\":"}}`,
	`{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}}`,
	`{"type":"content_block_stop","index":2}`,
	`{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":30}}`,
	`{"type":"message_stop"}`,
}

func TestMessagesAccumulatorToolUse(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseEvents(toolUseMessageEvents...))
	stream, err := ts.client(t).Messages.Stream(context.Background(), openrouter.MessagesRequest{Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	var acc openrouter.MessagesAccumulator
	var printed strings.Builder
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		acc.Add(ev)
		if text, ok := ev.TextDelta(); ok {
			printed.WriteString(text)
		}
	}
	r := acc.Result()
	if r.Text() != "Let me check." || printed.String() != "Let me check." {
		t.Errorf("Text = %q, printed %q", r.Text(), printed.String())
	}
	uses := r.ToolUses()
	if len(uses) != 1 || uses[0].ID != "tu_1" || fmt.Sprint(uses[0].Input) != "map[city:Paris]" {
		t.Errorf("ToolUses = %+v", uses)
	}
	th, err := r.Content[0].AsAnthropicThinkingBlock()
	if err != nil || th.Thinking != "Paris, so weather." || th.Signature != "sig" {
		t.Errorf("thinking block %+v, %v", th, err)
	}
	if r.StopReason == nil || *r.StopReason != "tool_use" {
		t.Errorf("StopReason = %v", r.StopReason)
	}
	if tok, _ := r.Tokens(); tok.Input != 9 || tok.Output != 30 {
		t.Errorf("Tokens = %+v", tok)
	}
}

func TestResponsesAccumulatorMatchesSend(t *testing.T) {
	t.Parallel()
	c, err := openroutertest.NewServer(t).Client()
	if err != nil {
		t.Fatal(err)
	}
	var in gen.Inputs
	if err := in.FromInputsString("Stream a greeting"); err != nil {
		t.Fatal(err)
	}
	req := openrouter.ResponsesRequest{Model: "openai/gpt-4o-mini", Input: &in}
	sent, err := c.Beta.Responses.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	stream, err := c.Beta.Responses.Stream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var acc openrouter.ResponsesAccumulator
	var printed strings.Builder
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		acc.Add(ev)
		if text, ok := ev.TextDelta(); ok {
			printed.WriteString(text)
		}
	}
	got := acc.Result()
	if !acc.Done() || got.Text() == "" || got.Text() != sent.Text() || printed.String() != got.Text() {
		t.Errorf("done %v, accumulated %q, printed %q, Send's %q", acc.Done(), got.Text(), printed.String(), sent.Text())
	}
	if got.Status != sent.Status {
		t.Errorf("status %q, Send's %q", got.Status, sent.Status)
	}
}

func TestResponsesAccumulatorWithoutFinalEvent(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseEvents(
		`{"type":"response.created","sequence_number":0,"response":{"id":"resp-1","object":"response","status":"in_progress","model":"m","created_at":1,"output":[]}}`,
		`{"type":"response.output_text.delta","sequence_number":1,"item_id":"m1","output_index":0,"content_index":0,"delta":"Hello, ","logprobs":[]}`,
		`{"type":"response.output_text.delta","sequence_number":2,"item_id":"m1","output_index":0,"content_index":0,"delta":"world.","logprobs":[]}`,
		`{"type":"response.output_item.done","sequence_number":3,"output_index":0,"item":{"type":"message","id":"m1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Hello, world."}]}}`,
		`{"type":"response.output_text.delta","sequence_number":4,"item_id":"m2","output_index":1,"content_index":0,"delta":" Bye","logprobs":[]}`,
		`[DONE]`))
	stream, err := ts.client(t).Beta.Responses.Stream(context.Background(), openrouter.ResponsesRequest{Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	var acc openrouter.ResponsesAccumulator
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		acc.Add(ev)
	}
	r := acc.Result()
	if acc.Done() || r.ID != "resp-1" || r.Text() != "Hello, world. Bye" || len(r.Output) != 1 {
		t.Errorf("done %v, id %q, text %q, %d output items", acc.Done(), r.ID, r.Text(), len(r.Output))
	}
}
