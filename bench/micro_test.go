package bench

import (
	"bytes"
	"encoding/json"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func microChunk() []byte {
	b := StreamBody(100)
	lines := bytes.Split(b, []byte("\n"))
	for _, l := range lines {
		if bytes.Contains(l, []byte(`"content":" `)) {
			return bytes.TrimPrefix(l, []byte("data: "))
		}
	}
	panic("no chunk")
}

func BenchmarkMicroBaseline(b *testing.B) {
	d := microChunk()
	b.ReportAllocs()
	var c BaselineChunk
	for b.Loop() {
		ch := c.Choices
		clear(ch[:cap(ch)])
		c = BaselineChunk{Choices: ch[:0]}
		if err := json.Unmarshal(d, &c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMicroSDK(b *testing.B) {
	d := microChunk()
	b.ReportAllocs()
	for b.Loop() {
		var c openrouter.ChatChunk
		if err := json.Unmarshal(d, &c); err != nil {
			b.Fatal(err)
		}
	}
}
