//go:build live

// Package live_test calls the real OpenRouter API. It is built only with
// the "live" build tag and skips without $OPENROUTER_API_KEY:
//
//	OPENROUTER_API_KEY=sk-or-... go test -tags live ./tests/live/
//
// $OPENROUTER_LIVE_MODEL picks the chat model (default
// openai/gpt-4o-mini); every request asks for a few tokens only.
package live_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func client(t *testing.T) *openrouter.Client {
	t.Helper()
	if os.Getenv("OPENROUTER_API_KEY") == "" {
		t.Skip("OPENROUTER_API_KEY is not set")
	}
	c, err := openrouter.NewClient(openrouter.WithAppAttribution("https://github.com/gopenrouter/openrouter", "openrouter-go live tests"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func model() string {
	if m := os.Getenv("OPENROUTER_LIVE_MODEL"); m != "" {
		return m
	}
	return "openai/gpt-4o-mini"
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

func chatRequest() openrouter.ChatRequest {
	return openrouter.ChatRequest{
		Model:     model(),
		Messages:  []openrouter.ChatMessage{openrouter.UserText("Reply with the single word: pong")},
		MaxTokens: openrouter.Ptr(16),
	}
}

func TestLiveModels(t *testing.T) {
	c := client(t)
	count, err := c.Models.Count(ctx(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if count.Data.Count < 10 {
		t.Errorf("model count %d", count.Data.Count)
	}
	n := 0
	for m, err := range c.Models.ListAll(ctx(t), &openrouter.ListModelsParams{Limit: openrouter.Ptr(5)}) {
		if err != nil {
			t.Fatal(err)
		}
		if m.ID == "" || m.Pricing.Prompt == "" {
			t.Errorf("model without id or price: %+v", m)
		}
		if n++; n == 12 {
			break
		}
	}
	if n != 12 {
		t.Errorf("ListAll gave %d models over pages of 5, want 12", n)
	}
}

func TestLiveChatSendAndGeneration(t *testing.T) {
	c := client(t)
	resp, err := c.Chat.Send(ctx(t), chatRequest())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ToLower(resp.Text()), "pong") {
		t.Errorf("answer %q", resp.Text())
	}
	if resp.Usage == nil || resp.Usage.TotalTokens == 0 {
		t.Errorf("no usage: %+v", resp.Usage)
	}
	// The generation record appears a moment after the answer.
	var gen *openrouter.GenerationResponse
	for attempt := 0; attempt < 10; attempt++ {
		gen, err = c.Generations.Get(ctx(t), resp.GenerationID())
		if !errors.Is(err, openrouter.ErrNotFound) {
			break
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		t.Fatal(err)
	}
	if gen.Data.ID != resp.ID {
		t.Errorf("generation id %q, want %q", gen.Data.ID, resp.ID)
	}
}

func TestLiveChatStream(t *testing.T) {
	c := client(t)
	stream, err := c.Chat.Stream(ctx(t), chatRequest())
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var acc openrouter.ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		acc.Add(chunk)
	}
	resp := acc.Response()
	if !strings.Contains(strings.ToLower(resp.Text()), "pong") {
		t.Errorf("streamed answer %q", resp.Text())
	}
	if resp.Usage == nil || resp.Usage.Cost == nil {
		t.Errorf("no usage with cost in the stream: %+v", resp.Usage)
	}
}

func TestLiveCurrentKey(t *testing.T) {
	c := client(t)
	k, err := c.APIKeys.GetCurrent(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if k.Data.Label == "" {
		t.Error("current key without label")
	}
}

func TestLiveBadKey(t *testing.T) {
	client(t) // skips without a key, so that the suite stays offline
	c, err := openrouter.NewClient(openrouter.WithAPIKey("sk-or-v1-not-a-real-key"), openrouter.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Chat.Send(ctx(t), chatRequest())
	if !errors.Is(err, openrouter.ErrUnauthorized) {
		t.Fatalf("error %v, want ErrUnauthorized", err)
	}
	if strings.Contains(err.Error(), "not-a-real-key") {
		t.Errorf("the key leaked into the error: %v", err)
	}
}
