package openrouter_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// errorChunk is OpenRouter's error chunk: a provider that failed after the
// request was accepted.
func errorChunk(code int) string {
	return `{"id":"gen-e","object":"chat.completion.chunk","created":1,"model":"m","error":{"code":` + itoa(code) + `,"message":"provider failed"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}`
}

const roleOnlyChunk = `{"id":"gen-e","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}`

func TestStreamEarlyErrorChunkIsRetried(t *testing.T) {
	t.Parallel()
	for name, first := range map[string][]string{
		"error first":             {"data: " + errorChunk(502) + "\n\n"},
		"after a role-only chunk": {": OPENROUTER PROCESSING\n\n", "data: " + roleOnlyChunk + "\n\n", "data: " + errorChunk(503) + "\n\n"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, sequence(sseHandler(0, first...), sseHandler(0, "data: "+chunkJSON("ok")+"\n\n", "data: [DONE]\n\n")))
			stream, err := streamChat(t, ts.client(t))
			if err != nil {
				t.Fatalf("Stream: %v", err)
			}
			got, _, err := collect(stream)
			if err != nil || got != "ok" {
				t.Errorf("got %q, %v", got, err)
			}
			if n := len(ts.requests()); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}

func TestStreamEarlyErrorChunkNotRetryable(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(0, "data: "+errorChunk(400)+"\n\n", "data: [DONE]\n\n"))
	_, err := streamChat(t, ts.client(t))
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 400 || apiErr.Operation != "Chat.Stream" || !errors.Is(err, openrouter.ErrBadRequest) {
		t.Fatalf("Stream error %v, want the 400 APIError of the error chunk", err)
	}
	if n := len(ts.requests()); n != 1 {
		t.Errorf("%d requests for a 400 error chunk", n)
	}
}

func TestStreamEarlyErrorChunkRetriesExhausted(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(0, "data: "+errorChunk(502)+"\n\n"))
	_, err := streamChat(t, ts.client(t, openrouter.WithMaxRetries(2)))
	var exhausted *openrouter.RetriesExhaustedError
	var apiErr *openrouter.APIError
	if !errors.As(err, &exhausted) || !errors.As(err, &apiErr) || apiErr.Code != 502 {
		t.Fatalf("error %v, want retries exhausted on the 502 chunk", err)
	}
	if n := len(ts.requests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

// Every stream kind with OpenRouter's error event retries one that comes
// before any output.
func TestEarlyErrorEventRetriedForEveryStreamKind(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("completions", func(t *testing.T) {
		t.Parallel()
		ok := `{"id":"cmpl-1","object":"text_completion","created":1,"model":"m","choices":[{"index":0,"text":"Once","finish_reason":null}]}`
		ts := newTestServer(t, sequence(sseHandler(0, "data: "+errorChunk(502)+"\n\n"), sseHandler(0, "data: "+ok+"\n\n", "data: [DONE]\n\n")))
		var prompt gen.CompletionRequestPrompt
		_ = prompt.FromCompletionRequestPromptString("x")
		n := countEvents[openrouter.CompletionChunk](t)(ts.client(t).Completions.Stream(ctx, openrouter.CompletionRequest{Model: "m", Prompt: prompt}))
		if n != 1 || len(ts.requests()) != 2 {
			t.Errorf("%d chunks, %d requests", n, len(ts.requests()))
		}
	})
	t.Run("responses", func(t *testing.T) {
		t.Parallel()
		created := `{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","created_at":1,"model":"m","status":"in_progress","output":[]}}`
		failed := `{"type":"error","sequence_number":1,"code":"server_error","message":"provider failed","param":null}`
		delta := `{"type":"response.output_text.delta","sequence_number":1,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hel","logprobs":[]}`
		ts := newTestServer(t, sequence(sseHandler(0, "data: "+created+"\n\n", "data: "+failed+"\n\n"), sseHandler(0, "data: "+created+"\n\n", "data: "+delta+"\n\n", "data: [DONE]\n\n")))
		s, err := ts.client(t).Beta.Responses.Stream(ctx, openrouter.ResponsesRequest{Model: "m"})
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for ev, err := range s.All() {
			if err != nil {
				t.Fatal(err)
			}
			k, _ := ev.Discriminator()
			kinds = append(kinds, k)
		}
		if strings.Join(kinds, ",") != "response.created,response.output_text.delta" || len(ts.requests()) != 2 {
			t.Errorf("kinds %v, %d requests", kinds, len(ts.requests()))
		}
	})
	t.Run("messages", func(t *testing.T) {
		t.Parallel()
		start := `{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":0}}}`
		overloaded := `{"type":"error","error":{"type":"overloaded_error","message":"busy"}}`
		stop := `{"type":"message_stop"}`
		ts := newTestServer(t, sequence(
			sseHandler(0, "event: message_start\ndata: "+start+"\n\n", "event: error\ndata: "+overloaded+"\n\n"),
			sseHandler(0, "event: message_start\ndata: "+start+"\n\n", "event: message_stop\ndata: "+stop+"\n\n")))
		n := countEvents[openrouter.MessagesStreamEvent](t)(ts.client(t).Messages.Stream(ctx, openrouter.MessagesRequest{Model: "m", MaxTokens: ptr(10), Messages: []openrouter.MessagesMessage{openrouter.MessagesUserText("x")}}))
		if n != 2 || len(ts.requests()) != 2 {
			t.Errorf("%d events, %d requests", n, len(ts.requests()))
		}
	})
}

// countEvents drains a stream opened without error and counts its events;
// any error fails the test.
func countEvents[T any](t *testing.T) func(*openrouter.Stream[T], error) int {
	return func(s *openrouter.Stream[T], err error) int {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, err := range s.All() {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		return n
	}
}
