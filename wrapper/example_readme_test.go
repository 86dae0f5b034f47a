package openrouter_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// The code between README:begin and README:end markers below is the Go
// code of README.md, block for block and line for line (TestReadmeCode
// checks), so the README's snippets always compile and run.

func readmeSend(ctx context.Context, extra ...openrouter.Option) error {
	// README:begin
	client, err := openrouter.NewClient(extra...) // reads $OPENROUTER_API_KEY
	if err != nil {
		return err
	}
	resp, err := client.Chat.Send(ctx, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Hello!")},
	})
	if err != nil {
		return err
	}
	fmt.Println(resp.Text())
	// README:end
	return nil
}

func readmeStream(ctx context.Context, client *openrouter.Client, req openrouter.ChatRequest) error {
	// README:begin
	stream, err := client.Chat.Stream(ctx, req)
	if err != nil {
		return err
	}
	for chunk, err := range stream.All() { // All closes the stream, even on break
		if err != nil {
			return err // an error sent mid-stream (*APIError), or ErrStreamTruncated
		}
		for _, choice := range chunk.Choices {
			fmt.Print(choice.Delta.Content)
		}
	}
	// README:end
	fmt.Println()
	return nil
}

func readmeErrors(ctx context.Context, client *openrouter.Client, req openrouter.ChatRequest) {
	// README:begin
	_, err := client.Chat.Send(ctx, req, openrouter.WithMaxRetries(4))
	var apiErr *openrouter.APIError
	switch {
	case errors.Is(err, openrouter.ErrRateLimited):
		log.Print("still rate limited after 4 retries")
	case errors.As(err, &apiErr):
		log.Printf("OpenRouter answered %d: %s", apiErr.StatusCode, apiErr.Message)
	}
	// README:end
	fmt.Println(errors.Is(err, openrouter.ErrRateLimited), errors.As(err, new(*openrouter.APIError)))
}

// README:begin
func TestGreeting(t *testing.T) {
	srv := openroutertest.NewServer(t) // checks every request against openapi.yaml
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply("Hello, Gopher!"))

	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Greet me")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Text() != "Hello, Gopher!" {
		t.Errorf("got %q", resp.Text())
	}
}

// README:end

// Example_readme runs the README's snippets against the fake server.
func Example_readme() {
	srv, err := openroutertest.New()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	ctx := context.Background()
	if err := readmeSend(ctx, openrouter.WithBaseURL(srv.URL()), openrouter.WithAPIKey(openroutertest.TestAPIKey)); err != nil {
		panic(err)
	}
	client, err := srv.Client()
	if err != nil {
		panic(err)
	}
	req := openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Stream this")},
	}
	if err := readmeStream(ctx, client, req); err != nil {
		panic(err)
	}
	log.SetOutput(io.Discard)
	for range 5 {
		srv.Enqueue("sendChatCompletionRequest", openroutertest.ErrorResponse(429, "slow down"))
	}
	readmeErrors(ctx, client, req)
	// Output:
	// You said: Hello!
	// You said: Stream this
	// true true
}
