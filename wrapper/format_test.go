package openrouter_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

type cityReport struct {
	City  string   `json:"city"`
	TempC float64  `json:"temp_c"`
	Tags  []string `json:"tags"`
}

func TestResponseFormatsMatchSpec(t *testing.T) {
	forType, err := openrouter.ResponseFormatFor[cityReport]("city_report")
	if err != nil {
		t.Fatal(err)
	}
	hand, err := openrouter.ResponseFormatLooseSchema("answer", map[string]any{"type": "object"})
	if err != nil {
		t.Fatal(err)
	}
	strict, err := openrouter.ResponseFormatSchema("answer", `{"type":"object"}`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		format *openrouter.ResponseFormat
		want   string
	}{
		{"json object", openrouter.ResponseFormatJSON(), `{"type":"json_object"}`},
		{"for type", forType, `{"json_schema":{"name":"city_report","schema":{"additionalProperties":false,"properties":{"city":{"type":"string"},"tags":{"items":{"type":"string"},"type":["null","array"]},"temp_c":{"type":"number"}},"required":["city","temp_c","tags"],"type":"object"},"strict":true},"type":"json_schema"}`},
		{"schema", hand, `{"json_schema":{"name":"answer","schema":{"type":"object"},"strict":false},"type":"json_schema"}`},
		{"strict schema", strict, `{"json_schema":{"name":"answer","schema":{"type":"object"},"strict":true},"type":"json_schema"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jsonOf(t, tt.format); got != tt.want {
				t.Errorf("JSON:\n got %s\nwant %s", got, tt.want)
			}
			mustMatchSpec(t, "ChatRequestResponseFormat", tt.format)
			mustMatchSpec(t, "ChatRequest", openrouter.ChatRequest{
				Messages:       []openrouter.ChatMessage{openrouter.UserText("Weather in Paris as JSON")},
				ResponseFormat: tt.format,
			})
		})
	}
}

func TestResponseFormatErrors(t *testing.T) {
	tests := []struct {
		name    string
		call    func() (*openrouter.ResponseFormat, error)
		wantErr string
	}{
		{"empty name", func() (*openrouter.ResponseFormat, error) { return openrouter.ResponseFormatFor[cityReport]("") }, "ResponseFormatFor: empty schema name"},
		{"bad name", func() (*openrouter.ResponseFormat, error) {
			return openrouter.ResponseFormatFor[cityReport]("city report")
		}, `schema name "city report" must be 1 to 64`},
		{"scalar", func() (*openrouter.ResponseFormat, error) { return openrouter.ResponseFormatFor[string]("s") }, "type string has no JSON object schema"},
		{"chan field", func() (*openrouter.ResponseFormat, error) {
			return openrouter.ResponseFormatFor[struct{ C chan int }]("s")
		}, "has no JSON Schema"},
		{"nil schema", func() (*openrouter.ResponseFormat, error) { return openrouter.ResponseFormatSchema("s", nil) }, "nil schema"},
		{"array schema", func() (*openrouter.ResponseFormat, error) {
			return openrouter.ResponseFormatLooseSchema("s", []byte(`[]`))
		}, "not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.call()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
			if f != nil {
				t.Errorf("failed constructor returned %s", jsonOf(t, f))
			}
		})
	}
}

// chatResponse decodes a chat completion whose first message is msg.
func chatResponse(t *testing.T, msg string) *openrouter.ChatResponse {
	t.Helper()
	var r openrouter.ChatResponse
	body := `{"id":"gen-1","object":"chat.completion","created":1,"model":"m","system_fingerprint":null,
		"choices":[{"index":0,"finish_reason":"stop","message":` + msg + `}],
		"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7,"cost":0.0012}}`
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func TestParseInto(t *testing.T) {
	want := cityReport{City: "Paris", TempC: 21.5, Tags: []string{"sunny"}}
	for name, content := range map[string]string{
		"plain":       `{"city":"Paris","temp_c":21.5,"tags":["sunny"]}`,
		"fenced":      "```json\n{\"city\":\"Paris\",\"temp_c\":21.5,\"tags\":[\"sunny\"]}\n```",
		"bare fence":  "```\n{\"city\":\"Paris\",\"temp_c\":21.5,\"tags\":[\"sunny\"]}\n```",
		"parts":       `[{"type":"text","text":"{\"city\":\"Paris\","},{"type":"text","text":"\"temp_c\":21.5,\"tags\":[\"sunny\"]}"}]`,
		"white space": "\n  {\"city\":\"Paris\",\"temp_c\":21.5,\"tags\":[\"sunny\"]}  \n",
	} {
		t.Run(name, func(t *testing.T) {
			c, _ := json.Marshal(content)
			if strings.HasPrefix(content, "[") {
				c = []byte(content)
			}
			got, err := openrouter.ParseInto[cityReport](chatResponse(t, `{"role":"assistant","content":`+string(c)+`}`))
			if err != nil {
				t.Fatal(err)
			}
			if got.City != want.City || got.TempC != want.TempC || len(got.Tags) != 1 || got.Tags[0] != "sunny" {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestParseIntoErrors(t *testing.T) {
	t.Run("mismatch", func(t *testing.T) {
		_, err := openrouter.ParseInto[cityReport](chatResponse(t, `{"role":"assistant","content":"{\"city\":42}"}`))
		var pe *openrouter.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v (%T) is not a *ParseError", err, err)
		}
		if pe.Text != `{"city":42}` || pe.Type != "openrouter_test.cityReport" {
			t.Errorf("ParseError = %+v", pe)
		}
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			t.Errorf("error does not unwrap to the JSON error: %v", err)
		}
		if msg := err.Error(); !strings.Contains(msg, `answer: "{\"city\":42}"`) || !strings.Contains(msg, "cityReport") {
			t.Errorf("message does not show the answer and type: %s", msg)
		}
	})
	t.Run("prose", func(t *testing.T) {
		_, err := openrouter.ParseInto[cityReport](chatResponse(t, `{"role":"assistant","content":"Sure! Paris is sunny."}`))
		if err == nil || !strings.Contains(err.Error(), "Sure! Paris is sunny.") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("long answer is cut", func(t *testing.T) {
		long := strings.Repeat("x", 1000)
		_, err := openrouter.ParseInto[cityReport](chatResponse(t, `{"role":"assistant","content":"`+long+`"}`))
		var pe *openrouter.ParseError
		if !errors.As(err, &pe) || pe.Text != long {
			t.Fatalf("error = %v", err)
		}
		if msg := err.Error(); len(msg) > 600 || !strings.Contains(msg, "700 more bytes") {
			t.Errorf("message not cut: %d bytes: %.100s...", len(msg), msg)
		}
	})
	for name, tc := range map[string]struct {
		resp *openrouter.ChatResponse
		want string
	}{
		"nil":        {nil, "no choices"},
		"no choices": {&openrouter.ChatResponse{}, "no choices"},
		"refusal":    {chatResponse(t, `{"role":"assistant","content":null,"refusal":"I cannot help with that."}`), "the model refused: I cannot help with that."},
		"tool calls": {chatResponse(t, `{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}`), "called tools"},
		"empty":      {chatResponse(t, `{"role":"assistant","content":""}`), "no answer text"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := openrouter.ParseInto[cityReport](tc.resp)
			if !errors.Is(err, openrouter.ErrNoContent) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want ErrNoContent with %q", err, tc.want)
			}
		})
	}
}
