package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func TestRepeatGuard(t *testing.T) {
	srv, client := loopSetup(t)
	op := openroutertest.OpSendChatCompletionRequest
	srv.Enqueue(op, calls("t", `{"q": "a"}`).Response())
	srv.Enqueue(op, calls("t", `{"q":"a"}`).Response()) // the same, compact
	srv.Enqueue(op, calls("t", `{"q":"a"}`).Response())
	runs := 0
	h := rawTool(t, "t", func(context.Context, json.RawMessage) (string, error) { runs++; return "same", nil })
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h})
	if !errors.Is(err, openrouter.ErrRepeatedToolCall) || !strings.Contains(err.Error(), `t called 3 times in a row with the arguments {"q":"a"}`) {
		t.Fatalf("error = %v, want ErrRepeatedToolCall", err)
	}
	if runs != 2 || res.Steps != 3 {
		t.Errorf("handler ran %d times in %d steps, want 2 in 3", runs, res.Steps)
	}
	// The repeated call is answered with the error: the transcript can go on.
	if got := roles(t, res.Messages); got != "system,user,assistant,tool,assistant,tool,assistant,tool" {
		t.Errorf("transcript %s", got)
	}
	if last := res.ToolCalls[len(res.ToolCalls)-1]; !errors.Is(last.Err, openrouter.ErrRepeatedToolCall) || !strings.HasPrefix(last.Content, "error: ") {
		t.Errorf("last call = %+v", last)
	}
}

func TestRepeatGuardInOneAnswerAndSettings(t *testing.T) {
	h := func(t *testing.T) *openrouter.ToolHandler {
		return rawTool(t, "t", func(context.Context, json.RawMessage) (string, error) { return "x", nil })
	}
	// Two identical parallel calls with a limit of 2.
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("t", `{}`, `{}`).Response())
	if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h(t)}, openrouter.WithRepeatLimit(2)); !errors.Is(err, openrouter.ErrRepeatedToolCall) {
		t.Errorf("error = %v, want ErrRepeatedToolCall", err)
	}
	// Different arguments in between reset the count; the guard can be off.
	for _, tc := range []struct {
		args []string
		opts []openrouter.RunOption
	}{
		{[]string{`{"a":1}`, `{"a":1}`, `{"a":2}`, `{"a":1}`, `{"a":1}`}, nil},
		{[]string{`{}`, `{}`, `{}`, `{}`}, []openrouter.RunOption{openrouter.WithRepeatLimit(-1)}},
		{[]string{`{}`, `{}`, `{}`, `{}`}, []openrouter.RunOption{openrouter.WithRepeatLimit(5)}},
	} {
		srv, client := loopSetup(t)
		srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("t", tc.args...).Response())
		if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h(t)}, tc.opts...); err != nil {
			t.Errorf("%v: %v", tc.args, err)
		}
	}
}

func TestRepeatGuardHookDecides(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("t", `{}`, `{}`, `{}`, `{}`).Response())
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("t", `{}`).Response())
	runs := 0
	h := rawTool(t, "t", func(context.Context, json.RawMessage) (string, error) { runs++; return "x", nil })
	var seen []int
	stop := errors.New("enough")
	hooks := openrouter.RunHooks{OnRepeatedCall: func(_ context.Context, call openrouter.ToolCall, times int) error {
		seen = append(seen, times)
		if times >= 5 {
			return stop
		}
		return nil
	}}
	_, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h}, openrouter.WithHooks(hooks))
	if !errors.Is(err, stop) || runs != 4 {
		t.Errorf("error = %v after %d runs, want the hook's after 4", err, runs)
	}
	if len(seen) != 3 || seen[0] != 3 || seen[2] != 5 {
		t.Errorf("hook saw %v, want [3 4 5]", seen)
	}
}
