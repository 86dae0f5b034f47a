package openroutertest_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Scripting a reply with the builders: Enqueue checks it against the spec
// at once and returns an error (in a test: fails it at this line) when it
// does not fit.
func ExampleChat() {
	srv, _ := openroutertest.New()
	defer srv.Close()
	client, _ := srv.Client()

	err := srv.Enqueue(openroutertest.OpSendChatCompletionRequest,
		openroutertest.Chat("It is 21°C in Paris.").
			Reasoning("The user asks for the weather.").
			Provider("OpenAI").
			Usage(openroutertest.Usage{PromptTokens: 12, CompletionTokens: 7, Cost: 0.0004}).
			ID("gen-weather-1").
			Response())
	if err != nil {
		fmt.Println("script:", err)
		return
	}
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Weather in Paris?")},
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.Text())
	fmt.Println(resp.Reasoning(), resp.Provider, resp.Cost(), resp.GenerationID())
	// Output:
	// It is 21°C in Paris.
	// The user asks for the weather. OpenAI 0.0004 gen-weather-1
}

// A misfit is refused when it is queued, with what the operation accepts.
func ExampleServer_Enqueue_misfit() {
	srv, _ := openroutertest.New()
	defer srv.Close()
	err := srv.Enqueue(openroutertest.OpListProviders, openroutertest.Chat("hi").Stream().Response())
	fmt.Println(err)
	// Output:
	// openroutertest: invalid response to GET /api/v1/providers (listProviders): Enqueue: listProviders declares no stream (text/event-stream) for status 200; it answers 200 application/json: script JSON or Raw instead
}

// Faults test retry and timeout handling: the first attempt's connection
// drops before any byte and the client retries; an availability error
// that is not retryable is returned at once, classified.
func ExampleFault() {
	srv, _ := openroutertest.New()
	defer srv.Close()
	client, _ := srv.Client()
	ctx := context.Background()
	req := openrouter.ChatRequest{Model: "openai/gpt-4o-mini", Messages: []openrouter.ChatMessage{openrouter.UserText("Hi")}}

	srv.EnqueueFault(openroutertest.OpSendChatCompletionRequest, openroutertest.ResetBeforeHeaders())
	resp, err := client.Chat.Send(ctx, req)
	fmt.Println(resp.Text(), err, len(srv.Requests()))

	// A stream that stalls after its headers trips the idle timeout.
	srv.EnqueueFault(openroutertest.OpSendChatCompletionRequest, openroutertest.StallAfterHeaders(0))
	st, err := client.Chat.Stream(ctx, req, openrouter.WithMaxRetries(0), openrouter.WithStreamIdleTimeout(20*time.Millisecond))
	if err == nil {
		for st.Next() {
		}
		err = st.Err()
		st.Close()
	}
	fmt.Println(err != nil)

	// An error frame before any token, not retryable: Stream returns it.
	srv.EnqueueFault(openroutertest.OpSendChatCompletionRequest,
		openroutertest.EarlyErrorFrame(openroutertest.Unavailable("model_not_found", "openai/gpt-4o-mini")))
	_, err = client.Chat.Stream(ctx, req)
	fmt.Println(errors.Is(err, openrouter.ErrModelNotFound))
	// Output:
	// You said: Hi <nil> 2
	// true
	// true
}

// Recorded requests decode as the gen type of their operation, for
// assertions without JSON.
func ExampleRequestBody() {
	srv, _ := openroutertest.New()
	defer srv.Close()
	client, _ := srv.Client()
	temp := 0.2
	client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:       "openai/gpt-4o-mini",
		Temperature: &temp,
		Messages:    []openrouter.ChatMessage{openrouter.UserText("Hi")},
	})
	sent := srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)[0]
	req, err := openroutertest.RequestBody[openrouter.ChatRequest](sent)
	fmt.Println(req.Model, *req.Temperature, len(req.Messages), err)
	// Output: openai/gpt-4o-mini 0.2 1 <nil>
}
