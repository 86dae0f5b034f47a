package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// sseHandler writes the given raw pieces, flushing after each, with an
// optional pause between them.
func sseHandler(pause time.Duration, pieces ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("X-Generation-Id", "gen-stream")
		w.WriteHeader(200)
		rc := http.NewResponseController(w)
		for i, p := range pieces {
			if i > 0 && pause > 0 {
				select {
				case <-time.After(pause):
				case <-r.Context().Done():
					return
				}
			}
			if _, err := io.WriteString(w, p); err != nil {
				return
			}
			rc.Flush()
		}
	}
}

// eventsOf splits a recording into one piece per event.
func eventsOf(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitAfter(string(raw), "\n\n")
	return parts
}

func chunkJSON(content string) string {
	b, _ := json.Marshal(map[string]any{
		"id": "gen-s", "object": "chat.completion.chunk", "created": 1, "model": "m",
		"choices": []any{map[string]any{"index": 0, "delta": map[string]any{"role": "assistant", "content": content}, "finish_reason": nil}},
	})
	return string(b)
}

func streamChat(t *testing.T, c *openrouter.Client, opts ...openrouter.Option) (*openrouter.Stream[openrouter.ChatChunk], error) {
	t.Helper()
	return c.Chat.Stream(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}}, opts...)
}

func collect(s *openrouter.Stream[openrouter.ChatChunk]) (string, int, error) {
	var b strings.Builder
	n := 0
	for chunk, err := range s.All() {
		if err != nil {
			return b.String(), n, err
		}
		n++
		for _, ch := range chunk.Choices {
			b.WriteString(ch.Delta.Content)
		}
	}
	return b.String(), n, nil
}

func TestStreamRecordedChatEqualsSend(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(0, eventsOf(t, "testdata/chat_stream.sse")...))
	stream, err := streamChat(t, ts.client(t))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var acc openrouter.ChatAccumulator
	for stream.Next() {
		acc.Add(stream.Current())
	}
	if err := stream.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	raw, _ := os.ReadFile("testdata/chat_response.json")
	var want openrouter.ChatResponse
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(canonicalJSON(t, want), canonicalJSON(t, acc.Response())); diff != "" {
		t.Errorf("(-send +stream):\n%s", diff)
	}
	if stream.Header().Get("X-Generation-Id") != "gen-stream" {
		t.Error("response headers not reachable from the stream")
	}
	req := ts.requests()[0]
	if !contains(string(req.Body), `"stream":true`) || req.Header.Get("Accept") != "text/event-stream" {
		t.Errorf("stream request body %s, Accept %q", req.Body, req.Header.Get("Accept"))
	}
}

func TestStreamWireFormats(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", 5<<20)
	cases := map[string]struct {
		pieces []string
		want   string
		n      int
	}{
		"one byte per write": {
			pieces: strings.Split(": OPENROUTER PROCESSING\n\ndata: "+chunkJSON("a")+"\n\ndata: "+chunkJSON("b")+"\n\ndata: [DONE]\n\n", ""),
			want:   "ab", n: 2,
		},
		"crlf and comments": {
			pieces: []string{": OPENROUTER PROCESSING\r\n\r\n", "data: " + chunkJSON("x") + "\r\n\r\n", ": keep-alive\r\n", "data: " + chunkJSON("y") + "\r\n\r\ndata: [DONE]\r\n\r\n"},
			want:   "xy", n: 2,
		},
		"cr only": {
			pieces: []string{"data: " + chunkJSON("p") + "\r\rdata: [DONE]\r\r"},
			want:   "p", n: 1,
		},
		"multi-line data": {
			pieces: []string{"data: {\"id\":\"g\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\ndata: \"choices\":[{\"index\":0,\"delta\":{\"content\":\"ml\"},\"finish_reason\":null}]}\n\ndata: [DONE]\n\n"},
			want:   "ml", n: 1,
		},
		"several MiB event": {
			pieces: []string{"data: " + chunkJSON(big) + "\n\n", "data: [DONE]\n\n"},
			want:   big, n: 1,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, sseHandler(0, tc.pieces...))
			stream, err := streamChat(t, ts.client(t))
			if err != nil {
				t.Fatal(err)
			}
			got, n, err := collect(stream)
			if err != nil {
				t.Fatalf("stream error: %v", err)
			}
			if got != tc.want || n != tc.n {
				t.Errorf("got %d chunks, content %.40q; want %d, %.40q", n, got, tc.n, tc.want)
			}
		})
	}
}

func TestStreamMidStreamErrorChunk(t *testing.T) {
	t.Parallel()
	errChunk := `{"id":"gen-s","object":"chat.completion.chunk","created":1,"model":"m","error":{"code":502,"message":"Provider disconnected","metadata":{"provider_name":"Acme","raw":"upstream reset"}},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}`
	ts := newTestServer(t, sseHandler(0, "data: "+chunkJSON("par")+"\n\n", "data: "+chunkJSON("tial")+"\n\n", "data: "+errChunk+"\n\n", "data: [DONE]\n\n"))
	stream, err := streamChat(t, ts.client(t))
	if err != nil {
		t.Fatal(err)
	}
	got, n, err := collect(stream)
	if got != "partial" || n != 2 {
		t.Errorf("delivered %d chunks %q before the error, want 2 \"partial\"", n, got)
	}
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v (%T), want *APIError", err, err)
	}
	if apiErr.Code != 502 || apiErr.Message != "Provider disconnected" || apiErr.ProviderName != "Acme" || apiErr.ProviderError != "upstream reset" || apiErr.Operation != "Chat.Stream" {
		t.Errorf("APIError = %+v", apiErr)
	}
	if !errors.Is(err, openrouter.ErrProviderUnavailable) {
		t.Errorf("errors.Is(ErrProviderUnavailable) false for %v", err)
	}
	if n := len(ts.requests()); n != 1 {
		t.Errorf("%d requests; a stream must not be retried after it started", n)
	}
}

func TestStreamTruncation(t *testing.T) {
	t.Parallel()
	cases := map[string]http.HandlerFunc{
		"clean EOF without DONE": sseHandler(0, "data: "+chunkJSON("a")+"\n\n", "data: "+chunkJSON("b")+"\n\n"),
		"EOF mid-event":          sseHandler(0, "data: "+chunkJSON("a")+"\n\n", "data: {\"id\":"),
		"connection reset": func(w http.ResponseWriter, r *http.Request) {
			conn, buf, err := http.NewResponseController(w).Hijack()
			if err != nil {
				return
			}
			buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 100000\r\n\r\n")
			buf.WriteString("data: " + chunkJSON("a") + "\n\n")
			buf.Flush()
			conn.Close()
		},
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, h)
			stream, err := streamChat(t, ts.client(t))
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := collect(stream)
			if !errors.Is(err, openrouter.ErrStreamTruncated) {
				t.Fatalf("error %v, want ErrStreamTruncated", err)
			}
			if !strings.HasPrefix(got, "a") {
				t.Errorf("events before the truncation were lost: %q", got)
			}
		})
	}
}

func TestStreamMalformedEventNamesIt(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(0, "data: "+chunkJSON("a")+"\n\n", "data: {not json}\n\n", "data: [DONE]\n\n"))
	stream, _ := streamChat(t, ts.client(t))
	_, n, err := collect(stream)
	if n != 1 || err == nil || !contains(err.Error(), "event 2") || !contains(err.Error(), "{not json}") {
		t.Errorf("after %d chunks got %v; want an error naming event 2 and its data", n, err)
	}
}

func TestStreamIdleTimeout(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(3*time.Second, "data: "+chunkJSON("a")+"\n\n", "data: [DONE]\n\n"))
	stream, err := streamChat(t, ts.client(t, openrouter.WithStreamIdleTimeout(150*time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, n, err := collect(stream)
	if !errors.Is(err, openrouter.ErrStreamIdleTimeout) {
		t.Fatalf("error %v, want ErrStreamIdleTimeout", err)
	}
	if el := time.Since(start); el > 2*time.Second || n != 1 {
		t.Errorf("idle timeout after %v and %d chunks", el, n)
	}
}

// TestStreamIdleTimeoutIgnoresSlowCaller: the idle timeout measures the
// server's silence, not the caller's time between events.
func TestStreamIdleTimeoutIgnoresSlowCaller(t *testing.T) {
	t.Parallel()
	var pieces []string
	for i := 0; i < 4; i++ {
		pieces = append(pieces, "data: "+chunkJSON("s")+"\n\n")
	}
	pieces = append(pieces, "data: [DONE]\n\n")
	// 20ms between events: each wait inside Read is far below the timeout.
	ts := newTestServer(t, sseHandler(20*time.Millisecond, pieces...))
	stream, err := streamChat(t, ts.client(t, openrouter.WithStreamIdleTimeout(100*time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	n := 0
	for stream.Next() {
		n++
		time.Sleep(200 * time.Millisecond) // work longer than the idle timeout
	}
	if err := stream.Err(); err != nil || n != 4 {
		t.Errorf("after %d chunks: %v; a slow caller tripped the idle timeout", n, err)
	}
}

func TestStreamKeepsGoingPastTimeouts(t *testing.T) {
	t.Parallel()
	var pieces []string
	for i := 0; i < 8; i++ {
		pieces = append(pieces, "data: "+chunkJSON("z")+"\n\n")
	}
	pieces = append(pieces, "data: [DONE]\n\n")
	// 8 pauses of 60ms: the stream lasts ~480ms, longer than WithTimeout,
	// and never idles for anywhere near the idle timeout.
	ts := newTestServer(t, sseHandler(60*time.Millisecond, pieces...))
	stream, err := streamChat(t, ts.client(t, openrouter.WithTimeout(100*time.Millisecond), openrouter.WithStreamIdleTimeout(400*time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := collect(stream)
	if err != nil || got != "zzzzzzzz" {
		t.Errorf("got %q, %v; a delivering stream was cut off", got, err)
	}
}

func TestStreamContextCancelEndsBlockedNext(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseHandler(5*time.Second, "data: "+chunkJSON("a")+"\n\n", "data: [DONE]\n\n"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stream, err := ts.client(t).Chat.Stream(ctx, openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "x")}})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	if !stream.Next() {
		t.Fatalf("first chunk missing: %v", stream.Err())
	}
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	if stream.Next() {
		t.Fatal("Next returned an event after cancel")
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("Next blocked %v after cancel", el)
	}
	if !errors.Is(stream.Err(), context.Canceled) {
		t.Errorf("Err %v, want context.Canceled", stream.Err())
	}
}

func TestStreamHTTPErrorBeforeFirstEventIsRetried(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sequence(jsonHandler(503, errBody(503)), sseHandler(0, "data: "+chunkJSON("ok")+"\n\n", "data: [DONE]\n\n")))
	stream, err := streamChat(t, ts.client(t))
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := collect(stream)
	if err != nil || got != "ok" {
		t.Errorf("got %q, %v", got, err)
	}
	ts2 := newTestServer(t, jsonHandler(401, `{"error":{"code":401,"message":"No auth credentials found"}}`))
	_, err = streamChat(t, ts2.client(t))
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 || apiErr.Operation != "Chat.Stream" {
		t.Errorf("error %v, want a 401 APIError from Chat.Stream", err)
	}
}

// Not parallel: connection reuse is measured with the CPU otherwise idle,
// since net/http gives up reusing a connection whose request write has not
// been confirmed within 50ms.
func TestStreamEarlyBreakReusesConnection(t *testing.T) {
	var pieces []string
	for i := 0; i < 50; i++ {
		pieces = append(pieces, "data: "+chunkJSON("c")+"\n\n")
	}
	pieces = append(pieces, "data: [DONE]\n\n")
	ts := newTestServer(t, sseHandler(0, pieces...))
	c := ts.client(t)
	for i := 0; i < 5; i++ {
		stream, err := streamChat(t, c)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, err := range stream.All() {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == 3 {
				break
			}
		}
		if err := stream.Close(); err != nil {
			t.Errorf("Close after break: %v", err)
		}
		if err := stream.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
	}
	// The rest of each body is already there: it is read at once and the
	// connection kept (on a loaded machine, one may come too late).
	if n := ts.conns.Load(); n > 2 {
		t.Errorf("%d connections for 5 streams closed early, want at most 2", n)
	}
}

func TestStreamServerReturnsJSONInsteadOfEvents(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"error":{"code":400,"message":"stream not supported"}}`))
	_, err := streamChat(t, ts.client(t))
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.Message != "stream not supported" {
		t.Errorf("error %v, want the APIError from the JSON body", err)
	}
}

func TestCompletionsAndResponsesStreams(t *testing.T) {
	t.Parallel()
	comp := `{"id":"cmpl-1","object":"text_completion","created":1,"model":"m","choices":[{"index":0,"text":"Once","finish_reason":null}]}`
	ts := newTestServer(t, sseHandler(0, "data: "+comp+"\n\n", "data: [DONE]\n\n"))
	var prompt gen.CompletionRequestPrompt
	if err := prompt.FromCompletionRequestPromptString("x"); err != nil {
		t.Fatal(err)
	}
	cs, err := ts.client(t).Completions.Stream(context.Background(), openrouter.CompletionRequest{Model: "m", Prompt: prompt})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for c, err := range cs.All() {
		if err != nil {
			t.Fatal(err)
		}
		if c.Choices[0].Text != "Once" {
			t.Errorf("text %q", c.Choices[0].Text)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d completion chunks", n)
	}

	events := []string{
		`{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","created_at":1,"model":"m","status":"in_progress","output":[]}}`,
		`{"type":"response.output_text.delta","sequence_number":1,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hel","logprobs":[]}`,
		`{"type":"error","sequence_number":2,"code":"rate_limit_exceeded","message":"slow down","param":null}`,
	}
	ts2 := newTestServer(t, sseHandler(0, "data: "+events[0]+"\n\n", "data: "+events[1]+"\n\n", "data: "+events[2]+"\n\n", "data: [DONE]\n\n"))
	rs, err := ts2.client(t).Beta.Responses.Stream(context.Background(), openrouter.ResponsesRequest{Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	var streamErr error
	for ev, err := range rs.All() {
		if err != nil {
			streamErr = err
			break
		}
		k, _ := ev.Discriminator()
		kinds = append(kinds, k)
	}
	if strings.Join(kinds, ",") != "response.created,response.output_text.delta" {
		t.Errorf("event kinds %v", kinds)
	}
	var apiErr *openrouter.APIError
	if !errors.As(streamErr, &apiErr) || !contains(apiErr.Message, "slow down") {
		t.Errorf("error event gave %v", streamErr)
	}
}

// A JSON error answer to a streaming request matches its sentinel.
func TestStreamJSONErrorMatchesSentinel(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, errBody(429)))
	_, err := ts.client(t, openrouter.WithMaxRetries(0)).Chat.Stream(context.Background(), openrouter.ChatRequest{
		Model:    "m",
		Messages: []openrouter.ChatMessage{userText(t, "hi")},
	})
	if !errors.Is(err, openrouter.ErrRateLimited) {
		t.Errorf("error %v does not match ErrRateLimited", err)
	}
}
