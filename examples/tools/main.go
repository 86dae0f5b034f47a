// Command tools runs a tool-calling conversation with RunTools: the model
// asks for the weather through a Go function, gets its result, and answers.
//
//	go run ./examples/tools
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/tools "Is it warm in Lisbon?"
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// weatherArgs are the arguments the model passes to get_weather; the JSON
// Schema the model sees is derived from this type.
type weatherArgs struct {
	City string `json:"city" jsonschema:"the city name, such as Paris"`
}

// weather is what get_weather returns to the model.
type weather struct {
	City  string  `json:"city"`
	TempC float64 `json:"temp_c"`
	Sky   string  `json:"sky"`
}

func main() {
	question := "What is the weather in Paris?"
	if len(os.Args) > 1 {
		question = strings.Join(os.Args[1:], " ")
	}
	if err := run(question); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(question string) error {
	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()

	getWeather, err := openrouter.NewToolHandler("get_weather", "Current weather of a city",
		func(ctx context.Context, args weatherArgs) (weather, error) {
			fmt.Printf("tool get_weather(%q)\n", args.City)
			// A real program would call a weather service here.
			return weather{City: args.City, TempC: 21, Sky: "sunny"}, nil
		})
	if err != nil {
		return err
	}
	res, err := openrouter.RunTools(context.Background(), c, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText(question)},
	}, []*openrouter.ToolHandler{getWeather}, openrouter.WithMaxSteps(4))
	if err != nil {
		return err
	}
	fmt.Printf("final answer: %s\n", res.Response.Text())
	fmt.Printf("[%d requests, $%.6f]\n", res.Steps, res.Cost)
	return nil
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
