package openrouter_test

import (
	"encoding/json"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
)

// TestResponsesDecodeForwardCompatibly: fields, enum values and union
// variants the spec does not know yet must never fail decoding.
func TestResponsesDecodeForwardCompatibly(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		body  string
		into  any
		check func(t *testing.T, v any)
	}{
		"chat response": {
			body: `{"id":"gen-1","object":"chat.completion.v2","created":1,"model":"m","brand_new":{"a":[1,2]},
				"choices":[{"index":0,"finish_reason":"some_future_reason","message":{"role":"assistant","content":"hi","new_field":true}}]}`,
			into: &gen.ChatResponse{},
			check: func(t *testing.T, v any) {
				r := v.(*gen.ChatResponse)
				if r.ID != "gen-1" || string(*r.Choices[0].FinishReason) != "some_future_reason" || string(r.Object) != "chat.completion.v2" {
					t.Errorf("decoded %+v", r)
				}
			},
		},
		"chat chunk": {
			body: `{"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"h","x":1},"finish_reason":null}],"new":1}`,
			into: &gen.ChatChunk{},
			check: func(t *testing.T, v any) {
				if c := v.(*gen.ChatChunk); len(c.Choices) != 1 {
					t.Errorf("decoded %+v", c)
				}
			},
		},
		"message with an unknown role": {
			body: `{"role":"critic","content":"x"}`,
			into: &gen.ChatMessage{},
			check: func(t *testing.T, v any) {
				d, err := v.(*gen.ChatMessage).Discriminator()
				if err != nil || d != "critic" {
					t.Errorf("discriminator %q, %v", d, err)
				}
			},
		},
		"responses result with an unknown output item": {
			body: `{"id":"resp_1","object":"response","created_at":1,"model":"m","status":"queued_for_later","output":[{"type":"hologram","id":"h1"}]}`,
			into: &gen.OpenResponsesResult{},
			check: func(t *testing.T, v any) {
				r := v.(*gen.OpenResponsesResult)
				if len(r.Output) != 1 || string(r.Status) != "queued_for_later" {
					t.Errorf("decoded %+v", r)
				}
			},
		},
		"responses stream event of an unknown type": {
			body: `{"type":"response.teleported","sequence_number":3}`,
			into: &gen.ResponsesStreamEvent{},
			check: func(t *testing.T, v any) {
				d, err := v.(*gen.ResponsesStreamEvent).Discriminator()
				if err != nil || d != "response.teleported" {
					t.Errorf("discriminator %q, %v", d, err)
				}
			},
		},
		"model with unknown modality": {
			body: `{"data":[{"id":"x/y","architecture":{"modality":"smell->text","input_modalities":["smell"],"output_modalities":["text"]},"pricing":{"prompt":"0","completion":"0"},"unknown":1}]}`,
			into: &gen.ModelsListResponse{},
			check: func(t *testing.T, v any) {
				if r := v.(*gen.ModelsListResponse); len(r.Data) != 1 || r.Data[0].ID != "x/y" {
					t.Errorf("decoded %+v", r)
				}
			},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if err := json.Unmarshal([]byte(tc.body), tc.into); err != nil {
				t.Fatalf("decode failed: %v", err)
			}
			tc.check(t, tc.into)
		})
	}
}
