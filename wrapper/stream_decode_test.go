package openrouter

import (
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
)

// Chunks as OpenRouter sends them, and variations the fast chat chunk
// decoder must either handle exactly like encoding/json or hand over to it.
var chunkSamples = []string{
	`{"id":"gen-1","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1764590400,"choices":[{"index":0,"delta":{"role":"assistant","content":" the model\n \"quoted\"","reasoning":null,"reasoning_details":[]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}`,
	`{"id":"gen-1","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1764590400,"choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":" thinking","reasoning_details":[{"type":"reasoning.text","text":" thinking","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}`,
	`{"id":"gen-1","provider":"Anthropic","model":"m","object":"chat.completion.chunk","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop","native_finish_reason":"end_turn","logprobs":null}]}`,
	`{"id":"gen-1","provider":"Anthropic","model":"m","object":"chat.completion.chunk","created":1,"choices":[],"usage":{"prompt_tokens":412,"completion_tokens":318,"total_tokens":730,"cost":0.005934,"is_byok":false,"prompt_tokens_details":{"cached_tokens":256},"cost_details":{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.001,"upstream_inference_completions_cost":0.004},"completion_tokens_details":{"reasoning_tokens":96}}}`,
	` {"id" : "a" , "choices" : [ { "index" : 1 , "delta" : { "content" : "x" } } ] } `,
	`{"id":"é ü 日本","choices":[{"delta":{"content":"caf\u00e9 \u65e5 \/ \b\f\r\t \\"}}]}`,
	`{"id":"x","choices":[{"delta":{"content":"\ud83d\ude00 and \ud800 alone"}}]}`,
	`{"id":"x","choices":[{"delta":{"content":"bad \x utf8"}}]}`,
	"{\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\"\xff\xfe\"}}]}",
	"{\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\"tab\tinside\"}}]}",
	`{"id":"a","id":"b","provider":"p","provider":null,"model":null,"created":null}`,
	`{"ID":"a","Model":"m","choices":[{"Delta":{"CONTENT":"x"},"Index":2}]}`,
	`{"id":"a","extra":{"nested":[1,2,{"k":"v"}],"s":"}"},"more":[],"n":-1.5e3,"t":true,"f":false,"z":null,"choices":[{"x":1,"delta":{"y":"z","content":"c"}}]}`,
	`{"id":"a","extra":{"bad":[1,2}}`,
	`{"id":"a","extra":tru}`,
	`{"id":"a","ſ":1,"K":2}`,
	`{"choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b","role":"assistant"},"finish_reason":"length"}]}`,
	`{"choices":null}`,
	`{"choices":[null,{"index":3}]}`,
	`{"choices":[{"delta":null,"finish_reason":"tool_calls"}]}`,
	`{"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get","arguments":"{\"a\":1}"}}]}}]}`,
	`{"choices":[{"delta":{"audio":{"id":"au","data":"AAA","transcript":"hi"}},"logprobs":{"content":[{"token":"a","logprob":-0.1,"bytes":[97],"top_logprobs":[]}]}}]}`,
	`{"choices":[{"delta":{"reasoning_details":[{"type":"reasoning.encrypted","data":"xyz"},{"type":"reasoning.summary","summary":"s"}]}}]}`,
	`{"choices":[{"delta":{"reasoning_details":[null]}}]}`,
	`{"choices":[{"delta":{"reasoning_details":null}}]}`,
	`{"choices":[{"delta":{"reasoning_details":[1,"s",[]]}}]}`,
	`{"choices":[],"choices":[{"index":1}]}`,
	`{"choices":[{"delta":{"content":"a"},"delta":{"role":"assistant"}}]}`,
	`{"created":1.0}`, `{"created":1e3}`, `{"created":"1"}`, `{"created":-0}`, `{"created":01}`,
	`{"created":123456789012345678}`, `{"created":1234567890123456789}`, `{"created":-}`,
	`{"choices":[{"index":true}]}`, `{"id":1}`, `{"provider":1}`, `{"choices":{}}`,
	`{"id":"a"} x`, `{"id":"a"}}`, `{"id":"a",}`, `{,}`, `{"id" "a"}`, `{"id":"a"`, `{`, ``, `null`, `[]`, `"s"`, `{}`,
	`{"id":"a","usage":{"prompt_tokens":"many"}}`,
	`{"id":"a","usage":null,"openrouter_metadata":null,"error":null,"system_fingerprint":"fp","service_tier":"default"}`,
	`{"i\u0064":"escaped key"}`,
	`{"usage":{"cost":1e400}}`, `{"usage":{"cost":-0.0,"is_byok":true,"total_tokens":3}}`, `{"usage":{"cost":"1"}}`, `{"usage":{"cost":1.5E-3}}`,
	`{"usage":{"cost":01}}`, `{"usage":{"cost":1.}}`, `{"usage":{"cost":.5}}`, `{"usage":{"cost":-}}`, `{"usage":{"is_byok":tru}}`, `{"usage":{"is_byok":null,"cost":null}}`,
	`{"usage":{"prompt_tokens":1},"usage":{"completion_tokens":2}}`, `{"usage":{"prompt_tokens_details":{"cached_tokens":1},"prompt_tokens_details":{"audio_tokens":2}}}`,
	`{"usage":{"prompt_tokens_details":null,"completion_tokens_details":{"reasoning_tokens":null,"x":[1]},"cost_details":{"upstream_inference_cost":2,"Upstream_inference_cost":3}}}`,
	`{"usage":{"server_tool_use_details":{"web_search_requests":2},"Cost":1}}`,
	`{"usage":{"prompt_tokens_details":{"cached_tokens":1.5}}}`, `{"usage":null}`, `{"usage":[]}`, `{"usage":{"cost_details":{"upstream_inference_prompt_cost":null}}}`,
	`{"id":"a\"b\\"}`,
	`{"id":"line\u2028sep"}`,
	`{"choices":[{"native_finish_reason":"x","finish_reason":"weird_value","index":-3}]}`,
}

// decodeBoth decodes data with json.Unmarshal and with d, and fails on any
// difference in the result or the error.
func decodeBoth(t *testing.T, d *chunkDecoder, data []byte) {
	t.Helper()
	if chunkError(data) != nil {
		return
	}
	var want, got ChatChunk
	werr := json.Unmarshal(data, &want)
	gerr := d.decode(data, &got)
	if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
		t.Fatalf("%q: error %v, encoding/json says %v", data, gerr, werr)
	}
	if !reflect.DeepEqual(want, got) {
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		t.Fatalf("%q:\n got %s\nwant %s", data, g, w)
	}
}

func TestChunkDecoderMatchesEncodingJSON(t *testing.T) {
	if !fastChunks {
		t.Fatal("the fast chunk decoder is disabled: gen's chunk fields changed; teach chunkDecoder the new names")
	}
	d := new(chunkDecoder)
	for _, s := range chunkSamples {
		decodeBoth(t, d, []byte(s))
	}
	// Every prefix and many one-byte changes of a real chunk.
	for _, s := range chunkSamples[:4] {
		for i := range len(s) {
			decodeBoth(t, d, []byte(s[:i]))
			for _, c := range []byte{'"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'x', '0', 'n', 0x01, 0xff} {
				b := []byte(s)
				b[i] = c
				decodeBoth(t, d, b)
			}
		}
	}
}

func TestChunkDecoderFastPathTakesRealChunks(t *testing.T) {
	d := new(chunkDecoder)
	for _, s := range append(chunkSamples[:6:6], `{"id":"a","extra":{"nested":[1]},"choices":[{"delta":{"content":"\u00e9"}}]}`) {
		var c ChatChunk
		if !d.chunk([]byte(s), &c) {
			t.Errorf("fell back to encoding/json on %s", s)
		}
	}
	// The repeated strings of consecutive chunks are shared, their
	// pointers are not.
	var a, b ChatChunk
	_ = d.decode([]byte(chunkSamples[0]), &a)
	_ = d.decode([]byte(chunkSamples[0]), &b)
	if a.Provider == b.Provider || a.Choices[0].Delta.Content == b.Choices[0].Delta.Content {
		t.Error("two chunks share a pointer")
	}
	if reflect.ValueOf(a.Model).String() != b.Model || !strings.HasPrefix(*a.Provider, "Anthropic") {
		t.Error("bad decoding")
	}
}

func FuzzChunkDecoder(f *testing.F) {
	for _, s := range chunkSamples {
		f.Add([]byte(s))
	}
	d := new(chunkDecoder)
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeBoth(t, d, data)
	})
}

var responseSamples = []string{
	`{"id":"gen-1","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion","created":1764590400,` +
		`"choices":[{"logprobs":null,"finish_reason":"stop","native_finish_reason":"end_turn","index":0,` +
		`"message":{"role":"assistant","content":"Binary search halves\nthe \"range\" each step.","refusal":null,"reasoning":"think \u00e9",` +
		`"reasoning_details":[{"type":"reasoning.text","text":"think","signature":"EqQB==","format":"anthropic-claude-v1","index":0}]}}],` +
		`"system_fingerprint":null,"usage":{"prompt_tokens":412,"completion_tokens":318,"total_tokens":730,"cost":0.005934,"is_byok":false,` +
		`"prompt_tokens_details":{"cached_tokens":256},"cost_details":{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.001,"upstream_inference_completions_cost":0.004},` +
		`"completion_tokens_details":{"reasoning_tokens":96}}}`,
	`{"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":[{"type":"text","text":"parts"}],"tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}],"images":[{"type":"image_url","image_url":{"url":"data:"}}],"audio":{"id":"a"},"model":"m","name":"n"}},{"index":1,"message":null},null],"service_tier":"default","openrouter_metadata":null}`,
	`{"id":"x","choices":[{"message":{"content":null,"reasoning_details":null,"Role":"user"}}]}`,
	`{"id":"x","choices":[{"message":{"content":"\ud83d\ude00"}}]}`,
	`{"id":"x","extra":{"a":[1,{"b":"c"}]},"choices":[{"extra":1,"message":{"extra":"y","content":"z"}}]}`,
	`{"id":"x"} {"id":"y"}`, `{"id":"x"} trailing`, ``, ` `, `null`, `{"choices":[],"choices":[]}`, `{"created":"1"}`,
	`{"choices":[{"message":{"content":tru}}]}`, `{"choices":[{"message":{"content":"bad \q"}}]}`,
}

// decodeResponseBoth decodes data as Chat.Send does and as a json.Decoder
// does, and fails on any difference.
func decodeResponseBoth(t *testing.T, data []byte) {
	t.Helper()
	var want, got ChatResponse
	werr := json.NewDecoder(strings.NewReader(string(data))).Decode(&want)
	gerr := decodeBody(io.NopCloser(strings.NewReader(string(data))), &got)
	if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
		t.Fatalf("%q: error %v, json.Decoder says %v", data, gerr, werr)
	}
	if !reflect.DeepEqual(want, got) {
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		t.Fatalf("%q:\n got %s\nwant %s", data, g, w)
	}
}

func TestChatResponseDecoderMatchesEncodingJSON(t *testing.T) {
	if !fastResponses {
		t.Fatal("the fast response decoder is disabled: gen's response fields changed; teach it the new names")
	}
	for _, s := range responseSamples {
		decodeResponseBoth(t, []byte(s))
	}
	for _, s := range responseSamples[:2] {
		for i := range len(s) {
			decodeResponseBoth(t, []byte(s[:i]))
			for _, c := range []byte{'"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'x', '0', 'n', 0x01, 0xff} {
				b := []byte(s)
				b[i] = c
				decodeResponseBoth(t, b)
			}
		}
	}
	for _, s := range responseSamples[:2] {
		var r ChatResponse
		if !decodeChatResponse([]byte(s), &r.ChatResponse) {
			t.Errorf("fell back to encoding/json on %s", s)
		}
	}
}

func FuzzChatResponseDecoder(f *testing.F) {
	for _, s := range responseSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeResponseBoth(t, data)
	})
}

// TestFastDecodersAllocations guards the point of the fast decoders: about
// one allocation per content chunk (its text), and few per response.
func TestFastDecodersAllocations(t *testing.T) {
	d := new(chunkDecoder)
	chunk := []byte(chunkSamples[0])
	var c ChatChunk
	if n := testing.AllocsPerRun(1000, func() { c = ChatChunk{}; _ = d.decode(chunk, &c) }); n > 1.5 {
		t.Errorf("%.2f allocations per content chunk, want about 1", n)
	}
	resp := []byte(responseSamples[0])
	if n := testing.AllocsPerRun(200, func() {
		var r ChatResponse
		if !decodeChatResponse(resp, &r.ChatResponse) {
			t.Fatal("fell back")
		}
	}); n > 16 {
		t.Errorf("%.0f allocations per response, want at most 16", n)
	}
}
