package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// rawTool is a handler of name whose function is fn.
func rawTool(t *testing.T, name string, fn func(ctx context.Context, args json.RawMessage) (string, error)) *openrouter.ToolHandler {
	t.Helper()
	h, err := openrouter.NewRawToolHandler(name, "A test tool", nil, fn)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func calls(name string, args ...string) *openroutertest.ChatBuilder {
	var cs []openroutertest.ToolCall
	for _, a := range args {
		cs = append(cs, openroutertest.ToolCall{Name: name, Arguments: a})
	}
	return openroutertest.Chat("").ToolCalls(cs...)
}

// toolContents are the contents of the tool messages of the i-th request.
func toolContents(t *testing.T, srv *openroutertest.Server, i int) []string {
	t.Helper()
	var out []string
	for _, m := range sent(t, srv)[i].Messages {
		if m.Role == "tool" {
			var s string
			if err := json.Unmarshal(m.Content, &s); err != nil {
				t.Fatal(err)
			}
			out = append(out, m.ToolCallID+"="+s)
		}
	}
	return out
}

func TestToolConcurrencyRunsCallsTogetherInOrder(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("wait", `{"n":1}`, `{"n":2}`, `{"n":3}`).Response())
	var started sync.WaitGroup
	started.Add(3)
	var finished []string
	var mu sync.Mutex
	h := rawTool(t, "wait", func(ctx context.Context, args json.RawMessage) (string, error) {
		started.Done()
		started.Wait() // all three run at once, or this never returns
		var in struct{ N int }
		_ = json.Unmarshal(args, &in)
		time.Sleep(time.Duration(4-in.N) * 5 * time.Millisecond) // the first call ends last
		mu.Lock()
		finished = append(finished, string(args))
		mu.Unlock()
		return "done " + string(args), nil
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := openrouter.RunTools(ctx, client, weatherRequest(), []*openrouter.ToolHandler{h}, openrouter.WithToolConcurrency(0))
	if err != nil {
		t.Fatal(err)
	}
	if finished[0] != `{"n":3}` {
		t.Errorf("calls finished in the order %v, want the last one first", finished)
	}
	want := []string{`call_1=done {"n":1}`, `call_2=done {"n":2}`, `call_3=done {"n":3}`}
	if got := toolContents(t, srv, 1); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tool results sent = %v, want %v", got, want)
	}
	for i, tc := range res.ToolCalls {
		if tc.Call.ID != want[i][:6] {
			t.Errorf("ToolCalls[%d] = %s, want in call order", i, tc.Call.ID)
		}
	}
}

func TestToolConcurrencyBound(t *testing.T) {
	for _, tc := range []struct {
		opts []openrouter.RunOption
		want int32
	}{
		{nil, 1}, // the default
		{[]openrouter.RunOption{openrouter.WithToolConcurrency(2)}, 2},
		{[]openrouter.RunOption{openrouter.WithToolConcurrency(-1)}, 6},
	} {
		srv, client := loopSetup(t)
		srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("t", `{"i":1}`, `{"i":2}`, `{"i":3}`, `{"i":4}`, `{"i":5}`, `{"i":6}`).Response())
		var now, peak atomic.Int32
		h := rawTool(t, "t", func(ctx context.Context, args json.RawMessage) (string, error) {
			n := now.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
			now.Add(-1)
			return "ok", nil
		})
		if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h}, tc.opts...); err != nil {
			t.Fatal(err)
		}
		if got := peak.Load(); got > tc.want || (tc.want <= 2 && got != tc.want) {
			t.Errorf("want bound %d: peak of %d calls at once", tc.want, got)
		}
	}
}

func TestToolConcurrencyCancel(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("block", `{"i":1}`, `{"i":2}`, `{"i":3}`).Response())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var started sync.WaitGroup
	started.Add(2)
	var stopped atomic.Int32
	h := rawTool(t, "block", func(ctx context.Context, _ json.RawMessage) (string, error) {
		started.Done()
		<-ctx.Done()
		stopped.Add(1)
		return "", ctx.Err()
	})
	go func() { started.Wait(); cancel() }()
	res, err := openrouter.RunTools(ctx, client, weatherRequest(), []*openrouter.ToolHandler{h}, openrouter.WithToolConcurrency(2))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if stopped.Load() != 2 {
		t.Errorf("%d handlers returned, want the 2 started (the third never starts)", stopped.Load())
	}
	if len(srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)) != 1 || res.Steps != 1 {
		t.Errorf("%d requests after a cancel", len(srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)))
	}
}

func TestToolPanicIsAFailedCall(t *testing.T) {
	for _, conc := range []int{1, 4} {
		srv, client := loopSetup(t)
		srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("boom", `{"i":1}`, `{"i":2}`).Response())
		h := rawTool(t, "boom", func(ctx context.Context, args json.RawMessage) (string, error) {
			if strings.Contains(string(args), "1") {
				panic("kaboom")
			}
			return "fine", nil
		})
		res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h}, openrouter.WithToolConcurrency(conc))
		if err != nil {
			t.Fatal(err)
		}
		var te *openrouter.ToolError
		if first := res.ToolCalls[0]; !errors.As(first.Err, &te) || !errors.Is(first.Err, openrouter.ErrToolPanicked) ||
			first.Content != "error: tool handler panicked: kaboom" {
			t.Errorf("concurrency %d: panicking call = %+v", conc, first)
		}
		if res.ToolCalls[1].Content != "fine" {
			t.Errorf("the other call = %+v", res.ToolCalls[1])
		}

		// With ToolErrorsReturn, the panic ends the run.
		srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("boom", `{"i":1}`).Response())
		_, err = openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h},
			openrouter.WithToolConcurrency(conc), openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
		if !errors.As(err, &te) || !errors.Is(err, openrouter.ErrToolPanicked) {
			t.Errorf("concurrency %d: error = %v, want a *ToolError of a panic", conc, err)
		}
	}
}

func TestToolConcurrencyErrorReturnCancelsTheOthers(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("t", `"ok"`, `"fail"`, `"block"`).Response())
	var canceled atomic.Bool
	// The failing call waits until the blocking one runs: a failure that
	// came first would rightly keep it from starting at all.
	blocking := make(chan struct{})
	h := rawTool(t, "t", func(ctx context.Context, args json.RawMessage) (string, error) {
		switch string(args) {
		case `"fail"`:
			<-blocking
			return "", errors.New("broken")
		case `"block"`:
			close(blocking)
			<-ctx.Done()
			canceled.Store(true)
			return "", ctx.Err()
		}
		return "ok", nil
	})
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h},
		openrouter.WithToolConcurrency(3), openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
	var te *openrouter.ToolError
	if !errors.As(err, &te) || te.CallID != "call_2" {
		t.Fatalf("error = %v, want the *ToolError of call_2", err)
	}
	if !canceled.Load() {
		t.Error("the running call's context was not cancelled")
	}
	if got := roles(t, res.Messages); got != "system,user,assistant,tool" {
		t.Errorf("transcript %s: want the calls before the failed one answered", got)
	}
}

// The failure reported is the call's that failed, not the one of an
// earlier call cancelled because of it.
func TestToolConcurrencyErrorReturnReportsTheCause(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("t", `"block"`, `"fail"`).Response())
	h := rawTool(t, "t", func(ctx context.Context, args json.RawMessage) (string, error) {
		if string(args) == `"fail"` {
			return "", errors.New("broken")
		}
		<-ctx.Done()
		return "", ctx.Err()
	})
	_, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h},
		openrouter.WithToolConcurrency(2), openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
	var te *openrouter.ToolError
	if !errors.As(err, &te) || te.CallID != "call_2" || errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want call_2's", err)
	}
}
