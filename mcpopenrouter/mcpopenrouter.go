package mcpopenrouter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// Option configures [Tools].
type Option func(*config)

type config struct {
	prefix string
	rename func(string) string
	keep   func(*mcp.Tool) bool
	only   []string
}

// WithPrefix puts prefix before the name of every function, so that the
// tools of two servers, or an MCP tool and a Go handler, do not collide:
// with WithPrefix("github_"), the MCP tool search_issues becomes the
// function github_search_issues. The model sees the prefixed name; the
// MCP server is called with the tool's own name.
func WithPrefix(prefix string) Option { return func(c *config) { c.prefix = prefix } }

// WithRename maps the function name of each tool (the MCP tool's name,
// after [WithPrefix]) to the name the model sees, such as
// WithRename(SanitizeName) for servers whose tool names have characters
// that function names may not have. A later WithRename replaces an
// earlier one.
func WithRename(rename func(name string) string) Option {
	return func(c *config) { c.rename = rename }
}

// WithFilter keeps the tools for which keep returns true and leaves the
// others out, such as to offer only the read-only tools of a server
// (tool.Annotations.ReadOnlyHint). A later WithFilter replaces an earlier
// one.
func WithFilter(keep func(tool *mcp.Tool) bool) Option { return func(c *config) { c.keep = keep } }

// WithToolNames keeps only the MCP tools named names (their MCP names,
// without the prefix). [Tools] fails when the server has no tool of one of
// the names. A later WithToolNames replaces an earlier one.
func WithToolNames(names ...string) Option {
	return func(c *config) { c.only = append([]string(nil), names...) }
}

// validName is the rule OpenAI-compatible providers apply to function
// names.
var validName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

// maxName is the longest function name providers accept.
const maxName = 64

// SanitizeName returns name as a valid function name: every character
// other than an ASCII letter, a digit, '_' or '-' becomes '_' (so
// "files.read" becomes "files_read"), and a name longer than 64
// characters is cut to 55 and ends with '_' and 8 hexadecimal digits of a
// hash of the whole name, so that long names that share a beginning stay
// apart. An empty name becomes "_". Use it with [WithRename]; [Tools]
// still fails when two tools end up with the same name.
func SanitizeName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" {
		return "_"
	}
	if len(s) > maxName {
		h := fnv.New32a()
		h.Write([]byte(name))
		s = fmt.Sprintf("%s_%08x", s[:maxName-9], h.Sum32())
	}
	return s
}

// Tools returns a tool handler for [openrouter.RunTools] for every tool
// that session's server lists (all pages of tools/list), in the server's
// order, and fails when listing the tools fails.
//
// Each handler's function has the tool's name (see [WithPrefix] and
// [WithRename]), its description (or its title when it has no
// description), and its input JSON Schema, as the server sent it, as the
// function's parameters. Tools fails with an error naming the tool when a
// name is not a valid function name (1 to 64 ASCII letters, digits, '_'
// or '-'; MCP allows more, such as '.'): names are not changed silently,
// pass WithRename([SanitizeName]) to map them or [WithFilter] to leave
// such tools out. It also fails when two tools get the same function name
// and when a [WithToolNames] name is not on the server.
//
// When the model calls the function, the handler calls the tool with
// session.CallTool and the model's arguments (which must be a JSON
// object), passing on the ctx of the run, so cancelling the run cancels
// the MCP call. The text sent back to the model is the result's content,
// the parts joined with newlines: a text part as it is, a text resource as
// its text, and a placeholder in brackets for what a tool message cannot
// carry (an image, audio, a binary resource, a resource link), which names
// its MIME type and size or URI. A result with no content but structured
// content is sent as the JSON of the structured content. A result with
// IsError set is an error, a [*ResultError] with the tool's error text, as
// is a failed call (a closed session, a protocol error); [openrouter.RunTools]
// then sends "error: ..." to the model, or returns a [*openrouter.ToolError]
// that wraps it under [openrouter.ToolErrorsReturn].
//
// The handlers hold session: keep it open while they are used, and close
// it when the run is over. They may be used concurrently
// ([openrouter.WithToolConcurrency]) if the server allows.
func Tools(ctx context.Context, session *mcp.ClientSession, opts ...Option) ([]*openrouter.ToolHandler, error) {
	if session == nil {
		return nil, errors.New("mcpopenrouter: Tools: nil session")
	}
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	var only map[string]bool
	if cfg.only != nil {
		only = make(map[string]bool, len(cfg.only))
		for _, n := range cfg.only {
			only[n] = true
		}
	}
	var handlers []*openrouter.ToolHandler
	byFunc := map[string]string{} // function name -> MCP tool name
	found := map[string]bool{}
	for tool, err := range session.Tools(ctx, nil) {
		if err != nil {
			return nil, fmt.Errorf("mcpopenrouter: listing the tools: %w", err)
		}
		if tool == nil || (only != nil && !only[tool.Name]) || (cfg.keep != nil && !cfg.keep(tool)) {
			continue
		}
		found[tool.Name] = true
		name := cfg.prefix + tool.Name
		if cfg.rename != nil {
			name = cfg.rename(name)
		}
		if !validName.MatchString(name) {
			return nil, fmt.Errorf("mcpopenrouter: MCP tool %q: function name %q is not 1 to 64 ASCII letters, digits, '_' or '-'; "+
				"map it with WithRename(SanitizeName) or leave the tool out with WithFilter", tool.Name, name)
		}
		if other, dup := byFunc[name]; dup {
			return nil, fmt.Errorf("mcpopenrouter: MCP tools %q and %q both become the function %q", other, tool.Name, name)
		}
		byFunc[name] = tool.Name
		h, err := handler(session, tool, name)
		if err != nil {
			return nil, err
		}
		handlers = append(handlers, h)
	}
	for _, n := range cfg.only {
		if !found[n] {
			return nil, fmt.Errorf("mcpopenrouter: the MCP server has no tool %q", n)
		}
	}
	return handlers, nil
}

// handler is the tool handler of one MCP tool, as the function name.
func handler(session *mcp.ClientSession, tool *mcp.Tool, name string) (*openrouter.ToolHandler, error) {
	mcpName := tool.Name
	description := tool.Description
	if description == "" {
		description = tool.Title
	}
	if description == "" && tool.Annotations != nil {
		description = tool.Annotations.Title
	}
	h, err := openrouter.NewRawToolHandler(name, description, tool.InputSchema, func(ctx context.Context, arguments json.RawMessage) (string, error) {
		args, err := callArguments(arguments)
		if err != nil {
			return "", fmt.Errorf("mcpopenrouter: tool %q: invalid arguments: %w", mcpName, err)
		}
		res, err := session.CallTool(ctx, &mcp.CallToolParams{Name: mcpName, Arguments: args})
		if err != nil {
			return "", fmt.Errorf("mcpopenrouter: tool %q: %w", mcpName, err)
		}
		if res == nil {
			return "", fmt.Errorf("mcpopenrouter: tool %q: no result", mcpName)
		}
		if res.NeedsInput() {
			return "", fmt.Errorf("mcpopenrouter: tool %q: the server asks for input the client did not supply "+
				"(is the client's multi round-trip support disabled?)", mcpName)
		}
		text := resultText(res)
		if res.IsError {
			return "", &ResultError{Tool: mcpName, Text: text, Result: res}
		}
		return text, nil
	})
	if err != nil {
		return nil, fmt.Errorf("mcpopenrouter: MCP tool %q: %w", mcpName, err)
	}
	return h, nil
}

// callArguments checks that the model's arguments are a JSON object; an
// empty text or null means no arguments.
func callArguments(arguments json.RawMessage) (json.RawMessage, error) {
	args := bytes.TrimSpace(arguments)
	if len(args) == 0 || string(args) == "null" {
		return json.RawMessage("{}"), nil
	}
	var v any
	if err := json.Unmarshal(args, &v); err != nil {
		return nil, err
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, fmt.Errorf("%s is not a JSON object", jsonKind(v))
	}
	return json.RawMessage(args), nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "the value"
}

// ResultError is a tool result with IsError set: the MCP tool ran and
// reported a failure. [openrouter.RunTools] sends its text to the model,
// which may correct itself, or returns it wrapped in a
// [*openrouter.ToolError] under [openrouter.ToolErrorsReturn]; find it with
// errors.As.
type ResultError struct {
	// Tool is the MCP tool's name.
	Tool string
	// Text is the error text of the result, made from its content as
	// [Tools] describes.
	Text string
	// Result is the tool's result.
	Result *mcp.CallToolResult
}

// Error returns the tool's name and error text.
func (e *ResultError) Error() string {
	if e.Text == "" {
		return fmt.Sprintf("mcpopenrouter: tool %q reported an error", e.Tool)
	}
	return fmt.Sprintf("mcpopenrouter: tool %q reported an error: %s", e.Tool, e.Text)
}

var _ error = (*ResultError)(nil)

// resultText is the text of a tool result sent to the model.
func resultText(res *mcp.CallToolResult) string {
	if len(res.Content) == 0 {
		if res.StructuredContent == nil {
			return ""
		}
		b, err := json.Marshal(res.StructuredContent)
		if err != nil {
			return fmt.Sprintf("[structured content that does not encode as JSON: %v]", err)
		}
		return string(b)
	}
	parts := make([]string, 0, len(res.Content))
	for _, c := range res.Content {
		parts = append(parts, contentText(c))
	}
	return strings.Join(parts, "\n")
}

// contentText is the text of one content part of a tool result.
func contentText(c mcp.Content) string {
	switch c := c.(type) {
	case *mcp.TextContent:
		return c.Text
	case *mcp.ImageContent:
		return placeholder("image", c.MIMEType, fmt.Sprintf("%d bytes", len(c.Data)))
	case *mcp.AudioContent:
		return placeholder("audio", c.MIMEType, fmt.Sprintf("%d bytes", len(c.Data)))
	case *mcp.ResourceLink:
		var size string
		if c.Size != nil {
			size = fmt.Sprintf("%d bytes", *c.Size)
		}
		return placeholder("resource link", c.URI, quoted(c.Name), c.MIMEType, size, quoted(c.Description))
	case *mcp.EmbeddedResource:
		r := c.Resource
		if r == nil {
			return placeholder("resource")
		}
		if r.Text != "" || r.Blob == nil {
			return r.Text
		}
		return placeholder("resource", r.URI, r.MIMEType, fmt.Sprintf("%d bytes", len(r.Blob)))
	case nil:
		return ""
	}
	b, err := c.MarshalJSON()
	if err != nil {
		return placeholder(fmt.Sprintf("%T", c))
	}
	return string(b)
}

// placeholder is "[kind: detail, detail]" for the non-empty details.
func placeholder(kind string, details ...string) string {
	var ds []string
	for _, d := range details {
		if d != "" {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return "[" + kind + "]"
	}
	return "[" + kind + ": " + strings.Join(ds, ", ") + "]"
}

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("%q", s)
}
