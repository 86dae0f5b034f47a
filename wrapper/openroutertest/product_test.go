package openroutertest_test

// The findings of issue 16, each with the test that failed before.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func hi() openrouter.ChatRequest {
	return openrouter.ChatRequest{Model: "openai/gpt-4o-mini", Messages: []openrouter.ChatMessage{openrouter.UserText("weather in Paris?")}}
}

func client(t *testing.T, srv *openroutertest.Server, opts ...openrouter.Option) *openrouter.Client {
	t.Helper()
	c, err := srv.Client(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Finding: in program mode a misfit became a 500, the client retried,
// got the default echo and returned err == nil.
func TestProgramModeMisfitIsNeverReplacedByADefault(t *testing.T) {
	t.Parallel()
	srv, err := openroutertest.New()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	bad := openroutertest.Chat("scripted").Response()
	delete(bad.JSON.(map[string]any), "choices")
	if err := srv.Enqueue(openroutertest.OpSendChatCompletionRequest, bad); err == nil || !strings.Contains(err.Error(), "choices") {
		t.Fatalf("Enqueue = %v, want an error naming choices", err)
	}
	resp, err := client(t, srv).Chat.Send(context.Background(), hi())
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotImplemented {
		t.Fatalf("Send = %v, %v; want the 501 of the misfit", resp, err)
	}
	if n := len(srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)); n != 1 {
		t.Errorf("%d requests, want 1 (no retry into the default answer)", n)
	}
}

// lineTB records where testing would attribute Errorf, honouring Helper.
type lineTB struct {
	testing.TB
	helpers map[string]bool
	lines   []string
}

func (l *lineTB) Helper() {
	pc, _, _, _ := runtime.Caller(1)
	l.helpers[runtime.FuncForPC(pc).Name()] = true
}

func (l *lineTB) Errorf(string, ...any) {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !l.helpers[f.Function] {
			l.lines = append(l.lines, fmt.Sprintf("%s:%d", f.File[strings.LastIndex(f.File, "/")+1:], f.Line))
			return
		}
		if !more {
			return
		}
	}
}

// Finding: in a test the failure was a t.Errorf attributed to server.go.
func TestEnqueueFailureIsAttributedToTheCaller(t *testing.T) {
	t.Parallel()
	tb := &lineTB{TB: t, helpers: map[string]bool{}}
	srv := openroutertest.NewServer(tb)
	_, _, line, _ := runtime.Caller(0)
	srv.Enqueue(openroutertest.OpGetCredits, openroutertest.Response{JSON: map[string]any{"data": map[string]any{}}})
	srv.Enqueue("noSuchOperation", openroutertest.Response{})
	want := []string{fmt.Sprintf("product_test.go:%d", line+1), fmt.Sprintf("product_test.go:%d", line+2)}
	if !slices.Equal(tb.lines, want) {
		t.Errorf("reported at %v, want %v", tb.lines, want)
	}
}

// Finding: operation ids were bare strings. The constants are the spec's
// operations, one for one.
func TestOperationIDConstants(t *testing.T) {
	t.Parallel()
	ids := openroutertest.OperationIDs()
	if !slices.Contains(ids, openroutertest.OpSendChatCompletionRequest) || string(openroutertest.OpSendChatCompletionRequest) != "sendChatCompletionRequest" {
		t.Errorf("OperationIDs() lacks OpSendChatCompletionRequest")
	}
	srv := openroutertest.NewServer(t)
	for _, id := range ids {
		if err := srv.Enqueue(id, openroutertest.Response{Delay: time.Nanosecond}); err != nil {
			t.Errorf("Enqueue(%s): %v", id, err)
		}
	}
}

// Finding: no builder for reasoning, tool calls, usage and cost,
// provider, headers.
func TestChatBuilder(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("It is sunny.").
		Reasoning("The user wants the weather.").
		Provider("OpenAI").Model("openai/gpt-4o").
		Usage(openroutertest.Usage{PromptTokens: 12, CompletionTokens: 4, ReasoningTokens: 2, Cost: 0.5}).
		FinishReason("length").Header("X-Custom", "yes").Response())
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("").
		ToolCalls(openroutertest.ToolCall{Name: "get_weather", Arguments: `{"city":"Paris"}`}).Response())
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.Chat("").Refusal("I can't.").Response())
	c := client(t, srv)
	ctx := context.Background()
	var raw *http.Response
	r, err := c.Chat.Send(ctx, hi(), openrouter.WithResponseInto(&raw))
	if err != nil {
		t.Fatal(err)
	}
	if r.Text() != "It is sunny." || r.Reasoning() != "The user wants the weather." || r.Provider != "OpenAI" ||
		!costIs(r, 0.5) || tokensOf(r).Input != 12 || r.FinishReason() != "length" || raw.Header.Get("X-Custom") != "yes" {
		t.Errorf("reply %+v, header %v", r, raw.Header)
	}
	if d := r.Choices[0].Message.ReasoningDetails; len(d) != 1 {
		t.Errorf("reasoning details %+v", d)
	}
	r, err = c.Chat.Send(ctx, hi())
	if err != nil || len(r.ToolCalls()) != 1 || r.ToolCalls()[0].Function.Name != "get_weather" || r.FinishReason() != "tool_calls" {
		t.Errorf("tool calls: %+v, %v", r, err)
	}
	r, err = c.Chat.Send(ctx, hi())
	if err != nil || r.Refusal() != "I can't." {
		t.Errorf("refusal: %+v, %v", r, err)
	}
}

// Responses and Messages builders, JSON and streamed.
func TestResponsesAndMessagesBuilders(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	for _, r := range []openroutertest.Response{
		openroutertest.ResponsesReply("Hello").Reasoning("thinking").Response(),
		openroutertest.ResponsesReply("").FunctionCalls(openroutertest.ToolCall{Name: "f", Arguments: `{}`}).Response(),
		openroutertest.ResponsesReply("Hello there").Stream().KeepAlives().Response(),
	} {
		if err := srv.Enqueue(openroutertest.OpCreateResponses, r); err != nil {
			t.Error(err)
		}
	}
	for _, r := range []openroutertest.Response{
		openroutertest.MessagesReply("Hello").Thinking("hmm").Response(),
		openroutertest.MessagesReply("").ToolUse(openroutertest.ToolCall{Name: "f", Arguments: `{"a":1}`}).Response(),
		openroutertest.MessagesReply("Hello there").Stream().Pace(time.Millisecond).Response(),
		openroutertest.MessagesReply("Hello there").Stream().ErrorAfter(2, openroutertest.Error(529, "Overloaded")).Response(),
	} {
		if err := srv.Enqueue(openroutertest.OpCreateMessages, r); err != nil {
			t.Error(err)
		}
	}
}

// Finding: ErrorResponse(...).Header was nil, so .Header.Set panicked.
func TestHeaderMapsAreNeverNil(t *testing.T) {
	t.Parallel()
	for name, r := range map[string]openroutertest.Response{
		"ErrorResponse": openroutertest.ErrorResponse(500, "x"),
		"RetryAfter":    openroutertest.RetryAfter(1, "x"),
		"ChatReply":     openroutertest.ChatReply("x"),
		"ChatToolCalls": openroutertest.ChatToolCalls(),
		"ChatStream":    openroutertest.ChatStream("x"),
		"Chat":          openroutertest.Chat("x").Response(),
		"Chat.Stream":   openroutertest.Chat("x").Stream().Response(),
		"Messages":      openroutertest.MessagesStream("x"),
		"VideoJob":      openroutertest.VideoJob("v", "pending"),
	} {
		if r.Header == nil {
			t.Errorf("%s: nil Header", name)
			continue
		}
		r.Header.Set("X-Test", "1")
	}
}

// Errors in OpenRouter's shape with the availability object, Retry-After
// and rate-limit headers reach APIError.
func TestAvailabilityError(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	reset := time.Now().Add(time.Minute)
	srv.Enqueue(openroutertest.OpSendChatCompletionRequest,
		openroutertest.Unavailable("capacity_exhausted", "openai/gpt-4o-mini").FallbackModels("openai/gpt-4o").
			RetryAfter(40*time.Second).RateLimit(100, 0, reset).Response())
	_, err := client(t, srv, openrouter.WithMaxRetries(0)).Chat.Send(context.Background(), hi())
	var e *openrouter.APIError
	if !errors.As(err, &e) || !errors.Is(err, openrouter.ErrCapacityExhausted) || !errors.Is(err, openrouter.ErrRateLimited) {
		t.Fatalf("err = %v", err)
	}
	if e.Type != "rate_limit_exceeded" || e.RetryAfter != 40*time.Second || e.Availability == nil || !e.Availability.Retryable ||
		*e.Availability.RetryAfter != 40 || e.FallbackModels()[0] != "openai/gpt-4o" || e.Header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("APIError %+v", e)
	}
	if e.RequestID == "" {
		t.Errorf("no request id")
	}
}

// Finding: no X-Generation-Id and no rate-limit headers by default, so
// Stream.Header() and APIError request ids came back empty.
func TestDefaultAnswersCarryOpenRoutersHeaders(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := client(t, srv)
	st, err := c.Chat.Stream(context.Background(), hi())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for st.Next() {
	}
	h := st.Header()
	if !strings.HasPrefix(h.Get("X-Generation-Id"), "gen-fake-") || h.Get("X-RateLimit-Limit") == "" || h.Get("X-RateLimit-Remaining") == "" || h.Get("X-RateLimit-Reset") == "" {
		t.Errorf("stream headers %v", h)
	}
	srv.Enqueue(openroutertest.OpGetCredits, openroutertest.ErrorResponse(403, "no"))
	_, err = c.Credits.Get(context.Background())
	var e *openrouter.APIError
	if !errors.As(err, &e) || e.RequestID == "" {
		t.Errorf("err %v without a request id", err)
	}
	// A scripted header wins; a key without values removes one.
	srv.Enqueue(openroutertest.OpGetCredits, openroutertest.Response{Header: http.Header{"X-Generation-Id": {"gen-mine"}, "X-Ratelimit-Limit": nil}})
	_, h2, _ := do(t, srv, "GET", "/credits", "")
	if h2.Get("X-Generation-Id") != "gen-mine" || h2.Values("X-RateLimit-Limit") != nil {
		t.Errorf("headers %v", h2)
	}
}

// Finding: Models.List ignored supported_parameters.
func TestModelFiltersAreHonoured(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := client(t, srv)
	p := "top_k,tools"
	r, err := c.Models.List(context.Background(), &openrouter.ListModelsParams{SupportedParameters: &p})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Data) != 1 || r.Data[0].ID != "anthropic/claude-3.5-haiku" {
		t.Errorf("models %+v", r.Data)
	}
	in := "image"
	r, err = c.Models.List(context.Background(), &openrouter.ListModelsParams{InputModalities: &in})
	if err != nil || len(r.Data) != 2 {
		t.Errorf("input_modalities=image: %v %v", r, err)
	}
}

// Finding: a response_format with a JSON schema got the echo, so
// ParseInto failed unless scripted.
func TestResponseFormatSchemaGetsAValidValue(t *testing.T) {
	t.Parallel()
	type City struct {
		Name       string   `json:"name"`
		Country    string   `json:"country"`
		Population int      `json:"population"`
		Tags       []string `json:"tags"`
		Capital    bool     `json:"capital"`
	}
	srv := openroutertest.NewServer(t)
	rf, err := openrouter.ResponseFormatFor[City]("city")
	if err != nil {
		t.Fatal(err)
	}
	req := hi()
	req.ResponseFormat = rf
	r, err := client(t, srv).Chat.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	city, err := openrouter.ParseInto[City](r)
	if err != nil || city.Name == "" || len(city.Tags) != 1 || !city.Capital {
		t.Errorf("ParseInto = %+v, %v (text %q)", city, err, r.Text())
	}
}

// tool_choice required gets a call whose arguments are valid against the
// tool's schema.
func TestToolChoiceRequiredGetsValidArguments(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	tool, err := openrouter.FunctionTool("forecast", "Forecast", map[string]any{
		"type": "object",
		"properties": map[string]any{
			"city": map[string]any{"type": "string"},
			"days": map[string]any{"type": "integer", "minimum": 3},
			"unit": map[string]any{"type": "string", "enum": []any{"celsius", "fahrenheit"}},
		},
		"required": []any{"city", "days", "unit"}, "additionalProperties": false,
	})
	if err != nil {
		t.Fatal(err)
	}
	req := hi()
	req.Tools = []openrouter.Tool{tool}
	req.ToolChoice = openrouter.ToolChoiceRequired()
	r, err := client(t, srv).Chat.Send(context.Background(), req)
	if err != nil || len(r.ToolCalls()) != 1 {
		t.Fatalf("Send = %+v, %v", r, err)
	}
	var args struct {
		City string `json:"city"`
		Days int    `json:"days"`
		Unit string `json:"unit"`
	}
	if err := json.Unmarshal([]byte(r.ToolCalls()[0].Function.Arguments), &args); err != nil || args.City != "Paris" || args.Days != 3 || args.Unit != "celsius" {
		t.Errorf("arguments %s (%v)", r.ToolCalls()[0].Function.Arguments, err)
	}
}

// Finding: the key store was stateless (a created key never appeared in
// the list).
func TestKeysAreStateful(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := client(t, srv)
	ctx := context.Background()
	created, err := c.APIKeys.Create(ctx, openrouter.CreateAPIKeyRequest{Name: "ci-bot"})
	if err != nil {
		t.Fatal(err)
	}
	hash := created.Data.Hash
	list, err := c.APIKeys.List(ctx, nil)
	if err != nil || !slices.ContainsFunc(list.Data, func(k openrouter.APIKey) bool { return k.Hash == hash && k.Name == "ci-bot" }) {
		t.Fatalf("list %+v, %v lacks the created key", list, err)
	}
	got, err := c.APIKeys.Get(ctx, hash)
	if err != nil || got.Data.Name != "ci-bot" {
		t.Errorf("get %+v, %v", got, err)
	}
	if _, err := c.APIKeys.Update(ctx, hash, openrouter.UpdateAPIKeyRequest{Name: "renamed"}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.APIKeys.Get(ctx, hash); err != nil || got.Data.Name != "renamed" || got.Data.Usage != 0 {
		t.Errorf("after update: %+v, %v", got, err)
	}
	if _, err := c.APIKeys.Delete(ctx, hash); err != nil {
		t.Fatal(err)
	}
	if _, err := c.APIKeys.Get(ctx, hash); !errors.Is(err, openrouter.ErrNotFound) {
		t.Errorf("get after delete: %v, want a 404", err)
	}
	list, _ = c.APIKeys.List(ctx, nil)
	if slices.ContainsFunc(list.Data, func(k openrouter.APIKey) bool { return k.Hash == hash }) {
		t.Errorf("deleted key still listed")
	}
	// Another server has its own state.
	other := openroutertest.NewServer(t)
	if l, _ := client(t, other).APIKeys.List(ctx, nil); len(l.Data) != 2 {
		t.Errorf("a new server lists %d keys", len(l.Data))
	}
}

// Guardrails, workspaces and BYOK keys are stateful too.
func TestOtherResourcesAreStateful(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	for _, tc := range []struct {
		create, list, get, del string
		body                   string
	}{
		{"/guardrails", "/guardrails", "/guardrails/", "/guardrails/", `{"name":"g-new"}`},
		{"/workspaces", "/workspaces", "/workspaces/", "/workspaces/", `{"name":"w-new","slug":"w-new"}`},
		{"/byok", "/byok", "/byok/", "/byok/", `{"provider":"openai","key":"sk-abcdef123456","name":"b-new"}`},
	} {
		status, _, body := do(t, srv, "POST", tc.create, tc.body)
		if status/100 != 2 {
			t.Errorf("POST %s: %d %s", tc.create, status, body)
			continue
		}
		id := jsonBody(t, body)["data"].(map[string]any)["id"].(string)
		_, _, list := do(t, srv, "GET", tc.list, "")
		if !strings.Contains(string(list), id) {
			t.Errorf("%s does not list %s", tc.list, id)
		}
		if status, _, _ := do(t, srv, "GET", tc.get+id, ""); status != 200 {
			t.Errorf("GET %s%s: %d", tc.get, id, status)
		}
		do(t, srv, "DELETE", tc.del+id, "")
		if status, _, _ := do(t, srv, "GET", tc.get+id, ""); status != 404 {
			t.Errorf("GET %s%s after delete: %d, want 404", tc.get, id, status)
		}
	}
}

// Presets are stateful: a saved request is a new version of its preset, a
// new slug is listed, and the lookups show what was saved.
func TestPresetsAreStateful(t *testing.T) {
	t.Parallel()
	_, c := newFake(t)
	ctx := context.Background()
	req := openrouter.ChatRequest{Model: "openai/gpt-4o", Messages: []openrouter.ChatMessage{openrouter.SystemMessage("Be terse."), openrouter.UserText("x")}, Temperature: openrouter.Ptr(0.5)}
	if _, err := c.Presets.CreateFromChat(ctx, "my-new-preset", req); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Presets.CreateFromChat(ctx, "my-new-preset", req); err != nil {
		t.Fatal(err)
	}
	slugs := map[string]bool{}
	for p, err := range c.Presets.ListAll(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		slugs[p.Slug] = true
	}
	if !slugs["my-new-preset"] || !slugs["code-review"] {
		t.Errorf("listed presets %v", slugs)
	}
	p, err := c.Presets.Get(ctx, "my-new-preset")
	if err != nil {
		t.Fatal(err)
	}
	if v := p.Data.DesignatedVersion; v.Version != 2 || v.Config["model"] != "openai/gpt-4o" {
		t.Errorf("designated version %+v", v)
	}
	n := 0
	for _, err := range c.Presets.ListVersionsAll(ctx, "my-new-preset", nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d versions, want 2", n)
	}
	if _, err := c.Presets.GetVersion(ctx, "my-new-preset", "3"); !errors.Is(err, openrouter.ErrNotFound) {
		t.Errorf("version 3: %v, want a 404", err)
	}
	// A fake account preset gets its new version after its three.
	if _, err := c.Presets.CreateFromChat(ctx, "code-review", req); err != nil {
		t.Fatal(err)
	}
	if v, err := c.Presets.GetVersion(ctx, "code-review", "4"); err != nil || v.Data.Config["model"] != "openai/gpt-4o" {
		t.Errorf("code-review version 4: %+v, %v", v, err)
	}
}

func costIs(r *openrouter.ChatResponse, want float64) bool {
	got, ok := r.Cost()
	return ok && got == want
}

func tokensOf(r *openrouter.ChatResponse) openrouter.Tokens {
	t, _ := r.Tokens()
	return t
}
