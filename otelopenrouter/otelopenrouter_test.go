package otelopenrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/gopenrouter/openrouter/otelopenrouter"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

const chatOp = "sendChatCompletionRequest"

type fixture struct {
	srv    *openroutertest.Server
	client *openrouter.Client
	spans  *tracetest.SpanRecorder
	reader *sdkmetric.ManualReader
	port   int
}

func setup(t *testing.T, opts ...otelopenrouter.Option) *fixture {
	t.Helper()
	f := &fixture{spans: tracetest.NewSpanRecorder(), reader: sdkmetric.NewManualReader()}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(f.spans))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(f.reader))
	f.srv = openroutertest.NewServer(t)
	all := append([]otelopenrouter.Option{otelopenrouter.WithTracerProvider(tp), otelopenrouter.WithMeterProvider(mp)}, opts...)
	var err error
	if f.client, err = f.srv.Client(otelopenrouter.Instrument(all...)); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(f.srv.URL())
	f.port, _ = strconv.Atoi(u.Port())
	return f
}

// ended returns the ended spans, checking that none carries a credential.
func (f *fixture) ended(t *testing.T) []sdktrace.ReadOnlySpan {
	t.Helper()
	spans := f.spans.Ended()
	for _, s := range spans {
		kvs := s.Attributes()
		for _, ev := range s.Events() {
			kvs = append(kvs, ev.Attributes...)
		}
		for _, kv := range kvs {
			v := kv.Value.String()
			if strings.Contains(v, openroutertest.TestAPIKey) || strings.Contains(strings.ToLower(v), "bearer") || strings.Contains(string(kv.Key), "header") {
				t.Errorf("span %q: attribute %s=%q carries a credential", s.Name(), kv.Key, v)
			}
		}
	}
	return spans
}

func attrs(s sdktrace.ReadOnlySpan) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, kv := range s.Attributes() {
		m[kv.Key] = kv.Value
	}
	return m
}

// wantAttrs checks attributes by their printed value.
func wantAttrs(t *testing.T, s sdktrace.ReadOnlySpan, want map[string]string) {
	t.Helper()
	got := attrs(s)
	for k, v := range want {
		a, ok := got[attribute.Key(k)]
		switch {
		case !ok && v != "<none>":
			t.Errorf("span %q: no attribute %s", s.Name(), k)
		case ok && v == "<none>":
			t.Errorf("span %q: attribute %s=%s, want none", s.Name(), k, a.String())
		case ok && a.String() != v:
			t.Errorf("span %q: %s = %s, want %s", s.Name(), k, a.String(), v)
		}
	}
}

func (f *fixture) metrics(t *testing.T) map[string]metricdata.Aggregation {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := f.reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	out := map[string]metricdata.Aggregation{}
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name != otelopenrouter.ScopeName {
			t.Errorf("scope %q", sm.Scope.Name)
		}
		for _, m := range sm.Metrics {
			out[m.Name] = m.Data
		}
	}
	return out
}

func attrString(set attribute.Set) string {
	var b []string
	for _, kv := range set.ToSlice() {
		b = append(b, string(kv.Key)+"="+kv.Value.String())
	}
	return strings.Join(b, " ")
}

// points returns the histogram points of name as "attrs: count sum".
func points[N int64 | float64](t *testing.T, data map[string]metricdata.Aggregation, name string) []string {
	t.Helper()
	h, ok := data[name].(metricdata.Histogram[N])
	if !ok {
		if data[name] != nil {
			t.Fatalf("%s is a %T", name, data[name])
		}
		return nil
	}
	var out []string
	for _, p := range h.DataPoints {
		out = append(out, fmt.Sprintf("%s: %d %v", attrString(p.Attributes), p.Count, p.Sum))
	}
	return out
}

// fakeCost is the cost the fake server reports for p prompt and c
// completion tokens.
func fakeCost(p, c float64) string {
	return strconv.FormatFloat(p*0.000001+c*0.000002, 'g', -1, 64)
}

func chatRequest(text string) openrouter.ChatRequest {
	return openrouter.ChatRequest{Model: "openai/gpt-4o", Messages: []openrouter.ChatMessage{
		openrouter.SystemMessage("Be brief."), openrouter.UserText(text)}}
}

func TestChatSend(t *testing.T) {
	f := setup(t)
	f.srv.Enqueue(chatOp, openroutertest.ChatReply("Hello there"))
	if _, err := f.client.Chat.Send(context.Background(), chatRequest("a secret prompt")); err != nil {
		t.Fatal(err)
	}
	spans := f.ended(t)
	if len(spans) != 1 {
		t.Fatalf("%d spans", len(spans))
	}
	s := spans[0]
	if s.Name() != "chat openai/gpt-4o" || s.SpanKind() != trace.SpanKindClient || s.Status().Code != codes.Unset {
		t.Errorf("span %q kind %v status %v", s.Name(), s.SpanKind(), s.Status())
	}
	wantAttrs(t, s, map[string]string{
		"gen_ai.operation.name":                "chat",
		"gen_ai.provider.name":                 "openrouter",
		"gen_ai.request.model":                 "openai/gpt-4o",
		"gen_ai.response.model":                "openrouter/auto",
		"gen_ai.response.id":                   "gen-fake-scripted",
		"gen_ai.response.finish_reasons":       `["stop"]`,
		"gen_ai.usage.input_tokens":            "1",
		"gen_ai.usage.output_tokens":           "2",
		"gen_ai.usage.reasoning.output_tokens": "0",
		"gen_ai.usage.cache_read.input_tokens": "0",
		"openrouter.usage.cost":                fakeCost(1, 2),
		"openrouter.provider":                  "FakeProvider",
		"openrouter.operation":                 "Chat.Send",
		"openrouter.attempts":                  "1",
		"http.response.status_code":            "200",
		"server.address":                       "127.0.0.1",
		"server.port":                          strconv.Itoa(f.port),
		"error.type":                           "<none>",
		"gen_ai.input.messages":                "<none>",
		"gen_ai.output.messages":               "<none>",
	})
	for _, kv := range s.Attributes() {
		if strings.Contains(kv.Value.String(), "secret prompt") || strings.Contains(kv.Value.String(), "Hello there") {
			t.Errorf("content recorded without WithContent: %s", kv.Key)
		}
	}

	m := f.metrics(t)
	common := "gen_ai.operation.name=chat gen_ai.provider.name=openrouter gen_ai.request.model=openai/gpt-4o gen_ai.response.model=openrouter/auto server.address=127.0.0.1 server.port=" + strconv.Itoa(f.port)
	if got := points[float64](t, m, "gen_ai.client.operation.duration"); len(got) != 1 || !strings.HasPrefix(got[0], common+": 1 ") {
		t.Errorf("duration points %q", got)
	}
	tokens := points[int64](t, m, "gen_ai.client.token.usage")
	slices.Sort(tokens)
	typed := func(typ string) string {
		return strings.Replace(common, " server.address", " gen_ai.token.type="+typ+" server.address", 1)
	}
	if want := []string{typed("input") + ": 1 1", typed("output") + ": 1 2"}; !slices.Equal(tokens, want) {
		t.Errorf("token points:\n%q\nwant\n%q", tokens, want)
	}
	if got := points[float64](t, m, "openrouter.client.cost"); len(got) != 1 || got[0] != common+": 1 "+fakeCost(1, 2) {
		t.Errorf("cost points %q", got)
	}
	if got := points[float64](t, m, "gen_ai.client.operation.time_to_first_chunk"); len(got) != 0 {
		t.Errorf("time to first chunk recorded for a call that does not stream: %q", got)
	}
}

func TestContent(t *testing.T) {
	f := setup(t, otelopenrouter.WithContent())
	f.srv.Enqueue(chatOp, openroutertest.ChatReply("Hello there"))
	if _, err := f.client.Chat.Send(context.Background(), chatRequest("a secret prompt")); err != nil {
		t.Fatal(err)
	}
	s := f.ended(t)[0]
	wantAttrs(t, s, map[string]string{
		"gen_ai.input.messages":  `[{"role":"system","parts":[{"type":"text","content":"Be brief."}]},{"role":"user","parts":[{"type":"text","content":"a secret prompt"}]}]`,
		"gen_ai.output.messages": `[{"role":"assistant","parts":[{"type":"text","content":"Hello there"}],"finish_reason":"stop"}]`,
	})
}

func TestStream(t *testing.T) {
	f := setup(t, otelopenrouter.WithContent())
	f.srv.Enqueue(chatOp, openroutertest.ChatStream("Hello ", "world"))
	stream, err := f.client.Chat.Stream(context.Background(), chatRequest("hi"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.spans.Ended()); n != 0 {
		t.Fatalf("%d spans ended before the stream did", n)
	}
	for _, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
	}
	spans := f.ended(t)
	if len(spans) != 1 {
		t.Fatalf("%d spans after the stream", len(spans))
	}
	s := spans[0]
	wantAttrs(t, s, map[string]string{
		"gen_ai.operation.name":          "chat",
		"gen_ai.request.model":           "openai/gpt-4o",
		"gen_ai.response.model":          "openrouter/auto",
		"gen_ai.response.id":             "gen-fake-scripted",
		"gen_ai.response.finish_reasons": `["stop"]`,
		"gen_ai.usage.input_tokens":      "1",
		"gen_ai.usage.output_tokens":     "2",
		"openrouter.usage.cost":          fakeCost(1, 2),
		"openrouter.provider":            "FakeProvider",
		"openrouter.operation":           "Chat.Stream",
		"openrouter.stream.events":       "4",
		"gen_ai.output.messages":         `[{"role":"assistant","parts":[{"type":"text","content":"Hello world"}],"finish_reason":"stop"}]`,
	})
	ttfc := attrs(s)["gen_ai.response.time_to_first_chunk"].AsFloat64()
	if total := s.EndTime().Sub(s.StartTime()).Seconds(); ttfc <= 0 || ttfc > total {
		t.Errorf("time to first chunk %v, span %v", ttfc, total)
	}
	m := f.metrics(t)
	if got := points[float64](t, m, "gen_ai.client.operation.time_to_first_chunk"); len(got) != 1 {
		t.Errorf("time to first chunk points %q", got)
	}
	if got := points[int64](t, m, "gen_ai.client.token.usage"); len(got) != 2 {
		t.Errorf("token points %q", got)
	}
}

func TestStreamClosedEarly(t *testing.T) {
	f := setup(t)
	f.srv.Enqueue(chatOp, openroutertest.ChatStream("a ", "b ", "c"))
	stream, err := f.client.Chat.Stream(context.Background(), chatRequest("hi"))
	if err != nil {
		t.Fatal(err)
	}
	stream.Close()
	spans := f.ended(t)
	if len(spans) != 1 || spans[0].Status().Code == codes.Error {
		t.Fatalf("spans %v", spans)
	}
	wantAttrs(t, spans[0], map[string]string{"openrouter.stream.events": "1", "gen_ai.usage.input_tokens": "<none>"})
}

func TestRetried(t *testing.T) {
	f := setup(t)
	f.srv.Enqueue(chatOp, openroutertest.ErrorResponse(http.StatusServiceUnavailable, "overloaded"))
	f.srv.Enqueue(chatOp, openroutertest.ChatReply("ok"))
	if _, err := f.client.Chat.Send(context.Background(), chatRequest("hi")); err != nil {
		t.Fatal(err)
	}
	s := f.ended(t)[0]
	wantAttrs(t, s, map[string]string{"openrouter.attempts": "2", "http.response.status_code": "200", "error.type": "<none>"})
	evs := s.Events()
	if len(evs) != 1 || evs[0].Name != "openrouter.retry" {
		t.Fatalf("events %+v", evs)
	}
	ev := map[attribute.Key]attribute.Value{}
	for _, kv := range evs[0].Attributes {
		ev[kv.Key] = kv.Value
	}
	if ev["openrouter.attempt"].AsInt64() != 1 || ev["http.response.status_code"].AsInt64() != 503 ||
		ev["error.type"].AsString() != "503" || ev["openrouter.retry.delay"].AsFloat64() <= 0 {
		t.Errorf("retry event %v", evs[0].Attributes)
	}
}

func TestError(t *testing.T) {
	f := setup(t)
	f.srv.Enqueue(chatOp, openroutertest.ErrorResponse(http.StatusPaymentRequired, "no credits"))
	_, err := f.client.Chat.Send(context.Background(), chatRequest("hi"))
	if !errors.Is(err, openrouter.ErrInsufficientCredits) {
		t.Fatalf("error %v", err)
	}
	s := f.ended(t)[0]
	if s.Status().Code != codes.Error || !strings.Contains(s.Status().Description, "no credits") {
		t.Errorf("status %+v", s.Status())
	}
	wantAttrs(t, s, map[string]string{"error.type": "402", "http.response.status_code": "402", "gen_ai.response.model": "<none>", "gen_ai.usage.input_tokens": "<none>"})
	m := f.metrics(t)
	if got := points[float64](t, m, "gen_ai.client.operation.duration"); len(got) != 1 || !strings.Contains(got[0], "error.type=402") {
		t.Errorf("duration points %q", got)
	}
	if got := points[int64](t, m, "gen_ai.client.token.usage"); len(got) != 0 {
		t.Errorf("token points for a failed call: %q", got)
	}
}

func TestOtherCalls(t *testing.T) {
	f := setup(t)
	if _, err := f.client.Models.List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	s := f.ended(t)[0]
	if s.Name() != "openrouter Models.List" {
		t.Errorf("span %q", s.Name())
	}
	wantAttrs(t, s, map[string]string{"openrouter.operation": "Models.List", "gen_ai.operation.name": "<none>", "server.address": "127.0.0.1"})
	if m := f.metrics(t); len(m) != 0 {
		t.Errorf("metrics for a call that runs no model: %v", m)
	}
}

func TestRunTools(t *testing.T) {
	f := setup(t, otelopenrouter.WithContent())
	f.srv.Enqueue(chatOp, openroutertest.ChatToolCalls(
		openroutertest.ToolCall{ID: "call_a", Name: "get_weather", Arguments: `{"city":"Paris"}`},
		openroutertest.ToolCall{ID: "call_b", Name: "get_weather", Arguments: `{"city":"Atlantis"}`}))
	f.srv.Enqueue(chatOp, openroutertest.ChatReply("Sunny in Paris."))
	weather, err := openrouter.NewToolHandler("get_weather", "Weather of a city", func(ctx context.Context, in struct {
		City string `json:"city"`
	}) (string, error) {
		if !trace.SpanContextFromContext(ctx).IsValid() {
			t.Error("the handler's context has no span")
		}
		if in.City == "Atlantis" {
			return "", errors.New("no such city")
		}
		return "sunny", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := openrouter.RunTools(context.Background(), f.client, chatRequest("Weather?"), []*openrouter.ToolHandler{weather})
	if err != nil || res.Steps != 2 {
		t.Fatalf("RunTools: %v %+v", err, res)
	}
	spans := f.ended(t)
	byName := map[string][]sdktrace.ReadOnlySpan{}
	for _, s := range spans {
		byName[s.Name()] = append(byName[s.Name()], s)
	}
	run, chats, tools := byName["invoke_agent"], byName["chat openai/gpt-4o"], byName["execute_tool get_weather"]
	if len(spans) != 5 || len(run) != 1 || len(chats) != 2 || len(tools) != 2 {
		t.Fatalf("spans: %v", byName)
	}
	parent := run[0].SpanContext().SpanID()
	for _, s := range append(chats, tools...) {
		if s.Parent().SpanID() != parent {
			t.Errorf("span %q is not a child of the run", s.Name())
		}
	}
	wantAttrs(t, run[0], map[string]string{"gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "openai/gpt-4o",
		"openrouter.run.steps": "2", "gen_ai.response.model": "openrouter/auto", "error.type": "<none>"})
	wantAttrs(t, tools[0], map[string]string{"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "get_weather",
		"gen_ai.tool.call.id": "call_a", "gen_ai.tool.type": "function", "gen_ai.tool.call.arguments": `{"city":"Paris"}`,
		"gen_ai.tool.call.result": "sunny", "error.type": "<none>"})
	wantAttrs(t, tools[1], map[string]string{"gen_ai.tool.call.id": "call_b", "error.type": "tool_error", "gen_ai.tool.call.result": "<none>"})
	if tools[1].Status().Code != codes.Error || !strings.Contains(tools[1].Status().Description, "no such city") {
		t.Errorf("failed tool status %+v", tools[1].Status())
	}
	if in := attrs(chats[1])["gen_ai.input.messages"].AsString(); !strings.Contains(in, `"type":"tool_call_response","id":"call_a","response":"sunny"`) ||
		!strings.Contains(in, `"type":"tool_call","id":"call_b","name":"get_weather","arguments":{"city":"Atlantis"}`) {
		t.Errorf("second step's input messages: %s", in)
	}
}

func TestRunToolsWithoutContent(t *testing.T) {
	f := setup(t)
	f.srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_a", Name: "lookup", Arguments: `{"q":"private"}`}))
	f.srv.Enqueue(chatOp, openroutertest.ChatReply("done"))
	h, err := openrouter.NewRawToolHandler("lookup", "Look up", map[string]any{"type": "object"}, func(context.Context, json.RawMessage) (string, error) {
		return "private result", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := openrouter.RunTools(context.Background(), f.client, chatRequest("q"), []*openrouter.ToolHandler{h}); err != nil {
		t.Fatal(err)
	}
	for _, s := range f.ended(t) {
		for _, kv := range s.Attributes() {
			if strings.Contains(kv.Value.String(), "private") {
				t.Errorf("span %q records content without WithContent: %s", s.Name(), kv.Key)
			}
		}
	}
}

func TestRunToolsParallelStopped(t *testing.T) {
	f := setup(t)
	f.srv.Enqueue(chatOp, openroutertest.ChatToolCalls(
		openroutertest.ToolCall{ID: "call_a", Name: "t", Arguments: `{"i":1}`},
		openroutertest.ToolCall{ID: "call_b", Name: "t", Arguments: `{"i":2}`}))
	h, err := openrouter.NewRawToolHandler("t", "", nil, func(ctx context.Context, args json.RawMessage) (string, error) {
		if string(args) == `{"i":2}` {
			panic("boom")
		}
		return "ok", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := openrouter.RunTools(context.Background(), f.client, chatRequest("q"), []*openrouter.ToolHandler{h},
		openrouter.WithToolConcurrency(2), openrouter.WithStopWhen(openrouter.StopAfterSteps(1)))
	if err != nil || !res.Stopped || res.Steps != 2 {
		t.Fatalf("RunTools: %v %+v", err, res)
	}
	byName := map[string][]sdktrace.ReadOnlySpan{}
	for _, s := range f.ended(t) {
		byName[s.Name()] = append(byName[s.Name()], s)
	}
	run, tools := byName["invoke_agent"], byName["execute_tool t"]
	if len(run) != 1 || len(tools) != 2 {
		t.Fatalf("spans: %v", byName)
	}
	wantAttrs(t, run[0], map[string]string{"openrouter.run.steps": "2", "openrouter.run.stopped": "true"})
	for _, s := range tools {
		if s.Parent().SpanID() != run[0].SpanContext().SpanID() {
			t.Errorf("tool span %v is not a child of the run", attrs(s)["gen_ai.tool.call.id"])
		}
		if attrs(s)["gen_ai.tool.call.id"].AsString() == "call_b" && attrs(s)["error.type"].AsString() != "tool_panic" {
			t.Errorf("panicking call's error.type = %v", attrs(s)["error.type"])
		}
	}
}

func TestRunToolsPausedForApprovalIsNotAnError(t *testing.T) {
	f := setup(t)
	f.srv.Enqueue(chatOp, openroutertest.ChatToolCalls(
		openroutertest.ToolCall{ID: "call_a", Name: "t", Arguments: `{"i":1}`},
		openroutertest.ToolCall{ID: "call_b", Name: "t", Arguments: `{"i":2}`}))
	h, err := openrouter.NewRawToolHandler("t", "", nil, func(ctx context.Context, args json.RawMessage) (string, error) { return "ok", nil })
	if err != nil {
		t.Fatal(err)
	}
	res, err := openrouter.RunTools(context.Background(), f.client, chatRequest("q"), []*openrouter.ToolHandler{h},
		openrouter.WithApproval(func(openrouter.ToolCall) bool { return true }))
	if !errors.Is(err, openrouter.ErrApprovalRequired) || len(res.Pending) != 2 {
		t.Fatalf("RunTools: %v, pending %+v", err, res.Pending)
	}
	var run []sdktrace.ReadOnlySpan
	for _, s := range f.ended(t) {
		if s.Name() == "invoke_agent" {
			run = append(run, s)
		}
	}
	if len(run) != 1 {
		t.Fatalf("%d run spans", len(run))
	}
	wantAttrs(t, run[0], map[string]string{"openrouter.run.pending_approvals": "2", "error.type": "<none>"})
	if run[0].Status().Code == codes.Error {
		t.Errorf("a paused run's span has status %+v", run[0].Status())
	}
}
