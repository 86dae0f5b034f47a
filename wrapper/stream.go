package openrouter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopenrouter/openrouter/wrapper/internal/sse"
)

// ErrStreamTruncated is matched (errors.Is) by the error of a stream whose
// body ended, cleanly or by a reset, before its end marker: OpenRouter's
// closing `data: [DONE]`, or the message_stop event of
// [MessagesService.Stream]. The events delivered before it are complete;
// the answer is not.
var ErrStreamTruncated = errors.New("openrouter: stream ended before its end marker")

// ErrStreamIdleTimeout is matched by the error of a stream that received no
// bytes for the idle timeout (see [WithStreamIdleTimeout]).
var ErrStreamIdleTimeout = errors.New("openrouter: stream idle timeout")

// Stream reads the events of a streaming response one at a time, in the
// caller's goroutine: no goroutines or channels are involved. Use Next and
// Current in a loop and check Err after it, or range over All:
//
//	stream, err := client.Chat.Stream(ctx, req)
//	if err != nil {
//		return err
//	}
//	defer stream.Close()
//	for stream.Next() {
//		chunk := stream.Current()
//		...
//	}
//	if err := stream.Err(); err != nil {
//		return err
//	}
//
// A stream ends cleanly at `data: [DONE]` (a Messages.Stream also right
// after its message_stop event). It ends with an error when
// OpenRouter sends an error event (an [*APIError]), when the body ends
// early ([ErrStreamTruncated]), when an event is not valid JSON, when no
// bytes arrive for the idle timeout ([ErrStreamIdleTimeout]), or when ctx
// ends. Nothing is retried once the stream has started.
type Stream[T any] struct {
	op     string
	resp   *http.Response
	body   *idleBody
	dec    *sse.Decoder
	decode func(data []byte, dst *T) error

	cur      T
	err      error
	finished bool
	events   int

	// isEnd, when set, reports the last event of a protocol without
	// [DONE] (Anthropic's message_stop): the stream ends cleanly after it.
	isEnd  func(*T) bool
	sawEnd bool

	closeOnce sync.Once
	closeErr  error
}

// newStream starts reading resp, a 2xx response of the call cl.
func newStream[T any](cl *call, resp *http.Response, decode func([]byte, *T) error) (*Stream[T], error) {
	if ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); ct != "" && ct != "text/event-stream" {
		// A JSON body instead of a stream: an error or a misbehaving proxy.
		e := newAPIError(cl.op, resp)
		if e.Code != 0 {
			return nil, e
		}
		return nil, fmt.Errorf("openrouter: %s: expected text/event-stream, got %s: %s", cl.op, ct, e.Message)
	}
	s := &Stream[T]{op: cl.op, resp: resp, decode: decode}
	s.body = newIdleBody(resp.Body, cl.cfg.streamIdleTimeout)
	s.dec = sse.NewDecoder(s.body)
	return s, nil
}

// Next advances to the next event, which Current then returns. It returns
// false when the stream has ended, cleanly or not; Err tells which.
func (s *Stream[T]) Next() bool {
	if s.finished {
		return false
	}
	if s.sawEnd {
		s.finish(nil)
		return false
	}
	if !s.dec.Next() {
		s.end(s.endError(s.dec.Err()))
		return false
	}
	data := s.dec.Event().Data
	if bytes.Equal(data, doneMarker) {
		s.end(nil)
		return false
	}
	var zero T
	s.cur = zero
	if err := s.decode(data, &s.cur); err != nil {
		s.cur = zero
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			apiErr.Operation = s.op
			apiErr.Header = s.resp.Header
			if apiErr.RequestID == "" {
				apiErr.RequestID = requestID(s.resp.Header)
			}
			s.end(apiErr)
		} else {
			s.end(fmt.Errorf("openrouter: %s: event %d is not a valid event: %w (data: %s)", s.op, s.events+1, err, snippet(data)))
		}
		return false
	}
	s.events++
	s.sawEnd = s.isEnd != nil && s.isEnd(&s.cur)
	return true
}

// end finishes the stream from Next and recycles the decoder's buffer:
// nothing refers to it any more (events are decoded into copies).
func (s *Stream[T]) end(err error) {
	s.finish(err)
	s.dec.Release()
}

var doneMarker = []byte("[DONE]")

// endError explains why the body ended without [DONE].
func (s *Stream[T]) endError(err error) error {
	ctxErr := s.resp.Request.Context().Err()
	switch {
	case s.body.timedOut.Load():
		return fmt.Errorf("openrouter: %s: %w: no data for %v after %d events", s.op, ErrStreamIdleTimeout, s.body.timeout, s.events)
	case errors.Is(err, sse.ErrEventTooLarge):
		return fmt.Errorf("openrouter: %s: %w", s.op, err)
	case ctxErr != nil && err != nil:
		return fmt.Errorf("openrouter: %s: stream interrupted after %d events: %w", s.op, s.events, context.Cause(s.resp.Request.Context()))
	case err == nil || errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("openrouter: %s: %w (after %d events)", s.op, ErrStreamTruncated, s.events)
	default:
		return fmt.Errorf("openrouter: %s: %w (after %d events): %w", s.op, ErrStreamTruncated, s.events, err)
	}
}

// Current returns the event Next advanced to.
func (s *Stream[T]) Current() T { return s.cur }

// Err returns the error that ended the stream, or nil if it ended at
// [DONE] or has not ended.
func (s *Stream[T]) Err() error { return s.err }

// Header returns the response headers, such as X-Generation-Id and rate
// limits.
func (s *Stream[T]) Header() http.Header { return s.resp.Header }

// Close releases the connection. It is safe to call more than once and
// after the stream ended; later calls return the first call's result.
// Closing early discards a bounded remainder of the body so the connection
// can be reused, or else drops it.
//
// A Stream belongs to one goroutine: do not call Close while Next runs in
// another. To stop a stream from elsewhere, cancel the context given to
// the call that opened it; the blocked Next then returns false.
func (s *Stream[T]) Close() error {
	if !s.finished {
		s.finish(nil)
	}
	s.closeOnce.Do(func() {
		s.closeErr = s.body.release()
	})
	return s.closeErr
}

func (s *Stream[T]) finish(err error) {
	s.finished = true
	s.err = err
	s.closeOnce.Do(func() {
		s.closeErr = s.body.release()
	})
}

// All returns an iterator over the events for a range loop; it closes the
// stream when the loop ends, including on break. An event is never yielded
// together with an error: a failure comes as a final (zero, err) pair.
//
//	for chunk, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		...
//	}
func (s *Stream[T]) All() iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		defer s.Close()
		for s.Next() {
			if !yield(s.cur, nil) {
				return
			}
		}
		if err := s.Err(); err != nil {
			var zero T
			yield(zero, err)
		}
	}
}

// idleBody wraps a response body: it fails a read that waits longer than
// timeout for data by aborting the request, and on release drains a
// bounded remainder. Only the time spent waiting inside Read counts, so a
// caller that takes long over each event never trips it.
type idleBody struct {
	rc       io.ReadCloser
	abort    func()
	timeout  time.Duration
	timer    *time.Timer
	timedOut atomic.Bool
}

// drainLimit and drainTime bound the work of an early Close.
const (
	drainLimit = 1 << 20
	drainTime  = 250 * time.Millisecond
)

func newIdleBody(rc io.ReadCloser, timeout time.Duration) *idleBody {
	b := &idleBody{rc: rc, timeout: timeout, abort: func() {}}
	if c, ok := rc.(*cancelOnClose); ok {
		b.abort = c.cancel
	}
	if timeout > 0 {
		b.timer = time.AfterFunc(timeout, func() {
			b.timedOut.Store(true)
			b.abort()
		})
		b.timer.Stop() // armed by each Read
	}
	return b
}

func (b *idleBody) Read(p []byte) (int, error) {
	if b.timer == nil {
		return b.rc.Read(p)
	}
	if !b.timedOut.Load() {
		b.timer.Reset(b.timeout)
	}
	n, err := b.rc.Read(p)
	b.timer.Stop()
	return n, err
}

// release stops the idle timer, drains what is left within bounds and
// closes the body.
func (b *idleBody) release() error {
	if b.timer != nil {
		b.timer.Stop()
	}
	stop := time.AfterFunc(drainTime, b.abort)
	_, _ = io.Copy(io.Discard, io.LimitReader(b.rc, drainLimit))
	stop.Stop()
	return b.rc.Close()
}

var errorKey = []byte(`"error"`)

// decodeChunk decodes a chat or completion chunk; a chunk with a top-level
// error object becomes an *APIError. The probe for the key is a cheap scan:
// inside JSON strings the quotes of "error" would be escaped.
func decodeChunk[T any](data []byte, dst *T) error {
	if err := chunkError(data); err != nil {
		return err
	}
	return unmarshal(data, dst)
}

// chunkError returns the *APIError of a chunk that carries a top-level
// error object, else nil.
func chunkError(data []byte) error {
	if !bytes.Contains(data, errorKey) {
		return nil
	}
	e := new(APIError)
	if !fillFromBody(e, data) {
		return nil
	}
	e.Body = bytes.Clone(data)
	if e.Code >= 400 && e.Code <= 599 {
		e.StatusCode = e.Code
	}
	return e
}

// decodeResponsesEvent decodes a Responses API event; an event of type
// "error" becomes an *APIError.
func decodeResponsesEvent(data []byte, dst *ResponsesStreamEvent) error {
	if err := unmarshal(data, dst); err != nil {
		return err
	}
	if kind, _ := dst.Discriminator(); kind != "error" {
		return nil
	}
	var ev struct {
		Code    json.RawMessage `json:"code"`
		Message string          `json:"message"`
		Param   *string         `json:"param"`
	}
	if err := json.Unmarshal(data, &ev); err != nil {
		return err
	}
	e := &APIError{Code: parseCode(ev.Code), Message: ev.Message, Body: append([]byte(nil), data...)}
	if e.Code == 0 && len(ev.Code) > 0 {
		var s string
		if json.Unmarshal(ev.Code, &s) == nil && s != "" {
			e.Metadata = map[string]any{"code": s}
			e.Message = s + ": " + e.Message
		}
	}
	if ev.Param != nil {
		if e.Metadata == nil {
			e.Metadata = map[string]any{}
		}
		e.Metadata["param"] = *ev.Param
	}
	return e
}

// Stream creates a chat completion and returns its chunks as they are
// generated. It calls POST /chat/completions with stream set to true.
// Errors before the first chunk are returned here (and retried as for
// Send); errors after it end the stream: see [Stream]. Fold the chunks into
// a response with a [ChatAccumulator].
func (s *ChatService) Stream(ctx context.Context, req ChatRequest, opts ...Option) (*Stream[ChatChunk], error) {
	req.Stream = &streamTrue
	return doStream(ctx, s.c, "Chat.Stream", opts, decodeChunk[ChatChunk], func(ctx context.Context) (*http.Response, error) {
		return s.c.gen.SendChatCompletionRequest(ctx, nil, req)
	})
}

var streamTrue = true

// Stream creates a text completion and returns its chunks as they are
// generated. It calls POST /completions with stream set to true.
func (s *CompletionsService) Stream(ctx context.Context, req CompletionRequest, opts ...Option) (*Stream[CompletionChunk], error) {
	req.Stream = &streamTrue
	return doStream(ctx, s.c, "Completions.Stream", opts, decodeChunk[CompletionChunk], func(ctx context.Context) (*http.Response, error) {
		return s.c.gen.CreateCompletions(ctx, req)
	})
}

// Stream creates a response and returns its typed events (response.created,
// response.output_text.delta, ..., response.completed) as they happen. It
// calls POST /responses with stream set to true. An "error" event ends the
// stream with an [*APIError].
func (s *ResponsesService) Stream(ctx context.Context, req ResponsesRequest, opts ...Option) (*Stream[ResponsesStreamEvent], error) {
	req.Stream = &streamTrue
	return doStream(ctx, s.c, "Beta.Responses.Stream", opts, decodeResponsesEvent, func(ctx context.Context) (*http.Response, error) {
		return s.c.gen.CreateResponses(ctx, nil, req)
	})
}

// doStream sends a streaming request and returns its events as a Stream.
// Errors before the first event (statuses, connection failures) are
// retried like any call; nothing is retried after.
func doStream[T any](ctx context.Context, c *Client, op string, opts []Option, decode func([]byte, *T) error, fn func(context.Context) (*http.Response, error)) (*Stream[T], error) {
	cl, err := c.newCall(op, true, opts)
	if err != nil {
		return nil, err
	}
	cl.accept = "text/event-stream"
	resp, err := cl.send(ctx, fn)
	if err != nil {
		return nil, err
	}
	return newStream(cl, resp, decode)
}
