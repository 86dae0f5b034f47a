package openroutertest_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

const chatOp = openroutertest.OpSendChatCompletionRequest

// A reset before the headers is retried; the retry gets the default.
func TestFaultResetBeforeHeadersIsRetried(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.EnqueueFault(chatOp, openroutertest.ResetBeforeHeaders())
	r, err := client(t, srv).Chat.Send(context.Background(), hi())
	if err != nil || !strings.HasPrefix(r.Text(), "You said") || len(srv.RequestsFor(chatOp)) != 2 {
		t.Errorf("Send = %v, %v after %d requests", r, err, len(srv.RequestsFor(chatOp)))
	}
}

// A reset in the middle of a JSON body, and latency past WithTimeout.
func TestFaultResetDuringBodyAndLatency(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := client(t, srv, openrouter.WithMaxRetries(0))
	srv.EnqueueFault(chatOp, openroutertest.ResetAfterBytes(20))
	if _, err := c.Chat.Send(context.Background(), hi()); err == nil {
		t.Error("a body cut after 20 bytes decoded")
	}
	srv.EnqueueFault(chatOp, openroutertest.Latency(time.Second))
	start := time.Now()
	if _, err := c.Chat.Send(context.Background(), hi(), openrouter.WithTimeout(50*time.Millisecond)); err == nil || time.Since(start) > 800*time.Millisecond {
		t.Errorf("latency: %v after %v", err, time.Since(start))
	}
}

// A stall after the headers trips WithTimeout on a JSON call and
// WithStreamIdleTimeout on a stream.
func TestFaultStallAfterHeaders(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := client(t, srv, openrouter.WithMaxRetries(0))
	srv.EnqueueFault(chatOp, openroutertest.StallAfterHeaders(0))
	start := time.Now()
	if _, err := c.Chat.Send(context.Background(), hi(), openrouter.WithTimeout(50*time.Millisecond)); err == nil || time.Since(start) > time.Second {
		t.Errorf("JSON stall: %v after %v", err, time.Since(start))
	}
	srv.EnqueueFault(chatOp, openroutertest.StallAfterHeaders(0))
	start = time.Now()
	st, err := c.Chat.Stream(context.Background(), hi(), openrouter.WithStreamIdleTimeout(50*time.Millisecond))
	if err == nil {
		for st.Next() {
		}
		err = st.Err()
		st.Close()
	}
	if err == nil || time.Since(start) > time.Second {
		t.Errorf("stream stall: %v after %v", err, time.Since(start))
	}
}

// A slow body still arrives whole.
func TestFaultSlowBody(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.EnqueueFault(chatOp, openroutertest.SlowBody(64, time.Millisecond))
	r, err := client(t, srv).Chat.Send(context.Background(), hi())
	if err != nil || !strings.HasPrefix(r.Text(), "You said") {
		t.Errorf("Send = %v, %v", r, err)
	}
}

// An error frame before any token: retried when retryable, else returned
// by Stream itself; a truncated stream ends with an error.
func TestFaultEarlyErrorFrameAndTruncation(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := client(t, srv)
	ctx := context.Background()
	srv.EnqueueFault(chatOp, openroutertest.EarlyErrorFrame(openroutertest.Error(503, "upstream busy")))
	st, err := c.Chat.Stream(ctx, hi())
	if err != nil {
		t.Fatalf("retryable early error: %v", err)
	}
	for st.Next() {
	}
	if st.Err() != nil || len(srv.RequestsFor(chatOp)) != 2 {
		t.Errorf("after the retry: %v, %d requests", st.Err(), len(srv.RequestsFor(chatOp)))
	}
	st.Close()

	srv.EnqueueFault(chatOp, openroutertest.EarlyErrorFrame(openroutertest.Unavailable("model_not_found", "x/y")))
	if _, err := c.Chat.Stream(ctx, hi()); !errors.Is(err, openrouter.ErrModelNotFound) {
		t.Errorf("non-retryable early error: %v", err)
	}

	srv.Enqueue(chatOp, openroutertest.Chat("one two three four").Stream().Truncate(3).Response())
	st, err = c.Chat.Stream(ctx, hi())
	if err != nil {
		t.Fatal(err)
	}
	for st.Next() {
	}
	if st.Err() == nil {
		t.Error("a stream cut without [DONE] ended cleanly")
	}
	st.Close()

	for _, op := range []openroutertest.OperationID{openroutertest.OpCreateResponses, openroutertest.OpCreateMessages, openroutertest.OpCreateCompletions} {
		if err := srv.EnqueueFault(op, openroutertest.TruncateStream(1), openroutertest.EarlyErrorFrame(openroutertest.Error(429, "slow down"))); err != nil {
			t.Errorf("%s: %v", op, err)
		}
	}
}

// Bad input: a stream fault on an operation that never streams, a stream
// for one that declares none, JSON for one that answers with no JSON.
func TestBadInputNamesTheOperationAndWhatItAccepts(t *testing.T) {
	t.Parallel()
	tb := &fakeTB{TB: t}
	srv := openroutertest.NewServer(tb)
	for _, tc := range []struct {
		op   openroutertest.OperationID
		r    openroutertest.Response
		want string
	}{
		{openroutertest.OpGetCredits, openroutertest.Response{Faults: []openroutertest.Fault{openroutertest.TruncateStream(1)}}, "TruncateStream(1) needs a streamed answer, and getCredits never streams; it answers 200 application/json"},
		{openroutertest.OpListProviders, openroutertest.Chat("x").Stream().Response(), "listProviders declares no stream (text/event-stream) for status 200; it answers 200 application/json"},
		{openroutertest.OpDownloadFileContent, openroutertest.Response{JSON: map[string]any{}}, "downloadFileContent answers status 200 with no application/json body; it answers 200 application/octet-stream"},
		{openroutertest.OpGetCredits, openroutertest.Response{Status: 204}, "getCredits declares no status 204; it answers 200 application/json"},
		{openroutertest.OpSendChatCompletionRequest, openroutertest.Response{JSON: map[string]any{}, Faults: []openroutertest.Fault{openroutertest.TruncateStream(1)}}, "needs a streamed answer"},
		{openroutertest.OpGetCredits, openroutertest.Response{Faults: []openroutertest.Fault{{}}}, "a zero Fault"},
	} {
		err := srv.Enqueue(tc.op, tc.r)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Enqueue(%s) = %v, want %q", tc.op, err, tc.want)
		}
	}
	if n := len(tb.reported()); n != 6 {
		t.Errorf("reported %d failures", n)
	}
	// A stream fault on a default answer that does not stream.
	srv = openroutertest.NewServer(&fakeTB{TB: t})
	srv.EnqueueFault(chatOp, openroutertest.TruncateStream(1))
	if status, _, body := do(t, srv, "POST", "/chat/completions", chatBody); status != http.StatusNotImplemented || !strings.Contains(string(body), `set \"stream\": true`) {
		t.Errorf("answer %d %s", status, body)
	}
}

// Recorded requests decode as the gen type of their operation.
func TestRecordedRequestsAreTyped(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := client(t, srv)
	if _, err := c.Chat.Send(context.Background(), hi()); err != nil {
		t.Fatal(err)
	}
	r := srv.RequestsFor(chatOp)[0]
	req, err := openroutertest.RequestBody[openrouter.ChatRequest](r)
	if err != nil || req.Model != "openai/gpt-4o-mini" || len(req.Messages) != 1 {
		t.Errorf("RequestBody = %+v, %v", req, err)
	}
	if v, err := r.Decode(); err != nil {
		t.Errorf("Decode: %v", err)
	} else if _, ok := v.(*openrouter.ChatRequest); !ok {
		t.Errorf("Decode = %T", v)
	}
	if _, err := openroutertest.RequestBody[openrouter.CreateAPIKeyRequest](r); err == nil || !strings.Contains(err.Error(), "gen.ChatRequest") {
		t.Errorf("wrong type: %v", err)
	}
	c.Credits.Get(context.Background())
	if _, err := srv.RequestsFor(openroutertest.OpGetCredits)[0].Decode(); err == nil || !strings.Contains(err.Error(), "getCredits has no JSON request body") {
		t.Errorf("no body: %v", err)
	}
}
