package mcpopenrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"go.uber.org/goleak"

	"github.com/gopenrouter/openrouter/mcpopenrouter"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

const chatOp = openroutertest.OpSendChatCompletionRequest

func TestMain(m *testing.M) {
	os.Unsetenv("OPENROUTER_API_KEY")
	code := m.Run()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "goroutine leak:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// weatherSchema is the input schema of get_weather, written by hand so
// that the test can check that required fields, enums and descriptions
// reach the model unchanged.
const weatherSchema = `{
	"type": "object",
	"properties": {
		"city": {"type": "string", "description": "the city"},
		"unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}
	},
	"required": ["city"],
	"additionalProperties": false
}`

type weatherIn struct {
	City string `json:"city"`
	Unit string `json:"unit,omitempty"`
}

// fixture is an in-process MCP server with three tools and a client
// session connected to it.
type fixture struct {
	session *mcp.ClientSession
	mu      sync.Mutex
	calls   []weatherIn   // the arguments get_weather ran with
	started chan struct{} // closed when wait starts
	release chan struct{} // closed at cleanup, ends wait
}

func (f *fixture) weatherCalls() []weatherIn {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]weatherIn(nil), f.calls...)
}

// newFixture starts the server: get_weather (typed input, hand-written
// schema), divide (returns an error result for a zero divisor) and wait
// (blocks until its call is cancelled).
func newFixture(t *testing.T, opts *mcp.ServerOptions) *fixture {
	t.Helper()
	f := &fixture{started: make(chan struct{}), release: make(chan struct{})}
	srv := mcp.NewServer(&mcp.Implementation{Name: "test-server", Version: "v0.0.1"}, opts)
	mcp.AddTool(srv, &mcp.Tool{Name: "get_weather", Description: "Current weather of a city", InputSchema: json.RawMessage(weatherSchema)},
		func(_ context.Context, _ *mcp.CallToolRequest, in weatherIn) (*mcp.CallToolResult, any, error) {
			f.mu.Lock()
			f.calls = append(f.calls, in)
			f.mu.Unlock()
			unit := in.Unit
			if unit == "" {
				unit = "celsius"
			}
			return &mcp.CallToolResult{Content: []mcp.Content{
				&mcp.TextContent{Text: "Sunny in " + in.City},
				&mcp.TextContent{Text: "21 degrees " + unit},
			}}, nil, nil
		})
	type divideIn struct {
		A float64 `json:"a"`
		B float64 `json:"b"`
	}
	mcp.AddTool(srv, &mcp.Tool{Name: "divide", Description: "Divides a by b"},
		func(_ context.Context, _ *mcp.CallToolRequest, in divideIn) (*mcp.CallToolResult, map[string]float64, error) {
			if in.B == 0 {
				return nil, nil, errors.New("division by zero")
			}
			return nil, map[string]float64{"quotient": in.A / in.B}, nil
		})
	var once sync.Once
	mcp.AddTool(srv, &mcp.Tool{Name: "wait", Description: "Waits until cancelled"},
		func(ctx context.Context, _ *mcp.CallToolRequest, _ struct{}) (*mcp.CallToolResult, any, error) {
			once.Do(func() { close(f.started) })
			select {
			case <-ctx.Done():
			case <-f.release:
			}
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "done waiting"}}}, nil, nil
		})
	f.session = connect(t, srv)
	t.Cleanup(func() { close(f.release) })
	return f
}

// connect connects a client to srv in process and closes both ends when
// the test ends.
func connect(t *testing.T, srv *mcp.Server) *mcp.ClientSession {
	t.Helper()
	ctx := context.Background()
	st, ct := mcp.NewInMemoryTransports()
	ss, err := srv.Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test-client", Version: "v0.0.1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		ss.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cs.Close()
		ss.Wait()
	})
	return cs
}

func tools(t *testing.T, session *mcp.ClientSession, opts ...mcpopenrouter.Option) []*openrouter.ToolHandler {
	t.Helper()
	hs, err := mcpopenrouter.Tools(context.Background(), session, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return hs
}

func names(hs []*openrouter.ToolHandler) []string {
	var ns []string
	for _, h := range hs {
		ns = append(ns, h.Name())
	}
	return ns
}

func fakeServer(t *testing.T) (*openroutertest.Server, *openrouter.Client) {
	t.Helper()
	srv := openroutertest.NewServer(t)
	client, err := srv.Client(openrouter.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	return srv, client
}

func weatherRequest() openrouter.ChatRequest {
	return openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("What is the weather in Paris?")},
	}
}

// sentBody is the part of a chat request body the tests look at.
type sentBody struct {
	Messages []struct {
		Role       string          `json:"role"`
		Content    json.RawMessage `json:"content"`
		ToolCallID string          `json:"tool_call_id"`
	} `json:"messages"`
	Tools []struct {
		Type     string `json:"type"`
		Function struct {
			Name        string          `json:"name"`
			Description string          `json:"description"`
			Parameters  json.RawMessage `json:"parameters"`
		} `json:"function"`
	} `json:"tools"`
}

func sent(t *testing.T, srv *openroutertest.Server) []sentBody {
	t.Helper()
	var out []sentBody
	for _, r := range srv.RequestsFor(chatOp) {
		var b sentBody
		if err := r.DecodeJSON(&b); err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// toolMessage is the content of the tool message answering callID in
// body, as a string.
func toolMessage(t *testing.T, body sentBody, callID string) string {
	t.Helper()
	for _, m := range body.Messages {
		if m.Role == "tool" && m.ToolCallID == callID {
			var s string
			if err := json.Unmarshal(m.Content, &s); err != nil {
				t.Fatalf("tool message content %s: %v", m.Content, err)
			}
			return s
		}
	}
	t.Fatalf("no tool message for %s in %+v", callID, body.Messages)
	return ""
}

// jsonDiff compares two JSON texts semantically.
func jsonDiff(t *testing.T, got, want string) string {
	t.Helper()
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("got %s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want %s: %v", want, err)
	}
	return cmp.Diff(w, g)
}

func TestToolsListsEveryTool(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	hs := tools(t, f.session)
	if diff := cmp.Diff([]string{"divide", "get_weather", "wait"}, names(hs)); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

func TestToolsAllPages(t *testing.T) {
	t.Parallel()
	// One tool per page: Tools must follow the cursor to the end.
	f := newFixture(t, &mcp.ServerOptions{PageSize: 1})
	if got := names(tools(t, f.session)); len(got) != 3 {
		t.Errorf("got %d tools %v over pages of one, want 3", len(got), got)
	}
}

func TestRunToolsCallsMCPTool(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_w", Name: "get_weather", Arguments: `{"city":"Paris","unit":"fahrenheit"}`}))

	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), tools(t, f.session))
	if err != nil {
		t.Fatal(err)
	}

	// The MCP tool ran with the model's arguments.
	if diff := cmp.Diff([]weatherIn{{City: "Paris", Unit: "fahrenheit"}}, f.weatherCalls()); diff != "" {
		t.Errorf("get_weather calls (-want +got):\n%s", diff)
	}
	bodies := sent(t, srv)
	if len(bodies) != 2 {
		t.Fatalf("sent %d chat requests, want 2", len(bodies))
	}
	// The first request offered the tools with the server's schemas.
	var weather string
	for _, tool := range bodies[0].Tools {
		if tool.Type != "function" {
			t.Errorf("tool %s has type %q, want function", tool.Function.Name, tool.Type)
		}
		if tool.Function.Name == "get_weather" {
			weather = string(tool.Function.Parameters)
			if tool.Function.Description != "Current weather of a city" {
				t.Errorf("get_weather description %q", tool.Function.Description)
			}
		}
	}
	if len(bodies[0].Tools) != 3 || weather == "" {
		t.Fatalf("first request offered %+v, want the 3 MCP tools", bodies[0].Tools)
	}
	if diff := jsonDiff(t, weather, weatherSchema); diff != "" {
		t.Errorf("get_weather parameters (-want +got):\n%s", diff)
	}
	// Its result went back as the tool message, text parts joined.
	const want = "Sunny in Paris\n21 degrees fahrenheit"
	if got := toolMessage(t, bodies[1], "call_w"); got != want {
		t.Errorf("tool message %q, want %q", got, want)
	}
	if got := res.Text(); got != "The tool returned: "+want {
		t.Errorf("answer %q", got)
	}
}

func TestRunToolsStructuredResult(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_d", Name: "divide", Arguments: `{"a":7,"b":2}`}))

	if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), tools(t, f.session)); err != nil {
		t.Fatal(err)
	}
	// mcp.AddTool puts the structured result's JSON in the content too.
	got := toolMessage(t, sent(t, srv)[1], "call_d")
	if diff := jsonDiff(t, got, `{"quotient":3.5}`); diff != "" {
		t.Errorf("tool message %q (-want +got):\n%s", got, diff)
	}
}

func TestRunToolsErrorResultToModel(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_d", Name: "divide", Arguments: `{"a":1,"b":0}`}))

	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), tools(t, f.session))
	if err != nil {
		t.Fatal(err)
	}
	const want = `error: mcpopenrouter: tool "divide" reported an error: division by zero`
	if got := toolMessage(t, sent(t, srv)[1], "call_d"); got != want {
		t.Errorf("tool message %q, want %q", got, want)
	}
	if len(res.ToolCalls) != 1 || res.ToolCalls[0].Err == nil {
		t.Fatalf("tool calls %+v, want one failed call", res.ToolCalls)
	}
}

func TestRunToolsErrorResultReturned(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_d", Name: "divide", Arguments: `{"a":1,"b":0}`}))

	_, err := openrouter.RunTools(context.Background(), client, weatherRequest(), tools(t, f.session),
		openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
	var te *openrouter.ToolError
	if !errors.As(err, &te) || te.Name != "divide" || te.CallID != "call_d" {
		t.Fatalf("err = %v, want a *openrouter.ToolError for call_d", err)
	}
	var re *mcpopenrouter.ResultError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want a *mcpopenrouter.ResultError inside", err)
	}
	if re.Tool != "divide" || re.Text != "division by zero" || re.Result == nil || !re.Result.IsError {
		t.Errorf("ResultError %+v", re)
	}
	if n := len(srv.RequestsFor(chatOp)); n != 1 {
		t.Errorf("sent %d chat requests, want 1", n)
	}
}

func TestRunToolsCancelEndsMCPCall(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_x", Name: "wait", Arguments: `{}`}))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-f.started:
			cancel()
		case <-time.After(10 * time.Second):
		}
	}()
	done := make(chan error, 1)
	go func() {
		_, err := openrouter.RunTools(ctx, client, weatherRequest(), tools(t, f.session))
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("RunTools = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("RunTools did not return after its context was cancelled")
	}
	select {
	case <-f.started:
	default:
		t.Fatal("the wait tool never ran")
	}
	if n := len(srv.RequestsFor(chatOp)); n != 1 {
		t.Errorf("sent %d chat requests, want 1", n)
	}
}

func TestRunToolsInvalidArguments(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args, want string
	}{
		"not JSON":   {`{"city":`, `error: mcpopenrouter: tool "get_weather": invalid arguments: unexpected end of JSON input`},
		"array":      {`["Paris"]`, `error: mcpopenrouter: tool "get_weather": invalid arguments: an array is not a JSON object`},
		"string":     {`"Paris"`, `error: mcpopenrouter: tool "get_weather": invalid arguments: a string is not a JSON object`},
		"two values": {`{} {}`, `error: mcpopenrouter: tool "get_weather": invalid arguments: invalid character '{' after top-level value`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, nil)
			srv, client := fakeServer(t)
			srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_w", Name: "get_weather", Arguments: tc.args}))
			if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), tools(t, f.session)); err != nil {
				t.Fatal(err)
			}
			if got := toolMessage(t, sent(t, srv)[1], "call_w"); got != tc.want {
				t.Errorf("tool message %q, want %q", got, tc.want)
			}
			if calls := f.weatherCalls(); len(calls) != 0 {
				t.Errorf("get_weather ran with %+v", calls)
			}
		})
	}
}

func TestRunToolsClosedSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	hs := tools(t, f.session)
	if err := f.session.Close(); err != nil {
		t.Fatal(err)
	}
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_w", Name: "get_weather", Arguments: `{"city":"Paris"}`}))

	_, err := openrouter.RunTools(context.Background(), client, weatherRequest(), hs,
		openrouter.WithToolErrors(openrouter.ToolErrorsReturn))
	if !errors.Is(err, mcp.ErrConnectionClosed) {
		t.Fatalf("err = %v, want mcp.ErrConnectionClosed", err)
	}
	var te *openrouter.ToolError
	if !errors.As(err, &te) || !strings.HasPrefix(te.Err.Error(), `mcpopenrouter: tool "get_weather": `) {
		t.Errorf("err = %v, want a *openrouter.ToolError with the mcpopenrouter prefix", err)
	}
}

func TestRunToolsDefaultFakeModel(t *testing.T) {
	t.Parallel()
	// Unscripted, the fake model calls the one offered tool with the last
	// word of the question, then quotes the result.
	f := newFixture(t, nil)
	_, client := fakeServer(t)
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), tools(t, f.session, mcpopenrouter.WithToolNames("get_weather")))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.weatherCalls(); len(got) != 1 || got[0].City != "Paris" {
		t.Errorf("get_weather calls %+v, want one for Paris", got)
	}
	if got, want := res.Text(), "The tool returned: Sunny in Paris\n21 degrees celsius"; got != want {
		t.Errorf("answer %q, want %q", got, want)
	}
}

func TestWithPrefix(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	hs := tools(t, f.session, mcpopenrouter.WithPrefix("wx_"), mcpopenrouter.WithToolNames("get_weather", "divide"))
	if diff := cmp.Diff([]string{"wx_divide", "wx_get_weather"}, names(hs)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_w", Name: "wx_get_weather", Arguments: `{"city":"Oslo"}`}))
	if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), hs); err != nil {
		t.Fatal(err)
	}
	// The server was called with the tool's own name.
	if got := f.weatherCalls(); len(got) != 1 || got[0].City != "Oslo" {
		t.Errorf("get_weather calls %+v, want one for Oslo", got)
	}
}

func TestWithFilter(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	hs := tools(t, f.session, mcpopenrouter.WithFilter(func(tool *mcp.Tool) bool { return tool.Name != "wait" }))
	if diff := cmp.Diff([]string{"divide", "get_weather"}, names(hs)); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

func TestWithToolNamesMissing(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	_, err := mcpopenrouter.Tools(context.Background(), f.session, mcpopenrouter.WithToolNames("get_weather", "get_time"))
	if err == nil || err.Error() != `mcpopenrouter: the MCP server has no tool "get_time"` {
		t.Errorf("err = %v", err)
	}
}

// dottedServer has tools whose names are valid in MCP but not as function
// names.
func dottedServer(t *testing.T, toolNames ...string) *mcp.ClientSession {
	t.Helper()
	srv := mcp.NewServer(&mcp.Implementation{Name: "files", Version: "v0.0.1"}, nil)
	for _, n := range toolNames {
		mcp.AddTool(srv, &mcp.Tool{Name: n, Description: "Reads a file"},
			func(_ context.Context, req *mcp.CallToolRequest, in struct {
				Path string `json:"path"`
			}) (*mcp.CallToolResult, any, error) {
				return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: req.Params.Name + " " + in.Path}}}, nil, nil
			})
	}
	return connect(t, srv)
}

func TestToolsInvalidName(t *testing.T) {
	t.Parallel()
	session := dottedServer(t, "files.read")
	_, err := mcpopenrouter.Tools(context.Background(), session)
	const want = `mcpopenrouter: MCP tool "files.read": function name "files.read" is not 1 to 64 ASCII letters, digits, '_' or '-'; ` +
		"map it with WithRename(SanitizeName) or leave the tool out with WithFilter"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	// A prefix that breaks the rule is caught the same way.
	fx := newFixture(t, nil)
	if _, err := mcpopenrouter.Tools(context.Background(), fx.session, mcpopenrouter.WithPrefix("my tools:")); err == nil ||
		!strings.Contains(err.Error(), `function name "my tools:divide" is not`) {
		t.Errorf("err = %v", err)
	}
}

func TestToolsSanitizedName(t *testing.T) {
	t.Parallel()
	session := dottedServer(t, "files.read")
	hs := tools(t, session, mcpopenrouter.WithRename(mcpopenrouter.SanitizeName))
	if diff := cmp.Diff([]string{"files_read"}, names(hs)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	srv, client := fakeServer(t)
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_r", Name: "files_read", Arguments: `{"path":"/etc/hosts"}`}))
	if _, err := openrouter.RunTools(context.Background(), client, weatherRequest(), hs); err != nil {
		t.Fatal(err)
	}
	if got, want := toolMessage(t, sent(t, srv)[1], "call_r"), "files.read /etc/hosts"; got != want {
		t.Errorf("tool message %q, want %q", got, want)
	}
}

func TestToolsNameCollision(t *testing.T) {
	t.Parallel()
	session := dottedServer(t, "files.read", "files_read")
	_, err := mcpopenrouter.Tools(context.Background(), session, mcpopenrouter.WithRename(mcpopenrouter.SanitizeName))
	// The server lists its tools sorted by name.
	const want = `mcpopenrouter: MCP tools "files.read" and "files_read" both become the function "files_read"`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestToolsNilSession(t *testing.T) {
	t.Parallel()
	if _, err := mcpopenrouter.Tools(context.Background(), nil); err == nil || err.Error() != "mcpopenrouter: Tools: nil session" {
		t.Errorf("err = %v", err)
	}
}

func TestToolsListError(t *testing.T) {
	t.Parallel()
	f := newFixture(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := mcpopenrouter.Tools(ctx, f.session)
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "mcpopenrouter: listing the tools: ") {
		t.Errorf("err = %v, want a wrapped context.Canceled", err)
	}
}

func TestSanitizeName(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 70)
	tests := map[string]struct{ in, want string }{
		"valid":     {"get_weather-2", "get_weather-2"},
		"dots":      {"files.read", "files_read"},
		"slash":     {"github/issues.list", "github_issues_list"},
		"non-ASCII": {"météo", "m_t_o"},
		"empty":     {"", "_"},
		"64":        {strings.Repeat("b", 64), strings.Repeat("b", 64)},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := mcpopenrouter.SanitizeName(tc.in); got != tc.want {
				t.Errorf("SanitizeName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	a, b := mcpopenrouter.SanitizeName(long+"x"), mcpopenrouter.SanitizeName(long+"y")
	if len(a) != 64 || len(b) != 64 || a == b || !strings.HasPrefix(a, strings.Repeat("a", 55)+"_") {
		t.Errorf("long names: %q and %q, want two different names of 64 characters", a, b)
	}
}
