package openrouter

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/gopenrouter/openrouter/gen"
)

// Tool is one tool of [ChatRequest].Tools: a function the model may call,
// built with [FunctionTool] or [FunctionToolFor], or one of OpenRouter's
// server tools.
type Tool = gen.ChatFunctionTool

// ToolChoice tells the model whether and which tools to call; build it
// with [ToolChoiceAuto], [ToolChoiceNone], [ToolChoiceRequired] or
// [ToolChoiceFunction].
type ToolChoice = gen.ChatToolChoice

// validName is what OpenAI-compatible providers accept as the name of a
// function or of a response schema.
var validName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

// checkName checks the name of a tool or schema (kind says which).
func checkName(op, kind, name string) error {
	if name == "" {
		return fmt.Errorf("openrouter: %s: empty %s name", op, kind)
	}
	if !validName.MatchString(name) {
		return fmt.Errorf("openrouter: %s: %s name %q must be 1 to 64 letters, digits, '_' or '-'", op, kind, name)
	}
	return nil
}

func checkToolName(op, name string) error { return checkName(op, "tool", name) }

// FunctionTool returns a function tool named name. parameters is the JSON
// Schema of the function's arguments, an object schema given as a
// map[string]any, JSON text as a json.RawMessage, []byte or string, a
// *jsonschema.Schema, or any other value that marshals to a JSON object;
// nil means the function takes no arguments. It fails when name is empty
// or not a valid function name, or parameters is not a JSON object.
func FunctionTool(name, description string, parameters any) (Tool, error) {
	if err := checkToolName("FunctionTool", name); err != nil {
		return Tool{}, err
	}
	params, err := schemaObject(parameters)
	if err != nil {
		return Tool{}, fmt.Errorf("openrouter: FunctionTool %q: parameters: %w", name, err)
	}
	return functionTool(name, description, params)
}

// FunctionToolFor returns a function tool whose parameters are the JSON
// Schema of the Go type T, a struct whose exported fields are the
// arguments: their JSON names come from the json tags, fields tagged
// omitempty or omitzero are optional, and a `jsonschema:"..."` tag
// describes a field to the model. Decode the call's arguments into a T
// (or let [RunTools] do it). It fails when name is not a valid function
// name or T has no object schema (a channel, a func, a map with
// non-string keys, a recursive type, or a type that is not a struct or
// map).
func FunctionToolFor[T any](name, description string) (Tool, error) {
	if err := checkToolName("FunctionToolFor", name); err != nil {
		return Tool{}, err
	}
	params, err := schemaFor(reflect.TypeFor[T]())
	if err != nil {
		return Tool{}, fmt.Errorf("openrouter: FunctionToolFor %q: %w", name, err)
	}
	return functionTool(name, description, params)
}

func functionTool(name, description string, params map[string]any) (Tool, error) {
	fn := gen.ChatFunctionToolFunction{
		Type:     gen.ChatFunctionToolFunctionTypeFunction,
		Function: gen.ChatFunctionToolFunctionFunction{Name: name, Parameters: params},
	}
	if description != "" {
		fn.Function.Description = description
	}
	var t Tool
	if err := t.FromChatFunctionToolFunction(fn); err != nil {
		return Tool{}, fmt.Errorf("openrouter: function tool %q: %w", name, err)
	}
	return t, nil
}

// ToolChoiceAuto lets the model decide whether to call tools (the default
// when tools are given).
func ToolChoiceAuto() *ToolChoice { return toolChoiceMode(gen.ChatToolChoiceModeAuto) }

// ToolChoiceNone forbids tool calls: the model answers with text.
func ToolChoiceNone() *ToolChoice { return toolChoiceMode(gen.ChatToolChoiceModeNone) }

// ToolChoiceRequired makes the model call at least one tool.
func ToolChoiceRequired() *ToolChoice { return toolChoiceMode(gen.ChatToolChoiceModeRequired) }

func toolChoiceMode(m gen.ChatToolChoiceMode) *ToolChoice {
	c := unionOf((*ToolChoice).FromChatToolChoiceMode, m)
	return &c
}

// ToolChoiceFunction makes the model call the function named name.
func ToolChoiceFunction(name string) *ToolChoice {
	var c ToolChoice
	_ = c.FromChatNamedToolChoice(gen.ChatNamedToolChoice{
		Type:     gen.ChatNamedToolChoiceTypeFunction,
		Function: gen.ChatNamedToolChoiceFunction{Name: name},
	})
	return &c
}

// schemaFor derives the JSON Schema of t with jsonschema-go and returns it
// as a JSON object; t must describe a JSON object.
func schemaFor(t reflect.Type) (map[string]any, error) {
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if base.Kind() != reflect.Struct && base.Kind() != reflect.Map {
		return nil, fmt.Errorf("type %s has no JSON object schema: use a struct or a map", t)
	}
	s, err := jsonschema.ForType(base, nil)
	if err != nil {
		return nil, fmt.Errorf("type %s has no JSON Schema: %w", t, err)
	}
	return schemaObject(s)
}

// schemaObject converts a schema given in any of the forms FunctionTool
// accepts into a map; nil becomes an empty object schema.
func schemaObject(v any) (map[string]any, error) {
	var raw []byte
	switch s := v.(type) {
	case nil:
		return map[string]any{"type": "object", "properties": map[string]any{}}, nil
	case map[string]any:
		if s == nil {
			return schemaObject(nil)
		}
		return s, nil
	case json.RawMessage:
		raw = s
	case []byte:
		raw = s
	case string:
		raw = []byte(s)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		raw = b
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, errors.New("not a JSON object")
	}
	if m == nil {
		return nil, errors.New("not a JSON object")
	}
	return m, nil
}
