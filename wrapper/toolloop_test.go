package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

const chatOp = "sendChatCompletionRequest"

type weatherIn struct {
	City string `json:"city" jsonschema:"the city"`
}

type weatherOut struct {
	City  string  `json:"city"`
	TempC float64 `json:"temp_c"`
}

// weatherTool is a handler that records the cities it was asked about.
func weatherTool(t *testing.T, cities *[]string, fail error) *openrouter.ToolHandler {
	t.Helper()
	h, err := openrouter.NewToolHandler("get_weather", "Current weather of a city",
		func(ctx context.Context, in weatherIn) (weatherOut, error) {
			*cities = append(*cities, in.City)
			if fail != nil {
				return weatherOut{}, fail
			}
			return weatherOut{City: in.City, TempC: 21}, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// loopSetup starts a fake server and returns a client of it.
func loopSetup(t *testing.T) (*openroutertest.Server, *openrouter.Client) {
	t.Helper()
	srv := openroutertest.NewServer(t)
	client, err := srv.Client(openrouter.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	return srv, client
}

func weatherRequest() openrouter.ChatRequest {
	return openrouter.ChatRequest{
		Model: "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{
			openrouter.SystemMessage("Use the tools."),
			openrouter.UserText("What is the weather in Paris?"),
		},
	}
}

// sentBody is the decoded body of the i-th chat request.
type sentBody struct {
	Messages []struct {
		Role       string          `json:"role"`
		Content    json.RawMessage `json:"content"`
		ToolCallID string          `json:"tool_call_id"`
		ToolCalls  []struct {
			ID       string `json:"id"`
			Function struct {
				Name      string `json:"name"`
				Arguments string `json:"arguments"`
			} `json:"function"`
		} `json:"tool_calls"`
	} `json:"messages"`
	Tools []struct {
		Function struct {
			Name       string         `json:"name"`
			Parameters map[string]any `json:"parameters"`
		} `json:"function"`
	} `json:"tools"`
	ToolChoice json.RawMessage `json:"tool_choice"`
	Stream     *bool           `json:"stream"`
}

func sent(t *testing.T, srv *openroutertest.Server) []sentBody {
	t.Helper()
	var out []sentBody
	for _, r := range srv.RequestsFor(chatOp) {
		var b sentBody
		if err := r.DecodeJSON(&b); err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func roles(t *testing.T, msgs []openrouter.ChatMessage) string {
	t.Helper()
	var rs []string
	for _, m := range msgs {
		r, err := m.Discriminator()
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return strings.Join(rs, ",")
}

func TestRunToolsTwoSteps(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_w", Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	srv.Enqueue(chatOp, openroutertest.ChatReply("It is 21 degrees in Paris."))

	var cities []string
	req := weatherRequest()
	req.ToolChoice = openrouter.ToolChoiceRequired()
	res, err := openrouter.RunTools(context.Background(), client, req, []*openrouter.ToolHandler{weatherTool(t, &cities, nil)})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Response.Text(); got != "It is 21 degrees in Paris." {
		t.Errorf("final text = %q", got)
	}
	if res.Steps != 2 {
		t.Errorf("Steps = %d, want 2", res.Steps)
	}
	if last, _ := res.Response.Cost(); res.Cost <= 0 || res.Cost <= last {
		t.Errorf("Cost = %v, want the sum of two positive costs (last %v)", res.Cost, last)
	}
	if fmt.Sprint(cities) != "[Paris]" {
		t.Errorf("handler calls = %v", cities)
	}
	if got := roles(t, res.Messages); got != "system,user,assistant,tool,assistant" {
		t.Errorf("transcript roles = %s", got)
	}
	for _, m := range res.Messages {
		mustMatchSpec(t, "ChatMessage", m)
	}
	if len(req.Messages) != 2 || req.Tools != nil {
		t.Errorf("RunTools changed the caller's request: %d messages, %d tools", len(req.Messages), len(req.Tools))
	}

	bodies := sent(t, srv)
	if len(bodies) != 2 {
		t.Fatalf("%d chat requests, want 2", len(bodies))
	}
	first, second := bodies[0], bodies[1]
	if len(first.Tools) != 1 || first.Tools[0].Function.Name != "get_weather" || first.Tools[0].Function.Parameters["required"] == nil {
		t.Errorf("first request tools = %+v", first.Tools)
	}
	if string(first.ToolChoice) != `"required"` || second.ToolChoice != nil {
		t.Errorf("tool_choice = %s then %s, want \"required\" then none", first.ToolChoice, second.ToolChoice)
	}
	if len(first.Messages) != 2 || len(second.Messages) != 4 {
		t.Fatalf("messages sent: %d then %d, want 2 then 4", len(first.Messages), len(second.Messages))
	}
	asst, tool := second.Messages[2], second.Messages[3]
	if asst.Role != "assistant" || len(asst.ToolCalls) != 1 || asst.ToolCalls[0].ID != "call_w" || asst.ToolCalls[0].Function.Arguments != `{"city":"Paris"}` {
		t.Errorf("assistant message sent back = %+v", asst)
	}
	if tool.Role != "tool" || tool.ToolCallID != "call_w" || string(tool.Content) != `"{\"city\":\"Paris\",\"temp_c\":21}"` {
		t.Errorf("tool message = %+v (content %s)", tool, tool.Content)
	}
}

func TestRunToolsParallelCalls(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(
		openroutertest.ToolCall{Name: "get_weather", Arguments: `{"city":"Paris"}`},
		openroutertest.ToolCall{Name: "get_weather", Arguments: `{"city":"Rome"}`},
	))
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(cities) != "[Paris Rome]" {
		t.Errorf("handler calls = %v, want in order", cities)
	}
	// The second answer is the fake's default, which quotes the tool results in order.
	if got := res.Response.Text(); got != `The tools returned: {"city":"Paris","temp_c":21}; {"city":"Rome","temp_c":21}` {
		t.Errorf("final text = %q", got)
	}
	b := sent(t, srv)[1]
	if len(b.Messages) != 5 || b.Messages[3].ToolCallID != "call_1" || b.Messages[4].ToolCallID != "call_2" {
		t.Errorf("tool results sent = %+v", b.Messages)
	}
}

func TestRunToolsStepLimit(t *testing.T) {
	srv, client := loopSetup(t)
	for range 3 {
		srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	}
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
		openrouter.WithMaxSteps(2))
	if !errors.Is(err, openrouter.ErrMaxSteps) {
		t.Fatalf("error = %v, want ErrMaxSteps", err)
	}
	if res == nil || res.Steps != 2 || len(srv.RequestsFor(chatOp)) != 2 {
		t.Fatalf("result %+v after %d requests, want 2 steps", res, len(srv.RequestsFor(chatOp)))
	}
	// The last calls are answered, so the conversation can be resumed.
	if got := roles(t, res.Messages); got != "system,user,assistant,tool,assistant,tool" {
		t.Errorf("transcript roles = %s", got)
	}
	if len(cities) != 2 {
		t.Errorf("handler ran %d times, want 2", len(cities))
	}
	if srv.Pending(chatOp) != 1 {
		t.Errorf("%d scripted answers left, want 1", srv.Pending(chatOp))
	}
}

func TestRunToolsDefaultStepLimit(t *testing.T) {
	srv, client := loopSetup(t)
	for range openrouter.DefaultMaxSteps + 1 {
		srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	}
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
		openrouter.WithMaxSteps(0), openrouter.WithRepeatLimit(-1))
	if !errors.Is(err, openrouter.ErrMaxSteps) || res.Steps != openrouter.DefaultMaxSteps {
		t.Fatalf("error = %v after %d steps, want ErrMaxSteps after %d", err, res.Steps, openrouter.DefaultMaxSteps)
	}
}

func TestRunToolsCostLimit(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
		openrouter.WithMaxCost(1e-12))
	if !errors.Is(err, openrouter.ErrMaxCost) {
		t.Fatalf("error = %v, want ErrMaxCost", err)
	}
	if res.Steps != 1 || res.Cost <= 0 || len(srv.RequestsFor(chatOp)) != 1 {
		t.Errorf("Steps %d, Cost %v, %d requests", res.Steps, res.Cost, len(srv.RequestsFor(chatOp)))
	}
	// A final answer is returned even when it passes the limit.
	res, err = openrouter.RunTools(context.Background(), client, weatherRequest(), nil, openrouter.WithMaxCost(1e-12))
	if err != nil || res.Response.Text() == "" {
		t.Errorf("final answer over the limit: %v, %q", err, res.Response.Text())
	}
}

func TestRunToolsHandlerErrorToModel(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(
		openroutertest.ToolCall{ID: "a", Name: "get_weather", Arguments: `{"city":"Atlantis"}`},
		openroutertest.ToolCall{ID: "b", Name: "launch_rockets", Arguments: `{}`},
		openroutertest.ToolCall{ID: "c", Name: "get_weather", Arguments: `{"city":7}`},
		openroutertest.ToolCall{ID: "d", Name: "get_weather", Arguments: ``},
	))
	srv.Enqueue(chatOp, openroutertest.ChatReply("Sorry, I could not find Atlantis."))
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(),
		[]*openrouter.ToolHandler{weatherTool(t, &cities, errors.New("unknown city"))})
	if err != nil {
		t.Fatal(err)
	}
	if res.Response.Text() != "Sorry, I could not find Atlantis." {
		t.Errorf("final text = %q", res.Response.Text())
	}
	// Empty arguments decode as {}; bad ones never reach the handler.
	if fmt.Sprint(cities) != "[Atlantis ]" {
		t.Errorf("handler calls = %q", cities)
	}
	msgs := sent(t, srv)[1].Messages[3:]
	want := map[string]string{
		"a": "error: unknown city",
		"b": "error: no handler for this function",
		"c": "error: invalid arguments for openrouter_test.weatherIn: json: cannot unmarshal number",
		"d": "error: unknown city",
	}
	if len(msgs) != len(want) {
		t.Fatalf("%d tool results, want %d", len(msgs), len(want))
	}
	for _, m := range msgs {
		var content string
		if err := json.Unmarshal(m.Content, &content); err != nil {
			t.Fatal(err)
		}
		if m.Role != "tool" || !strings.HasPrefix(content, want[m.ToolCallID]) {
			t.Errorf("result of %s = %q, want %q...", m.ToolCallID, content, want[m.ToolCallID])
		}
	}
}

func TestRunToolsHandlerErrorReturned(t *testing.T) {
	boom := errors.New("weather service down")
	for name, tc := range map[string]struct {
		call    openroutertest.ToolCall
		wantIs  error
		handled int
	}{
		"handler error": {openroutertest.ToolCall{ID: "x", Name: "get_weather", Arguments: `{"city":"Paris"}`}, boom, 1},
		"unknown tool":  {openroutertest.ToolCall{ID: "x", Name: "nope", Arguments: `{}`}, openrouter.ErrUnknownTool, 0},
	} {
		t.Run(name, func(t *testing.T) {
			srv, client := loopSetup(t)
			srv.Enqueue(chatOp, openroutertest.ChatToolCalls(tc.call))
			var cities []string
			res, err := openrouter.RunTools(context.Background(), client, weatherRequest(),
				[]*openrouter.ToolHandler{weatherTool(t, &cities, boom)}, openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
			var te *openrouter.ToolError
			if !errors.As(err, &te) || !errors.Is(err, tc.wantIs) {
				t.Fatalf("error = %v (%T), want a *ToolError wrapping %v", err, err, tc.wantIs)
			}
			if te.Name != tc.call.Name || te.CallID != "x" || te.Arguments != tc.call.Arguments {
				t.Errorf("ToolError = %+v", te)
			}
			if !strings.Contains(err.Error(), "tool "+tc.call.Name+" (call x)") {
				t.Errorf("message = %q", err)
			}
			if len(cities) != tc.handled || len(srv.RequestsFor(chatOp)) != 1 || res.Steps != 1 {
				t.Errorf("handler ran %d times, %d requests, %d steps", len(cities), len(srv.RequestsFor(chatOp)), res.Steps)
			}
		})
	}
}

func TestRunToolsRequestError(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	srv.Enqueue(chatOp, openroutertest.ErrorResponse(402, "Insufficient credits"))
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)})
	if !errors.Is(err, openrouter.ErrInsufficientCredits) {
		t.Fatalf("error = %v, want ErrInsufficientCredits", err)
	}
	if res.Steps != 1 || roles(t, res.Messages) != "system,user,assistant,tool" {
		t.Errorf("Steps %d, transcript %s", res.Steps, roles(t, res.Messages))
	}
}

func TestRunToolsCanceled(t *testing.T) {
	srv, client := loopSetup(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{Name: "slow", Arguments: `{}`}, openroutertest.ToolCall{Name: "slow", Arguments: `{}`}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runs := 0
	h, err := openrouter.NewRawToolHandler("slow", "", nil, func(ctx context.Context, _ json.RawMessage) (string, error) {
		runs++
		cancel()
		return "done", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = openrouter.RunTools(ctx, client, weatherRequest(), []*openrouter.ToolHandler{h})
	if !errors.Is(err, context.Canceled) || runs != 1 || len(srv.RequestsFor(chatOp)) != 1 {
		t.Errorf("error = %v after %d runs and %d requests", err, runs, len(srv.RequestsFor(chatOp)))
	}
}

func TestRunToolsStreaming(t *testing.T) {
	srv, client := loopSetup(t)
	chunk := func(choices []any, usage any) map[string]any {
		c := map[string]any{"id": "gen-s", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": choices}
		if usage != nil {
			c["usage"] = usage
		}
		return c
	}
	srv.Enqueue(chatOp, openroutertest.Response{Stream: &openroutertest.Stream{Events: []any{
		chunk([]any{map[string]any{"index": 0, "finish_reason": nil, "delta": map[string]any{"role": "assistant",
			"tool_calls": []any{map[string]any{"index": 0, "id": "call_s", "type": "function", "function": map[string]any{"name": "get_weather", "arguments": `{"ci`}}}}}}, nil),
		chunk([]any{map[string]any{"index": 0, "finish_reason": nil, "delta": map[string]any{
			"tool_calls": []any{map[string]any{"index": 0, "function": map[string]any{"arguments": `ty":"Oslo"}`}}}}}}, nil),
		chunk([]any{map[string]any{"index": 0, "finish_reason": "tool_calls", "delta": map[string]any{}}}, nil),
		chunk([]any{}, map[string]any{"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10, "cost": 0.5}),
	}}})
	srv.Enqueue(chatOp, openroutertest.ChatStream("It is ", "21 degrees ", "in Oslo."))

	var cities []string
	var pieces []string
	chunks := 0
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)},
		openrouter.WithStreaming(func(c openrouter.ChatChunk) {
			chunks++
			if len(c.Choices) > 0 && c.Choices[0].Delta.Content != "" {
				pieces = append(pieces, c.Choices[0].Delta.Content)
			}
		}))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(cities) != "[Oslo]" {
		t.Errorf("handler calls = %v", cities)
	}
	if got := res.Response.Text(); got != "It is 21 degrees in Oslo." || strings.Join(pieces, "") != got {
		t.Errorf("final text %q, streamed pieces %q", got, pieces)
	}
	if res.Steps != 2 || chunks < 6 || res.Cost < 0.5 {
		t.Errorf("Steps %d, chunks %d, Cost %v", res.Steps, chunks, res.Cost)
	}
	bodies := sent(t, srv)
	if len(bodies) != 2 || bodies[0].Stream == nil || !*bodies[0].Stream || bodies[1].Messages[2].ToolCalls[0].Function.Arguments != `{"city":"Oslo"}` {
		t.Errorf("requests sent = %+v", bodies)
	}
}

func TestRunToolsBadSetup(t *testing.T) {
	_, client := loopSetup(t)
	var cities []string
	h := weatherTool(t, &cities, nil)
	ctx := context.Background()
	for name, tc := range map[string]struct {
		client   *openrouter.Client
		handlers []*openrouter.ToolHandler
		want     string
	}{
		"nil client":  {nil, nil, "nil client"},
		"nil handler": {client, []*openrouter.ToolHandler{nil}, "nil handler"},
		"duplicate":   {client, []*openrouter.ToolHandler{h, h}, `two handlers for "get_weather"`},
	} {
		t.Run(name, func(t *testing.T) {
			res, err := openrouter.RunTools(ctx, tc.client, weatherRequest(), tc.handlers)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
			if res == nil || len(res.Messages) != 2 || res.Steps != 0 {
				t.Errorf("result = %+v", res)
			}
		})
	}
}

func TestNewToolHandlerErrors(t *testing.T) {
	if _, err := openrouter.NewToolHandler[weatherIn, string]("get_weather", "", nil); err == nil || !strings.Contains(err.Error(), "nil function") {
		t.Errorf("nil fn: %v", err)
	}
	if _, err := openrouter.NewToolHandler("", "", func(context.Context, weatherIn) (string, error) { return "", nil }); err == nil || !strings.Contains(err.Error(), "empty tool name") {
		t.Errorf("empty name: %v", err)
	}
	if _, err := openrouter.NewToolHandler("f", "", func(context.Context, []int) (string, error) { return "", nil }); err == nil || !strings.Contains(err.Error(), "no JSON object schema") {
		t.Errorf("slice input: %v", err)
	}
	if _, err := openrouter.NewRawToolHandler("f", "", nil, nil); err == nil || !strings.Contains(err.Error(), "nil function") {
		t.Errorf("raw nil fn: %v", err)
	}
	if _, err := openrouter.NewRawToolHandler("f", "", "[]", func(context.Context, json.RawMessage) (string, error) { return "", nil }); err == nil || !strings.Contains(err.Error(), "not a JSON object") {
		t.Errorf("raw bad schema: %v", err)
	}
	h, err := openrouter.NewRawToolHandler("now", "The time", nil, func(context.Context, json.RawMessage) (string, error) { return "noon", nil })
	if err != nil || h.Name() != "now" {
		t.Fatalf("NewRawToolHandler: %v", err)
	}
	mustMatchSpec(t, "ChatFunctionTool", h.Tool())
}

func TestRunToolsRejectsAToolDeclaredTwice(t *testing.T) {
	srv, client := loopSetup(t)
	decl, err := openrouter.FunctionTool("get_weather", "Current weather", map[string]any{"type": "object"})
	if err != nil {
		t.Fatal(err)
	}
	req := weatherRequest()
	req.Tools = append(req.Tools, decl)
	var cities []string
	_, err = openrouter.RunTools(context.Background(), client, req, []*openrouter.ToolHandler{weatherTool(t, &cities, nil)})
	if err == nil || !strings.Contains(err.Error(), `already declares a function "get_weather"`) {
		t.Errorf("error %v, want one about the duplicate declaration", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
