package openroutertest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

const chatBody = `{"model":"m/x","messages":[{"role":"user","content":"hi"}]}`

// chunk is a valid chat chunk with one content delta.
func chunk(content string) map[string]any {
	return map[string]any{
		"id": "gen-s", "object": "chat.completion.chunk", "created": 1, "model": "m/x",
		"choices": []any{map[string]any{"index": 0, "delta": map[string]any{"content": content}, "finish_reason": nil}},
	}
}

func TestScriptedJSONThenDefault(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply("first"))
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{
		Header: http.Header{"X-Request-Id": {"req-2"}},
		JSON:   json.RawMessage(`{"id":"g2","object":"chat.completion","created":2,"model":"m/x","system_fingerprint":null,"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"second"}}]}`),
	})
	if n := srv.Pending("sendChatCompletionRequest"); n != 2 {
		t.Errorf("Pending = %d", n)
	}
	_, _, b1 := do(t, srv, "POST", "/chat/completions", chatBody)
	status, h2, b2 := do(t, srv, "POST", "/chat/completions", chatBody)
	_, _, b3 := do(t, srv, "POST", "/chat/completions", chatBody)
	if !strings.Contains(string(b1), `"content":"first"`) {
		t.Errorf("first answer %s", b1)
	}
	if status != 200 || h2.Get("X-Request-Id") != "req-2" || !strings.Contains(string(b2), `"content":"second"`) {
		t.Errorf("second answer %d %v %s", status, h2, b2)
	}
	if !strings.Contains(string(b3), `"content":"You said: hi"`) {
		t.Errorf("third (default) answer %s", b3)
	}
	if n := srv.Pending("sendChatCompletionRequest"); n != 0 {
		t.Errorf("Pending = %d", n)
	}
}

func TestScriptedStatusDefaultsToSuccess(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("createKeys", openroutertest.Response{Raw: []byte(`{}`), Header: http.Header{"Content-Type": {"application/json"}}})
	if status, _, _ := do(t, srv, "POST", "/keys", `{"name":"k"}`); status != http.StatusCreated {
		t.Errorf("status %d, want 201 (the operation's success status)", status)
	}
}

func TestInvalidRequestDoesNotConsumeQueue(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply("kept"))
	if status, _, _ := do(t, srv, "POST", "/chat/completions", `{}`); status != 400 {
		t.Fatalf("status %d", status)
	}
	_, _, body := do(t, srv, "POST", "/chat/completions", chatBody)
	if !strings.Contains(string(body), `"content":"kept"`) {
		t.Errorf("answer %s", body)
	}
}

func TestScriptedErrorWithRetryAfter(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("getModels", openroutertest.RetryAfter(3, "Rate limit exceeded"))
	srv.Enqueue("getModels", openroutertest.ErrorResponse(http.StatusBadGateway, "upstream failed"))
	status, h, body := do(t, srv, "GET", "/models", "")
	if status != 429 || h.Get("Retry-After") != "3" || string(body) != `{"error":{"code":429,"message":"Rate limit exceeded"}}` {
		t.Errorf("got %d %q %s", status, h.Get("Retry-After"), body)
	}
	status, _, body = do(t, srv, "GET", "/models", "")
	if status != 502 || errorMessage(t, status, body) != "upstream failed" {
		t.Errorf("got %d %s", status, body)
	}
}

func TestScriptedRaw(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	page := []byte("<html><body><h1>502 Bad Gateway</h1></body></html>")
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{
		Status: http.StatusBadGateway,
		Header: http.Header{"Content-Type": {"text/html"}},
		Raw:    page,
	})
	// A 2xx raw body that the spec forbids is sent too, unvalidated.
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{
		Header: http.Header{"Content-Type": {"application/json"}},
		Raw:    []byte(`{"choices":"not an array"`),
	})
	status, h, body := do(t, srv, "POST", "/chat/completions", chatBody)
	if status != 502 || h.Get("Content-Type") != "text/html" || string(body) != string(page) {
		t.Errorf("got %d %q %q", status, h.Get("Content-Type"), body)
	}
	status, _, body = do(t, srv, "POST", "/chat/completions", chatBody)
	if status != 200 || string(body) != `{"choices":"not an array"` {
		t.Errorf("got %d %q", status, body)
	}
}

func TestScriptedDelay(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("getCredits", openroutertest.Response{Delay: 150 * time.Millisecond})
	start := time.Now()
	status, _, body := do(t, srv, "GET", "/credits", "")
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("answered after %v, want at least 150ms", d)
	}
	// A Response with only a Delay is the default answer, late.
	if status != 200 || !strings.Contains(string(body), "total_credits") {
		t.Errorf("got %d %s", status, body)
	}

	// A client that gives up first gets its context error.
	srv.Enqueue("getCredits", openroutertest.Response{Delay: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL()+"/credits", nil)
	req.Header.Set("Authorization", "Bearer k")
	start = time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got %d, want a timeout", resp.StatusCode)
	}
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("err %v after %v", err, time.Since(start))
	}
}

func TestWithLatency(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t, openroutertest.WithLatency(80*time.Millisecond))
	start := time.Now()
	if status, _, _ := do(t, srv, "GET", "/providers", ""); status != 200 {
		t.Errorf("status %d", status)
	}
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("answered after %v", d)
	}
}

func TestScriptedReset(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("createEmbeddings", openroutertest.Response{Reset: true})
	body := `{"model":"e","input":"x"}`
	resp, err := send(srv, "POST", "/embeddings", body)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got status %d, want a dropped connection", resp.StatusCode)
	}
	if status, _, _ := do(t, srv, "POST", "/embeddings", body); status != 200 {
		t.Errorf("after the reset: status %d", status)
	}
	if n := len(srv.RequestsFor("createEmbeddings")); n != 2 {
		t.Errorf("%d requests recorded, want 2", n)
	}
}

func TestStreamKeepAlivesAndEventDelay(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{
		Header: http.Header{"X-Generation-Id": {"gen-s"}},
		Stream: &openroutertest.Stream{
			Events:     []any{chunk("Hel"), chunk("lo")},
			KeepAlives: true,
			EventDelay: 60 * time.Millisecond,
		},
	})
	start := time.Now()
	status, h, body := do(t, srv, "POST", "/chat/completions", `{"stream":true,"messages":[{"role":"user","content":"hi"}]}`)
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("stream took %v, want at least the event delay", d)
	}
	if status != 200 || h.Get("Content-Type") != "text/event-stream" || h.Get("X-Generation-Id") != "gen-s" {
		t.Errorf("status %d, header %v", status, h)
	}
	b1, _ := json.Marshal(chunk("Hel"))
	b2, _ := json.Marshal(chunk("lo"))
	want := ": OPENROUTER PROCESSING\n\ndata: " + string(b1) + "\n\n: OPENROUTER PROCESSING\n\ndata: " + string(b2) + "\n\ndata: [DONE]\n\n"
	if string(body) != want {
		t.Errorf("body\n%s\nwant\n%s", body, want)
	}
}

func TestStreamMidStreamError(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{Stream: &openroutertest.Stream{
		Events: []any{chunk("par")},
		Error:  openroutertest.MidStreamError(502, "Provider disconnected"),
	}})
	_, _, body := do(t, srv, "POST", "/chat/completions", chatBody)
	events := parseSSE(t, body)
	if len(events) != 3 || events[2].Data != "[DONE]" {
		t.Fatalf("events %+v", events)
	}
	var e struct {
		Error struct {
			Code    int
			Message string
		}
		Choices []struct {
			FinishReason string `json:"finish_reason"`
		}
	}
	if err := json.Unmarshal([]byte(events[1].Data), &e); err != nil {
		t.Fatal(err)
	}
	if e.Error.Code != 502 || e.Error.Message != "Provider disconnected" || len(e.Choices) != 1 || e.Choices[0].FinishReason != "error" {
		t.Errorf("error event %s", events[1].Data)
	}
}

func TestStreamOmitDone(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	st := openroutertest.ChatStream("a", "b")
	st.Stream.OmitDone = true
	srv.Enqueue("sendChatCompletionRequest", st)
	_, _, body := do(t, srv, "POST", "/chat/completions", chatBody) // a clean EOF: no read error
	events := parseSSE(t, body)
	if len(events) != 4 {
		t.Fatalf("%d events, want 2 deltas, a finish and a usage chunk:\n%s", len(events), body)
	}
	if strings.Contains(string(body), "[DONE]") {
		t.Errorf("body has [DONE]:\n%s", body)
	}
}

func TestStreamResetAfter(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{Stream: &openroutertest.Stream{
		Events:     []any{chunk("one"), chunk("two"), chunk("three")},
		ResetAfter: 2,
	}})
	srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{Stream: &openroutertest.Stream{
		Events:     []any{chunk("only")},
		ResetAfter: 1, // all events sent, then a reset instead of [DONE]
	}})
	for _, want := range [][]string{{"one", "two"}, {"only"}} {
		resp, err := send(srv, "POST", "/chat/completions", chatBody)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("read error %v, want unexpected EOF", err)
		}
		events := parseSSE(t, body)
		if len(events) != len(want) {
			t.Fatalf("events %+v, want %d", events, len(want))
		}
		for i, w := range want {
			if !strings.Contains(events[i].Data, `"content":"`+w+`"`) {
				t.Errorf("event %d: %s", i, events[i].Data)
			}
		}
	}
}

func TestStreamEventsAreValidated(t *testing.T) {
	t.Parallel()
	tb := &fakeTB{TB: t}
	srv := openroutertest.NewServer(tb)
	bad := chunk("x")
	delete(bad, "choices")
	err := srv.Enqueue("sendChatCompletionRequest", openroutertest.Response{Stream: &openroutertest.Stream{
		Events: []any{chunk("ok"), bad, chunk("never")},
	}})
	if err == nil || !strings.Contains(err.Error(), "stream event 2") || !strings.Contains(err.Error(), "choices") {
		t.Errorf("Enqueue = %v", err)
	}
	status, _, body := do(t, srv, "POST", "/chat/completions", chatBody)
	if status != http.StatusNotImplemented || !strings.Contains(string(body), "stream event 2") {
		t.Errorf("answer %d %s", status, body)
	}
	f := srv.Failures()
	if len(f) != 1 || !f[0].Response || !strings.Contains(f[0].Message, "stream event 2") {
		t.Errorf("Failures() = %+v", f)
	}
	if len(tb.reported()) != 1 {
		t.Errorf("reported %q", tb.reported())
	}
}

func TestStreamRawEventAndResponsesEnvelope(t *testing.T) {
	t.Parallel()
	tb := &fakeTB{TB: t}
	srv := openroutertest.NewServer(tb)
	err := srv.Enqueue("createResponses", openroutertest.Response{Stream: &openroutertest.Stream{
		Events: []any{
			openroutertest.RawEvent("{not json"),
			// A chat chunk is no Responses event: the envelope of
			// createResponses is ResponsesStreamingResponse.
			chunk("x"),
		},
	}})
	if err == nil || !strings.Contains(err.Error(), "stream event 2") {
		t.Errorf("Enqueue = %v", err)
	}
	if f := srv.Failures(); len(f) != 1 || f[0].OperationID != "createResponses" {
		t.Errorf("Failures() = %+v", f)
	}
	// A raw event alone is sent as it is.
	srv.Enqueue("createResponses", openroutertest.Response{Stream: &openroutertest.Stream{Events: []any{openroutertest.RawEvent("{not json")}}})
	do(t, srv, "POST", "/responses", `{"input":"hi"}`) // the rejected answer
	_, _, body := do(t, srv, "POST", "/responses", `{"input":"hi"}`)
	events := parseSSE(t, body)
	if len(events) != 2 || events[0].Data != "{not json" || events[1].Data != "[DONE]" {
		t.Errorf("events %+v", events)
	}
}
