package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func TestRunToolsSteps(t *testing.T) {
	for _, stream := range []bool{false, true} {
		srv, client := loopSetup(t)
		op := openroutertest.OpSendChatCompletionRequest
		first := calls("t", `{"i":1}`, `{"i":2}`)
		second := calls("t", `{"i":3}`)
		var opts []openrouter.RunOption
		if stream {
			srv.Enqueue(op, first.Stream().Response())
			srv.Enqueue(op, second.Stream().Response())
			opts = append(opts, openrouter.WithStreaming(nil))
		} else {
			srv.Enqueue(op, first.Response())
			srv.Enqueue(op, second.Response())
		}
		h := rawTool(t, "t", func(_ context.Context, args json.RawMessage) (string, error) { return "r" + string(args), nil })
		opts = append(opts, openrouter.WithStopWhen(openrouter.StopAfterSteps(2)))
		steps, res := openrouter.RunToolsSteps(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h}, opts...)
		var got []string
		for st, err := range steps {
			if err != nil {
				t.Fatal(err)
			}
			s := ""
			for _, c := range st.ToolCalls {
				s += c.Call.ID + " "
			}
			if st.Final {
				s += "final:" + st.Response.Text()
			}
			got = append(got, s)
		}
		want := []string{"call_1 call_2 ", "call_1 ", "final:" + res.Text()}
		if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || res.Text() == "" {
			t.Errorf("stream %v: steps %q, want %q", stream, got, want)
		}
		if !res.Stopped || res.Steps != 3 || len(res.ToolCalls) != 3 {
			t.Errorf("stream %v: result %+v", stream, res)
		}
		for _, err := range steps {
			if err == nil {
				t.Error("a second range ran again")
			}
		}
	}
}

func TestRunToolsStepsBreakAndError(t *testing.T) {
	srv, client := loopSetup(t)
	op := openroutertest.OpSendChatCompletionRequest
	srv.Enqueue(op, calls("t", `{}`).Response())
	srv.Enqueue(op, calls("t", `{"a":1}`).Response())
	h := rawTool(t, "t", func(context.Context, json.RawMessage) (string, error) { return "x", nil })
	steps, res := openrouter.RunToolsSteps(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h})
	n := 0
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
		n++
		break
	}
	if n != 1 || res.Steps != 1 || len(srv.RequestsFor(op)) != 1 || roles(t, res.Messages) != "system,user,assistant,tool" {
		t.Errorf("after a break: %d steps, %d requests, transcript %s", res.Steps, len(srv.RequestsFor(op)), roles(t, res.Messages))
	}

	// The run's error is the last pair.
	srv, client = loopSetup(t)
	srv.Enqueue(op, calls("t", `{}`).Response())
	srv.Enqueue(op, openroutertest.ErrorResponse(402, "Insufficient credits"))
	steps, res = openrouter.RunToolsSteps(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h})
	var errs []error
	n = 0
	for st, err := range steps {
		if err != nil {
			errs = append(errs, err)
			if st != nil {
				t.Error("an error with a step")
			}
			continue
		}
		n++
	}
	if n != 1 || len(errs) != 1 || !errors.Is(errs[0], openrouter.ErrInsufficientCredits) || res.Steps != 1 {
		t.Errorf("%d steps, errors %v", n, errs)
	}
}
