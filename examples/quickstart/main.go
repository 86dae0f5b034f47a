// Command quickstart sends one chat request to OpenRouter and streams the
// answer to stdout as it arrives, then prints the token usage and cost.
//
// Without $OPENROUTER_API_KEY it runs offline against the fake OpenRouter
// server of package openroutertest and says so on stderr:
//
//	go run ./examples/quickstart
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/quickstart "Why is the sky blue?"
//
// $OPENROUTER_MODEL picks another model (default openai/gpt-4o-mini).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func main() {
	prompt := "Say hello to a Go developer in one short sentence."
	if len(os.Args) > 1 {
		prompt = strings.Join(os.Args[1:], " ")
	}
	model := os.Getenv("OPENROUTER_MODEL")
	if model == "" {
		model = "openai/gpt-4o-mini"
	}
	offline.Main(func(c *openrouter.Client) error {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		return run(ctx, c, model, prompt)
	}, openrouter.WithAppAttribution("https://github.com/gopenrouter/openrouter", "openrouter-go quickstart"))
}

func run(ctx context.Context, c *openrouter.Client, model, prompt string) error {
	stream, err := c.Chat.Stream(ctx, openrouter.ChatRequest{
		Model: model,
		Messages: []openrouter.ChatMessage{
			openrouter.SystemMessage("You are a friendly, concise assistant."),
			openrouter.UserText(prompt),
		},
	})
	if err != nil {
		return err
	}
	defer stream.Close()

	var acc openrouter.ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			return err
		}
		acc.Add(chunk)
		for _, choice := range chunk.Choices {
			fmt.Print(choice.Delta.Content)
		}
	}
	fmt.Println()

	resp := acc.Response()
	if u := resp.Usage; u != nil {
		fmt.Printf("[%s via %s: %d prompt + %d completion tokens", resp.Model, orUnknown(resp.Provider), u.PromptTokens, u.CompletionTokens)
		if u.Cost != nil {
			fmt.Printf(", $%.6f", *u.Cost)
		}
		fmt.Println("]")
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "an unknown provider"
	}
	return s
}
