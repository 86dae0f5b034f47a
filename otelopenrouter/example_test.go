package otelopenrouter_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/gopenrouter/openrouter/otelopenrouter"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Example traces a chat call against the SDK's fake server (offline) and
// prints the span's name and some of its attributes.
func Example() {
	spans := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(spans))
	defer tp.Shutdown(context.Background())

	srv, err := openroutertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := srv.Client(otelopenrouter.Instrument(otelopenrouter.WithTracerProvider(tp)))
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Hello")},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Text())

	for _, s := range spans.Ended() {
		fmt.Println(s.Name())
		for _, kv := range s.Attributes() {
			switch kv.Key {
			case "gen_ai.request.model", "gen_ai.response.model", "gen_ai.response.finish_reasons",
				"gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "openrouter.provider":
				fmt.Printf("  %s = %s\n", kv.Key, kv.Value.String())
			}
		}
	}
	// Output:
	// You said: Hello
	// chat openai/gpt-4o
	//   gen_ai.request.model = openai/gpt-4o
	//   gen_ai.response.model = openai/gpt-4o
	//   openrouter.provider = FakeProvider
	//   gen_ai.response.finish_reasons = ["stop"]
	//   gen_ai.usage.input_tokens = 1
	//   gen_ai.usage.output_tokens = 3
}

// ExampleInstrument prints the spans of a call to stdout as JSON with the
// OpenTelemetry stdout exporter, against the SDK's fake server (offline).
// In production, use an OTLP exporter instead.
func ExampleInstrument() {
	exp, err := stdouttrace.New(stdouttrace.WithWriter(os.Stdout), stdouttrace.WithPrettyPrint())
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	defer tp.Shutdown(context.Background())

	srv, err := openroutertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := srv.Client(otelopenrouter.Instrument(otelopenrouter.WithTracerProvider(tp)))
	if err != nil {
		log.Fatal(err)
	}
	stream, err := client.Chat.Stream(context.Background(), openrouter.ChatRequest{
		Model:    "openai/gpt-4o",
		Messages: []openrouter.ChatMessage{openrouter.UserText("Hello")},
	})
	if err != nil {
		log.Fatal(err)
	}
	defer stream.Close() // ends the span, even when the loop breaks early
	for chunk, err := range stream.All() {
		if err != nil {
			log.Fatal(err)
		}
		if len(chunk.Choices) > 0 {
			fmt.Print(chunk.Choices[0].Delta.Content)
		}
	}
	fmt.Println()
}
