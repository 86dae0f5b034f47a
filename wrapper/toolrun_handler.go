package openrouter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// ToolHandler is a function tool together with the Go function that runs
// it, for [RunTools]. Build it with [NewToolHandler] or
// [NewRawToolHandler].
type ToolHandler struct {
	name string
	tool Tool
	run  func(ctx context.Context, arguments json.RawMessage) (string, error)
}

// NewToolHandler returns a handler for the function tool name whose
// arguments are the JSON Schema of In, as [FunctionToolFor] derives it.
// When the model calls the tool, the arguments are decoded into an In and
// fn's result is sent back to the model: a string as it is, any other
// value as JSON. It fails when name is invalid, fn is nil, or In has no
// object schema.
func NewToolHandler[In, Out any](name, description string, fn func(ctx context.Context, in In) (Out, error)) (*ToolHandler, error) {
	if fn == nil {
		return nil, fmt.Errorf("openrouter: NewToolHandler %q: nil function", name)
	}
	tool, err := FunctionToolFor[In](name, description)
	if err != nil {
		return nil, err
	}
	return &ToolHandler{name: name, tool: tool, run: func(ctx context.Context, args json.RawMessage) (string, error) {
		var in In
		if err := json.Unmarshal(args, &in); err != nil {
			return "", fmt.Errorf("invalid arguments for %s: %w", reflect.TypeFor[In](), err)
		}
		out, err := fn(ctx, in)
		if err != nil {
			return "", err
		}
		return toolResult(out)
	}}, nil
}

// NewRawToolHandler returns a handler for the function tool name whose
// parameters are the JSON Schema parameters (any form [FunctionTool]
// accepts). fn receives the arguments as JSON and returns the text sent
// back to the model. It fails when name is invalid, fn is nil, or
// parameters is not a JSON object.
func NewRawToolHandler(name, description string, parameters any, fn func(ctx context.Context, arguments json.RawMessage) (string, error)) (*ToolHandler, error) {
	if fn == nil {
		return nil, fmt.Errorf("openrouter: NewRawToolHandler %q: nil function", name)
	}
	tool, err := FunctionTool(name, description, parameters)
	if err != nil {
		return nil, err
	}
	return &ToolHandler{name: name, tool: tool, run: fn}, nil
}

// Name returns the tool's function name.
func (h *ToolHandler) Name() string { return h.name }

// Tool returns the tool's definition, as sent in [ChatRequest].Tools.
func (h *ToolHandler) Tool() Tool { return h.tool }

func toolResult(out any) (string, error) {
	switch v := out.(type) {
	case string:
		return v, nil
	case json.RawMessage:
		return string(v), nil
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encoding the result: %w", err)
	}
	return string(b), nil
}

// runCall runs one function call; its error is always a *ToolError.
func runCall(ctx context.Context, byName map[string]*ToolHandler, call ToolCall) (string, error) {
	fail := func(e error) (string, error) {
		return "", &ToolError{Name: call.Function.Name, CallID: call.ID, Arguments: call.Function.Arguments, Err: e}
	}
	h := byName[call.Function.Name]
	if h == nil {
		return fail(ErrUnknownTool)
	}
	args := json.RawMessage(call.Function.Arguments)
	if strings.TrimSpace(call.Function.Arguments) == "" {
		args = json.RawMessage("{}")
	}
	out, herr := h.run(ctx, args)
	if herr != nil {
		return fail(herr)
	}
	return out, nil
}

// functionToolName is the function name of a tool declaration, or "" for
// other kinds of tools.
func functionToolName(t Tool) string {
	raw, err := json.Marshal(t)
	if err != nil {
		return ""
	}
	var decl struct {
		Type     string `json:"type"`
		Function struct {
			Name string `json:"name"`
		} `json:"function"`
	}
	if json.Unmarshal(raw, &decl) != nil || decl.Type != "function" {
		return ""
	}
	return decl.Function.Name
}

// ToolErrorMode says what [RunTools] does when a tool call fails: the
// handler returns an error, the arguments do not decode, or the model
// calls a function that has no handler.
type ToolErrorMode int

const (
	// ToolErrorsToModel sends the error text to the model as the call's
	// result ("error: ...") and goes on, so that the model can correct
	// itself. It is the default.
	ToolErrorsToModel ToolErrorMode = iota
	// ToolErrorsReturn stops the loop and returns a [*ToolError].
	ToolErrorsReturn
)

// ToolError is a failed tool call, returned by [RunTools] with
// [ToolErrorsReturn].
type ToolError struct {
	// Name is the function the model called.
	Name string
	// CallID is the id of the call.
	CallID string
	// Arguments is the JSON text of the call's arguments.
	Arguments string
	// Err is what went wrong.
	Err error
}

// Error describes the failed call.
func (e *ToolError) Error() string {
	return fmt.Sprintf("openrouter: tool %s (call %s): %v", e.Name, e.CallID, e.Err)
}

// Unwrap returns the underlying error.
func (e *ToolError) Unwrap() error { return e.Err }

// ErrUnknownTool is the error of a call to a function that has no
// handler.
var ErrUnknownTool = errors.New("no handler for this function")
