package openrouter

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// ResponseFormat is the response_format of a [ChatRequest]: plain text,
// any JSON object, or JSON that matches a schema.
type ResponseFormat = gen.ChatRequestResponseFormat

// ResponseFormatJSON asks for a JSON object answer without a schema
// ("json_object" mode). Most models also need to be told so in a message.
func ResponseFormatJSON() *ResponseFormat {
	f := unionOf((*ResponseFormat).FromChatFormatJSONObjectConfig, gen.ChatFormatJSONObjectConfig{Type: gen.ChatFormatJSONObjectConfigTypeJSONObject})
	return &f
}

// ResponseFormatFor asks for a JSON answer that matches the JSON Schema of
// the Go type T, in strict mode, under the given schema name (1 to 64
// letters, digits, '_' or '-'). Decode the answer with [ParseInto]. The
// schema follows T's json tags; fields tagged omitempty or omitzero are
// optional, which strict mode of some providers (OpenAI) refuses, so
// leave those tags out of T for them, or use [ResponseFormatLooseSchema].
// It fails when name is invalid or T has no object schema (see
// [FunctionToolFor]).
func ResponseFormatFor[T any](name string) (*ResponseFormat, error) {
	if err := checkName("ResponseFormatFor", "schema", name); err != nil {
		return nil, err
	}
	s, err := schemaFor(reflect.TypeFor[T]())
	if err != nil {
		return nil, errorf("ResponseFormatFor", "schema %q: %w", name, err)
	}
	return jsonSchemaFormat(name, s, true)
}

// ResponseFormatSchema asks for a JSON answer that matches schema, given
// in any form that [FunctionTool] accepts for parameters, under the given
// schema name, in strict mode: the provider enforces the schema exactly.
// [ResponseFormatLooseSchema] leaves strict mode off.
func ResponseFormatSchema(name string, schema any) (*ResponseFormat, error) {
	return schemaFormat("ResponseFormatSchema", name, schema, true)
}

// ResponseFormatLooseSchema is [ResponseFormatSchema] with strict mode
// off: the schema guides the answer, but the provider does not enforce
// it, which lets a schema use what strict mode refuses (optional fields
// for OpenAI, for one).
func ResponseFormatLooseSchema(name string, schema any) (*ResponseFormat, error) {
	return schemaFormat("ResponseFormatLooseSchema", name, schema, false)
}

func schemaFormat(op, name string, schema any, strict bool) (*ResponseFormat, error) {
	if err := checkName(op, "schema", name); err != nil {
		return nil, err
	}
	if schema == nil {
		return nil, errorf(op, "nil schema")
	}
	s, err := schemaObject(schema)
	if err != nil {
		return nil, errorf(op, "schema %q: %w", name, err)
	}
	return jsonSchemaFormat(name, s, strict)
}

func jsonSchemaFormat(name string, schema map[string]any, strict bool) (*ResponseFormat, error) {
	var f ResponseFormat
	err := f.FromChatFormatJSONSchemaConfig(gen.ChatFormatJSONSchemaConfig{
		Type:       gen.ChatFormatJSONSchemaConfigTypeJSONSchema,
		JSONSchema: gen.ChatJSONSchemaConfig{Name: name, Schema: schema, Strict: &strict},
	})
	if err != nil {
		return nil, errorf("ResponseFormat", "schema %q: %w", name, err)
	}
	return &f, nil
}

// ParseError reports a structured answer that does not decode into the
// requested Go type. Text is the offending answer, which the message shows
// (cut to a readable length).
type ParseError struct {
	// Type is the Go type the answer was decoded into.
	Type string
	// Text is the whole answer text.
	Text string
	// Err is the decoding error.
	Err error
}

// Error describes the failure and quotes the answer.
func (e *ParseError) Error() string {
	text := e.Text
	const limit = 300
	if len(text) > limit {
		text = text[:limit] + "...(" + fmt.Sprint(len(e.Text)-limit) + " more bytes)"
	}
	return fmt.Sprintf("openrouter: ParseInto: answer does not decode into %s: %v; answer: %q", e.Type, e.Err, text)
}

// Unwrap returns the decoding error.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrNoContent is returned by [ParseInto] for a response without an
// answer text: no choices, a refusal, or only tool calls.
var ErrNoContent = errors.New("openrouter: response has no answer text")

// ParseInto decodes the answer text of resp (see [ChatResponse.Text]), a
// JSON document as asked for with [ResponseFormatFor], into a T. A JSON
// answer wrapped in a Markdown code fence is accepted too. An answer that
// does not decode gives a [*ParseError] quoting it; a response with no
// answer text gives an error that wraps [ErrNoContent] and says why.
func ParseInto[T any](resp *ChatResponse) (T, error) {
	var v T
	text := resp.Text()
	if strings.TrimSpace(text) == "" {
		switch {
		case resp == nil || len(resp.Choices) == 0:
			return v, errorf("ParseInto", "%w (no choices)", ErrNoContent)
		case resp.Refusal() != "":
			return v, errorf("ParseInto", "%w: the model refused: %s", ErrNoContent, resp.Refusal())
		case len(resp.ToolCalls()) > 0:
			return v, errorf("ParseInto", "%w: the model called tools instead", ErrNoContent)
		}
		return v, errorf("ParseInto", "%w", ErrNoContent)
	}
	if err := json.Unmarshal([]byte(stripFence(text)), &v); err != nil {
		return v, &ParseError{Type: reflect.TypeFor[T]().String(), Text: text, Err: err}
	}
	return v, nil
}

// stripFence removes a Markdown code fence around s, if any.
func stripFence(s string) string {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "```") || !strings.HasSuffix(t, "```") || len(t) < 6 {
		return s
	}
	t = strings.TrimSuffix(t[3:], "```")
	if i := strings.IndexByte(t, '\n'); i >= 0 && !strings.ContainsAny(t[:i], "{[\"") {
		t = t[i+1:] // the info string, such as "json"
	}
	return t
}
