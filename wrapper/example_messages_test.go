package openrouter_test

import (
	"context"
	"fmt"
	"log"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func ExampleMessagesService_Send() {
	client, _, stop := fake()
	defer stop()

	msg, err := client.Messages.Send(context.Background(), openrouter.MessagesRequest{
		Model:     "anthropic/claude-sonnet-4",
		MaxTokens: ptr(200),
		Messages:  []openrouter.MessagesMessage{openrouter.MessagesUserText("Hello, Claude")},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(msg.Text())
	fmt.Println(*msg.StopReason)
	// Output:
	// You said: Hello, Claude
	// end_turn
}

func ExampleMessagesService_Stream() {
	client, _, stop := fake()
	defer stop()

	stream, err := client.Messages.Stream(context.Background(), openrouter.MessagesRequest{
		Model:     "anthropic/claude-sonnet-4",
		MaxTokens: ptr(200),
		Messages:  []openrouter.MessagesMessage{openrouter.MessagesUserText("Tell me a story")},
	})
	if err != nil {
		log.Fatal(err)
	}
	defer stream.Close()
	for stream.Next() {
		ev := stream.Current()
		switch ev.Type() {
		case openrouter.MessagesEventContentBlockDelta:
			if text, ok := ev.TextDelta(); ok {
				fmt.Print(text)
			}
		case openrouter.MessagesEventMessageDelta:
			d, _ := ev.AsMessagesDeltaEvent()
			fmt.Printf("\nstop: %s, %d output tokens\n", *d.Delta.StopReason, d.Usage.OutputTokens)
		}
	}
	// The stream ends cleanly after message_stop.
	if err := stream.Err(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// You said: Tell me a story
	// stop: end_turn, 6 output tokens
}

func ExamplePresetsService_CreateFromMessages() {
	client, _, stop := fake()
	defer stop()
	ctx := context.Background()

	// Save a model, its settings and system prompt under a slug; the
	// messages are not saved and no model is called.
	saved, err := client.Presets.CreateFromMessages(ctx, "brief-helper", openrouter.MessagesRequest{
		Model:    "anthropic/claude-sonnet-4",
		System:   openrouter.SystemPrompt("Answer in one sentence."),
		TopK:     ptr(20),
		Messages: []openrouter.MessagesMessage{openrouter.MessagesUserText("unused")},
	})
	if err != nil {
		log.Fatal(err)
	}
	v := saved.Data.DesignatedVersion
	fmt.Println(saved.Data.Slug, v.Version, v.Config["model"], *v.SystemPrompt)

	// Walk every preset of the account, page by page: the one just saved
	// is among them.
	for p, err := range client.Presets.ListAll(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.Slug, p.Status)
	}
	// Output:
	// brief-helper 1 anthropic/claude-sonnet-4 Answer in one sentence.
	// code-review active
	// support-bot active
	// translator active
	// brief-helper active
}

func ExampleRerankService_Send() {
	client, _, stop := fake()
	defer stop()

	resp, err := client.Rerank.Send(context.Background(), openrouter.RerankRequest{
		Model:     "cohere/rerank-v3.5",
		Query:     "Which city is the capital of France?",
		Documents: openrouter.RerankTexts("Berlin is in Germany.", "Paris is the capital of France.", "Tea is a drink."),
		TopN:      ptr(2),
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range resp.Results {
		fmt.Printf("%d %.2f %s\n", r.Index, r.RelevanceScore, r.Document.Text)
	}
	// Output:
	// 1 0.71 Paris is the capital of France.
	// 0 0.14 Berlin is in Germany.
}
