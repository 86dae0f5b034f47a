package openrouter_test

import (
	"context"
	"encoding/json"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func TestStopWhenToolCalledSendsAFinalAnswer(t *testing.T) {
	srv, client := loopSetup(t)
	op := openroutertest.OpSendChatCompletionRequest
	srv.Enqueue(op, calls("search", `{"q":"a"}`).Response())
	srv.Enqueue(op, openroutertest.Chat("").ToolCalls(openroutertest.ToolCall{ID: "f", Name: "finish", Arguments: `{"answer":"42"}`}).Response())
	srv.Enqueue(op, openroutertest.Chat("The answer is 42.").Response())
	search := rawTool(t, "search", func(context.Context, json.RawMessage) (string, error) { return "found", nil })
	finish := rawTool(t, "finish", func(context.Context, json.RawMessage) (string, error) { return "noted", nil })

	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{search, finish},
		openrouter.WithStopWhen(openrouter.StopWhenToolCalled("finish")))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Stopped || res.Steps != 3 || res.Text() != "The answer is 42." {
		t.Errorf("Stopped %v, Steps %d, Text %q", res.Stopped, res.Steps, res.Text())
	}
	bodies := sent(t, srv)
	if len(bodies) != 3 || string(bodies[2].ToolChoice) != `"none"` || bodies[1].ToolChoice != nil {
		t.Fatalf("%d requests, final tool_choice %s", len(bodies), bodies[len(bodies)-1].ToolChoice)
	}
	if len(bodies[2].Tools) != 2 {
		t.Errorf("the final request declares %d tools, want them kept (the transcript refers to them)", len(bodies[2].Tools))
	}
	// The finish call was answered before the final request.
	if got := toolContents(t, srv, 2); len(got) != 2 || got[1] != "f=noted" {
		t.Errorf("tool results of the final request = %v", got)
	}
	if got := roles(t, res.Messages); got != "system,user,assistant,tool,assistant,tool,assistant" {
		t.Errorf("transcript %s", got)
	}
}

func TestStopWithoutFinalAnswer(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, calls("search", `{"q":"a"}`).Response())
	search := rawTool(t, "search", func(context.Context, json.RawMessage) (string, error) { return "found", nil })
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{search},
		openrouter.WithStopWhen(openrouter.StopAfterSteps(1)), openrouter.WithFinalAnswer(false))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Stopped || res.Steps != 1 || res.Text() != "" || len(srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)) != 1 {
		t.Errorf("Stopped %v, Steps %d, Text %q", res.Stopped, res.Steps, res.Text())
	}
	if got := roles(t, res.Messages); got != "system,user,assistant,tool" {
		t.Errorf("transcript %s, want the calls answered", got)
	}
}

func TestStopConditionsOnTheFake(t *testing.T) {
	// The fake's default model calls the tool once, then answers: a stop
	// after the first step leaves the default answer to the final request.
	for name, cond := range map[string]openrouter.StopCondition{
		"steps":  openrouter.StopAfterSteps(1),
		"tokens": openrouter.StopAfterTokens(1),
		"cost":   openrouter.StopAfterCost(1e-12),
		"reason": openrouter.StopOnFinishReason("tool_calls"),
		"any":    openrouter.StopAny(nil, openrouter.StopAfterSteps(100), openrouter.StopWhenToolCalled()),
		"all":    openrouter.StopAll(openrouter.StopAfterSteps(1), openrouter.StopWhenToolCalled("get_weather")),
		"custom": func(r *openrouter.RunResult) bool { return len(r.ToolCalls) == 1 && r.ToolCalls[0].Content != "" },
	} {
		t.Run(name, func(t *testing.T) {
			srv, client := loopSetup(t)
			var cities []string
			res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
				openrouter.WithStopWhen(cond))
			if err != nil {
				t.Fatal(err)
			}
			if !res.Stopped || res.Steps != 2 || string(sent(t, srv)[1].ToolChoice) != `"none"` {
				t.Errorf("Stopped %v after %d steps", res.Stopped, res.Steps)
			}
		})
	}
}

func TestStopConditionsThatDoNotHold(t *testing.T) {
	for name, cond := range map[string]openrouter.StopCondition{
		"steps":  openrouter.StopAfterSteps(2),
		"tool":   openrouter.StopWhenToolCalled("other"),
		"tokens": openrouter.StopAfterTokens(1 << 30),
		"cost":   openrouter.StopAfterCost(1000),
		"reason": openrouter.StopOnFinishReason("length"),
		"any":    openrouter.StopAny(),
		"all":    openrouter.StopAll(nil, openrouter.StopAfterSteps(1), openrouter.StopAfterSteps(5)),
	} {
		t.Run(name, func(t *testing.T) {
			_, client := loopSetup(t)
			var cities []string
			res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
				openrouter.WithStopWhen(cond))
			if err != nil {
				t.Fatal(err)
			}
			if res.Stopped || res.Steps != 2 {
				t.Errorf("Stopped %v after %d steps, want the model's own end", res.Stopped, res.Steps)
			}
		})
	}
}

func TestStopBeforeTheStepLimit(t *testing.T) {
	// A stop at the step limit still gets its final answer; the limit
	// without a stop is ErrMaxSteps as before.
	_, client := loopSetup(t)
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
		openrouter.WithMaxSteps(1), openrouter.WithStopWhen(openrouter.StopAfterSteps(1)))
	if err != nil || !res.Stopped || res.Steps != 2 || res.Text() == "" {
		t.Errorf("error %v, Stopped %v, Steps %d, Text %q", err, res.Stopped, res.Steps, res.Text())
	}
}
