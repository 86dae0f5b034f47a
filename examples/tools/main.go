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

	"github.com/gopenrouter/openrouter/examples/internal/offline"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
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
	offline.Main(func(c *openrouter.Client) error {
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
	})
}
