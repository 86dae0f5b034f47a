package sse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

type got struct {
	Type, ID, Data string
	Retry          time.Duration
}

func decodeAll(r io.Reader, max int) ([]got, error) {
	d := NewDecoderSize(r, max)
	var out []got
	for d.Next() {
		e := d.Event()
		g := got{Data: string(e.Data), Retry: e.Retry}
		if e.Type != nil {
			g.Type = string(e.Type)
		}
		if e.ID != nil {
			g.ID = string(e.ID)
		}
		out = append(out, g)
	}
	return out, d.Err()
}

// chunkReader returns its input in pieces of random sizes.
type chunkReader struct {
	b   []byte
	rng *rand.Rand
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := 1 + c.rng.IntN(7)
	n = min(n, len(c.b), len(p))
	copy(p, c.b[:n])
	c.b = c.b[n:]
	return n, nil
}

func readers(in string) map[string]func() io.Reader {
	return map[string]func() io.Reader{
		"whole":    func() io.Reader { return strings.NewReader(in) },
		"one byte": func() io.Reader { return iotest.OneByteReader(strings.NewReader(in)) },
		"chunks":   func() io.Reader { return &chunkReader{b: []byte(in), rng: rand.New(rand.NewPCG(1, 2))} },
		"half":     func() io.Reader { return iotest.HalfReader(strings.NewReader(in)) },
	}
}

func TestDecoder(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		in      string
		want    []got
		wantErr error
	}{
		"lf":                {in: "data: a\n\ndata: b\n\n", want: []got{{Data: "a"}, {Data: "b"}}},
		"crlf":              {in: "data: a\r\n\r\ndata: b\r\n\r\n", want: []got{{Data: "a"}, {Data: "b"}}},
		"cr":                {in: "data: a\r\rdata: b\r\r", want: []got{{Data: "a"}, {Data: "b"}}},
		"mixed":             {in: "data: a\r\n\ndata: b\r\rdata: c\n\r\n", want: []got{{Data: "a"}, {Data: "b"}, {Data: "c"}}},
		"comments":          {in: ": OPENROUTER PROCESSING\n\ndata: x\n: mid\ndata: y\n\n: tail\n\n", want: []got{{Data: "x\ny"}}},
		"multi-line data":   {in: "data: {\"a\":\ndata: 1}\n\n", want: []got{{Data: "{\"a\":\n1}"}}},
		"no space":          {in: "data:x\n\ndata:  two spaces\n\n", want: []got{{Data: "x"}, {Data: " two spaces"}}},
		"no colon":          {in: "data\ndata\n\n", want: []got{{Data: "\n"}}},
		"fields":            {in: "event: ping\nid: 7\nretry: 1500\ndata: d\n\n", want: []got{{Type: "ping", ID: "7", Data: "d", Retry: 1500 * time.Millisecond}}},
		"bad retry ignored": {in: "retry: 15x\ndata: d\n\n", want: []got{{Data: "d"}}},
		"id with nul":       {in: "id: a\x00b\ndata: d\n\n", want: []got{{Data: "d"}}},
		"unknown field":     {in: "foo: bar\ndata: d\n\n", want: []got{{Data: "d"}}},
		"bom":               {in: "\xEF\xBB\xBFdata: d\n\n", want: []got{{Data: "d"}}},
		"event without data": {
			in: "event: x\n\ndata: d\n\n", want: []got{{Data: "d"}},
		},
		"empty data line": {in: "data:\n\n", want: []got{{Data: ""}}},
		"blank only":      {in: "\n\n\r\n\r", want: nil},
		"comments only":   {in: ": a\n: b\n\n", want: nil},
		"empty":           {in: "", want: nil},
		"done":            {in: "data: [DONE]\n\n", want: []got{{Data: "[DONE]"}}},
		"truncated event": {in: "data: a\n\ndata: b\n", want: []got{{Data: "a"}}, wantErr: io.ErrUnexpectedEOF},
		"truncated line":  {in: "data: a\n\ndata: {\"x\"", want: []got{{Data: "a"}}, wantErr: io.ErrUnexpectedEOF},
		"final cr":        {in: "data: a\r\r", want: []got{{Data: "a"}}},
	}
	for name, tc := range cases {
		for rname, mk := range readers(tc.in) {
			t.Run(name+"/"+rname, func(t *testing.T) {
				t.Parallel()
				evs, err := decodeAll(mk(), 1<<20)
				if fmt.Sprint(evs) != fmt.Sprint(tc.want) {
					t.Errorf("events %q, want %q", evs, tc.want)
				}
				if tc.wantErr == nil && err != nil || tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Errorf("err %v, want %v", err, tc.wantErr)
				}
			})
		}
	}
}

func TestDecoderReaderError(t *testing.T) {
	t.Parallel()
	boom := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader("data: a\n\ndata: b\n\ndata: c"), iotest.ErrReader(boom))
	evs, err := decodeAll(r, 1<<20)
	if fmt.Sprint(evs) != fmt.Sprint([]got{{Data: "a"}, {Data: "b"}}) {
		t.Errorf("events %v", evs)
	}
	if !errors.Is(err, boom) {
		t.Errorf("err %v, want %v", err, boom)
	}
}

func TestDecoderLargeEvents(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", 5<<20)
	evs, err := decodeAll(strings.NewReader("data: "+big+"\n\ndata: after\n\n"), DefaultMaxEventSize)
	if err != nil || len(evs) != 2 || evs[0].Data != big || evs[1].Data != "after" {
		t.Fatalf("5 MiB event: %d events, err %v", len(evs), err)
	}
	_, err = decodeAll(strings.NewReader("data: "+strings.Repeat("y", 100)+"\n\n"), 50)
	if !errors.Is(err, ErrEventTooLarge) {
		t.Errorf("long line: err %v, want ErrEventTooLarge", err)
	}
	_, err = decodeAll(strings.NewReader(strings.Repeat("data: 0123456789\n", 20)+"\n"), 100)
	if !errors.Is(err, ErrEventTooLarge) {
		t.Errorf("many lines: err %v, want ErrEventTooLarge", err)
	}
}

func TestDecoderDataStableUntilNext(t *testing.T) {
	t.Parallel()
	d := NewDecoder(strings.NewReader("data: first\n\n" + strings.Repeat(": pad\n", 20000) + "data: second\n\n"))
	if !d.Next() {
		t.Fatal(d.Err())
	}
	first := d.Event().Data
	snapshot := string(first)
	if !d.Next() {
		t.Fatal(d.Err())
	}
	if snapshot != "first" || string(d.Event().Data) != "second" {
		t.Errorf("got %q then %q", snapshot, d.Event().Data)
	}
	if d.Next() || d.Err() != nil {
		t.Errorf("after the last event: Next true or Err %v", d.Err())
	}
}

func FuzzDecoder(f *testing.F) {
	for _, s := range []string{
		"data: a\n\n", "data: a\r\n\r\n", "data: a\r\rdata: b\r\r", ": c\n\ndata: x\ndata: y\n\n",
		"event: e\nid: 1\nretry: 10\ndata: d\n\n", "\xEF\xBB\xBFdata: d\n\n", "data: a\n\ndata: b\n",
		"data\n\n", "data: [DONE]\n\n", "\r\n\r", "data: a\r", "id: \x00\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		whole, errWhole := decodeAll(bytes.NewReader(in), 1<<16)
		bytewise, errByte := decodeAll(iotest.OneByteReader(bytes.NewReader(in)), 1<<16)
		if fmt.Sprint(whole) != fmt.Sprint(bytewise) {
			t.Fatalf("whole %q vs one byte at a time %q", whole, bytewise)
		}
		if (errWhole == nil) != (errByte == nil) {
			t.Fatalf("errors differ: %v vs %v", errWhole, errByte)
		}
	})
}

func BenchmarkDecoder(b *testing.B) {
	var buf bytes.Buffer
	payload := `{"id":"gen-1761234567-abcdefghijklmnop","provider":"OpenAI","model":"openai/gpt-4o","object":"chat.completion.chunk","created":1761234567,"choices":[{"index":0,"delta":{"role":"assistant","content":"Hello there, this is a token"},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}`
	const events = 10000
	for i := 0; i < events; i++ {
		if i%50 == 0 {
			buf.WriteString(": OPENROUTER PROCESSING\n\n")
		}
		buf.WriteString("data: ")
		buf.WriteString(payload)
		buf.WriteString("\n\n")
	}
	buf.WriteString("data: [DONE]\n\n")
	in := buf.Bytes()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(in))
		n := 0
		for d.Next() {
			n++
		}
		if n != events+1 || d.Err() != nil {
			b.Fatalf("%d events, %v", n, d.Err())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(events+1)), "ns/event")
}

func TestReleaseEndsTheDecoderAndRecyclesItsBuffer(t *testing.T) {
	d := NewDecoder(strings.NewReader("data: a\n\ndata: b\n\n"))
	if !d.Next() || string(d.Event().Data) != "a" {
		t.Fatal("first event")
	}
	d.Release()
	if d.Next() || d.Err() != nil || d.Event().Data != nil {
		t.Fatal("a released decoder must end cleanly")
	}
	d.Release() // twice is harmless
	e := NewDecoder(strings.NewReader("data: c\n\n"))
	if !e.Next() || string(e.Event().Data) != "c" || e.Next() || e.Err() != nil {
		t.Fatal("a decoder with a recycled buffer must work")
	}
}
