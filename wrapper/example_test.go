package openrouter_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func ExampleNewClient() {
	// The key defaults to $OPENROUTER_API_KEY; options validate their input.
	client, err := openrouter.NewClient(
		openrouter.WithAPIKey("sk-or-v1-..."),
		openrouter.WithAppAttribution("https://myapp.example", "My App"),
		openrouter.WithMaxRetries(3),
		openrouter.WithTimeout(30*time.Second),
	)
	fmt.Println(client != nil, err)

	_, err = openrouter.NewClient(openrouter.WithMaxRetries(-1))
	fmt.Println(err)
	// Output:
	// true <nil>
	// openrouter: WithMaxRetries: -1 is negative
}

func ExampleAPIError() {
	// A stand-in for OpenRouter that reports an empty balance.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusPaymentRequired)
		io.WriteString(w, `{"error":{"code":402,"message":"Insufficient credits"}}`)
	}))
	defer srv.Close()

	client, _ := openrouter.NewClient(openrouter.WithAPIKey("sk-or-v1-..."), openrouter.WithBaseURL(srv.URL))
	_, err := client.Credits.Get(context.Background())

	var apiErr *openrouter.APIError
	if errors.As(err, &apiErr) {
		fmt.Println("status:", apiErr.StatusCode)
		fmt.Println("message:", apiErr.Message)
	}
	fmt.Println("out of credits:", errors.Is(err, openrouter.ErrInsufficientCredits))
	fmt.Println(err)
	// Output:
	// status: 402
	// message: Insufficient credits
	// out of credits: true
	// openrouter: Credits.Get: 402 Payment Required: Insufficient credits
}
