package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func TestBeforeToolCallHook(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("").ToolCalls(
		openroutertest.ToolCall{ID: "keep", Name: "echo", Arguments: `{"v":1}`},
		openroutertest.ToolCall{ID: "change", Name: "echo", Arguments: `{"v":2}`},
		openroutertest.ToolCall{ID: "deny", Name: "echo", Arguments: `{"v":3}`},
		openroutertest.ToolCall{ID: "answer", Name: "echo", Arguments: `{"v":4}`},
	).Response())
	var mu sync.Mutex
	var ran []string
	echo := rawTool(t, "echo", func(_ context.Context, args json.RawMessage) (string, error) {
		mu.Lock()
		ran = append(ran, string(args))
		mu.Unlock()
		return "echo " + string(args), nil
	})
	hooks := openrouter.RunHooks{BeforeToolCall: func(_ context.Context, call openrouter.ToolCall) openrouter.ToolCallDecision {
		switch call.ID {
		case "change":
			return openrouter.ToolCallDecision{Arguments: `{"v":20}`}
		case "deny":
			return openrouter.ToolCallDecision{Deny: errors.New("not allowed")}
		case "answer":
			return openrouter.ToolCallDecision{Answered: true, Answer: "cached"}
		}
		return openrouter.ToolCallDecision{}
	}}
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{echo},
		openrouter.WithHooks(hooks), openrouter.WithToolConcurrency(4))
	if err != nil {
		t.Fatal(err)
	}
	want := `keep=echo {"v":1}|change=echo {"v":20}|deny=error: tool call denied: not allowed|answer=cached`
	if got := strings.Join(toolContents(t, srv, 1), "|"); got != want {
		t.Errorf("results sent = %s\nwant %s", got, want)
	}
	if len(ran) != 2 {
		t.Errorf("the handler ran for %v, want the kept and the changed call", ran)
	}
	if d := res.ToolCalls[2]; !errors.Is(d.Err, openrouter.ErrToolDenied) {
		t.Errorf("denied call = %+v", d)
	}
	// The transcript keeps what the model asked for.
	if res.ToolCalls[1].Call.Function.Arguments != `{"v":2}` || sent(t, srv)[1].Messages[2].ToolCalls[1].Function.Arguments != `{"v":2}` {
		t.Error("the changed arguments leaked into the transcript")
	}

	// A denial ends the run under ToolErrorsReturn.
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("").ToolCalls(openroutertest.ToolCall{ID: "deny", Name: "echo", Arguments: `{}`}).Response())
	_, err = openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{echo},
		openrouter.WithHooks(hooks), openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
	var te *openrouter.ToolError
	if !errors.As(err, &te) || !errors.Is(err, openrouter.ErrToolDenied) {
		t.Errorf("error = %v, want a denied *ToolError", err)
	}
}

func TestAfterToolCallHook(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("").ToolCalls(
		openroutertest.ToolCall{ID: "a", Name: "t", Arguments: `"ok"`},
		openroutertest.ToolCall{ID: "b", Name: "t", Arguments: `"fail"`},
		openroutertest.ToolCall{ID: "c", Name: "t", Arguments: `"reject"`},
	).Response())
	h := rawTool(t, "t", func(_ context.Context, args json.RawMessage) (string, error) {
		if string(args) == `"fail"` {
			return "", errors.New("broken")
		}
		return "raw", nil
	})
	hooks := openrouter.RunHooks{AfterToolCall: func(_ context.Context, call openrouter.ToolCall, result string, err error) (string, error) {
		switch call.ID {
		case "a":
			return strings.ToUpper(result), nil
		case "b":
			if errors.As(err, new(*openrouter.ToolError)) {
				return "recovered", nil
			}
		case "c":
			return "", errors.New("result rejected")
		}
		return result, err
	}}
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h}, openrouter.WithHooks(hooks))
	if err != nil {
		t.Fatal(err)
	}
	want := "a=RAW|b=recovered|c=error: result rejected"
	if got := strings.Join(toolContents(t, srv, 1), "|"); got != want {
		t.Errorf("results sent = %s, want %s", got, want)
	}
	var te *openrouter.ToolError
	if !errors.As(res.ToolCalls[2].Err, &te) || te.CallID != "c" || res.ToolCalls[1].Err != nil {
		t.Errorf("errors = %v, %v", res.ToolCalls[1].Err, res.ToolCalls[2].Err)
	}
}

func TestAfterModelCallHook(t *testing.T) {
	srv, client := loopSetup(t)
	op := openroutertest.OpSendChatCompletionRequest
	srv.Enqueue(op, calls("t", `{}`).ID("gen-1").Usage(openroutertest.Usage{PromptTokens: 10, CompletionTokens: 5, Cost: 0.5}).Response())
	srv.Enqueue(op, openroutertest.Chat("done").ID("gen-2").Usage(openroutertest.Usage{PromptTokens: 20, CompletionTokens: 1, Cost: 0.25}).Response())
	srv.Enqueue(op, openroutertest.ErrorResponse(500, "down"))
	h := rawTool(t, "t", func(context.Context, json.RawMessage) (string, error) { return "x", nil })
	var infos []openrouter.ModelCallInfo
	hooks := openrouter.RunHooks{AfterModelCall: func(_ context.Context, info openrouter.ModelCallInfo) { infos = append(infos, info) }}
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h}, openrouter.WithHooks(hooks))
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 {
		t.Fatalf("%d model calls seen, want 2", len(infos))
	}
	a, b := infos[0], infos[1]
	if a.Step != 0 || a.GenerationID != "gen-1" || !a.CostReported || a.Cost != 0.5 || a.Tokens.Input != 10 || a.Tokens.Output != 5 || a.Duration <= 0 || a.Response == nil || a.Final {
		t.Errorf("first call = %+v", a)
	}
	if b.Step != 1 || b.GenerationID != "gen-2" || b.Cost != 0.25 || b.Response != res.Response {
		t.Errorf("second call = %+v", b)
	}

	// A failed request is seen too.
	infos = nil
	_, err = openrouter.RunTools(context.Background(), client, weatherRequest(), nil, openrouter.WithHooks(hooks))
	if err == nil || len(infos) != 1 || infos[0].Err == nil || infos[0].Response != nil {
		t.Errorf("error %v, infos %+v", err, infos)
	}

	// The final answer after a stop is marked Final.
	infos = nil
	_, client = loopSetup(t)
	var cities []string
	if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
		openrouter.WithHooks(hooks), openrouter.WithStopWhen(openrouter.StopAfterSteps(1))); err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 || infos[0].Final || !infos[1].Final {
		t.Errorf("infos = %+v", infos)
	}
}
