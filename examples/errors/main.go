// Command errors shows how to handle what can go wrong with a call: it
// provokes an unknown model, a model whose providers are all busy, and a
// rate limit, and for each one classifies the error with errors.Is and
// the sentinels, inspects it with errors.As and *openrouter.APIError,
// reads the rate limit, and retries.
//
//	go run ./examples/errors
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/errors
//
// Offline, the fake OpenRouter server is scripted to answer each step
// with its error, which is also how to test your own error handling.
// With a real key only the first request fails (its model does not
// exist); the others are ordinary requests that should succeed.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// ask is a one-question chat request.
func ask(model, question string) openrouter.ChatRequest {
	return openrouter.ChatRequest{Model: model, Messages: []openrouter.ChatMessage{openrouter.UserText(question)}}
}

func run(ctx context.Context) error {
	c, fake, stop, err := newScriptedClient()
	if err != nil {
		return err
	}
	defer stop()

	// 1. A model id that does not exist: OpenRouter answers 400 with the
	// availability code model_not_found. Not retryable; fix the id.
	fmt.Println("1. unknown model")
	script(fake, openroutertest.Unavailable("model_not_found", "no-such-lab/no-such-model").Response())
	_, err = c.Chat.Send(ctx, ask("no-such-lab/no-such-model", "Hello?"))
	explain(err)

	// 2. All providers of the model are at capacity. The error says
	// whether an identical request may succeed later (Retryable) and may
	// suggest other models (FallbackModels): here they become the
	// request's fallback list. WithMaxRetries(0) turns the client's own
	// retries off for this call, to show the error.
	fmt.Println("2. busy model")
	script(fake, openroutertest.Unavailable("capacity_exhausted", "openai/gpt-4o-mini").
		FallbackModels("anthropic/claude-3.5-haiku", "meta-llama/llama-3.1-8b-instruct").
		RetryAfter(2*time.Second).Response())
	req := ask("openai/gpt-4o-mini", "Say hi.")
	resp, err := c.Chat.Send(ctx, req, openrouter.WithMaxRetries(0))
	var apiErr *openrouter.APIError
	if errors.As(err, &apiErr) && len(apiErr.FallbackModels()) > 0 {
		explain(err)
		req.Model = ""
		req.Models = openrouter.ModelFallbacks(apiErr.FallbackModels()...)
		fmt.Printf("   retrying with fallbacks %s\n", strings.Join(req.Models, ", "))
		resp, err = c.Chat.Send(ctx, req)
	}
	answer(resp, err)

	// 3. Rate limited until the retries run out. The client retries 429s
	// by itself (twice by default; here once), waiting as long as
	// Retry-After asks; then the error is a *RetriesExhaustedError that
	// still unwraps to the last *APIError and its rate-limit headers.
	fmt.Println("3. rate limited, retries exhausted")
	script(fake, rateLimited(), rateLimited())
	resp, err = c.Chat.Send(ctx, ask("openai/gpt-4o-mini", "Say hi again."), openrouter.WithMaxRetries(1))
	answer(resp, err)

	// 4. Rate limited once, then served: the retry is invisible to the
	// caller, but an Observer sees it. WithRateLimitInto reads the rate
	// limit the successful answer reported.
	fmt.Println("4. rate limited once, then served")
	script(fake, rateLimited())
	var rl openrouter.RateLimit
	onRetry := openrouter.Observer{Retry: func(_ context.Context, info openrouter.RetryInfo) {
		fmt.Printf("   attempt %d failed (%s); retrying in %s\n", info.Attempt, short(info.Err), info.Delay.Round(time.Millisecond))
	}}
	resp, err = c.Chat.Send(ctx, ask("openai/gpt-4o-mini", "One more time?"),
		openrouter.WithObserver(onRetry), openrouter.WithRateLimitInto(&rl))
	answer(resp, err)
	if err == nil && rl.Limit > 0 {
		fmt.Printf("   rate limit: %d of %d requests left in this window\n", rl.Remaining, rl.Limit)
	}
	return nil
}

// explain classifies err the way a program decides what to do next.
func explain(err error) {
	if err == nil {
		fmt.Println("   no error")
		return
	}
	// errors.Is with the sentinels: one per HTTP status class and one
	// per availability code.
	switch {
	case errors.Is(err, openrouter.ErrModelNotFound):
		fmt.Println("   ErrModelNotFound: check the model id (Models.List has them all)")
	case errors.Is(err, openrouter.ErrCapacityExhausted), errors.Is(err, openrouter.ErrTemporarilyUnavailable):
		fmt.Println("   ErrCapacityExhausted: the model's providers are busy; wait or use another model")
	case errors.Is(err, openrouter.ErrRateLimited):
		fmt.Println("   ErrRateLimited: slow down")
	case errors.Is(err, openrouter.ErrUnauthorized), errors.Is(err, openrouter.ErrInsufficientCredits):
		fmt.Println("   a key or credits problem: see the message")
	case errors.Is(err, openrouter.ErrBadRequest):
		fmt.Println("   ErrBadRequest: the request needs fixing")
	}
	var rex *openrouter.RetriesExhaustedError
	if errors.As(err, &rex) {
		fmt.Printf("   gave up after %d attempts\n", rex.Attempts)
	}
	// errors.As for the details: status, OpenRouter's message and
	// category, the availability object and the headers.
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) {
		fmt.Println("   not an API error:", err)
		return
	}
	fmt.Printf("   status %d, type %q: %s\n", apiErr.StatusCode, apiErr.Type, apiErr.Message)
	if a := apiErr.Availability; a != nil {
		fmt.Printf("   availability code %s, retryable %t\n", a.Code, a.Retryable)
	}
	if fb := apiErr.FallbackModels(); len(fb) > 0 {
		fmt.Printf("   OpenRouter suggests %s\n", strings.Join(fb, ", "))
	}
	if apiErr.RetryAfter > 0 {
		fmt.Printf("   retry after %s\n", apiErr.RetryAfter)
	}
	if rl, ok := apiErr.RateLimit(); ok {
		fmt.Printf("   rate limit: %d of %d requests left, window resets in about %s\n",
			rl.Remaining, rl.Limit, rl.ResetIn().Round(time.Second))
	}
}

// answer prints a successful answer, or explains the error.
func answer(resp *openrouter.ChatResponse, err error) {
	if err != nil {
		explain(err)
		return
	}
	fmt.Printf("   answer from %s: %s\n", resp.Model, resp.Text())
}

// short is the first line of an error, without the "openrouter: " prefix.
func short(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimPrefix(s, "openrouter: ")
}

// newScriptedClient is newClient for this example: it also returns the
// fake OpenRouter it starts without $OPENROUTER_API_KEY, so that run can
// queue the errors it wants to show (see script); with a key, fake is nil.
// A test of your own error handling does the same with
// openroutertest.NewServer(t) and its Enqueue method.
func newScriptedClient() (client *openrouter.Client, fake *openroutertest.Server, stop func(), err error) {
	if os.Getenv("OPENROUTER_API_KEY") != "" {
		client, stop, err = newClient()
		return client, nil, stop, err
	}
	fake, err = openroutertest.New()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("start the fake OpenRouter: %w", err)
	}
	client, err = fake.Client()
	if err != nil {
		fake.Close()
		return nil, nil, nil, err
	}
	fmt.Fprintln(os.Stderr, "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server "+
		"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API.")
	return client, fake, fake.Close, nil
}

// script queues answers on the fake server for the next chat requests,
// one per request (HTTP attempt), in order; a request with nothing queued
// gets the fake's usual answer. Against the real API (fake is nil) it
// does nothing.
func script(fake *openroutertest.Server, answers ...openroutertest.Response) {
	if fake == nil {
		return
	}
	for _, a := range answers {
		if err := fake.Enqueue(openroutertest.OpSendChatCompletionRequest, a); err != nil {
			panic(err) // only a bad script fails here
		}
	}
}

// rateLimited is the 429 OpenRouter sends when a key makes too many
// requests: its rate-limit headers and a Retry-After.
func rateLimited() openroutertest.Response {
	return openroutertest.Error(429, "Rate limit exceeded: 20 requests per minute").
		Type("rate_limit_exceeded").
		RateLimit(20, 0, time.Now().Add(30*time.Second)).
		RetryAfter(200 * time.Millisecond).
		Response()
}

// newClient returns a client for the real OpenRouter API when
// $OPENROUTER_API_KEY is set. Without a key it starts the fake OpenRouter
// of package openroutertest in this process (canned answers; it checks
// every request against the API's OpenAPI document), says so on stderr and
// returns a client for it; stop shuts the fake down. In your own program,
// openrouter.NewClient(opts...) is all you need, and leaving the fake out
// keeps kin-openapi out of your binary.
func newClient(opts ...openrouter.Option) (client *openrouter.Client, stop func(), err error) {
	if os.Getenv("OPENROUTER_API_KEY") != "" {
		client, err = openrouter.NewClient(opts...)
		return client, func() {}, err
	}
	srv, err := openroutertest.New()
	if err != nil {
		return nil, nil, fmt.Errorf("start the fake OpenRouter: %w", err)
	}
	client, err = srv.Client(opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	fmt.Fprintln(os.Stderr, "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server "+
		"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API.")
	return client, srv.Close, nil
}
