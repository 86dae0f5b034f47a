package openrouter_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// A provider failure reported as a 200 body holding an error object is an
// *APIError classified by its code, not an empty success.
func TestErrorBodyUnderStatus200(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"error":{"code":502,"message":"Provider returned error","metadata":{"provider_name":"Acme"}}}`))
	c := ts.client(t)
	resp, err := sendChat(t, c)
	if err == nil {
		t.Fatalf("no error; response %+v", resp)
	}
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v (%T), want *APIError", err, err)
	}
	if apiErr.StatusCode != 200 || apiErr.Code != 502 || apiErr.Message != "Provider returned error" || apiErr.Operation != "Chat.Send" {
		t.Errorf("APIError = %+v", apiErr)
	}
	if !errors.Is(err, openrouter.ErrProviderUnavailable) || !errors.Is(err, openrouter.ErrServer) {
		t.Errorf("%v does not match ErrProviderUnavailable and ErrServer", err)
	}
}

// A result type with its own top-level error field keeps it: a failed
// Responses result is a result, not a transport error.
func TestResultWithErrorFieldIsAResult(t *testing.T) {
	t.Parallel()
	body := `{"id":"resp_1","object":"response","created_at":1,"model":"m","status":"failed","output":[],"error":{"code":"server_error","message":"boom"},` +
		`"incomplete_details":null,"instructions":null,"metadata":null,"parallel_tool_calls":true,"temperature":null,"tool_choice":"auto","tools":[],"top_p":null}`
	ts := newTestServer(t, jsonHandler(200, body))
	c := ts.client(t)
	var in gen.Inputs
	if err := in.FromInputsString("hi"); err != nil {
		t.Fatal(err)
	}
	resp, err := c.Beta.Responses.Send(context.Background(), openrouter.ResponsesRequest{Model: "m", Input: &in})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if resp.Error == nil || resp.Error.Message != "boom" {
		t.Errorf("result error = %+v", resp.Error)
	}
}

// A Retry-After too long for a time.Duration is the longest wait, so the
// call gives up at once instead of retrying immediately.
func TestHugeRetryAfterGivesUp(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"99999999999", "1e300", "Inf"} {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			var n atomic.Int32
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				w.Header().Set("Retry-After", v)
				jsonHandler(429, errBody(429))(w, r)
			})
			_, err := sendChat(t, ts.client(t, openrouter.WithMaxRetries(3)))
			var apiErr *openrouter.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v, want *APIError", err)
			}
			if n.Load() != 1 {
				t.Errorf("%d attempts, want 1", n.Load())
			}
			if v != "Inf" && apiErr.RetryAfter <= 0 {
				t.Errorf("RetryAfter = %v, want a long positive wait", apiErr.RetryAfter)
			}
		})
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
