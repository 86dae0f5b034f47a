package openrouter_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// recordedChunks reads the data events of a stream recording, up to [DONE].
func recordedChunks(t *testing.T, path string) []openrouter.ChatChunk {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var chunks []openrouter.ChatChunk
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok || data == "[DONE]" {
			continue
		}
		var c openrouter.ChatChunk
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			t.Fatalf("chunk %q: %v", data, err)
		}
		chunks = append(chunks, c)
	}
	return chunks
}

func canonicalJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAccumulatorEqualsNonStreamingResponse(t *testing.T) {
	t.Parallel()
	var acc openrouter.ChatAccumulator
	for _, c := range recordedChunks(t, "testdata/chat_stream.sse") {
		acc.Add(c)
	}
	raw, err := os.ReadFile("testdata/chat_response.json")
	if err != nil {
		t.Fatal(err)
	}
	var want openrouter.ChatResponse
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	got := acc.Response()
	if diff := cmp.Diff(canonicalJSON(t, want), canonicalJSON(t, got)); diff != "" {
		t.Errorf("accumulated response differs from the non-streaming one (-want +got):\n%s", diff)
	}
	if acc.Chunks() != 11 {
		t.Errorf("Chunks() = %d, want 11", acc.Chunks())
	}
}

func TestAccumulatorJustFinished(t *testing.T) {
	t.Parallel()
	var acc openrouter.ChatAccumulator
	var events []string
	for _, c := range recordedChunks(t, "testdata/chat_stream.sse") {
		acc.Add(c)
		if s, ok := acc.JustFinishedReasoning(); ok {
			events = append(events, "reasoning:"+s)
		}
		if s, ok := acc.JustFinishedContent(); ok {
			events = append(events, "content:"+s)
		}
		if tc, ok := acc.JustFinishedToolCall(); ok {
			events = append(events, "tool:"+tc.ID+":"+tc.Function.Name+":"+tc.Function.Arguments)
		}
	}
	want := []string{
		"reasoning:The user wants the weather in Paris.",
		"content:Let me check the weather.",
		`tool:toolu_01A:get_weather:{"city": "Paris"}`,
		`tool:toolu_01B:get_time:{"tz":"Europe/Paris"}`,
	}
	if diff := cmp.Diff(want, events); diff != "" {
		t.Errorf("JustFinished events (-want +got):\n%s", diff)
	}
}

func TestAccumulatorMultipleChoicesAndEmpty(t *testing.T) {
	t.Parallel()
	var acc openrouter.ChatAccumulator
	if r := acc.Response(); len(r.Choices) != 0 || r.ID != "" {
		t.Errorf("empty accumulator gave %+v", r)
	}
	chunks := []string{
		`{"id":"g","object":"chat.completion.chunk","created":5,"model":"m","choices":[{"index":1,"delta":{"content":"B1"}},{"index":0,"delta":{"role":"assistant","content":"A1"}}]}`,
		`{"id":"g","object":"chat.completion.chunk","created":5,"model":"m","choices":[{"index":0,"delta":{"content":"A2"},"finish_reason":"stop"},{"index":1,"delta":{"refusal":"no"},"finish_reason":"length"}]}`,
	}
	for _, s := range chunks {
		var c openrouter.ChatChunk
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			t.Fatal(err)
		}
		acc.Add(c)
	}
	got, _ := json.Marshal(acc.Response())
	want := `{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"A1A2","role":"assistant"}},{"finish_reason":"length","index":1,"message":{"content":"B1","refusal":"no","role":"assistant"}}],"created":5,"id":"g","model":"m","object":"chat.completion","system_fingerprint":""}`
	if !jsonEqual(t, got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestJustFinishedToolCallsInOneChunk: parallel tool calls sent whole in
// one chunk, with the finish reason, are all reported by that chunk.
func TestJustFinishedToolCallsInOneChunk(t *testing.T) {
	var chunk openrouter.ChatChunk
	if err := json.Unmarshal([]byte(`{"id":"g","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","tool_calls":[
		{"index":0,"id":"c0","type":"function","function":{"name":"a","arguments":"{}"}},
		{"index":1,"id":"c1","type":"function","function":{"name":"b","arguments":"{}"}},
		{"index":2,"id":"c2","type":"function","function":{"name":"c","arguments":"{}"}}]}}]}`), &chunk); err != nil {
		t.Fatal(err)
	}
	var acc openrouter.ChatAccumulator
	acc.Add(chunk)
	var ids []string
	for _, tc := range acc.JustFinishedToolCalls() {
		ids = append(ids, tc.ID)
	}
	if strings.Join(ids, ",") != "c0,c1,c2" {
		t.Errorf("JustFinishedToolCalls ids = %v, want c0,c1,c2", ids)
	}
	if tc, ok := acc.JustFinishedToolCall(); !ok || tc.ID != "c0" {
		t.Errorf("JustFinishedToolCall = %v, %v", tc.ID, ok)
	}
}
