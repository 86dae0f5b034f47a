package openrouter_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// decodeCases are responses a provider or a newer API may send: each must
// decode, on Chat.Send (MSG read as "message") and as a chunk of a chat
// stream (MSG read as "delta"), exactly as encoding/json decodes it, and
// check says what the user sees.
var decodeCases = map[string]struct {
	body  string
	check func(content, id string, finish *string) bool
}{
	"unknown fields": {
		body: `{"id":"gen-1","object":"chat.completion","created":1,"model":"m","brand_new":{"a":[1,{"b":null}]},
			"choices":[{"index":0,"finish_reason":"stop","x":1,"MSG":{"role":"assistant","content":"hi","new_field":[true]}}],
			"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"future_tokens":4}}`,
		check: func(content, id string, _ *string) bool { return content == "hi" && id == "gen-1" },
	},
	"unknown enum values": {
		body: `{"id":"gen-1","object":"chat.completion.v2","created":1,"model":"m",
			"choices":[{"index":0,"finish_reason":"some_future_reason","MSG":{"role":"assistant","content":"hi"}}]}`,
		check: func(_, _ string, finish *string) bool { return finish != nil && *finish == "some_future_reason" },
	},
	"names in another case": {
		body: `{"ID":"gen-1","Object":"chat.completion","created":1,"Model":"m",
			"Choices":[{"Index":0,"Finish_Reason":"stop","MSG":{"Role":"assistant","CONTENT":"hi"}}]}`,
		check: func(content, id string, finish *string) bool {
			return content == "hi" && id == "gen-1" && finish != nil && *finish == "stop"
		},
	},
	"duplicate names": {
		body: `{"id":"gen-0","id":"gen-1","object":"chat.completion","created":1,"model":"m","model":null,
			"choices":[{"index":0,"finish_reason":null,"finish_reason":"stop","MSG":{"role":"assistant","content":"no"},"MSG":{"content":"hi"}}],
			"usage":{"prompt_tokens":1,"total_tokens":3},"usage":{"completion_tokens":2}}`,
		check: func(content, id string, finish *string) bool {
			return content == "hi" && id == "gen-1" && finish != nil && *finish == "stop"
		},
	},
	"invalid UTF-8": {
		body: "{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\"," +
			"\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"MSG\":{\"role\":\"assistant\",\"content\":\"h\xffi \\ud800\"}}]}",
		check: func(content, _ string, _ *string) bool { return content == "h\uFFFDi \uFFFD" },
	},
}

// allExported lets cmp look into gen's unions, whose JSON is unexported.
var allExported = cmp.Exporter(func(reflect.Type) bool { return true })

func TestChatSendDecodesAsEncodingJSON(t *testing.T) {
	t.Parallel()
	for name, tc := range decodeCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body := strings.ReplaceAll(tc.body, "MSG", "message")
			body = strings.ReplaceAll(body, "MSG", "message")
			ts := newTestServer(t, jsonHandler(200, body))
			got, err := ts.client(t).Chat.Send(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{userText(t, "hi")}})
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			var want openrouter.ChatResponse
			if err := json.Unmarshal([]byte(body), &want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if diff := cmp.Diff(want, *got, allExported); diff != "" {
				t.Errorf("Send and encoding/json differ (-encoding/json +Send):\n%s", diff)
			}
			var finish *string
			if len(got.Choices) > 0 && got.Choices[0].FinishReason != nil {
				s := string(*got.Choices[0].FinishReason)
				finish = &s
			}
			if !tc.check(got.Text(), got.ID, finish) {
				t.Errorf("Send decoded text %q, id %q, finish reason %v", got.Text(), got.ID, finish)
			}
		})
	}
}

func TestChatStreamDecodesAsEncodingJSON(t *testing.T) {
	t.Parallel()
	for name, tc := range decodeCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			chunk := strings.ReplaceAll(tc.body, "MSG", "delta")
			chunk = strings.ReplaceAll(chunk, "MSG", "delta")
			chunk = strings.ReplaceAll(chunk, "\n", "")
			ts := newTestServer(t, sseHandler(0, "data: "+chunk+"\n\n", "data: [DONE]\n\n"))
			stream, err := streamChat(t, ts.client(t))
			if err != nil {
				t.Fatalf("Stream: %v", err)
			}
			var got []openrouter.ChatChunk
			for c, err := range stream.All() {
				if err != nil {
					t.Fatalf("stream: %v", err)
				}
				got = append(got, c)
			}
			var want openrouter.ChatChunk
			if err := json.Unmarshal([]byte(chunk), &want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if len(got) != 1 {
				t.Fatalf("%d chunks, want 1", len(got))
			}
			if diff := cmp.Diff(want, got[0], allExported); diff != "" {
				t.Errorf("Stream and encoding/json differ (-encoding/json +Stream):\n%s", diff)
			}
			var content string
			var finish *string
			if ch := got[0].Choices; len(ch) > 0 {
				content = ch[0].Delta.Content
				if ch[0].FinishReason != nil {
					s := string(*ch[0].FinishReason)
					finish = &s
				}
			}
			if !tc.check(content, got[0].ID, finish) {
				t.Errorf("Stream decoded content %q, id %q, finish reason %v", content, got[0].ID, finish)
			}
		})
	}
}
