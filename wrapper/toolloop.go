package openrouter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
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

var (
	// ErrMaxSteps is returned by [RunTools] when the model still calls
	// tools after the step limit ([WithMaxSteps]).
	ErrMaxSteps = errors.New("openrouter: tool loop reached its step limit")
	// ErrMaxCost is returned by [RunTools] when the reported cost reached
	// the limit ([WithMaxCost]) while the model still calls tools.
	ErrMaxCost = errors.New("openrouter: tool loop reached its cost limit")
	// ErrUnknownTool is the error of a call to a function that has no
	// handler.
	ErrUnknownTool = errors.New("no handler for this function")
)

// RunOption configures [RunTools].
type RunOption func(*runConfig)

type runConfig struct {
	maxSteps  int
	maxCost   float64
	errMode   ToolErrorMode
	callOpts  []Option
	onChunk   func(ChatChunk)
	streaming bool
}

// DefaultMaxSteps is the number of chat requests [RunTools] sends at most
// unless [WithMaxSteps] says otherwise.
const DefaultMaxSteps = 10

// WithMaxSteps limits the number of chat requests [RunTools] sends; n < 1
// means [DefaultMaxSteps].
func WithMaxSteps(n int) RunOption { return func(c *runConfig) { c.maxSteps = n } }

// WithMaxCost stops [RunTools] with [ErrMaxCost] once the costs reported
// by the responses add up to usd or more and the model still calls tools.
// 0 means no limit. The limit is checked after each response, so the
// total may exceed it by one request's cost.
func WithMaxCost(usd float64) RunOption { return func(c *runConfig) { c.maxCost = usd } }

// WithToolErrors sets what happens when a tool call fails; the default is
// [ToolErrorsToModel].
func WithToolErrors(mode ToolErrorMode) RunOption { return func(c *runConfig) { c.errMode = mode } }

// WithRunCallOptions applies opts to every chat request of [RunTools],
// such as [WithMaxRetries] or [WithTimeout].
func WithRunCallOptions(opts ...Option) RunOption {
	return func(c *runConfig) { c.callOpts = append(c.callOpts, opts...) }
}

// WithStreaming makes [RunTools] stream every chat request with
// Chat.Stream and pass each chunk to onChunk (which may be nil) as it
// arrives, such as to print the answer while it is written. Each step's
// response is assembled with a [ChatAccumulator]. A stream is not retried
// once it delivered a chunk.
func WithStreaming(onChunk func(ChatChunk)) RunOption {
	return func(c *runConfig) { c.streaming, c.onChunk = true, onChunk }
}

// RunResult is the outcome of [RunTools].
type RunResult struct {
	// Response is the last response received: the final answer when
	// RunTools returns no error.
	Response *ChatResponse
	// Messages is the whole conversation: the request's messages, then
	// every assistant message and tool result, ending with the final
	// answer. Append a user message to it to go on.
	Messages []ChatMessage
	// Steps is the number of chat requests sent.
	Steps int
	// Cost is the sum of the costs the responses reported.
	Cost float64
}

// RunTools runs a tool-calling conversation: it sends req with the tools
// of handlers added to req.Tools, runs the function calls of the answer
// through the handlers (in the order the model gave them, one at a time),
// appends the results to the conversation and sends it again, until the
// model answers without calling tools. It calls POST /chat/completions
// once per step, streamed with [WithStreaming].
//
// The loop stops with [ErrMaxSteps] after [WithMaxSteps] requests
// (default [DefaultMaxSteps]) and with [ErrMaxCost] at the [WithMaxCost]
// limit; the tool calls of the last response are then already answered in
// the transcript, so the conversation can be resumed from
// RunResult.Messages. A failed tool call is sent to the model as an error
// result, or ends the loop with a [*ToolError] under [ToolErrorsReturn]. A
// request error ends the loop with that error. RunResult is never nil: it
// holds the conversation so far whatever the error.
//
// A tool_choice that forces a call (required, or a named function) applies
// to the first request only; later requests let the model choose, so that
// it can answer. Calls to req.Tools entries that have no handler, such as
// OpenRouter's server tools, are run by OpenRouter and never reach the
// loop; a function call without a handler is a failed call
// ([ErrUnknownTool]).
func RunTools(ctx context.Context, client *Client, req ChatRequest, handlers []*ToolHandler, opts ...RunOption) (res *RunResult, err error) {
	cfg := runConfig{}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.maxSteps < 1 {
		cfg.maxSteps = DefaultMaxSteps
	}
	res = &RunResult{Messages: slices.Clone(req.Messages)}
	if client == nil {
		return res, errors.New("openrouter: RunTools: nil client")
	}
	byName := make(map[string]*ToolHandler, len(handlers))
	declared := map[string]bool{}
	for _, t := range req.Tools {
		if name := functionToolName(t); name != "" {
			declared[name] = true
		}
	}
	req.Tools = slices.Clone(req.Tools)
	for _, h := range handlers {
		if h == nil {
			return res, errors.New("openrouter: RunTools: nil handler")
		}
		if byName[h.name] != nil {
			return res, fmt.Errorf("openrouter: RunTools: two handlers for %q", h.name)
		}
		if declared[h.name] {
			return res, fmt.Errorf("openrouter: RunTools: req.Tools already declares a function %q; a handler adds its own declaration, so remove it from req.Tools", h.name)
		}
		byName[h.name] = h
		req.Tools = append(req.Tools, h.tool)
	}
	if obs := client.cfg.observers; len(obs) > 0 {
		ctx = runStart(ctx, obs, req, handlers)
		defer func() { runEnd(ctx, obs, res, err) }()
	}

	for {
		if res.Steps >= cfg.maxSteps {
			return res, ErrMaxSteps
		}
		req.Messages = res.Messages
		resp, err := runStep(ctx, client, req, &cfg)
		if err != nil {
			return res, err
		}
		res.Steps++
		res.Response = resp
		res.Cost += resp.Cost()
		if len(resp.Choices) > 0 {
			res.Messages = append(res.Messages, resp.Message())
		}
		calls := resp.ToolCalls()
		if len(calls) == 0 {
			return res, nil
		}
		for _, call := range calls {
			if err := ctx.Err(); err != nil {
				return res, err
			}
			tctx := toolStart(ctx, client.cfg.observers, call)
			content, err := runCall(tctx, byName, call)
			toolEnd(tctx, client.cfg.observers, call, content, err)
			if err != nil {
				if cfg.errMode == ToolErrorsReturn {
					return res, err
				}
				content = "error: " + errors.Unwrap(err).Error()
			}
			res.Messages = append(res.Messages, ToolMessage(call.ID, content))
		}
		req.ToolChoice = nil
		if cfg.maxCost > 0 && res.Cost >= cfg.maxCost {
			return res, ErrMaxCost
		}
	}
}

// runStep sends one request, streamed or not.
func runStep(ctx context.Context, client *Client, req ChatRequest, cfg *runConfig) (*ChatResponse, error) {
	if !cfg.streaming {
		return client.Chat.Send(ctx, req, cfg.callOpts...)
	}
	stream, err := client.Chat.Stream(ctx, req, cfg.callOpts...)
	if err != nil {
		return nil, err
	}
	var acc ChatAccumulator
	for chunk, err := range stream.All() {
		if err != nil {
			return nil, err
		}
		acc.Add(chunk)
		if cfg.onChunk != nil {
			cfg.onChunk(chunk)
		}
	}
	return acc.Response(), nil
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
