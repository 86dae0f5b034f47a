package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// A two-tool agent: the calls of one answer run in parallel, and a stop
// condition ends the run after two steps with a final, tool-free answer.
func ExampleWithToolConcurrency() {
	client, srv, stop := fake()
	defer stop()
	// The fake plays the model: two calls at once, then one more, then
	// (tools forbidden after the stop) the answer.
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("").ToolCalls(
		openroutertest.ToolCall{ID: "w1", Name: "get_weather", Arguments: `{"city":"Paris"}`},
		openroutertest.ToolCall{ID: "t1", Name: "local_time", Arguments: `{"city":"Paris"}`}).Response())
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("").ToolCalls(
		openroutertest.ToolCall{ID: "w2", Name: "get_weather", Arguments: `{"city":"Rome"}`}).Response())
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("Paris: 21°C at 14:00. Rome: 25°C.").Response())

	type cityArgs struct {
		City string `json:"city" jsonschema:"the city, such as Paris"`
	}
	weather, err := openrouter.NewToolHandler("get_weather", "Current temperature of a city in °C",
		func(ctx context.Context, in cityArgs) (map[string]float64, error) {
			time.Sleep(10 * time.Millisecond) // a slow API: calls overlap
			return map[string]float64{"temp_c": map[string]float64{"Paris": 21, "Rome": 25}[in.City]}, nil
		})
	if err != nil {
		panic(err)
	}
	localTime, err := openrouter.NewToolHandler("local_time", "Local time of a city",
		func(ctx context.Context, in cityArgs) (string, error) { return "14:00", nil })
	if err != nil {
		panic(err)
	}

	res, err := openrouter.RunTools(context.Background(), client, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Weather and time in Paris, and the weather in Rome?")},
	}, []*openrouter.ToolHandler{weather, localTime},
		openrouter.WithToolConcurrency(4),
		openrouter.WithStopWhen(openrouter.StopAny(openrouter.StopAfterSteps(2), openrouter.StopAfterCost(0.50))),
		openrouter.WithHooks(openrouter.RunHooks{
			BeforeToolCall: func(ctx context.Context, call openrouter.ToolCall) openrouter.ToolCallDecision {
				if call.Function.Name == "delete_everything" {
					return openrouter.ToolCallDecision{Deny: fmt.Errorf("not allowed")}
				}
				return openrouter.ToolCallDecision{}
			},
		}))
	if err != nil {
		panic(err)
	}
	for _, c := range res.ToolCalls { // in the order of the calls, whatever order they ended in
		fmt.Println(c.Step, c.Call.Function.Name, c.Call.Function.Arguments, "->", c.Content)
	}
	fmt.Println("stopped:", res.Stopped, "steps:", res.Steps)
	fmt.Println(res.Text())
	// Output:
	// 0 get_weather {"city":"Paris"} -> {"temp_c":21}
	// 0 local_time {"city":"Paris"} -> 14:00
	// 1 get_weather {"city":"Rome"} -> {"temp_c":25}
	// stopped: true steps: 3
	// Paris: 21°C at 14:00. Rome: 25°C.
}

// A deletion waits for a person's approval: the run pauses, its state is
// saved as JSON, and it is resumed from that JSON with the decision.
func ExampleResumeTools() {
	client, _, stop := fake()
	defer stop()
	type fileArgs struct {
		Path string `json:"path" jsonschema:"the file to delete"`
	}
	del, err := openrouter.NewToolHandler("delete_file", "Delete a file",
		func(ctx context.Context, in fileArgs) (string, error) { return "deleted " + in.Path, nil })
	if err != nil {
		panic(err)
	}
	handlers := []*openrouter.ToolHandler{del}
	approval := openrouter.WithApproval(openrouter.ApprovalFor("delete_file"))

	// The fake model calls the tool the user names.
	res, err := openrouter.RunTools(context.Background(), client, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Use delete_file on /tmp/old.log")},
	}, handlers, approval)
	if !errors.Is(err, openrouter.ErrApprovalRequired) {
		panic(err)
	}
	fmt.Println("waiting:", res.Pending[0].Function.Name, res.Pending[0].Function.Arguments)
	saved, err := json.Marshal(res.State) // to a file, a database, a queue...
	if err != nil {
		panic(err)
	}

	var state openrouter.RunState // ...and back, in this process or another
	if err := json.Unmarshal(saved, &state); err != nil {
		panic(err)
	}
	res, err = openrouter.ResumeTools(context.Background(), client, &state, handlers,
		[]openrouter.ApprovalDecision{openrouter.Approve(state.Pending()[0].ID)}, approval)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Text())
	// Output:
	// waiting: delete_file {"path":"/tmp/old.log"}
	// The tool returned: deleted /tmp/old.log
}
