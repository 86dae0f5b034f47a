package openrouter_test

import (
	"context"
	"encoding/json"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// collectRaw reads a whole stream and returns, per event, the
// "x_new_field" that CurrentJSON shows ("" where the event has none).
func collectRaw[T any](t *testing.T, s *openrouter.Stream[T], err error) []string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if raw := s.CurrentJSON(); raw != nil {
		t.Errorf("CurrentJSON before Next = %s, want nil", raw)
	}
	var got []string
	for _, err := range s.All() {
		if err != nil {
			t.Fatal(err)
		}
		raw := s.CurrentJSON()
		var extra struct {
			NewField string `json:"x_new_field"`
		}
		if err := json.Unmarshal(raw, &extra); err != nil {
			t.Fatalf("CurrentJSON = %q: %v", raw, err)
		}
		got = append(got, extra.NewField)
	}
	if raw := s.CurrentJSON(); raw != nil {
		t.Errorf("CurrentJSON after the end = %s, want nil", raw)
	}
	return got
}

// Every stream shows each event's JSON as sent, fields the spec lacks
// included: the first events of each (read ahead before the stream is
// handed over) as well as the later ones.
func TestStreamCurrentJSONKeepsUnknownFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := map[string]struct {
		events []string
		read   func(t *testing.T, c *openrouter.Client) []string
		want   []string
	}{
		"chat": {
			[]string{
				`{"id":"g","object":"chat.completion.chunk","created":1,"model":"m","x_new_field":"role","choices":[{"index":0,"delta":{"role":"assistant"}}]}`,
				`{"id":"g","object":"chat.completion.chunk","created":1,"model":"m","x_new_field":"text","choices":[{"index":0,"delta":{"content":"hi"}}]}`,
				`{"id":"g","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}`,
				`[DONE]`,
			},
			func(t *testing.T, c *openrouter.Client) []string {
				s, err := c.Chat.Stream(ctx, openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{openrouter.UserText("hi")}})
				return collectRaw(t, s, err)
			},
			[]string{"role", "text", ""},
		},
		"completions": {
			[]string{
				`{"id":"c","object":"text_completion","created":1,"model":"m","x_new_field":"one","choices":[{"index":0,"text":"Once"}]}`,
				`[DONE]`,
			},
			func(t *testing.T, c *openrouter.Client) []string {
				s, err := c.Completions.Stream(ctx, openrouter.CompletionRequest{Model: "m", Prompt: openrouter.PromptText("Tell")})
				return collectRaw(t, s, err)
			},
			[]string{"one"},
		},
		"responses": {
			[]string{
				`{"type":"response.created","sequence_number":0,"x_new_field":"created","response":{"id":"r","object":"response","status":"in_progress","model":"m","created_at":1,"output":[]}}`,
				`{"type":"response.output_text.delta","sequence_number":1,"item_id":"m1","output_index":0,"content_index":0,"delta":"Hi","logprobs":[],"x_new_field":"delta"}`,
				`{"type":"response.brand_new_event","sequence_number":2,"x_new_field":"unknown kind"}`,
				`[DONE]`,
			},
			func(t *testing.T, c *openrouter.Client) []string {
				s, err := c.Beta.Responses.Stream(ctx, openrouter.ResponsesRequest{Model: "m"})
				return collectRaw(t, s, err)
			},
			[]string{"created", "delta", "unknown kind"},
		},
		"messages": {
			[]string{
				`{"type":"message_start","x_new_field":"start","message":{"id":"msg","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":1}}}`,
				`{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}`,
				`{"type":"content_block_delta","index":0,"x_new_field":"delta","delta":{"type":"text_delta","text":"Hi"}}`,
				`{"type":"content_block_stop","index":0}`,
				`{"type":"message_stop","x_new_field":"stop"}`,
			},
			func(t *testing.T, c *openrouter.Client) []string {
				s, err := c.Messages.Stream(ctx, openrouter.MessagesRequest{Model: "m"})
				return collectRaw(t, s, err)
			},
			[]string{"start", "", "delta", "", "stop"},
		},
		"images": {
			[]string{
				`{"type":"image_generation.partial_image","b64_json":"AAAA","partial_image_index":0,"x_new_field":"partial"}`,
				`[DONE]`,
			},
			func(t *testing.T, c *openrouter.Client) []string {
				s, err := c.Images.Stream(ctx, openrouter.ImageRequest{Model: "m", Prompt: "a cat"})
				return collectRaw(t, s, err)
			},
			[]string{"partial"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newTestServer(t, sseEvents(tc.events...))
			got := tc.read(t, ts.client(t))
			if len(got) != len(tc.want) {
				t.Fatalf("x_new_field per event = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("event %d: x_new_field = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// CurrentJSON returns a copy: changing it changes neither the next call's
// result nor the event.
func TestStreamCurrentJSONIsACopy(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, sseEvents(
		`{"id":"g","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"}}]}`,
		`[DONE]`))
	s, err := ts.client(t).Chat.Stream(context.Background(), openrouter.ChatRequest{Model: "m", Messages: []openrouter.ChatMessage{openrouter.UserText("hi")}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.Next() {
		t.Fatal(s.Err())
	}
	first := s.CurrentJSON()
	want := string(first)
	for i := range first {
		first[i] = 'x'
	}
	if got := string(s.CurrentJSON()); got != want {
		t.Errorf("CurrentJSON after changing a copy = %s, want %s", got, want)
	}
}
