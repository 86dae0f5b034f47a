// Package bench measures the SDK against a hand-written baseline client
// (net/http + encoding/json + bufio) on the same loopback server, in the
// same run. The benchmarks live in bench_test.go (go test -bench) and are
// driven round by round by ./cmd/benchtable, which prints medians and
// ours/baseline ratios.
package bench

import (
	"bytes"
	"fmt"
	"strings"
)

// Identity of the fake generation, repeated in every chunk as OpenRouter
// does.
const (
	genID    = "gen-1764590400-q7XbN2kLm8RtVw3YzA1c"
	provider = "Anthropic"
	model    = "anthropic/claude-sonnet-4.5"
	created  = 1764590400
	// signature stands for the opaque signature Anthropic attaches to
	// reasoning.
	signature = "EqQBCkgIBhABGAIiQKx3n0Jd6mYqv9c3yF1uR2wT8pLk0sZbN4aH7eG5xQ1oM2jV6rC9tW3yU8iP0lK4dS7fA2gH5jB1nX6vE9mQ=="
)

// words feed the generated text; every fourth delta starts a new line or
// quotes something so the decoders meet escapes as in real output.
var words = strings.Fields(`the model considers each constraint in turn and then
writes a short answer with a worked example so that the reader can check
every step of the reasoning against the original question before moving on`)

// deltaText returns the text of delta i: a few words, 20 to 40 bytes.
func deltaText(i int) string {
	var b strings.Builder
	for j := 0; b.Len() < 20+i%21; j++ {
		b.WriteByte(' ')
		b.WriteString(words[(i*7+j)%len(words)])
	}
	switch i % 8 {
	case 3:
		b.WriteString("\n")
	case 7:
		b.WriteString(` "quoted"`)
	}
	return b.String()
}

func jsonString(s string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

const usageJSON = `{"prompt_tokens":412,"completion_tokens":318,"total_tokens":730,"cost":0.005934,"is_byok":false,` +
	`"prompt_tokens_details":{"cached_tokens":256,"cache_write_tokens":0,"audio_tokens":0},` +
	`"cost_details":{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.001236,"upstream_inference_completions_cost":0.004698},` +
	`"completion_tokens_details":{"reasoning_tokens":96,"audio_tokens":0}}`

// ChatResponseBody is a non-streaming chat completion of about 2 KiB with
// provider, reasoning, reasoning_details and usage with cost details.
var ChatResponseBody = func() []byte {
	var content, reasoning strings.Builder
	for i := 0; content.Len() < 820; i++ {
		content.WriteString(deltaText(i))
	}
	for i := 100; reasoning.Len() < 300; i++ {
		reasoning.WriteString(deltaText(i))
	}
	r := jsonString(reasoning.String())
	return []byte(`{"id":"` + genID + `","provider":"` + provider + `","model":"` + model + `",` +
		`"object":"chat.completion","created":` + fmt.Sprint(created) + `,` +
		`"choices":[{"logprobs":null,"finish_reason":"stop","native_finish_reason":"end_turn","index":0,` +
		`"message":{"role":"assistant","content":` + jsonString(content.String()) + `,"refusal":null,"reasoning":` + r + `,` +
		`"reasoning_details":[{"type":"reasoning.text","text":` + r + `,"signature":"` + signature + `","format":"anthropic-claude-v1","index":0}]}}],` +
		`"system_fingerprint":null,"usage":` + usageJSON + `}`)
}()

// keepAlive is the comment OpenRouter sends while a request waits.
const keepAlive = ": OPENROUTER PROCESSING\n\n"

// StreamBody renders a chat stream of n chunks of about 300 bytes: the
// first fifth carry reasoning with reasoning_details, the rest content;
// then a finish chunk, a usage chunk, and [DONE]. Keep-alive comments open
// the stream and recur every 100 chunks. The usage and finish chunks are
// counted in n.
func StreamBody(n int) []byte {
	var b bytes.Buffer
	b.WriteString(keepAlive)
	head := `data: {"id":"` + genID + `","provider":"` + provider + `","model":"` + model +
		`","object":"chat.completion.chunk","created":` + fmt.Sprint(created) + `,"choices":[`
	tail := `,"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}` + "\n\n"
	text := n - 2
	for i := 0; i < text; i++ {
		if i > 0 && i%100 == 0 {
			b.WriteString(keepAlive)
		}
		t := jsonString(deltaText(i))
		b.WriteString(head)
		if i < text/5 {
			b.WriteString(`{"index":0,"delta":{"role":"assistant","content":"","reasoning":` + t +
				`,"reasoning_details":[{"type":"reasoning.text","text":` + t + `,"format":"anthropic-claude-v1","index":0}]}`)
		} else {
			b.WriteString(`{"index":0,"delta":{"role":"assistant","content":` + t + `,"reasoning":null,"reasoning_details":[]}`)
		}
		b.WriteString(tail)
	}
	b.WriteString(head + `{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop","native_finish_reason":"end_turn","logprobs":null}]}` + "\n\n")
	b.WriteString(head + `],"usage":` + usageJSON + "}\n\n")
	b.WriteString("data: [DONE]\n\n")
	return b.Bytes()
}
