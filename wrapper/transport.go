package openrouter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// call is the state of one SDK method call: its configuration (client
// options plus call options) and how many attempts it has made. It travels
// from the service method through gen to doer in the request's context.
type call struct {
	op       string
	cfg      *config
	client   *Client
	needsKey bool
	accept   string
	attempts int
}

type callKey struct{}

// newCall applies the call's options over the client's configuration.
func (c *Client) newCall(op string, needsKey bool, opts []Option) (*call, error) {
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
	return &call{op: op, cfg: cfg, client: c, needsKey: needsKey}, nil
}

// send runs fn, which builds the request with gen and hands it to doer, and
// returns a 2xx response or an error. A request gen could not build is
// reported as such.
func (cl *call) send(ctx context.Context, fn func(context.Context) (*http.Response, error)) (*http.Response, error) {
	if ctx == nil {
		return nil, fmt.Errorf("openrouter: %s: nil context", cl.op)
	}
	resp, err := fn(context.WithValue(ctx, callKey{}, cl))
	if err != nil {
		if cl.attempts == 0 && !errors.Is(err, ErrMissingAPIKey) {
			return nil, fmt.Errorf("openrouter: %s: build request: %w", cl.op, err)
		}
		return nil, err
	}
	if cl.cfg.responseInto != nil {
		*cl.cfg.responseInto = resp
	}
	return resp, nil
}

// doJSON sends a request and decodes its 2xx JSON body into a new T.
func doJSON[T any](ctx context.Context, c *Client, op string, opts []Option, fn func(context.Context) (*http.Response, error)) (*T, error) {
	return doJSONAuth[T](ctx, c, op, true, opts, fn)
}

func doJSONAuth[T any](ctx context.Context, c *Client, op string, needsKey bool, opts []Option, fn func(context.Context) (*http.Response, error)) (*T, error) {
	cl, err := c.newCall(op, needsKey, opts)
	if err != nil {
		return nil, err
	}
	resp, err := cl.send(ctx, fn)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if err := decodeBody(resp.Body, out); err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			apiErr.Operation, apiErr.StatusCode, apiErr.Header = op, resp.StatusCode, resp.Header
			apiErr.RequestID = requestID(resp.Header)
			return nil, apiErr
		}
		return nil, &DecodeError{Operation: op, StatusCode: resp.StatusCode, Err: err}
	}
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

// bodyBuffers recycles the buffers decodeBody reads bodies into.
var bodyBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer keeps the buffers of unusually large bodies out of the
// pool.
const maxPooledBuffer = 1 << 20

// decodeBody decodes the first JSON value of body into out and closes
// body. It reads the body into a recycled buffer and unmarshals it, which
// allocates less than a decoder; whenever that fails (a read error,
// invalid or trailing data) it decodes the same bytes again with
// decodeFirst, which ignores what follows the first value.
func decodeBody(body io.ReadCloser, out any) error {
	buf := bodyBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			bodyBuffers.Put(buf)
		}
	}()
	_, rerr := buf.ReadFrom(body)
	if rerr == nil {
		_ = body.Close()
		// OpenRouter reports some failures, such as a provider error
		// after the request was accepted, as a 2xx body holding only an
		// error object.
		if bytes.Contains(buf.Bytes(), errorKey) && !declaresError(reflect.TypeOf(out).Elem()) {
			if err := chunkError(buf.Bytes()); err != nil {
				return err
			}
		}
		if unmarshal(buf.Bytes(), out) == nil {
			return nil
		}
		// Decode from scratch: Unmarshal may have filled out partly.
		reflect.ValueOf(out).Elem().SetZero()
		return decodeFirst(bytes.NewReader(buf.Bytes()), out)
	}
	defer drainAndClose(body)
	return decodeFirst(io.MultiReader(bytes.NewReader(buf.Bytes()), errReader{rerr}), out)
}

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// doNoContent sends a request whose success carries no body the SDK uses.
func doNoContent(ctx context.Context, c *Client, op string, opts []Option, fn func(context.Context) (*http.Response, error)) error {
	cl, err := c.newCall(op, true, opts)
	if err != nil {
		return err
	}
	resp, err := cl.send(ctx, fn)
	if err != nil {
		return err
	}
	drainAndClose(resp.Body)
	return nil
}

// doer is the gen.HttpRequestDoer of every client: it finds the call in the
// request's context and runs the retry loop.
type doer struct{}

func (doer) Do(req *http.Request) (*http.Response, error) {
	cl, ok := req.Context().Value(callKey{}).(*call)
	if !ok {
		return nil, errors.New("openrouter: request sent outside an SDK call")
	}
	return cl.do(req)
}

// retryableStatus lists the statuses worth another attempt.
func retryableStatus(code int) bool {
	switch code {
	case 408, 429, 500, 502, 503, 504, 524, 529:
		return true
	}
	return false
}

func (cl *call) do(req *http.Request) (*http.Response, error) {
	cfg := cl.cfg
	if cl.needsKey && cfg.apiKey == "" {
		return nil, ErrMissingAPIKey
	}
	ctx := req.Context()
	cl.rebase(req)
	cl.setHeaders(req.Header)

	for {
		cl.attempts++
		resp, err := cl.attempt(ctx, req)
		canRetry := cl.attempts <= cfg.maxRetries && (req.Body == nil || req.GetBody != nil)
		if err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("openrouter: %s: %w", cl.op, err)
			}
			if !canRetry {
				return nil, cl.final(fmt.Errorf("openrouter: %s: %w", cl.op, err), true)
			}
			if werr := cl.wait(ctx, cl.backoff(), err); werr != nil {
				return nil, werr
			}
			continue
		}
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			return resp, nil
		}
		apiErr := newAPIError(cl.op, resp)
		if !retryableStatus(resp.StatusCode) {
			return nil, apiErr
		}
		if !canRetry {
			return nil, cl.final(apiErr, true)
		}
		delay := cl.backoff()
		if ra, ok := retryAfter(resp.Header); ok {
			if ra > cfg.retry.MaxRetryAfter {
				cl.log(ctx, "not retrying: server asked to wait longer than MaxRetryAfter",
					slog.Duration("retry_after", ra))
				return nil, cl.final(apiErr, false)
			}
			delay = ra
		}
		if werr := cl.wait(ctx, delay, apiErr); werr != nil {
			return nil, werr
		}
	}
}

// final wraps the last error with the attempt count when there were retries.
func (cl *call) final(err error, exhausted bool) error {
	if cl.attempts > 1 && exhausted {
		return &RetriesExhaustedError{Attempts: cl.attempts, Err: err}
	}
	return err
}

// attempt sends one copy of req. WithTimeout bounds the wait for response
// headers only: once they arrive the timer stops, and the body can be read
// for as long as it keeps coming.
func (cl *call) attempt(ctx context.Context, req *http.Request) (*http.Response, error) {
	// The attempt has its own context when something may end it early: the
	// header timeout, or a stream's idle timeout (see idleBody).
	actx, cancel := ctx, noCancel
	cancelable := cl.cfg.timeout > 0 || cl.accept == "text/event-stream"
	if cancelable {
		var c context.CancelFunc
		actx, c = context.WithCancel(ctx)
		cancel = c
	}
	var areq *http.Request
	if len(cl.cfg.middlewares) == 0 && actx == req.Context() && cl.attempts == 1 {
		areq = req // nothing to change: the first attempt sends req itself
	} else if len(cl.cfg.middlewares) == 0 {
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
	var timer *time.Timer
	var timedOut *atomic.Bool
	if d := cl.cfg.timeout; d > 0 {
		timedOut = new(atomic.Bool)
		timer = time.AfterFunc(d, func() {
			timedOut.Store(true)
			cancel()
		})
	}
	start := time.Now()
	resp, err := cl.roundTrip(areq)
	if timer != nil && !timer.Stop() && err == nil {
		// The timer fired as the headers arrived; the body is unusable.
		drainAndClose(resp.Body)
		resp, err = nil, context.DeadlineExceeded
	}
	if err != nil {
		cancel()
		if timedOut != nil && timedOut.Load() && ctx.Err() == nil {
			err = fmt.Errorf("no response headers within %v (WithTimeout): %w", cl.cfg.timeout, err)
		}
		if cl.cfg.logger != nil {
			cl.log(ctx, "request failed", slog.String("method", req.Method), slog.String("url", req.URL.Redacted()),
				slog.Int("attempt", cl.attempts), slog.Duration("duration", time.Since(start)), slog.String("error", err.Error()))
		}
		return nil, err
	}
	if cl.cfg.logger != nil {
		cl.log(ctx, "response", slog.String("method", req.Method), slog.String("url", req.URL.Redacted()),
			slog.Int("attempt", cl.attempts), slog.Int("status", resp.StatusCode), slog.Duration("duration", time.Since(start)))
	}
	if cancelable {
		resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	}
	return resp, nil
}

func noCancel() {}

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

// backoff is the wait before the next attempt when the server gave none:
// exponential from InitialBackoff, capped at MaxBackoff, minus up to 25 %
// jitter.
func (cl *call) backoff() time.Duration {
	p := cl.cfg.retry
	d := p.InitialBackoff
	for i := 1; i < cl.attempts && d < p.MaxBackoff; i++ {
		d *= 2
	}
	if d > p.MaxBackoff {
		d = p.MaxBackoff
	}
	if d > 0 {
		d -= time.Duration(rand.Int64N(int64(d)/4 + 1))
	}
	return d
}

// wait sleeps for d unless ctx ends first.
func (cl *call) wait(ctx context.Context, d time.Duration, cause error) error {
	cl.log(ctx, "retrying", slog.Int("attempt", cl.attempts), slog.Duration("wait", d), slog.String("cause", cause.Error()))
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("openrouter: %s: %w while waiting to retry after: %w", cl.op, ctx.Err(), cause)
	}
}

// rebase points a request built against the client's base URL at the call's
// base URL, when a call option changed it.
func (cl *call) rebase(req *http.Request) {
	from, to := cl.client.cfg.baseURL, cl.cfg.baseURL
	if from == to {
		return
	}
	req.URL.Scheme, req.URL.Host = to.Scheme, to.Host
	req.URL.Path = to.Path + strings.TrimPrefix(req.URL.Path, from.Path)
	req.URL.RawPath = ""
	req.Host = ""
}

// Header values sent unchanged on every request, built once (the
// transport only reads them).
var (
	userAgentValue = []string{userAgent}
	acceptJSON     = []string{"application/json"}
)

func (cl *call) setHeaders(h http.Header) {
	for k, v := range cl.cfg.header {
		h[k] = v
	}
	h["User-Agent"] = userAgentValue
	if cl.accept != "" {
		h.Set("Accept", cl.accept)
	} else if h.Get("Accept") == "" {
		h["Accept"] = acceptJSON
	}
	// Operations that take no key (the OAuth code exchange) are not sent one.
	if cl.needsKey && cl.cfg.apiKey != "" {
		h.Set("Authorization", "Bearer "+cl.cfg.apiKey)
	}
}

func (cl *call) log(ctx context.Context, msg string, attrs ...slog.Attr) {
	if l := cl.cfg.logger; l != nil {
		l.LogAttrs(ctx, slog.LevelDebug, "openrouter: "+msg, append([]slog.Attr{slog.String("op", cl.op)}, attrs...)...)
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

// maxDrain bounds how much of an unread body is discarded to keep the
// connection reusable.
const maxDrain = 256 << 10

func drainAndClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, maxDrain))
	_ = body.Close()
}
