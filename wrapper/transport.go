package openrouter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// callKind says how much of a response one attempt reads.
type callKind uint8

const (
	// jsonCall reads the whole body within the attempt, under WithTimeout.
	jsonCall callKind = iota
	// streamCall stops the attempt's timer at the response headers; the
	// stream's idle timeout guards every read after that.
	streamCall
	// binaryCall is like streamCall for a raw body the caller reads.
	binaryCall
)

// A request goes one way: the service method gives a build function
// (gen's request builder for its operation) to one of the do* functions
// below, which make a call: build the request against the call's base URL,
// then send it through the retry loop (do) one attempt at a time
// (attempt), and decode the answer.

// caller makes the calls of one Client: every service holds it, so that
// the services depend on the transport, not on the Client that groups
// them.
type caller struct{ cfg *config }

// buildFunc builds an operation's request against server, the base URL
// with a trailing slash, as gen's New...Request functions do.
type buildFunc func(server string) (*http.Request, error)

// call is the state of one SDK method call: its configuration (client
// options plus call options) and how many attempts it has made.
type call struct {
	op       string
	cfg      *config
	needsKey bool
	kind     callKind
	attempts int
	// timedOut is set when WithTimeout's timer ends the current attempt.
	timedOut atomic.Bool

	// open, set for streams, reads the start of a 2xx event stream. An
	// *APIError it returns (an error event before any output) is handled
	// like an HTTP error: retried when transient, else returned.
	open func(resp *http.Response) error

	// obs is set when the call has observers (see observeStart).
	obs *observed
}

// newCall applies the call's options over the client's configuration.
func (c *caller) newCall(op string, needsKey bool, opts []Option) (*call, error) {
	cfg := c.cfg
	if len(opts) > 0 {
		cfg = c.cfg.clone()
		for _, opt := range opts {
			if opt == nil {
				return nil, fmt.Errorf("openrouter: %s: nil option", op)
			}
			if err := opt(cfg); err != nil {
				return nil, err
			}
		}
		if cfg.httpClient != c.cfg.httpClient {
			cfg.httpClient = withSafeRedirects(cfg.httpClient)
		}
	}
	return &call{op: op, cfg: cfg, needsKey: needsKey}, nil
}

// send builds the request against the call's base URL and sends it,
// returning a 2xx response or an error. A request gen could not build is
// reported as such.
func (cl *call) send(ctx context.Context, build buildFunc) (*http.Response, error) {
	if ctx == nil {
		return nil, fmt.Errorf("openrouter: %s: nil context", cl.op)
	}
	if cl.needsKey && cl.cfg.apiKey == "" {
		return nil, errorf(cl.op, "%w", ErrMissingAPIKey)
	}
	req, err := build(cl.cfg.server)
	if err != nil {
		return nil, errorf(cl.op, "build request: %w", err)
	}
	if cl.cfg.extraBody != nil {
		if err := cl.addExtraBody(req); err != nil {
			return nil, err
		}
	}
	if len(cl.cfg.observers) > 0 {
		ctx = cl.observeStart(ctx, req)
	}
	resp, err := cl.do(ctx, req)
	if err != nil {
		return nil, cl.obs.end(err, nil)
	}
	if cl.kind == binaryCall {
		cl.obs.end(nil, nil)
	}
	if cl.cfg.responseInto != nil {
		*cl.cfg.responseInto = resp
	}
	if cl.cfg.rateLimitInto != nil {
		*cl.cfg.rateLimitInto, _ = RateLimitOf(resp.Header)
	}
	return resp, nil
}

// doJSON sends a request and decodes its 2xx JSON body into a new T.
func doJSON[T any](ctx context.Context, c *caller, op string, opts []Option, build buildFunc) (*T, error) {
	return doJSONAuth[T](ctx, c, op, true, opts, build)
}

func doJSONAuth[T any](ctx context.Context, c *caller, op string, needsKey bool, opts []Option, build buildFunc) (*T, error) {
	cl, err := c.newCall(op, needsKey, opts)
	if err != nil {
		return nil, err
	}
	resp, err := cl.send(ctx, build)
	if err != nil {
		return nil, err
	}
	if dst := cl.cfg.rawResponseInto; dst != nil {
		if bb, ok := resp.Body.(*bufferedBody); ok && bb.buf != nil {
			*dst = bytes.Clone(*bb.buf)
		}
	}
	out := new(T)
	if err := decodeBody(resp.Body, out); err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			apiErr.Operation, apiErr.StatusCode, apiErr.Header = op, resp.StatusCode, resp.Header
			apiErr.RequestID = requestID(resp.Header)
			return nil, cl.obs.end(apiErr, nil)
		}
		return nil, cl.obs.end(&DecodeError{Operation: op, StatusCode: resp.StatusCode, Err: err}, nil)
	}
	cl.obs.end(nil, out)
	return out, nil
}

// errorFieldTypes caches declaresError by type.
var errorFieldTypes sync.Map // reflect.Type -> bool

// declaresError reports whether the struct type t (or a struct it embeds)
// has a top-level "error" field, as a Responses result or a video job do:
// for such types an error object in a 2xx body is part of the result.
func declaresError(t reflect.Type) bool {
	if v, ok := errorFieldTypes.Load(t); ok {
		return v.(bool)
	}
	found := false
	if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "error" || (f.Anonymous && name == "" && declaresError(f.Type)) {
				found = true
				break
			}
		}
	}
	errorFieldTypes.Store(t, found)
	return found
}

// bodyBuffers recycles the buffers response bodies are read into.
var bodyBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuffer keeps the buffers of unusually large bodies out of the
// pool.
const maxPooledBuffer = 1 << 20

// maxErrorDrain bounds how much of an error body past maxErrorBody is read
// and discarded to keep the connection.
const maxErrorDrain = 256 << 10

func putBuffer(b *[]byte) {
	if cap(*b) <= maxPooledBuffer {
		*b = (*b)[:0]
		bodyBuffers.Put(b)
	}
}

// bufferedBody is a response body read whole within its attempt.
type bufferedBody struct {
	buf  *[]byte
	r    bytes.Reader
	once sync.Once
}

func newBufferedBody(buf *[]byte) *bufferedBody {
	b := &bufferedBody{buf: buf}
	b.r.Reset(*buf)
	return b
}

func (b *bufferedBody) Read(p []byte) (int, error) { return b.r.Read(p) }

// Close recycles the buffer; the body reads as empty after it.
func (b *bufferedBody) Close() error {
	b.once.Do(func() {
		b.r.Reset(nil)
		putBuffer(b.buf)
		b.buf = nil
	})
	return nil
}

// readBody reads body whole into a pooled buffer, refusing more than limit
// bytes: a declared length over the limit fails before anything is read,
// and a body that turns out longer fails as soon as it passes the limit.
// The buffer grows to at most limit+1 bytes, so the memory a body takes
// stays under twice the limit whatever the server sends. On a read error
// it returns what was read with the error.
func readBody(body io.Reader, contentLength, limit int64) (*[]byte, error) {
	if contentLength > limit {
		return nil, &ResponseTooLargeError{Limit: limit, Length: contentLength}
	}
	bp := bodyBuffers.Get().(*[]byte)
	b := (*bp)[:0]
	if contentLength >= 0 && int64(cap(b)) < contentLength+1 {
		// One byte more than declared, to see the end without growing.
		b = make([]byte, 0, contentLength+1)
	}
	for {
		if len(b) == cap(b) {
			newCap := int(min(int64(max(2*cap(b), 4096)), limit+1))
			nb := make([]byte, len(b), newCap)
			copy(nb, b)
			b = nb
		}
		n, err := body.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		*bp = b
		if int64(len(b)) > limit {
			putBuffer(bp)
			return nil, &ResponseTooLargeError{Limit: limit, Length: -1}
		}
		if err == io.EOF {
			return bp, nil
		}
		if err != nil {
			return bp, err
		}
	}
}

// decodeBody decodes the JSON value of body into out and closes body.
func decodeBody(body io.ReadCloser, out any) error {
	defer body.Close()
	var data []byte
	if bb, ok := body.(*bufferedBody); ok && bb.buf != nil {
		data = *bb.buf
	} else {
		// Every JSON attempt buffers its body (see attempt); a body that
		// comes another way is still read with the default bound.
		buf, err := readBody(body, -1, DefaultMaxResponseBytes)
		if err != nil {
			return err
		}
		defer putBuffer(buf)
		data = *buf
	}
	// OpenRouter reports some failures, such as a provider error after
	// the request was accepted, as a 2xx body holding only an error
	// object.
	if bytes.Contains(data, errorKey) && !declaresError(reflect.TypeOf(out).Elem()) {
		if err := chunkError(data); err != nil {
			return err
		}
	}
	if unmarshal(data, out) == nil {
		return nil
	}
	// Decode from scratch, ignoring what follows the first value as
	// encoding/json's Decoder does: unmarshal may have filled out partly.
	reflect.ValueOf(out).Elem().SetZero()
	return decodeFirst(bytes.NewReader(data), out)
}

// doNoContent sends a request whose success carries no body the SDK uses.
func doNoContent(ctx context.Context, c *caller, op string, opts []Option, build buildFunc) error {
	cl, err := c.newCall(op, true, opts)
	if err != nil {
		return err
	}
	resp, err := cl.send(ctx, build)
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	cl.obs.end(nil, nil)
	return nil
}

// do runs the retry loop: it sends req, attempt after attempt, until one
// succeeds, fails for good, or the retry budget or ctx runs out.
func (cl *call) do(ctx context.Context, req *http.Request) (*http.Response, error) {
	cfg := cl.cfg
	cl.setHeaders(req.Header)
	replayable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil

	for {
		cl.attempts++
		start := cl.obs.clock()
		resp, err := cl.attempt(ctx, req)
		cl.obs.attemptEnd(start, resp, err)
		canRetry := cl.attempts <= cfg.maxRetries && replayable
		if err != nil {
			err = errorf(cl.op, "%w", err)
			if ctx.Err() != nil || !transient(err) {
				return nil, cl.final(ctx, err, false)
			}
			if !canRetry {
				return nil, cl.final(ctx, err, true)
			}
			delay := cl.backoff()
			cl.obs.retry(delay, err)
			if werr := cl.wait(ctx, delay, err); werr != nil {
				return nil, werr
			}
			continue
		}
		var apiErr *APIError
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			if cl.open == nil {
				return resp, nil
			}
			err := cl.open(resp)
			if err == nil {
				return resp, nil
			}
			if !errors.As(err, &apiErr) {
				return nil, err
			}
		} else {
			apiErr = newAPIError(cl.op, resp)
		}
		if !apiErr.retryable() {
			return nil, cl.final(ctx, apiErr, false)
		}
		if !canRetry {
			return nil, cl.final(ctx, apiErr, true)
		}
		delay := cl.backoff()
		if ra := apiErr.RetryAfter; ra > 0 {
			if ra > cfg.retry.MaxRetryAfter {
				cl.logAt(ctx, slog.LevelWarn, "giving up: server asked to wait longer than MaxRetryAfter",
					slog.Int("attempts", cl.attempts), slog.Duration("retry_after", ra),
					slog.Duration("max_retry_after", cfg.retry.MaxRetryAfter), slog.String("error", apiErr.Error()))
				return nil, apiErr
			}
			delay = max(ra, minRetryDelay)
		}
		cl.obs.retry(delay, apiErr)
		if werr := cl.wait(ctx, delay, apiErr); werr != nil {
			return nil, werr
		}
	}
}

// attemptTimeoutError is the error of an attempt cut off by WithTimeout.
// It matches context.DeadlineExceeded and is a net.Error timeout.
type attemptTimeoutError struct {
	d       time.Duration
	headers bool // the timer covered the headers only (a stream or a download)
}

func (e *attemptTimeoutError) Error() string {
	if e.headers {
		return fmt.Sprintf("no response headers within %v (WithTimeout)", e.d)
	}
	return fmt.Sprintf("no complete response within %v (WithTimeout)", e.d)
}

func (e *attemptTimeoutError) Timeout() bool        { return true }
func (e *attemptTimeoutError) Temporary() bool      { return true }
func (e *attemptTimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// timeoutError marks err as the attempt timeout's when WithTimeout's
// timer ended the attempt (and not the caller's ctx).
func (cl *call) timeoutError(ctx context.Context, err error) error {
	if cl.timedOut.Load() && ctx.Err() == nil {
		return fmt.Errorf("%w: %w", &attemptTimeoutError{d: cl.cfg.timeout, headers: cl.kind != jsonCall}, err)
	}
	return err
}

// attempt sends one copy of req. WithTimeout bounds the whole attempt of a
// JSON call, body included, and of any error response; for streams and
// downloads it stops at the response headers, and the idle timeout takes
// over (see idleBody). The body of a JSON or error response is read here,
// bounded, so that a failure while reading it is retried like any other.
func (cl *call) attempt(ctx context.Context, req *http.Request) (*http.Response, error) {
	actx, cancel := context.WithCancel(ctx)
	var areq *http.Request
	if len(cl.cfg.middlewares) == 0 {
		// Nothing but the http.Client sees this copy, and a RoundTripper
		// may not modify a request: a shallow copy is enough.
		areq = req.WithContext(actx)
	} else {
		areq = req.Clone(actx)
	}
	if req.GetBody != nil && cl.attempts > 1 {
		// The first attempt sends the body gen built; later ones a copy.
		body, err := req.GetBody()
		if err != nil {
			cancel()
			return nil, fmt.Errorf("replay request body: %w", err)
		}
		areq.Body = body
	}
	d := cl.cfg.timeout
	cl.timedOut.Store(false)
	timer := time.AfterFunc(d, func() {
		cl.timedOut.Store(true)
		cancel()
	})
	timeoutErr := func(err error) error { return cl.timeoutError(ctx, err) }
	start := time.Now()
	resp, err := cl.roundTrip(areq)
	if err != nil {
		timer.Stop()
		cancel()
		err = timeoutErr(err)
		if cl.cfg.logger != nil {
			cl.log(ctx, "request failed", slog.String("method", req.Method), slog.String("url", req.URL.Redacted()),
				slog.Int("attempt", cl.attempts), slog.Duration("duration", time.Since(start)), slog.String("error", err.Error()))
		}
		return nil, err
	}
	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	if ok && cl.kind != jsonCall {
		if !timer.Stop() {
			// The timer fired as the headers arrived; the body is unusable.
			_ = resp.Body.Close()
			cancel()
			return nil, &attemptTimeoutError{d: d, headers: true}
		}
		if cl.cfg.logger != nil {
			cl.logResponse(ctx, req, resp, start)
		}
		resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
		return resp, nil
	}
	var buf *[]byte
	if ok {
		buf, err = readBody(resp.Body, resp.ContentLength, cl.cfg.maxResponseBytes)
	} else {
		// An error body is read in part at most; what could be read is
		// enough to classify it.
		buf, err = readBody(io.LimitReader(resp.Body, maxErrorBody), -1, maxErrorBody)
		if buf != nil {
			err = nil
			// Discard a bounded rest (still under the timer) so that the
			// connection can be reused.
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorDrain))
		}
	}
	_ = resp.Body.Close()
	timer.Stop()
	cancel()
	if err != nil {
		var tooLarge *ResponseTooLargeError
		if errors.As(err, &tooLarge) {
			tooLarge.Operation = cl.op
			return nil, tooLarge
		}
		if buf != nil {
			putBuffer(buf)
		}
		err = timeoutErr(fmt.Errorf("read response body: %w", err))
		if cl.cfg.logger != nil {
			cl.log(ctx, "reading the response failed", slog.String("method", req.Method), slog.String("url", req.URL.Redacted()),
				slog.Int("attempt", cl.attempts), slog.Int("status", resp.StatusCode), slog.Duration("duration", time.Since(start)), slog.String("error", err.Error()))
		}
		return nil, err
	}
	if cl.cfg.logger != nil {
		cl.logResponse(ctx, req, resp, start)
	}
	resp.Body = newBufferedBody(buf)
	return resp, nil
}

// logResponse writes the Debug record of an attempt that got a response.
func (cl *call) logResponse(ctx context.Context, req *http.Request, resp *http.Response, start time.Time) {
	cl.log(ctx, "response", slog.String("method", req.Method), slog.String("url", req.URL.Redacted()),
		slog.Int("attempt", cl.attempts), slog.Int("status", resp.StatusCode), slog.Duration("duration", time.Since(start)))
}

// roundTrip passes req through the middlewares to the HTTP client.
func (cl *call) roundTrip(req *http.Request) (*http.Response, error) {
	if len(cl.cfg.middlewares) == 0 && cl.cfg.logger == nil {
		return cl.cfg.httpClient.Do(req)
	}
	next := MiddlewareNext(cl.cfg.httpClient.Do)
	for i := len(cl.cfg.middlewares) - 1; i >= 0; i-- {
		mw, inner := cl.cfg.middlewares[i], next
		next = func(r *http.Request) (*http.Response, error) { return mw(r, inner) }
	}
	if cl.cfg.logger != nil && cl.cfg.logger.Enabled(req.Context(), slog.LevelDebug) {
		cl.log(req.Context(), "request", slog.String("method", req.Method), slog.String("url", req.URL.Redacted()),
			slog.Int("attempt", cl.attempts), slog.Any("header", redactHeader(req.Header)))
	}
	return next(req)
}

// Header values sent unchanged on every request, built once (the
// transport only reads them).
var (
	userAgentValue    = []string{userAgent}
	acceptJSON        = []string{"application/json"}
	acceptEventStream = []string{"text/event-stream"}
	acceptAny         = []string{"*/*"}
)

func (cl *call) setHeaders(h http.Header) {
	for k, v := range cl.cfg.header {
		h[k] = v
	}
	h["User-Agent"] = userAgentValue
	switch {
	case cl.kind == streamCall:
		h["Accept"] = acceptEventStream
	case cl.kind == binaryCall:
		h["Accept"] = acceptAny
	case h.Get("Accept") == "":
		h["Accept"] = acceptJSON
	}
	// Operations that need no key (the OAuth code exchange) still send
	// the one configured: OpenRouter's spec asks for it there too.
	if cl.cfg.apiKey != "" {
		h.Set("Authorization", "Bearer "+cl.cfg.apiKey)
	}
}

// log writes a Debug record: the details of each attempt.
func (cl *call) log(ctx context.Context, msg string, attrs ...slog.Attr) {
	cl.logAt(ctx, slog.LevelDebug, msg, attrs...)
}

func (cl *call) logAt(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
	if l := cl.cfg.logger; l != nil && l.Enabled(ctx, level) {
		l.LogAttrs(ctx, level, "openrouter: "+msg, append([]slog.Attr{slog.String("op", cl.op)}, attrs...)...)
	}
}

// redactHeader copies h with credentials replaced.
func redactHeader(h http.Header) http.Header {
	out := h.Clone()
	for _, k := range []string{"Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key"} {
		if out.Get(k) != "" {
			out.Set(k, "[REDACTED]")
		}
	}
	return out
}

// cancelOnClose ends the attempt's context when the body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
