package openrouter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// TestErrorPrefixOnce walks failures from every layer (request, retries,
// statuses, streams, polling) and checks that each error reads
// "openrouter: <Method>: ..." with the prefix once.
func TestErrorPrefixOnce(t *testing.T) {
	t.Parallel()
	truncated := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"id\":\"g\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n")
	}
	badEvent := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"id\":\"g\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: {nope\n\n")
	}
	midError := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"id\":\"g\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: {\"error\":{\"code\":502,\"message\":\"upstream\"}}\n\n")
	}
	streamErr := func(t *testing.T, c *openrouter.Client, opts ...openrouter.Option) error {
		s, err := c.Chat.Stream(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}}, opts...)
		if err != nil {
			return err
		}
		defer s.Close()
		for s.Next() {
		}
		return s.Err()
	}
	send := func(t *testing.T, c *openrouter.Client, opts ...openrouter.Option) error {
		_, err := c.Chat.Send(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}}, opts...)
		return err
	}
	// answer is a chat completion whose answer is content; parseAnswer
	// asks for one and decodes it with ParseInto.
	answer := func(content string) http.HandlerFunc {
		return jsonHandler(200, `{"id":"g","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":`+strconv.Quote(content)+`}}]}`)
	}
	parseAnswer := func(t *testing.T, c *openrouter.Client) error {
		resp, err := c.Chat.Send(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}})
		if err != nil {
			return err
		}
		_, err = openrouter.ParseInto[map[string]any](resp)
		return err
	}
	tests := map[string]struct {
		handler http.HandlerFunc
		run     func(t *testing.T, c *openrouter.Client) error
		method  string
	}{
		"status": {jsonHandler(400, `{"error":{"code":400,"message":"bad"}}`), func(t *testing.T, c *openrouter.Client) error { return send(t, c) }, "Chat.Send"},
		"retries exhausted": {jsonHandler(503, `{"error":{"code":503,"message":"busy"}}`), func(t *testing.T, c *openrouter.Client) error {
			return send(t, c, openrouter.WithMaxRetries(1))
		}, "Chat.Send"},
		"too large": {jsonHandler(200, `{"id":"`+strings.Repeat("x", 100)+`"}`), func(t *testing.T, c *openrouter.Client) error {
			return send(t, c, openrouter.WithMaxResponseBytes(10))
		}, "Chat.Send"},
		"missing key": {jsonHandler(200, `{}`), func(t *testing.T, c *openrouter.Client) error {
			c2, err := openrouter.NewClient(openrouter.WithBaseURL("http://127.0.0.1:1"))
			if err != nil {
				t.Fatal(err)
			}
			return send(t, c2)
		}, "Chat.Send"},
		"ctx ends while waiting to retry": {jsonHandler(503, `{"error":{"code":503,"message":"busy"}}`), func(t *testing.T, c *openrouter.Client) error {
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			_, err := c.Chat.Send(ctx, openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}},
				openrouter.WithMaxRetries(3), openrouter.WithRetryPolicy(openrouter.RetryPolicy{InitialBackoff: time.Hour, MaxBackoff: time.Hour, MaxRetryAfter: time.Hour}))
			return err
		}, "Chat.Send"},
		"stream truncated":   {truncated, func(t *testing.T, c *openrouter.Client) error { return streamErr(t, c) }, "Chat.Stream"},
		"stream bad event":   {badEvent, func(t *testing.T, c *openrouter.Client) error { return streamErr(t, c) }, "Chat.Stream"},
		"stream error event": {midError, func(t *testing.T, c *openrouter.Client) error { return streamErr(t, c) }, "Chat.Stream"},
		"stream closed": {truncated, func(t *testing.T, c *openrouter.Client) error {
			s, err := c.Chat.Stream(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}})
			if err != nil {
				return err
			}
			s.Close()
			for _, err := range s.All() {
				return err
			}
			return nil
		}, "Chat.Stream"},
		"files list all, unknown page shape": {jsonHandler(200, `{"_shape":"mystery","data":[]}`), func(t *testing.T, c *openrouter.Client) error {
			for _, err := range c.Files.ListAll(context.Background(), nil) {
				return err
			}
			return nil
		}, "Files.ListAll"},
		"parse into, no choices": {jsonHandler(200, `{}`), func(t *testing.T, c *openrouter.Client) error {
			_, err := openrouter.ParseInto[map[string]any](&openrouter.ChatResponse{})
			return err
		}, "ParseInto"},
		"parse into, no answer text": {answer(""), func(t *testing.T, c *openrouter.Client) error {
			err := parseAnswer(t, c)
			if !errors.Is(err, openrouter.ErrNoContent) {
				t.Errorf("error %v does not wrap ErrNoContent", err)
			}
			return err
		}, "ParseInto"},
		"parse into, not JSON": {answer("not json"), parseAnswer, "ParseInto"},
		"response format, nil schema": {jsonHandler(200, `{}`), func(t *testing.T, c *openrouter.Client) error {
			_, err := openrouter.ResponseFormatSchema("answer", nil)
			return err
		}, "ResponseFormatSchema"},
		"response format for a type without a schema": {jsonHandler(200, `{}`), func(t *testing.T, c *openrouter.Client) error {
			_, err := openrouter.ResponseFormatFor[chan int]("answer")
			return err
		}, "ResponseFormatFor"},
		"image file part, missing file": {jsonHandler(200, `{}`), func(t *testing.T, c *openrouter.Client) error {
			_, err := openrouter.ImageFilePart(t.TempDir() + "/missing.png")
			return err
		}, "ImageFilePart"},
		"batch wait": {jsonHandler(404, `{"error":{"code":404,"message":"no such batch"}}`), func(t *testing.T, c *openrouter.Client) error {
			_, err := c.Batches.Wait(context.Background(), "b-1", nil)
			return err
		}, "Batches.Wait"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, tt.handler)
			err := tt.run(t, ts.client(t))
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if want := "openrouter: " + tt.method + ": "; !strings.HasPrefix(msg, want) {
				t.Errorf("error %q does not start with %q", msg, want)
			}
			if n := strings.Count(msg, "openrouter:"); n != 1 {
				t.Errorf("error %q has the prefix %d times, want once", msg, n)
			}
		})
	}
}
