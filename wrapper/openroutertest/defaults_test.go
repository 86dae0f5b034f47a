package openroutertest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// sample is a valid request for one operation, and what its default
// answer must look like.
type sample struct {
	method, path, body string
	noAuth             bool
	status             int
	want               []string // substrings of the body
}

// sampleHeaders holds extra request headers (name, value, ...) of the
// samples whose body is not JSON, by operation id.
var sampleHeaders = map[string][]string{}

// sampleContentTypes holds the media type of the default answers that are
// not JSON, by operation id.
var sampleContentTypes = map[string]string{}

// samples has one valid request per operation of openapi.yaml.
var samples = map[string]sample{
	"sendChatCompletionRequest": {"POST", "/chat/completions", `{"model":"openai/gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello there"}]}`, false, 200,
		[]string{`"content":"You said: Hello there"`, `"model":"openai/gpt-4o-mini"`, `"id":"gen-fake-000001"`, `"provider":"FakeProvider"`, `"cost":`}},
	"createCompletions": {"POST", "/completions", `{"model":"openai/gpt-3.5-turbo-instruct","prompt":"Once upon a time"}`, false, 200,
		[]string{`"object":"text_completion"`, `You said: Once upon a time`}},
	"createResponses": {"POST", "/responses", `{"model":"openai/gpt-4o-mini","input":"Hi"}`, false, 200,
		[]string{`"object":"response"`, `"text":"You said: Hi"`, `"status":"completed"`}},
	"createEmbeddings": {"POST", "/embeddings", `{"model":"openai/text-embedding-3-small","input":["alpha","beta"]}`, false, 200,
		[]string{`"object":"embedding"`, `"index":1`}},
	"listEmbeddingsModels": {"GET", "/embeddings/models", "", false, 200, []string{`"openai/text-embedding-3-small"`}},
	"getModels":            {"GET", "/models?limit=2", "", false, 200, []string{`"total_count":3`, `"next":"/api/v1/models?limit=2\u0026offset=2"`}},
	"listModelsCount":      {"GET", "/models/count", "", false, 200, []string{`"count":3`}},
	"listModelsUser":       {"GET", "/models/user", "", false, 200, []string{`"pricing"`}},
	"listEndpoints":        {"GET", "/models/openai/gpt-4o/endpoints", "", false, 200, []string{`"id":"openai/gpt-4o"`, `"provider_name":"FakeProvider"`}},
	"listEndpointsZdr":     {"GET", "/endpoints/zdr", "", false, 200, []string{`"model_id"`}},
	"getParameters":        {"GET", "/parameters/openai/gpt-4o?provider=OpenAI", "", false, 200, []string{`"model":"openai/gpt-4o"`}},
	"listProviders":        {"GET", "/providers", "", false, 200, []string{`"slug":"fakeprovider"`}},
	"getGeneration":        {"GET", "/generation?id=gen-123", "", false, 200, []string{`"id":"gen-123"`}},
	"getCredits":           {"GET", "/credits", "", false, 200, []string{`"total_credits"`}},
	"createCoinbaseCharge": {"POST", "/credits/coinbase", "", false, 410, []string{`"code":410`}},
	"listKeys":             {"GET", "/keys?include_disabled=true", "", false, 200, []string{`"hash":"c0ffee01"`}},
	"createKeys":           {"POST", "/keys", `{"name":"CI","limit":5}`, false, 201, []string{`"name":"CI"`, `"key":"sk-or-v1-fake-new-key-`, `"limit":5`}},
	"getKey":               {"GET", "/keys/abc123", "", false, 200, []string{`"hash":"abc123"`}},
	"updateKeys":           {"PATCH", "/keys/abc123", `{"name":"Renamed","disabled":true}`, false, 200, []string{`"name":"Renamed"`, `"disabled":true`}},
	"deleteKeys":           {"DELETE", "/keys/abc123", "", false, 200, []string{`"deleted":true`}},
	"getCurrentKey":        {"GET", "/key", "", false, 200, []string{`"is_free_tier":false`}},
	"getUserActivity":      {"GET", "/activity?date=2025-01-10", "", false, 200, []string{`"date":"2025-01-10"`}},
	"exchangeAuthCodeForAPIKey": {"POST", "/auth/keys", `{"code":"abc","code_verifier":"verifier","code_challenge_method":"S256"}`, true, 200,
		[]string{`"key":"sk-or-v1-`}},
	"createAuthKeysCode": {"POST", "/auth/keys/code", `{"callback_url":"https://app.example/callback"}`, false, 200, []string{`"app_id"`}},
}

// TestDefaultAnswers calls every operation of the spec once; the server
// validates the requests and its own answers, and fails the test on any
// mismatch. A new operation without a sample here, or without a default
// answer, fails too.
func TestDefaultAnswers(t *testing.T) {
	t.Parallel()
	ids := openroutertest.OperationIDs()
	if len(ids) < 24 {
		t.Fatalf("OperationIDs() = %d operations, want at least 24", len(ids))
	}
	for _, opid := range ids {
		id := string(opid)
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			s, ok := samples[id]
			if !ok {
				t.Fatalf("no sample request for operation %q: add one to samples", id)
			}
			srv := openroutertest.NewServer(t)
			var hdr []string
			if s.noAuth {
				hdr = []string{"Authorization", ""}
			}
			hdr = append(hdr, sampleHeaders[id]...)
			status, h, body := do(t, srv, s.method, s.path, s.body, hdr...)
			if status != s.status {
				t.Fatalf("status %d, want %d; body %s", status, s.status, body)
			}
			wantCT := "application/json"
			if ct, ok := sampleContentTypes[id]; ok {
				wantCT = ct
			}
			if ct := h.Get("Content-Type"); ct != wantCT {
				t.Errorf("Content-Type %q, want %q", ct, wantCT)
			}
			for _, w := range s.want {
				if !strings.Contains(string(body), w) {
					t.Errorf("body lacks %s:\n%s", w, body)
				}
			}
			reqs := srv.RequestsFor(opid)
			if len(reqs) != 1 || reqs[0].Method != s.method {
				t.Errorf("RequestsFor(%q) = %+v", id, reqs)
			}
			if f := srv.Failures(); len(f) != 0 {
				t.Errorf("Failures() = %v", f)
			}
		})
	}
}

// TestDefaultStreams checks the SSE default answers of the three
// streaming operations event by event.
func TestDefaultStreams(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, path, body string
		wantText         string
	}{
		{"chat", "/chat/completions", `{"model":"m/x","stream":true,"messages":[{"role":"user","content":[{"type":"text","text":"one two"},{"type":"text","text":"three four five"}]}]}`, "You said: one two three four five"},
		{"completions", "/completions", `{"model":"m/x","stream":true,"prompt":"tell me"}`, " You said: tell me"},
		{"responses", "/responses", `{"model":"m/x","stream":true,"input":[{"role":"user","content":[{"type":"input_text","text":"hello stream"}]}]}`, "You said: hello stream"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t)
			status, h, body := do(t, srv, http.MethodPost, tc.path, tc.body)
			if status != 200 || h.Get("Content-Type") != "text/event-stream" {
				t.Fatalf("status %d, Content-Type %q", status, h.Get("Content-Type"))
			}
			events := parseSSE(t, body)
			if len(events) < 5 {
				t.Fatalf("only %d events:\n%s", len(events), body)
			}
			if !events[0].Comment || events[0].Data != "OPENROUTER PROCESSING" {
				t.Errorf("first event %+v, want the OPENROUTER PROCESSING comment", events[0])
			}
			if last := events[len(events)-1]; last.Data != "[DONE]" {
				t.Errorf("last event %+v, want [DONE]", last)
			}
			var text strings.Builder
			var finish, usage bool
			for _, ev := range events[1 : len(events)-1] {
				m := jsonBody(t, []byte(ev.Data))
				switch tc.name {
				case "chat", "completions":
					choices := m["choices"].([]any)
					if len(choices) == 0 {
						if m["usage"] == nil {
							t.Errorf("chunk without choices nor usage: %s", ev.Data)
						}
						usage = true
						continue
					}
					c := choices[0].(map[string]any)
					if tc.name == "chat" {
						d := c["delta"].(map[string]any)
						s, _ := d["content"].(string)
						text.WriteString(s)
						if text.Len() > 0 && len(s) > 0 && text.Len() == len(s) && d["role"] != "assistant" {
							t.Errorf("first chunk lacks the assistant role: %s", ev.Data)
						}
					} else {
						text.WriteString(c["text"].(string))
					}
					if c["finish_reason"] == "stop" {
						finish = true
					}
				case "responses":
					switch m["type"] {
					case "response.output_text.delta":
						text.WriteString(m["delta"].(string))
					case "response.output_text.done":
						finish = m["text"] == tc.wantText
					case "response.completed":
						usage = m["response"].(map[string]any)["usage"] != nil
					}
				}
			}
			if text.String() != tc.wantText {
				t.Errorf("streamed text %q, want %q", text.String(), tc.wantText)
			}
			if !finish || !usage {
				t.Errorf("finish %v, usage %v:\n%s", finish, usage, body)
			}
		})
	}
}
