package openroutertest_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// In a test, write srv := openroutertest.NewServer(t) instead: the server
// then closes with the test and fails it on any spec mismatch.
func ExampleNew() {
	srv, err := openroutertest.New()
	if err != nil {
		panic(err)
	}
	defer srv.Close()

	client, err := srv.Client()
	if err != nil {
		panic(err)
	}
	var content gen.ChatUserMessageContent
	_ = content.FromChatUserMessageContentString("Hello, fake OpenRouter!")
	var msg openrouter.ChatMessage
	_ = msg.FromChatUserMessage(gen.ChatUserMessage{Role: gen.ChatUserMessageRoleUser, Content: content})

	model := "openai/gpt-4o-mini"
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:    model,
		Messages: []openrouter.ChatMessage{msg},
	})
	if err != nil {
		panic(err)
	}
	text, _ := resp.Choices[0].Message.Content.AsChatAssistantMessageContentString()
	fmt.Println(resp.Model)
	fmt.Println(text)
	fmt.Println("requests:", len(srv.Requests()), "failures:", len(srv.Failures()))
	// Output:
	// openai/gpt-4o-mini
	// You said: Hello, fake OpenRouter!
	// requests: 1 failures: 0
}

// A scripted rate limit: the client waits as Retry-After says (zero
// seconds here) and retries, and the second attempt gets the default
// answer.
func ExampleServer_Enqueue() {
	srv, err := openroutertest.New()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		panic(err)
	}

	limited := openroutertest.ErrorResponse(http.StatusTooManyRequests, "Rate limit exceeded")
	limited.Header = http.Header{"Retry-After": {"0"}}
	srv.Enqueue("getCredits", limited)

	credits, err := client.Credits.Get(context.Background())
	if err != nil {
		panic(err)
	}
	fmt.Println("total credits:", credits.Data.TotalCredits)
	fmt.Println("attempts:", len(srv.RequestsFor("getCredits")))
	// Output:
	// total credits: 100
	// attempts: 2
}

// A stream that breaks: two chunks, then the connection drops before
// `data: [DONE]`.
func ExampleStream() {
	srv, err := openroutertest.New()
	if err != nil {
		panic(err)
	}
	defer srv.Close()

	broken := openroutertest.ChatStream("Hel", "lo")
	broken.Stream.ResetAfter = 2
	srv.Enqueue("sendChatCompletionRequest", broken)

	req, _ := http.NewRequest("POST", srv.URL()+"/chat/completions",
		strings.NewReader(`{"stream":true,"messages":[{"role":"user","content":"Hi"}]}`))
	req.Header.Set("Authorization", "Bearer "+openroutertest.TestAPIKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	fmt.Println(resp.Header.Get("Content-Type"))
	fmt.Println("events:", strings.Count(string(body), "data: "))
	fmt.Println("error:", err)
	// Output:
	// text/event-stream
	// events: 2
	// error: unexpected EOF
}
