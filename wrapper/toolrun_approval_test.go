package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// approvalTools are a "lookup" tool that needs no approval and a
// "delete" tool that does; ran lists the calls that ran, as name(args).
func approvalTools(t *testing.T) (handlers []*openrouter.ToolHandler, ran func() []string) {
	t.Helper()
	var mu sync.Mutex
	var calls []string
	tool := func(name string) *openrouter.ToolHandler {
		return rawTool(t, name, func(_ context.Context, args json.RawMessage) (string, error) {
			mu.Lock()
			defer mu.Unlock()
			calls = append(calls, name+string(args))
			return name + " done", nil
		})
	}
	return []*openrouter.ToolHandler{tool("lookup"), tool("delete")}, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(calls)
	}
}

// lookupThenDelete is an answer calling lookup (call_1) then delete
// (call_2).
func lookupThenDelete() openroutertest.Response { return lookupThenDeleteBuilder().Response() }

func lookupThenDeleteBuilder() *openroutertest.ChatBuilder {
	return openroutertest.Chat("").ToolCalls(
		openroutertest.ToolCall{Name: "lookup", Arguments: `{"q":"old files"}`},
		openroutertest.ToolCall{Name: "delete", Arguments: `{"path":"/tmp/old"}`},
	).Usage(openroutertest.Usage{PromptTokens: 10, CompletionTokens: 5, Cost: 0.25})
}

func TestApprovalPausesAndResumesFromJSONInAnotherClient(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, lookupThenDelete())
	srv.Enqueue(chatOp, openroutertest.Chat("Deleted /tmp/old.").Usage(openroutertest.Usage{PromptTokens: 20, CompletionTokens: 3, Cost: 0.5}).Response())
	handlers, ran := approvalTools(t)
	approval := openrouter.WithApproval(openrouter.ApprovalFor("delete"))

	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), handlers, approval)
	if !errors.Is(err, openrouter.ErrApprovalRequired) {
		t.Fatalf("RunTools error = %v, want ErrApprovalRequired", err)
	}
	if got := ran(); len(got) != 0 {
		t.Errorf("calls ran before the decision: %v", got)
	}
	if len(res.Pending) != 1 || res.Pending[0].ID != "call_2" || res.Pending[0].Function.Name != "delete" {
		t.Fatalf("Pending = %+v, want the delete call call_2", res.Pending)
	}
	if res.State == nil || res.Steps != 1 || len(srv.RequestsFor(chatOp)) != 1 {
		t.Fatalf("State = %v, Steps = %d, %d requests; want a state after 1 step", res.State, res.Steps, len(srv.RequestsFor(chatOp)))
	}

	// The state goes through JSON, as it would to a file or a database,
	// and is resumed by another client, as another process would.
	saved, err := json.Marshal(res.State)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(saved), `"lookup done"`) {
		t.Errorf("the state holds a tool result that was never produced: %s", saved)
	}
	var state openrouter.RunState
	if err := json.Unmarshal(saved, &state); err != nil {
		t.Fatal(err)
	}
	if p := state.Pending(); len(p) != 1 || p[0].ID != "call_2" {
		t.Errorf("restored Pending() = %+v", p)
	}
	other, err := srv.Client(openrouter.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	handlers2, ran2 := approvalTools(t)
	res2, err := openrouter.ResumeTools(context.Background(), other, &state, handlers2, []openrouter.ApprovalDecision{openrouter.Approve("call_2")}, approval)
	if err != nil {
		t.Fatal(err)
	}
	if got := ran2(); strings.Join(got, "|") != `lookup{"q":"old files"}|delete{"path":"/tmp/old"}` {
		t.Errorf("calls run on resume = %v, want lookup then delete", got)
	}
	if res2.Text() != "Deleted /tmp/old." || res2.Steps != 2 || len(res2.Responses) != 2 {
		t.Errorf("resumed result: text %q, %d steps, %d responses; want the answer after 2 steps", res2.Text(), res2.Steps, len(res2.Responses))
	}
	if res2.Pending != nil || res2.State != nil {
		t.Errorf("a finished run has Pending %v and State %v", res2.Pending, res2.State)
	}
	if res2.Cost != 0.75 || res2.Tokens.Input != 30 || res2.Tokens.Output != 8 {
		t.Errorf("totals = %v credits, %+v; want both steps counted (0.75, 30 in, 8 out)", res2.Cost, res2.Tokens)
	}
	if len(res2.ToolCalls) != 2 || res2.ToolCalls[1].Step != 0 || res2.ToolCalls[1].Content != "delete done" {
		t.Errorf("ToolCalls = %+v", res2.ToolCalls)
	}
	if got := roles(t, res2.Messages); got != "system,user,assistant,tool,tool,assistant" {
		t.Errorf("transcript roles = %s", got)
	}

	bodies := sent(t, srv)
	if len(bodies) != 2 {
		t.Fatalf("%d chat requests, want 2", len(bodies))
	}
	second := bodies[1]
	if len(second.Messages) != 5 || second.Messages[2].Role != "assistant" || len(second.Messages[2].ToolCalls) != 2 {
		t.Fatalf("the resumed request does not continue the conversation: %+v", second.Messages)
	}
	if got := toolContents(t, srv, 1); strings.Join(got, "|") != `call_1=lookup done|call_2=delete done` {
		t.Errorf("tool results sent on resume = %v", got)
	}
	if len(second.Tools) != 2 || second.Tools[0].Function.Name != "lookup" || second.Tools[1].Function.Name != "delete" {
		t.Errorf("tools sent on resume = %+v, want the handlers' two, once each", second.Tools)
	}
	var model struct{ Model string }
	if err := srv.RequestsFor(chatOp)[1].DecodeJSON(&model); err != nil || model.Model != "openai/gpt-4o-mini" {
		t.Errorf("resumed request model = %q (%v), want the saved request's", model.Model, err)
	}
}

func TestApprovalRejectionReachesTheModel(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, lookupThenDelete())
	srv.Enqueue(chatOp, openroutertest.ChatReply("I did not delete it."))
	handlers, ran := approvalTools(t)
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), handlers, openrouter.WithApproval(openrouter.ApprovalFor("delete")))
	if !errors.Is(err, openrouter.ErrApprovalRequired) {
		t.Fatal(err)
	}
	// A rejection goes to the model even when tool errors end the run.
	res2, err := openrouter.ResumeTools(context.Background(), client, res.State, handlers,
		[]openrouter.ApprovalDecision{openrouter.Reject("call_2", "the user said no")}, openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
	if err != nil {
		t.Fatal(err)
	}
	if got := ran(); strings.Join(got, "|") != `lookup{"q":"old files"}` {
		t.Errorf("calls run = %v, want only lookup", got)
	}
	if got := toolContents(t, srv, 1); strings.Join(got, "|") != `call_1=lookup done|call_2=error: tool call denied: the user said no` {
		t.Errorf("tool results sent = %v", got)
	}
	if e := res2.ToolCalls[1].Err; !errors.Is(e, openrouter.ErrToolDenied) {
		t.Errorf("rejected call's error = %v, want ErrToolDenied", e)
	}
	if res2.Text() != "I did not delete it." {
		t.Errorf("text = %q", res2.Text())
	}
}

func TestApprovalDecisionsMustMatchThePendingCalls(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, lookupThenDelete())
	handlers, ran := approvalTools(t)
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), handlers, openrouter.WithApproval(openrouter.ApprovalFor("delete", "lookup")))
	if !errors.Is(err, openrouter.ErrApprovalRequired) || len(res.Pending) != 2 {
		t.Fatalf("err = %v, Pending = %+v; want both calls pending", err, res.Pending)
	}
	ok1, ok2 := openrouter.Approve("call_1"), openrouter.Approve("call_2")
	for _, tc := range []struct {
		name      string
		decisions []openrouter.ApprovalDecision
		handlers  []*openrouter.ToolHandler
		want      string
	}{
		{"missing", []openrouter.ApprovalDecision{ok1}, handlers, `no decision for pending call "call_2"`},
		{"extra", []openrouter.ApprovalDecision{ok1, ok2, openrouter.Approve("call_9")}, handlers, `call "call_9", which is not pending`},
		{"twice", []openrouter.ApprovalDecision{ok1, ok2, openrouter.Reject("call_1", "")}, handlers, `two decisions for call "call_1"`},
		{"no handler", []openrouter.ApprovalDecision{ok1, ok2}, handlers[:1], `no handler for "delete"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := openrouter.ResumeTools(context.Background(), client, res.State, tc.handlers, tc.decisions)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "openrouter: ResumeTools: ") {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if n := len(srv.RequestsFor(chatOp)); n != 1 || len(ran()) != 0 {
		t.Errorf("bad decisions sent %d more requests and ran %v", n-1, ran())
	}
	if _, err := openrouter.ResumeTools(context.Background(), client, nil, handlers, nil); err == nil {
		t.Error("a nil state resumed")
	}
	var blank openrouter.RunState
	if err := json.Unmarshal([]byte(`{"version":1}`), &blank); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*openrouter.RunState{{}, &blank} {
		if _, err := openrouter.ResumeTools(context.Background(), client, s, handlers, nil); err == nil || !strings.Contains(err.Error(), "holds no paused run") {
			t.Errorf("a state without a paused run: error %v", err)
		}
	}
	if n := len(srv.RequestsFor(chatOp)); n != 1 {
		t.Errorf("resuming states without a paused run sent %d requests", n-1)
	}
}

func TestRunStateRejectsAnotherFormat(t *testing.T) {
	var s openrouter.RunState
	for _, in := range []string{`{"version":2,"steps":1}`, `{"version":"one"}`, `[]`} {
		if err := json.Unmarshal([]byte(in), &s); err == nil || !strings.Contains(err.Error(), "openrouter: RunState: ") {
			t.Errorf("Unmarshal(%s) error = %v, want a RunState error", in, err)
		}
	}
	err := json.Unmarshal([]byte(`{"version":2}`), &s)
	if err == nil || !strings.Contains(err.Error(), "version 2") {
		t.Errorf("error = %v, want it to name the version", err)
	}
}

func TestApprovalAgainAfterResumeAndWithSteps(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, lookupThenDeleteBuilder().Stream().Response())
	srv.Enqueue(chatOp, openroutertest.Chat("").ToolCalls(openroutertest.ToolCall{ID: "call_9", Name: "delete", Arguments: `{"path":"/tmp/older"}`}).Stream().Response())
	srv.Enqueue(chatOp, openroutertest.ChatReply("Both deleted."))
	handlers, ran := approvalTools(t)
	approval := openrouter.WithApproval(openrouter.ApprovalFor("delete"))

	steps, result := openrouter.RunToolsSteps(context.Background(), client, weatherRequest(), handlers, approval, openrouter.WithStreaming(nil))
	var got []string
	var last error
	for st, err := range steps {
		if err != nil {
			last = err
			continue
		}
		got = append(got, st.Response.ToolCalls()[0].ID)
		if len(st.Pending) != 1 || st.Pending[0].ID != "call_2" || len(st.ToolCalls) != 0 {
			t.Errorf("paused step: Pending %+v, ToolCalls %+v", st.Pending, st.ToolCalls)
		}
	}
	if !errors.Is(last, openrouter.ErrApprovalRequired) || len(got) != 1 || result.State == nil {
		t.Fatalf("steps %v ended with %v (state %v), want one step then ErrApprovalRequired", got, last, result.State)
	}

	steps, result2 := openrouter.ResumeToolsSteps(context.Background(), client, result.State, handlers, []openrouter.ApprovalDecision{openrouter.Approve("call_2")}, approval, openrouter.WithStreaming(nil))
	var indexes []int
	last = nil
	for st, err := range steps {
		if err != nil {
			last = err
			continue
		}
		indexes = append(indexes, st.Index)
		if st.Index == 0 && len(st.ToolCalls) != 2 {
			t.Errorf("the resumed step answered %d calls, want 2", len(st.ToolCalls))
		}
	}
	if !errors.Is(last, openrouter.ErrApprovalRequired) || !slices.Equal(indexes, []int{0, 1}) {
		t.Fatalf("resumed steps %v ended with %v, want steps 0 and 1 then a second pause", indexes, last)
	}
	if p := result2.State.Pending(); len(p) != 1 || p[0].ID != "call_9" || result2.Steps != 2 {
		t.Fatalf("second pause: pending %+v after %d steps", p, result2.Steps)
	}
	res3, err := openrouter.ResumeTools(context.Background(), client, result2.State, handlers, []openrouter.ApprovalDecision{openrouter.Approve("call_9")}, approval)
	if err != nil {
		t.Fatal(err)
	}
	if res3.Text() != "Both deleted." || res3.Steps != 3 || len(res3.ToolCalls) != 3 {
		t.Errorf("final: %q after %d steps, %d calls", res3.Text(), res3.Steps, len(res3.ToolCalls))
	}
	if got := ran(); len(got) != 3 || got[2] != `delete{"path":"/tmp/older"}` {
		t.Errorf("calls run = %v", got)
	}
}

func TestRunStepCarriesItsUsageAndTheTotals(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, calls("wait", `{}`).Usage(openroutertest.Usage{PromptTokens: 7, CompletionTokens: 2, Cost: 0.125}).Response())
	srv.Enqueue(chatOp, openroutertest.Chat("done").Usage(openroutertest.Usage{PromptTokens: 11, CompletionTokens: 1, Cost: 0.25}).Response())
	h := rawTool(t, "wait", func(context.Context, json.RawMessage) (string, error) { return "ok", nil })
	steps, _ := openrouter.RunToolsSteps(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{h})
	var seen []openrouter.RunStep
	for st, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, *st)
	}
	if len(seen) != 2 {
		t.Fatalf("%d steps, want 2", len(seen))
	}
	a, b := seen[0], seen[1]
	if a.Tokens.Input != 7 || a.Tokens.Output != 2 || a.Cost != 0.125 || !a.CostReported || a.TotalCost != 0.125 || a.TotalTokens.Input != 7 {
		t.Errorf("first step usage = %+v / %v (reported %v), totals %+v / %v", a.Tokens, a.Cost, a.CostReported, a.TotalTokens, a.TotalCost)
	}
	if b.Tokens.Input != 11 || b.Cost != 0.25 || b.TotalCost != 0.375 || b.TotalTokens.Input != 18 || b.TotalTokens.Output != 3 {
		t.Errorf("second step usage = %+v / %v, totals %+v / %v", b.Tokens, b.Cost, b.TotalTokens, b.TotalCost)
	}
}

// A call that failed before the pause keeps its error text through the
// saved state, once prefixed.
func TestRunStateKeepsTheErrorsOfEarlierCalls(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, calls("lookup", `{"q":"x"}`).Response())
	srv.Enqueue(chatOp, calls("delete", `{"path":"/tmp/x"}`).Response())
	srv.Enqueue(chatOp, openroutertest.ChatReply("done"))
	lookup := rawTool(t, "lookup", func(context.Context, json.RawMessage) (string, error) { return "", errors.New("index offline") })
	del := rawTool(t, "delete", func(context.Context, json.RawMessage) (string, error) { return "deleted", nil })
	handlers := []*openrouter.ToolHandler{lookup, del}
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), handlers, openrouter.WithApproval(openrouter.ApprovalFor("delete")))
	if !errors.Is(err, openrouter.ErrApprovalRequired) || len(res.ToolCalls) != 1 || res.ToolCalls[0].Err == nil {
		t.Fatalf("err = %v, calls %+v; want a pause after a failed lookup", err, res.ToolCalls)
	}
	before := res.ToolCalls[0].Err.Error()
	saved, err := json.Marshal(res.State)
	if err != nil {
		t.Fatal(err)
	}
	var state openrouter.RunState
	if err := json.Unmarshal(saved, &state); err != nil {
		t.Fatal(err)
	}
	res2, err := openrouter.ResumeTools(context.Background(), client, &state, handlers, []openrouter.ApprovalDecision{openrouter.Approve("call_1")})
	if err != nil {
		t.Fatal(err)
	}
	var te *openrouter.ToolError
	if len(res2.ToolCalls) != 2 || !errors.As(res2.ToolCalls[0].Err, &te) || te.Name != "lookup" {
		t.Fatalf("resumed calls = %+v", res2.ToolCalls)
	}
	if after := res2.ToolCalls[0].Err.Error(); after != before {
		t.Errorf("error after resume = %q, want %q", after, before)
	}
	if res2.ToolCalls[0].Content != "error: index offline" || res2.Text() != "done" {
		t.Errorf("content %q, text %q", res2.ToolCalls[0].Content, res2.Text())
	}
}
