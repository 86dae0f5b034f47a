package openrouter

import (
	"bytes"
	"context"
	"errors"
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
	op   string
	resp *http.Response
	body *idleBody
	dec  *sse.Decoder
	kind streamKind[T]

	cur      T
	raw      []byte // cur's JSON data, in the decoder's buffer (or a copy)
	err      error
	finished bool
	events   int
	sawEnd   bool

	// pending holds the events read before the stream was handed to the
	// caller (see prefetch); Next delivers them first.
	pending    []T
	pendingRaw [][]byte // the JSON data of each pending event, copied

	closeOnce sync.Once
	closeErr  error

	obs *observed // the call's observers, if any
}

// streamKind is what a stream of one API needs to know about its events.
type streamKind[T any] struct {
	// decode decodes one event; an error event becomes an *APIError.
	decode func(data []byte, dst *T) error
	// meaningful reports an event that carries output for the caller
	// (content, reasoning, a tool call, a finish). The stream is read up to
	// the first such event before it is handed over, so that an error
	// event before any output is retried like an HTTP error.
	meaningful func(*T) bool
	// isEnd, when set, reports the last event of a protocol without
	// [DONE] (Anthropic's message_stop): the stream ends cleanly after it.
	isEnd func(*T) bool
}

// maxPrefetch bounds how many events are read ahead looking for the first
// meaningful one.
const maxPrefetch = 64

// newStream starts reading resp, a 2xx response of the call cl.
func newStream[T any](cl *call, resp *http.Response, kind streamKind[T]) (*Stream[T], error) {
	body := newIdleBody(resp.Body, cl.cfg.streamIdleTimeout)
	if ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); ct != "" && ct != "text/event-stream" {
		// A JSON body instead of a stream: an error or a misbehaving proxy.
		resp.Body = body
		e := newAPIError(cl.op, resp)
		if e.Code != 0 {
			return nil, e
		}
		return nil, errorf(cl.op, "expected text/event-stream, got %s: %s", ct, e.Message)
	}
	s := &Stream[T]{op: cl.op, resp: resp, kind: kind, body: body, obs: cl.obs}
	s.dec = sse.NewDecoder(s.body)
	return s, nil
}

// prefetch reads events until the first meaningful one, keeping them for
// Next. It returns the *APIError of an error event that came before any
// output; every other ending is left for Next to report.
func (s *Stream[T]) prefetch() error {
	// Until the caller's first Next, Current is the zero T and
	// CurrentJSON nil, as on any other stream.
	defer func() {
		var zero T
		s.cur, s.raw = zero, nil
	}()
	for len(s.pending) < maxPrefetch {
		if !s.advance() {
			var apiErr *APIError
			if errors.As(s.err, &apiErr) {
				return apiErr
			}
			return nil
		}
		s.pending = append(s.pending, s.cur)
		s.pendingRaw = append(s.pendingRaw, bytes.Clone(s.raw))
		if s.kind.meaningful == nil || s.kind.meaningful(&s.cur) {
			return nil
		}
	}
	return nil
}

// Next advances to the next event, which Current then returns. It returns
// false when the stream has ended, cleanly or not; Err tells which.
func (s *Stream[T]) Next() bool {
	if len(s.pending) > 0 {
		var zero T
		s.cur, s.raw = s.pending[0], s.pendingRaw[0]
		s.pending[0], s.pendingRaw[0] = zero, nil
		s.pending, s.pendingRaw = s.pending[1:], s.pendingRaw[1:]
		return true
	}
	return s.advance()
}

// advance reads and decodes the next event from the body.
func (s *Stream[T]) advance() bool {
	s.raw = nil // it points into the buffer the decoder reuses
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
		s.body.ended = true
		s.end(nil)
		return false
	}
	var zero T
	s.cur = zero
	if err := s.kind.decode(data, &s.cur); err != nil {
		s.cur, s.raw = zero, nil
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			apiErr.Operation = s.op
			apiErr.Header = s.resp.Header
			if apiErr.RequestID == "" {
				apiErr.RequestID = requestID(s.resp.Header)
			}
			s.end(apiErr)
		} else {
			s.end(errorf(s.op, "event %d is not a valid event: %w (data: %s)", s.events+1, err, snippet(data)))
		}
		return false
	}
	s.raw = data
	s.events++
	if s.obs != nil {
		s.obs.event(s.events, &s.cur)
	}
	s.sawEnd = s.kind.isEnd != nil && s.kind.isEnd(&s.cur)
	s.body.ended = s.body.ended || s.sawEnd
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
		return errorf(s.op, "%w: no data for %v after %d events", ErrStreamIdleTimeout, s.body.timeout, s.events)
	case errors.Is(err, sse.ErrEventTooLarge):
		return errorf(s.op, "%w", err)
	case ctxErr != nil && err != nil:
		return errorf(s.op, "stream interrupted after %d events: %w", s.events, context.Cause(s.resp.Request.Context()))
	case err == nil || errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(s.op, "%w (after %d events)", ErrStreamTruncated, s.events)
	default:
		return errorf(s.op, "%w (after %d events): %w", ErrStreamTruncated, s.events, err)
	}
}

// Current returns the event Next advanced to.
func (s *Stream[T]) Current() T { return s.cur }

// CurrentJSON returns a copy of the JSON data of the event Current
// returns, as the server sent it: fields and event kinds the SDK's types
// do not know are there, to read with encoding/json. It is nil before the
// first Next and once Next has returned false. It works the same for
// every stream (chat and completion chunks, Responses, Messages and
// Images events); [WithRawResponse] is its counterpart for a call's
// JSON result.
//
//	for chunk, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		var extra struct{ NewField string `json:"new_field"` }
//		if err := json.Unmarshal(stream.CurrentJSON(), &extra); err != nil {
//			return err
//		}
//		...
//	}
func (s *Stream[T]) CurrentJSON() []byte { return bytes.Clone(s.raw) }

// Err returns the error that ended the stream, or nil if it ended at
// [DONE] or has not ended.
func (s *Stream[T]) Err() error { return s.err }

// Header returns the response headers, such as X-Generation-Id and rate
// limits.
func (s *Stream[T]) Header() http.Header { return s.resp.Header }

// ErrStreamClosed is matched by the error that [Stream.All] yields on a
// stream that has already ended or been closed.
var ErrStreamClosed = errors.New("openrouter: stream already ended or closed")

// RateLimit reads the rate-limit headers of the response that opened the
// stream (see [RateLimitOf]).
func (s *Stream[T]) RateLimit() (RateLimit, bool) { return RateLimitOf(s.resp.Header) }

// Cache reports what OpenRouter's response cache did with the request
// that opened the stream (see [CacheInfoOf]); a cached stream replays the
// same chunks.
func (s *Stream[T]) Cache() (CacheInfo, bool) { return CacheInfoOf(s.resp.Header) }

// Close releases the connection. It is safe to call more than once and
// after the stream ended; later calls return the first call's result.
// It returns within 5 ms whatever the server does (25 ms once the
// stream has read its end marker, when the rest of the body is only its
// terminator): the connection is kept for reuse when the rest of the body
// arrives in that time, and is otherwise dropped.
//
// A Stream belongs to one goroutine: do not call Close while Next runs in
// another. To stop a stream from elsewhere, cancel the context given to
// the call that opened it; the blocked Next then returns false.
func (s *Stream[T]) Close() error {
	if !s.finished {
		s.finish(nil)
	}
	s.pending, s.pendingRaw = nil, nil
	s.closeOnce.Do(func() {
		s.closeErr = s.body.release()
	})
	return s.closeErr
}

func (s *Stream[T]) finish(err error) {
	s.finished = true
	s.err = err
	s.obs.streamEnd(err)
	s.closeOnce.Do(func() {
		s.closeErr = s.body.release()
	})
}

// All returns an iterator over the events for a range loop; it closes the
// stream when the loop ends, including on break. An event is never yielded
// together with an error: a failure (the stream's error, or failing to
// close it) comes as a final (zero, err) pair. On a stream that has
// already ended or been closed, All yields only an error matching
// [ErrStreamClosed].
//
//	for chunk, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		...
//	}
func (s *Stream[T]) All() iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if s.finished && len(s.pending) == 0 {
			_ = s.Close()
			yield(zero, errorf(s.op, "%w", ErrStreamClosed))
			return
		}
		for s.Next() {
			if !yield(s.cur, nil) {
				_ = s.Close()
				return
			}
		}
		err := s.Err()
		if cerr := s.Close(); err == nil && cerr != nil {
			err = errorf(s.op, "close stream: %w", cerr)
		}
		if err != nil {
			yield(zero, err)
		}
	}
}

// idleBody wraps a response body: it fails a read that waits longer than
// timeout for data by aborting the request. Only the time spent waiting
// inside Read counts, so a caller that takes long over each event never
// trips it.
type idleBody struct {
	rc       io.ReadCloser
	abort    func()
	timeout  time.Duration
	timer    *time.Timer
	timedOut atomic.Bool
	eof      bool
	// ended is set once the stream read its end marker: what is left of
	// the body is its terminator, on its way.
	ended bool
}

// drainLimit and drainWindow bound what Close reads of a body that has not
// ended, to keep the connection for reuse: only what comes at once.
// After the stream's end marker the server is ending the body, so the
// wait is longer (endWindow): long enough for a busy server or machine
// to send the last bytes, short enough that a server holding the
// connection open after [DONE] costs the caller little.
const (
	drainLimit  = 256 << 10
	drainWindow = 5 * time.Millisecond
	endWindow   = 25 * time.Millisecond
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
	var n int
	var err error
	if b.timer == nil {
		n, err = b.rc.Read(p)
	} else {
		if !b.timedOut.Load() {
			b.timer.Reset(b.timeout)
		}
		n, err = b.rc.Read(p)
		b.timer.Stop()
	}
	if err == io.EOF {
		b.eof = true
	}
	return n, err
}

// Close releases the body (for a download).
func (b *idleBody) Close() error { return b.release() }

// release stops the idle timer and closes the body. A body that has not
// reached its end is read on only for what arrives within drainWindow (the
// end of a chunked body that follows [DONE] at once, say), then dropped.
func (b *idleBody) release() error {
	if b.timer != nil {
		b.timer.Stop()
	}
	if !b.eof {
		window := drainWindow
		if b.ended {
			window = endWindow
		}
		stop := time.AfterFunc(window, b.abort)
		_, _ = io.Copy(io.Discard, io.LimitReader(b.rc, drainLimit))
		stop.Stop()
	}
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

var streamTrue = true

// doStream sends a streaming request and returns its events as a Stream,
// read up to the first meaningful event. Errors until then (statuses,
// connection failures, an error event) are retried like any call; nothing
// is retried after.
func doStream[T any](ctx context.Context, c *caller, op string, opts []Option, kind streamKind[T], build buildFunc) (*Stream[T], error) {
	cl, err := c.newCall(op, true, opts)
	if err != nil {
		return nil, err
	}
	cl.kind = streamCall
	var st *Stream[T]
	cl.open = func(resp *http.Response) error {
		s, err := newStream(cl, resp, kind)
		if err != nil {
			return err
		}
		if err := s.prefetch(); err != nil {
			_ = s.Close()
			return err
		}
		st = s
		return nil
	}
	if _, err := cl.send(ctx, build); err != nil {
		return nil, err
	}
	cl.obs.handOver(st.finished, st.err)
	return st, nil
}
