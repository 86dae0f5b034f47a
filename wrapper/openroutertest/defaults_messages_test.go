package openroutertest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Samples of the Anthropic Messages, Presets and Rerank operations.
func init() {
	for id, s := range map[string]sample{
		"createMessages": {"POST", "/messages", `{"model":"anthropic/claude-sonnet-4","max_tokens":100,"system":"Be brief.","messages":[{"role":"user","content":"Hello Claude"}]}`, false, 200,
			[]string{`"type":"message"`, `"text":"You said: Hello Claude"`, `"stop_reason":"end_turn"`, `"model":"anthropic/claude-sonnet-4"`, `"cost":`}},
		"listPresets": {"GET", "/presets?offset=1&limit=1", "", false, 200,
			[]string{`"total_count":3`, `"slug":"support-bot"`}},
		"getPreset": {"GET", "/presets/my-preset", "", false, 200,
			[]string{`"slug":"my-preset"`, `"name":"My Preset"`, `"designated_version":{`}},
		"listPresetVersions": {"GET", "/presets/my-preset/versions", "", false, 200,
			[]string{`"total_count":3`, `"preset_id":"preset-fake-my-preset"`, `"version":2`}},
		"getPresetVersion": {"GET", "/presets/my-preset/versions/2", "", false, 200,
			[]string{`"version":2`, `"id":"pv-fake-my-preset-2"`}},
		"createPresetsChatCompletions": {"POST", "/presets/brief/chat/completions", `{"model":"openai/gpt-4o","temperature":0.3,"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"x"}]}`, false, 200,
			[]string{`"slug":"brief"`, `"system_prompt":"Be brief."`, `"temperature":0.3`}},
		"createPresetsMessages": {"POST", "/presets/brief/messages", `{"model":"anthropic/claude-sonnet-4","system":"Be terse.","messages":[{"role":"user","content":"x"}]}`, false, 200,
			[]string{`"slug":"brief"`, `"system_prompt":"Be terse."`, `"model":"anthropic/claude-sonnet-4"`}},
		"createPresetsResponses": {"POST", "/presets/brief/responses", `{"model":"openai/gpt-4o","instructions":"Answer in French.","input":"x"}`, false, 200,
			[]string{`"slug":"brief"`, `"system_prompt":"Answer in French."`}},
		"createRerank": {"POST", "/rerank", `{"model":"cohere/rerank-v3.5","query":"green tea","documents":["black coffee","green tea leaves",{"text":"tea time"}],"top_n":2}`, false, 200,
			[]string{`"index":1,"relevance_score":1`, `"index":2,"relevance_score":0.5`, `"model":"cohere/rerank-v3.5"`}},
	} {
		samples[id] = s
	}
}

// TestDefaultMessagesStream checks the Anthropic event sequence of the
// streamed createMessages default: no [DONE], message_stop last.
func TestDefaultMessagesStream(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	status, h, body := do(t, srv, http.MethodPost, "/messages",
		`{"model":"m/x","max_tokens":50,"stream":true,"messages":[{"role":"user","content":[{"type":"text","text":"one two three"}]}]}`)
	if status != 200 || h.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("status %d, Content-Type %q", status, h.Get("Content-Type"))
	}
	var kinds []string
	var text strings.Builder
	for _, ev := range parseSSE(t, body) {
		if ev.Comment {
			continue
		}
		if ev.Data == "[DONE]" {
			t.Error("an Anthropic stream has no [DONE]")
			continue
		}
		m := jsonBody(t, []byte(ev.Data))
		kind, _ := m["type"].(string)
		kinds = append(kinds, kind)
		if kind == "content_block_delta" {
			text.WriteString(m["delta"].(map[string]any)["text"].(string))
		}
	}
	want := "message_start content_block_start ping content_block_delta"
	if got := strings.Join(kinds, " "); !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "content_block_stop message_delta message_stop") {
		t.Errorf("event kinds %s", got)
	}
	if text.String() != "You said: one two three" {
		t.Errorf("streamed text %q", text.String())
	}
	// The Messages envelope names each event, as Anthropic's streams do.
	for _, kind := range []string{"message_start", "content_block_delta", "message_stop"} {
		if !strings.Contains(string(body), "event: "+kind+"\ndata: {") {
			t.Errorf("no event: %s line before its data:\n%s", kind, body)
		}
	}
	if f := srv.Failures(); len(f) != 0 {
		t.Errorf("Failures() = %v", f)
	}
}

// TestDefaultPresetVersionNotFound checks that an unknown version is a 404.
func TestDefaultPresetVersionNotFound(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	status, _, body := do(t, srv, http.MethodGet, "/presets/my-preset/versions/9", "")
	if status != 404 || !strings.Contains(string(body), `"code":404`) {
		t.Errorf("status %d, body %s", status, body)
	}
}
