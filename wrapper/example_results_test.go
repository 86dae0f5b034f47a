package openrouter_test

import (
	"context"
	"fmt"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Chunk helpers read a chat stream without nil checks; the accumulated
// response tells a free request from one whose cost is not reported.
func ExampleChatChunk_TextDelta() {
	client, _, stop := fake()
	defer stop()
	stream, err := client.Chat.Stream(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Hi")},
	})
	if err != nil {
		panic(err)
	}
	defer stream.Close()
	var acc openrouter.ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			panic(err)
		}
		acc.Add(chunk)
		if text, ok := chunk.TextDelta(); ok {
			fmt.Print(text)
		}
		if reason := chunk.FinishReason(); reason != "" {
			fmt.Println("\nfinish:", reason)
		}
	}
	resp := acc.Response()
	if cost, ok := resp.Cost(); ok {
		fmt.Println("cost reported:", cost >= 0)
	}
	if tokens, ok := resp.Tokens(); ok {
		fmt.Println("tokens:", tokens.Input > 0, tokens.Output > 0)
	}
	// Output:
	// You said: Hi
	// finish: stop
	// cost reported: true
	// tokens: true true
}

// A Messages stream folds into the result Messages.Send returns.
func ExampleMessagesAccumulator() {
	client, _, stop := fake()
	defer stop()
	stream, err := client.Messages.Stream(context.Background(), openrouter.MessagesRequest{
		Model:     "anthropic/claude-sonnet-4",
		MaxTokens: ptr(64),
		Messages:  []openrouter.MessagesMessage{openrouter.MessagesUserText("Hello")},
	})
	if err != nil {
		panic(err)
	}
	defer stream.Close()
	var acc openrouter.MessagesAccumulator
	for ev, err := range stream.All() {
		if err != nil {
			panic(err)
		}
		acc.Add(ev)
	}
	msg := acc.Result()
	fmt.Println(msg.Text())
	fmt.Println(*msg.StopReason)
	// Output:
	// You said: Hello
	// end_turn
}

// RunResult adds up the run's tokens and gives each step's response and
// each tool call typed.
func ExampleRunResult() {
	client, srv, stop := fake()
	defer stop()
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_1", Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply("It is sunny in Paris."))
	weather, _ := openrouter.NewToolHandler("get_weather", "Weather of a city",
		func(ctx context.Context, in struct{ City string }) (string, error) { return "sunny", nil })
	res, err := openrouter.RunTools(context.Background(), client, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Weather in Paris?")},
	}, []*openrouter.ToolHandler{weather})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Text())
	for _, call := range res.ToolCalls {
		fmt.Printf("step %d: %s(%s) = %s\n", call.Step, call.Call.Function.Name, call.Call.Function.Arguments, call.Content)
	}
	fmt.Println("steps:", len(res.Responses), "tokens counted:", res.Tokens.Total > 0)
	// Output:
	// It is sunny in Paris.
	// step 0: get_weather({"city":"Paris"}) = sunny
	// steps: 2 tokens counted: true
}
