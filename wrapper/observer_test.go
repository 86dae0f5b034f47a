package openrouter_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// eventLog is an Observer that writes one line per event, and checks that
// every event of a call sees the context CallStart returned.
type eventLog struct {
	mu    sync.Mutex
	lines []string
	t     *testing.T
}

type obsKey struct{}

func (l *eventLog) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *eventLog) check(ctx context.Context, want string) {
	if got, _ := ctx.Value(obsKey{}).(string); got != want {
		l.t.Errorf("event context carries %q, want %q", got, want)
	}
}

func (l *eventLog) observer() openrouter.Observer {
	errText := func(err error) string {
		if err == nil {
			return "ok"
		}
		var apiErr *openrouter.APIError
		if errors.As(err, &apiErr) {
			return fmt.Sprintf("status %d", apiErr.StatusCode)
		}
		return "error"
	}
	return openrouter.Observer{
		CallStart: func(ctx context.Context, i openrouter.CallStartInfo) context.Context {
			l.add("start %s stream=%v %s %s model=%s body=%v", i.Operation, i.Stream, i.Method, i.ServerAddress, i.RequestModel, len(i.RequestBody) > 0)
			if i.ServerPort == 0 {
				l.t.Error("no server port")
			}
			return context.WithValue(ctx, obsKey{}, "call")
		},
		AttemptEnd: func(ctx context.Context, i openrouter.AttemptInfo) {
			l.check(ctx, "call")
			l.add("attempt %d status %d err=%v", i.Attempt, i.StatusCode, i.Err != nil)
		},
		Retry: func(ctx context.Context, i openrouter.RetryInfo) {
			l.check(ctx, "call")
			l.add("retry after %d (%s) delay>0=%v", i.Attempt, errText(i.Err), i.Delay > 0)
		},
		StreamEvent: func(ctx context.Context, i openrouter.StreamEventInfo) {
			l.check(ctx, "call")
			if c, ok := i.Event.(*openrouter.ChatChunk); ok && i.N == 1 {
				l.add("event 1 model=%s", c.Model)
			}
		},
		CallEnd: func(ctx context.Context, i openrouter.CallEndInfo) {
			l.check(ctx, "call")
			res := "nil"
			if r, ok := i.Result.(*openrouter.ChatResponse); ok {
				res = fmt.Sprintf("chat %q", r.Text())
			}
			l.add("end %s attempts=%d %s result=%s events=%d", i.Operation, i.Attempts, errText(i.Err), res, i.Events)
		},
		RunStart: func(ctx context.Context, i openrouter.RunStartInfo) context.Context {
			l.add("run %s tools=%v", i.Model, i.Tools)
			return context.WithValue(ctx, obsKey{}, "run")
		},
		RunEnd: func(ctx context.Context, i openrouter.RunEndInfo) {
			l.check(ctx, "run")
			l.add("run end steps=%d %s", i.Result.Steps, errText(i.Err))
		},
		ToolCallStart: func(ctx context.Context, i openrouter.ToolCallInfo) context.Context {
			l.check(ctx, "run")
			l.add("tool %s %s %s", i.Name, i.CallID, i.Arguments)
			return context.WithValue(ctx, obsKey{}, "tool")
		},
		ToolCallEnd: func(ctx context.Context, i openrouter.ToolCallInfo) {
			l.check(ctx, "tool")
			l.add("tool end %s %q err=%v", i.Name, i.Result, i.Err != nil)
		},
	}
}

func (l *eventLog) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := strings.Join(l.lines, "\n")
	l.lines = nil
	return s
}

func observed(t *testing.T, opts ...openrouter.Option) (*openroutertest.Server, *openrouter.Client, *eventLog) {
	t.Helper()
	log := &eventLog{t: t}
	srv := openroutertest.NewServer(t)
	client, err := srv.Client(append([]openrouter.Option{openrouter.WithObserver(log.observer())}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return srv, client, log
}

func wantEvents(t *testing.T, log *eventLog, want ...string) {
	t.Helper()
	if got := log.take(); got != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestObserverChatRetried(t *testing.T) {
	srv, client, log := observed(t)
	srv.Enqueue(chatOp, openroutertest.ErrorResponse(http.StatusServiceUnavailable, "overloaded"))
	srv.Enqueue(chatOp, openroutertest.ChatReply("Hi"))
	if _, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{Model: "openai/gpt-4o", Messages: []openrouter.ChatMessage{openrouter.UserText("Hello")}}); err != nil {
		t.Fatal(err)
	}
	wantEvents(t, log,
		"start Chat.Send stream=false POST 127.0.0.1 model=openai/gpt-4o body=true",
		"attempt 1 status 503 err=false",
		"retry after 1 (status 503) delay>0=true",
		"attempt 2 status 200 err=false",
		`end Chat.Send attempts=2 ok result=chat "Hi" events=0`)
}

func TestObserverError(t *testing.T) {
	srv, client, log := observed(t, openrouter.WithMaxRetries(0))
	srv.Enqueue(chatOp, openroutertest.ErrorResponse(http.StatusBadRequest, "bad model"))
	if _, err := client.Chat.Send(context.Background(), openrouter.ChatRequest{Model: "nope/nope", Messages: []openrouter.ChatMessage{openrouter.UserText("Hello")}}); err == nil {
		t.Fatal("no error")
	}
	wantEvents(t, log,
		"start Chat.Send stream=false POST 127.0.0.1 model=nope/nope body=true",
		"attempt 1 status 400 err=false",
		"end Chat.Send attempts=1 status 400 result=nil events=0")

	// A call that cannot start has no events.
	noKey, err := openrouter.NewClient(openrouter.WithBaseURL(srv.URL()), openrouter.WithObserver(log.observer()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := noKey.Chat.Send(context.Background(), openrouter.ChatRequest{Model: "m"}); !errors.Is(err, openrouter.ErrMissingAPIKey) {
		t.Fatalf("error %v", err)
	}
	wantEvents(t, log)
}

func TestObserverStream(t *testing.T) {
	srv, client, log := observed(t)
	srv.Enqueue(chatOp, openroutertest.ChatStream("Hello ", "there"))
	stream, err := client.Chat.Stream(context.Background(), openrouter.ChatRequest{Model: "openai/gpt-4o", Messages: []openrouter.ChatMessage{openrouter.UserText("Hi")}})
	if err != nil {
		t.Fatal(err)
	}
	wantEvents(t, log,
		"start Chat.Stream stream=true POST 127.0.0.1 model=openai/gpt-4o body=true",
		"attempt 1 status 200 err=false",
		"event 1 model=openrouter/auto")
	for range stream.All() {
	}
	// 2 content chunks, the finish chunk and the usage chunk.
	wantEvents(t, log, "end Chat.Stream attempts=1 ok result=nil events=4")
	if err := stream.Close(); err != nil {
		t.Fatal(err)
	}
	wantEvents(t, log) // once only

	// A stream closed early ends the call too.
	srv.Enqueue(chatOp, openroutertest.ChatStream("a ", "b ", "c"))
	stream, err = client.Chat.Stream(context.Background(), openrouter.ChatRequest{Model: "m/m", Messages: []openrouter.ChatMessage{openrouter.UserText("Hi")}})
	if err != nil {
		t.Fatal(err)
	}
	stream.Close()
	got := log.take()
	if !strings.HasSuffix(got, "end Chat.Stream attempts=1 ok result=nil events=1") {
		t.Errorf("events of a closed stream:\n%s", got)
	}
}

func TestObserverRunTools(t *testing.T) {
	srv, client, log := observed(t, openrouter.WithMaxRetries(0))
	srv.Enqueue(chatOp, openroutertest.ChatToolCalls(openroutertest.ToolCall{ID: "call_1", Name: "get_weather", Arguments: `{"city":"Paris"}`}))
	srv.Enqueue(chatOp, openroutertest.ChatReply("Sunny."))
	var cities []string
	res, err := openrouter.RunTools(context.Background(), client, weatherRequest(), []*openrouter.ToolHandler{weatherTool(t, &cities, nil)})
	if err != nil || res.Steps != 2 {
		t.Fatalf("RunTools: %v, %+v", err, res)
	}
	got := log.take()
	for _, want := range []string{
		"run openai/gpt-4o-mini tools=[get_weather]",
		"start Chat.Send stream=false POST 127.0.0.1 model=openai/gpt-4o-mini body=true",
		`tool get_weather call_1 {"city":"Paris"}`,
		`tool end get_weather "{\"city\":\"Paris\",\"temp_c\":21}" err=false`,
		`end Chat.Send attempts=1 ok result=chat "Sunny." events=0`,
		"run end steps=2 ok",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if !strings.HasPrefix(got, "run ") || !strings.HasSuffix(got, "run end steps=2 ok") {
		t.Errorf("the run's events do not enclose the others:\n%s", got)
	}
}

// TestObserverPerCall checks that an observer given to one call sees
// that call only, and leaves the client's observers alone.
func TestObserverPerCall(t *testing.T) {
	srv, client, log := observed(t)
	other := &eventLog{t: t}
	req := openrouter.ChatRequest{Model: "m/m", Messages: []openrouter.ChatMessage{openrouter.UserText("Hi")}}
	if _, err := client.Chat.Send(context.Background(), req, openrouter.WithObserver(other.observer())); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Chat.Send(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(log.take(), "start "); n != 2 {
		t.Errorf("the client's observer saw %d calls, want 2", n)
	}
	if n := strings.Count(other.take(), "start "); n != 1 {
		t.Errorf("the call's observer saw %d calls, want 1", n)
	}
	_ = srv
}
