package bench

import (
	"context"
	"net/http"
	"runtime"
	"strconv"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// Case is one benchmark measured twice: with the baseline and with the SDK.
type Case struct {
	Name string
	// Chunks is the number of events per operation (0: not a stream).
	Chunks   int
	Baseline func(b *testing.B)
	Ours     func(b *testing.B)
}

const (
	system = "You are a careful assistant. Answer briefly and show one worked example."
	prompt = "Explain how a binary search finds an element in a sorted array, and what it costs."
)

// StreamSizes are the chunk counts of the stream benchmarks.
var StreamSizes = []int{100, 10000}

// Cases returns the benchmarks against the server at url.
func Cases(url string) ([]Case, error) {
	ctx := context.Background()
	hc := &http.Client{}
	sdk := func(base string) (*openrouter.Client, error) {
		return openrouter.NewClient(openrouter.WithAPIKey("sk-or-v1-bench"), openrouter.WithBaseURL(base), openrouter.WithHTTPClient(hc))
	}
	msgs, err := sdkMessages()
	if err != nil {
		return nil, err
	}
	m := model
	sdkReq := openrouter.ChatRequest{Model: m, Messages: msgs}
	baseReq := func() *BaselineRequest {
		return &BaselineRequest{Model: model, Messages: []BaselineMessage{{Role: "system", Content: system}, {Role: "user", Content: prompt}}}
	}

	ours, err := sdk(url)
	if err != nil {
		return nil, err
	}
	base := &Baseline{HTTP: hc, BaseURL: url, APIKey: "sk-or-v1-bench"}
	careful := NewCareful(hc, url, "sk-or-v1-bench")
	sdkSend := func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := ours.Chat.Send(ctx, sdkReq)
			if err != nil {
				b.Fatal(err)
			}
			if len(resp.Choices) != 1 || resp.Usage == nil {
				b.Fatal("sdk: incomplete response")
			}
		}
	}
	cases := []Case{{
		Name: "ChatSend",
		Baseline: func(b *testing.B) {
			req := baseReq()
			var out BaselineResponse
			b.ReportAllocs()
			for b.Loop() {
				if err := base.Send(ctx, req, &out); err != nil {
					b.Fatal(err)
				}
				if len(out.Choices) != 1 || out.Usage == nil {
					b.Fatal("baseline: incomplete response")
				}
			}
		},
		Ours: sdkSend,
	}, {
		// The same SDK call against the careful chat baseline (careful.go).
		Name: "ChatSendCareful",
		Baseline: func(b *testing.B) {
			req := baseReq()
			var out BaselineResponse
			b.ReportAllocs()
			for b.Loop() {
				if err := careful.Send(ctx, req, &out); err != nil {
					b.Fatal(err)
				}
				if len(out.Choices) != 1 || out.Usage == nil {
					b.Fatal("careful: incomplete response")
				}
			}
		},
		Ours: sdkSend,
	}}

	for _, n := range StreamSizes {
		u := url + "/n" + strconv.Itoa(n)
		ours, err := sdk(u)
		if err != nil {
			return nil, err
		}
		base := &Baseline{HTTP: hc, BaseURL: u, APIKey: "sk-or-v1-bench"}
		cases = append(cases, Case{
			Name:   "Stream" + strconv.Itoa(n),
			Chunks: n,
			Baseline: func(b *testing.B) {
				req := baseReq()
				perChunk(b, n, func() {
					st, err := base.Stream(ctx, req)
					if err != nil {
						b.Fatal(err)
					}
					got := 0
					for c := st.Next(); c != nil; c = st.Next() {
						got++
						if len(c.Choices) > 0 {
							Sink += len(c.Choices[0].Delta.Content)
						}
					}
					st.Close()
					if st.Err() != nil || got != n {
						b.Fatalf("baseline: %d chunks, %v", got, st.Err())
					}
				})
			},
			Ours: func(b *testing.B) {
				perChunk(b, n, func() {
					st, err := ours.Chat.Stream(ctx, sdkReq)
					if err != nil {
						b.Fatal(err)
					}
					got := 0
					for c, err := range st.All() {
						if err != nil {
							b.Fatal(err)
						}
						got++
						if len(c.Choices) > 0 {
							Sink += len(c.Choices[0].Delta.Content)
						}
					}
					if got != n {
						b.Fatalf("sdk: %d chunks", got)
					}
				})
			},
		}, Case{
			Name:   "Accumulate" + strconv.Itoa(n),
			Chunks: n,
			Baseline: func(b *testing.B) {
				req := baseReq()
				perChunk(b, n, func() {
					st, err := base.Stream(ctx, req)
					if err != nil {
						b.Fatal(err)
					}
					var acc BaselineAccumulator
					for c := st.Next(); c != nil; c = st.Next() {
						acc.Add(c)
					}
					st.Close()
					if st.Err() != nil || acc.Content.Len() == 0 || acc.FinishReason != "stop" || acc.Usage.TotalTokens == 0 {
						b.Fatalf("baseline: bad accumulation, %v", st.Err())
					}
					Sink += len(acc.Content.String()) + len(acc.Details)
				})
			},
			Ours: func(b *testing.B) {
				perChunk(b, n, func() {
					st, err := ours.Chat.Stream(ctx, sdkReq)
					if err != nil {
						b.Fatal(err)
					}
					var acc openrouter.ChatAccumulator
					for c, err := range st.All() {
						if err != nil {
							b.Fatal(err)
						}
						acc.Add(c)
					}
					resp := acc.Response()
					if len(resp.Choices) != 1 || resp.Choices[0].FinishReason == nil || resp.Usage == nil || resp.Choices[0].Message.ReasoningDetails == nil || resp.Choices[0].Message.Reasoning == "" || resp.Choices[0].Message.Content == nil {
						b.Fatal("sdk: bad accumulation")
					}
					Sink += len(resp.Choices[0].Message.Reasoning) + len(resp.Choices[0].Message.ReasoningDetails)
				})
			},
		})
	}
	return cases, nil
}

// Sink receives a little of each benchmark's result, so the compiler
// cannot drop the work that produced it.
var Sink int

// perChunk runs op b.N times and reports time and allocations per chunk.
func perChunk(b *testing.B, chunks int, op func()) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		op()
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	total := float64(b.N * chunks)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/chunk")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/chunk")
}

func sdkMessages() ([]openrouter.ChatMessage, error) {
	var sc gen.ChatSystemMessageContent
	if err := sc.FromChatSystemMessageContentString(system); err != nil {
		return nil, err
	}
	var uc gen.ChatUserMessageContent
	if err := uc.FromChatUserMessageContentString(prompt); err != nil {
		return nil, err
	}
	msgs := make([]openrouter.ChatMessage, 2)
	if err := msgs[0].FromChatSystemMessage(gen.ChatSystemMessage{Role: gen.ChatSystemMessageRoleSystem, Content: sc}); err != nil {
		return nil, err
	}
	if err := msgs[1].FromChatUserMessage(gen.ChatUserMessage{Role: gen.ChatUserMessageRoleUser, Content: uc}); err != nil {
		return nil, err
	}
	return msgs, nil
}
