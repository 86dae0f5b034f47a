package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// TestExtraBodyAndRawResponse sends a field the spec lacks and reads one
// back, through a loopback server that echoes what it was sent.
func TestExtraBodyAndRawResponse(t *testing.T) {
	t.Parallel()
	var ts *testServer
	ts = newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		var sent map[string]any
		reqs := ts.requests() // the server read the body into its record
		body := reqs[len(reqs)-1].Body
		if err := json.Unmarshal(body, &sent); err != nil {
			t.Errorf("body %s: %v", body, err)
		}
		knob, _ := json.Marshal(sent["new_knob"])
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"gen-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}],"echo":`+string(knob)+`}`)
	})
	c := ts.client(t, openrouter.WithExtraBody(map[string]any{"client_wide": true}))
	req := openrouter.ChatRequest{Model: "typed/model", Messages: []openrouter.ChatMessage{userText(t, "hi")}, Temperature: ptr(0.5)}
	var raw []byte
	resp, err := c.Chat.Send(context.Background(), req,
		openrouter.WithExtraBody(map[string]any{"new_knob": map[string]any{"level": 3}, "temperature": 0.9}),
		openrouter.WithExtraBody(map[string]any{"model": "extra/model"}),
		openrouter.WithRawResponse(&raw))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Text() != "ok" {
		t.Errorf("text %q, want ok", resp.Text())
	}
	var sent map[string]any
	if err := json.Unmarshal(ts.requests()[0].Body, &sent); err != nil {
		t.Fatal(err)
	}
	// The extra fields win over the typed ones; both options and the
	// client's merge.
	if sent["model"] != "extra/model" || sent["temperature"] != 0.9 || sent["client_wide"] != true || sent["messages"] == nil {
		t.Errorf("sent %v: want model extra/model, temperature 0.9, client_wide and the typed messages", sent)
	}
	var back struct {
		Echo struct{ Level int } `json:"echo"`
	}
	if err := json.Unmarshal(raw, &back); err != nil || back.Echo.Level != 3 {
		t.Errorf("raw %s: echo %+v (%v), want level 3", raw, back.Echo, err)
	}
}

func TestExtraBodyRetriedAndRefused(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sequence(jsonHandler(503, `{"error":{"code":503,"message":"busy"}}`), jsonHandler(200, `{"data":{"total_credits":1,"total_usage":0}}`)))
	c := ts.client(t)
	req := openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}}
	_, _ = c.Chat.Send(context.Background(), req, openrouter.WithMaxRetries(1), openrouter.WithExtraBody(map[string]any{"x": 1}))
	reqs := ts.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for i, r := range reqs {
		if !strings.Contains(string(r.Body), `"x":1`) {
			t.Errorf("attempt %d body %s lacks the extra field", i+1, r.Body)
		}
	}
	_, err := c.Credits.Get(context.Background(), openrouter.WithExtraBody(map[string]any{"x": 1}))
	if err == nil || !strings.Contains(err.Error(), "openrouter: Credits.Get: WithExtraBody: the request has no JSON body") {
		t.Errorf("GET with extra body: error %v", err)
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	reset := time.Now().Add(7 * time.Second).Truncate(time.Millisecond)
	rateHeaders := func(w http.ResponseWriter) {
		w.Header().Set("X-RateLimit-Limit", "200")
		w.Header().Set("X-RateLimit-Remaining", "199")
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(reset.UnixMilli(), 10))
	}
	want := openrouter.RateLimit{Limit: 200, Remaining: 199, Reset: reset}
	check := func(t *testing.T, what string, got openrouter.RateLimit, ok bool) {
		t.Helper()
		if !ok || got.Limit != want.Limit || got.Remaining != want.Remaining || !got.Reset.Equal(want.Reset) {
			t.Errorf("%s: %+v, %v; want %+v", what, got, ok, want)
		}
	}
	t.Run("result", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			rateHeaders(w)
			jsonHandler(200, `{"data":{"total_credits":1,"total_usage":0}}`)(w, r)
		})
		var rl openrouter.RateLimit
		if _, err := ts.client(t).Credits.Get(context.Background(), openrouter.WithRateLimitInto(&rl)); err != nil {
			t.Fatal(err)
		}
		check(t, "WithRateLimitInto", rl, true)
		if d := rl.ResetIn(); d <= 0 || d > 7*time.Second {
			t.Errorf("ResetIn %v, want within 7s", d)
		}
	})
	t.Run("stream", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			rateHeaders(w)
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, "data: {\"id\":\"g\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n")
		})
		s, err := ts.client(t).Chat.Stream(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		rl, ok := s.RateLimit()
		check(t, "Stream.RateLimit", rl, ok)
	})
	t.Run("error header", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			rateHeaders(w)
			jsonHandler(400, `{"error":{"code":400,"message":"bad"}}`)(w, r)
		})
		_, err := ts.client(t).Credits.Get(context.Background())
		var apiErr *openrouter.APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("error %v, want *APIError", err)
		}
		rl, ok := apiErr.RateLimit()
		check(t, "APIError.RateLimit", rl, ok)
	})
	t.Run("error metadata", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, jsonHandler(429, `{"error":{"code":429,"message":"Rate limit exceeded: free-models-per-min","metadata":{"headers":{"X-RateLimit-Limit":"200","X-RateLimit-Remaining":"199","X-RateLimit-Reset":"`+strconv.FormatInt(reset.UnixMilli(), 10)+`"}}}}`))
		_, err := ts.client(t).Credits.Get(context.Background(), openrouter.WithMaxRetries(0))
		var apiErr *openrouter.APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("error %v, want *APIError", err)
		}
		rl, ok := apiErr.RateLimit()
		check(t, "APIError.RateLimit from metadata", rl, ok)
	})
	t.Run("none", func(t *testing.T) {
		t.Parallel()
		if rl, ok := openrouter.RateLimitOf(http.Header{}); ok || rl != (openrouter.RateLimit{}) {
			t.Errorf("RateLimitOf(empty) = %+v, %v", rl, ok)
		}
		rl, ok := openrouter.RateLimitOf(http.Header{"X-Ratelimit-Remaining": {"3"}, "X-Ratelimit-Reset": {"1700000000"}})
		if !ok || rl.Remaining != 3 || !rl.Reset.Equal(time.Unix(1700000000, 0)) {
			t.Errorf("RateLimitOf(seconds) = %+v, %v", rl, ok)
		}
	})
}
