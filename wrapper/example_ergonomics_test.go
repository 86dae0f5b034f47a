package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// printJSON prints the JSON that v sends.
func printJSON(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(string(b))
}

func ExampleSystemMessage() {
	// A conversation is a slice of messages; each constructor sets the role.
	for _, m := range []openrouter.ChatMessage{
		openrouter.SystemMessage("You are a terse assistant."),
		openrouter.DeveloperMessage("Answer in French."),
		openrouter.UserText("What is the capital of Italy?"),
		openrouter.AssistantMessage("Rome."),
		openrouter.AssistantToolCallsMessage("", openrouter.ToolCall{
			ID:       "call_1",
			Function: openrouter.ToolCallFunction{Name: "get_weather", Arguments: `{"city":"Rome"}`},
		}),
		openrouter.ToolMessage("call_1", `{"temp_c":24}`),
	} {
		printJSON(m)
	}
	// Output:
	// {"content":"You are a terse assistant.","role":"system"}
	// {"content":"Answer in French.","role":"developer"}
	// {"content":"What is the capital of Italy?","role":"user"}
	// {"content":"Rome.","role":"assistant"}
	// {"role":"assistant","tool_calls":[{"function":{"arguments":"{\"city\":\"Rome\"}","name":"get_weather"},"id":"call_1","type":"function"}]}
	// {"content":"{\"temp_c\":24}","role":"tool","tool_call_id":"call_1"}
}

func ExampleUserMessage() {
	// Parts that cannot be wrong are plain values; the ones built from
	// bytes check their input and return an error.
	png := []byte("\x89PNG\r\n\x1a\n")
	img, err := openrouter.ImageBytesPart(png, "image/png")
	if err != nil {
		panic(err)
	}
	pdf, err := openrouter.FileBytesPart([]byte("%PDF-1.7"), "application/pdf", "report.pdf")
	if err != nil {
		panic(err)
	}
	audio, err := openrouter.AudioPart([]byte("RIFF"), "wav")
	if err != nil {
		panic(err)
	}
	msg := openrouter.UserMessage(
		openrouter.TextPart("Compare these."),
		openrouter.ImageURLPart("https://example.com/chart.png", openrouter.ImageDetailHigh),
		img,
		openrouter.FileURLPart("https://example.com/paper.pdf", "paper.pdf"),
		pdf,
		audio,
		openrouter.VideoURLPart("https://example.com/clip.mp4"),
	)
	printJSON(msg)

	_, err = openrouter.ImageBytesPart(png, "")
	fmt.Println(err)
	// Output:
	// {"content":[{"text":"Compare these.","type":"text"},{"image_url":{"detail":"high","url":"https://example.com/chart.png"},"type":"image_url"},{"image_url":{"url":"data:image/png;base64,iVBORw0KGgo="},"type":"image_url"},{"file":{"file_data":"https://example.com/paper.pdf","filename":"paper.pdf"},"type":"file"},{"file":{"file_data":"data:application/pdf;base64,JVBERi0xLjc=","filename":"report.pdf"},"type":"file"},{"input_audio":{"data":"UklGRg==","format":"wav"},"type":"input_audio"},{"type":"video_url","video_url":{"url":"https://example.com/clip.mp4"}}],"role":"user"}
	// openrouter: ImageBytesPart: a MIME type is required, such as "image/png" or "application/pdf"
}

func ExampleCachedTextPart() {
	// Mark the end of a long, reused prefix as cacheable.
	printJSON(openrouter.UserMessage(
		openrouter.CachedTextPart("<a long reference document>", openrouter.EphemeralCache(openrouter.CacheTTL1h)),
		openrouter.TextPart("Summarise section 2."),
	))
	// Output:
	// {"content":[{"cache_control":{"ttl":"1h","type":"ephemeral"},"text":"\u003ca long reference document\u003e","type":"text"},{"text":"Summarise section 2.","type":"text"}],"role":"user"}
}

func ExampleFunctionTool() {
	// Parameters as a JSON Schema written by hand.
	tool, err := openrouter.FunctionTool("get_time", "Current time in a time zone", map[string]any{
		"type":       "object",
		"properties": map[string]any{"zone": map[string]any{"type": "string"}},
		"required":   []string{"zone"},
	})
	if err != nil {
		panic(err)
	}
	printJSON(tool)

	_, err = openrouter.FunctionTool("", "no name", nil)
	fmt.Println(err)
	// Output:
	// {"function":{"description":"Current time in a time zone","name":"get_time","parameters":{"properties":{"zone":{"type":"string"}},"required":["zone"],"type":"object"}},"type":"function"}
	// openrouter: FunctionTool: empty tool name
}

func ExampleFunctionToolFor() {
	// Parameters derived from a Go type: json tags name the properties,
	// omitempty makes one optional, jsonschema tags describe them.
	type weatherArgs struct {
		City  string `json:"city" jsonschema:"the city, such as Paris"`
		Units string `json:"units,omitempty" jsonschema:"celsius or fahrenheit"`
	}
	tool, err := openrouter.FunctionToolFor[weatherArgs]("get_weather", "Current weather of a city")
	if err != nil {
		panic(err)
	}
	printJSON(tool)

	// Tool choice helpers.
	printJSON(openrouter.ToolChoiceAuto())
	printJSON(openrouter.ToolChoiceRequired())
	printJSON(openrouter.ToolChoiceFunction("get_weather"))

	// A type with no JSON Schema is an error, not a panic.
	_, err = openrouter.FunctionToolFor[struct{ Callback func() }]("bad", "")
	fmt.Println(err != nil)
	// Output:
	// {"function":{"description":"Current weather of a city","name":"get_weather","parameters":{"additionalProperties":false,"properties":{"city":{"description":"the city, such as Paris","type":"string"},"units":{"description":"celsius or fahrenheit","type":"string"}},"required":["city"],"type":"object"}},"type":"function"}
	// "auto"
	// "required"
	// {"function":{"name":"get_weather"},"type":"function"}
	// true
}

func ExampleResponseFormatFor() {
	type capital struct {
		Country string `json:"country"`
		City    string `json:"city"`
	}
	format, err := openrouter.ResponseFormatFor[capital]("capital")
	if err != nil {
		panic(err)
	}
	printJSON(format)
	printJSON(openrouter.ResponseFormatJSON())
	// Output:
	// {"json_schema":{"name":"capital","schema":{"additionalProperties":false,"properties":{"city":{"type":"string"},"country":{"type":"string"}},"required":["country","city"],"type":"object"},"strict":true},"type":"json_schema"}
	// {"type":"json_object"}
}

func ExampleParseInto() {
	client, srv, stop := fake()
	defer stop()
	// The fake plays the model's structured answer.
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply(`{"country":"Italy","city":"Rome"}`))

	type capital struct {
		Country string `json:"country"`
		City    string `json:"city"`
	}
	format, err := openrouter.ResponseFormatFor[capital]("capital")
	if err != nil {
		panic(err)
	}
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:          "openai/gpt-4o-mini",
		Messages:       []openrouter.ChatMessage{openrouter.UserText("What is the capital of Italy?")},
		ResponseFormat: format,
	})
	if err != nil {
		panic(err)
	}
	answer, err := openrouter.ParseInto[capital](resp)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%+v\n", answer)

	// An answer that does not fit the type is reported with its text.
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply(`{"country":"Italy","city":["Rome"]}`))
	resp, err = client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:          "openai/gpt-4o-mini",
		Messages:       []openrouter.ChatMessage{openrouter.UserText("And the capital of Italy, again?")},
		ResponseFormat: format,
	})
	if err != nil {
		panic(err)
	}
	_, err = openrouter.ParseInto[capital](resp)
	var perr *openrouter.ParseError
	fmt.Println(errors.As(err, &perr), perr.Text)
	// Output:
	// {Country:Italy City:Rome}
	// true {"country":"Italy","city":["Rome"]}
}

func ExampleChatResponse_Text() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{
		Model:       "openai/gpt-4o-mini",
		Temperature: openrouter.Ptr(0.2),
		Messages:    []openrouter.ChatMessage{openrouter.UserText("Hello there")},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.Text())
	tokens, _ := resp.Tokens()
	fmt.Println(resp.FinishReason(), len(resp.ToolCalls()), tokens.Total)
	cost, _ := resp.Cost()
	fmt.Println(strings.HasPrefix(resp.GenerationID(), "gen-"), cost > 0)
	// Output:
	// You said: Hello there
	// stop 0 6
	// true true
}

func ExampleRunTools() {
	client, srv, stop := fake()
	defer stop()
	// The fake plays the model: first it calls the tool, then it answers.
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatToolCalls(
		openroutertest.ToolCall{ID: "call_1", Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	srv.Enqueue("sendChatCompletionRequest", openroutertest.ChatReply("It is 21°C and sunny in Paris."))

	type weatherArgs struct {
		City string `json:"city" jsonschema:"the city, such as Paris"`
	}
	type weather struct {
		TempC float64 `json:"temp_c"`
		Sky   string  `json:"sky"`
	}
	getWeather, err := openrouter.NewToolHandler("get_weather", "Current weather of a city",
		func(ctx context.Context, args weatherArgs) (weather, error) {
			fmt.Println("tool called for", args.City)
			return weather{TempC: 21, Sky: "sunny"}, nil
		})
	if err != nil {
		panic(err)
	}

	res, err := openrouter.RunTools(context.Background(), client, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("What's the weather in Paris?")},
	}, []*openrouter.ToolHandler{getWeather}, openrouter.WithMaxSteps(5))
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Response.Text())
	fmt.Println("steps:", res.Steps)
	for _, m := range res.Messages {
		printJSON(m)
	}
	// Output:
	// tool called for Paris
	// It is 21°C and sunny in Paris.
	// steps: 2
	// {"content":"What's the weather in Paris?","role":"user"}
	// {"role":"assistant","tool_calls":[{"function":{"arguments":"{\"city\":\"Paris\"}","name":"get_weather"},"id":"call_1","type":"function"}]}
	// {"content":"{\"temp_c\":21,\"sky\":\"sunny\"}","role":"tool","tool_call_id":"call_1"}
	// {"content":"It is 21°C and sunny in Paris.","role":"assistant"}
}
