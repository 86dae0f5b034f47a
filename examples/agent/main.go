// Command agent runs a two-tool agent: the model asks for the weather and
// the local time of a city in one answer, the two Go functions run at
// the same time, and a stop condition ends the run once the weather is
// known, with one last request that gets the model's answer. Each step is
// printed with its usage as it happens.
//
//	go run ./examples/agent
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/agent "Should I take a coat in Oslo tonight?"
package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// cityArgs are the arguments of both tools.
type cityArgs struct {
	City string `json:"city" jsonschema:"the city name, such as Lisbon"`
}

// weather is what get_weather returns.
type weather struct {
	City  string  `json:"city"`
	TempC float64 `json:"temp_c"`
	Sky   string  `json:"sky"`
}

// localTime is what get_time returns.
type localTime struct {
	City string `json:"city"`
	Time string `json:"time"`
}

func main() {
	question := "Use get_weather and get_time: is it a good evening for a walk in Lisbon"
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

	// Both tools wait a little, as a real service would; busy counts the
	// calls running at the same time.
	var busy gauge
	getWeather, err := openrouter.NewToolHandler("get_weather", "Current weather of a city",
		func(ctx context.Context, args cityArgs) (weather, error) {
			if err := busy.during(ctx, 200*time.Millisecond); err != nil {
				return weather{}, err
			}
			return weather{City: args.City, TempC: 17, Sky: "clear"}, nil
		})
	if err != nil {
		return err
	}
	getTime, err := openrouter.NewToolHandler("get_time", "Local time in a city",
		func(ctx context.Context, args cityArgs) (localTime, error) {
			if err := busy.during(ctx, 200*time.Millisecond); err != nil {
				return localTime{}, err
			}
			return localTime{City: args.City, Time: "19:30"}, nil
		})
	if err != nil {
		return err
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	steps, res := openrouter.RunToolsSteps(ctx, c, openrouter.ChatRequest{
		Model: "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{
			openrouter.SystemMessage("You plan evenings out. Call the tools you need, in parallel when you can."),
			openrouter.UserText(question),
		},
	}, []*openrouter.ToolHandler{getWeather, getTime},
		// The calls of one answer run together, two at a time at most.
		openrouter.WithToolConcurrency(2),
		// Stop once the weather is known, or once the run costs a cent;
		// a last request without tools then gets the answer.
		openrouter.WithStopWhen(openrouter.StopAny(
			openrouter.StopWhenToolCalled("get_weather"),
			openrouter.StopAfterCost(0.01),
		)),
		openrouter.WithMaxSteps(6),
	)
	for step, err := range steps {
		if err != nil {
			return err
		}
		var names []string
		for _, call := range step.ToolCalls {
			names = append(names, call.Call.Function.Name)
		}
		switch {
		case step.Final:
			fmt.Printf("step %d: final answer, %d tokens\n", step.Index, step.Tokens.Total)
		case len(names) > 0:
			fmt.Printf("step %d: called %s, %d tokens\n", step.Index, strings.Join(names, " and "), step.Tokens.Total)
		default:
			fmt.Printf("step %d: answered, %d tokens\n", step.Index, step.Tokens.Total)
		}
	}
	for _, call := range res.ToolCalls {
		fmt.Printf("tool %s(%s) -> %s\n", call.Call.Function.Name, call.Call.Function.Arguments, call.Content)
	}
	fmt.Printf("tool calls running at once, at most: %d\n", busy.max.Load())
	fmt.Printf("stopped by a condition: %v\n", res.Stopped)
	fmt.Printf("answer: %s\n", res.Text())
	fmt.Printf("[%d requests, %d tokens, $%.6f]\n", res.Steps, res.Tokens.Total, res.Cost)
	return nil
}

// gauge counts the tool calls in progress and remembers the most at once.
type gauge struct{ now, max atomic.Int32 }

// during counts one call in progress while it waits for d or until ctx
// ends.
func (g *gauge) during(ctx context.Context, d time.Duration) error {
	n := g.now.Add(1)
	defer g.now.Add(-1)
	for {
		m := g.max.Load()
		if n <= m || g.max.CompareAndSwap(m, n) {
			break
		}
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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
