package openroutertest

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/getkin/kin-openapi/routers"
)

// Fault is a misbehaviour of the server for one answer, scripted or
// default: put it in [Response].Faults, or queue the operation's default
// answer with faults by [Server.EnqueueFault]. These are the faults the
// SDK's own reliability tests use; with them a test checks its retry,
// timeout and stream handling (such as openrouter.WithTimeout,
// openrouter.WithStreamIdleTimeout and errors.Is(err, openrouter.ErrRateLimited))
// without a real network.
//
// Faults combine: Latency(d) and SlowBody(...) make a slow start and a
// slow body. Enqueue rejects a fault that cannot apply to its answer, such
// as a stream fault on an operation that never streams.
type Fault struct {
	kind  faultKind
	d     time.Duration
	n     int
	err   *ErrorBuilder
	label string
}

type faultKind int

const (
	faultLatency faultKind = iota + 1
	faultStall
	faultResetBefore
	faultResetAfter
	faultSlowBody
	faultEarlyError
	faultTruncate
)

// String names the fault, as Enqueue's errors do.
func (f Fault) String() string { return f.label }

// Latency waits d before the answer's status line: a slow model or a
// slow network. The wait ends early when the client gives up.
func Latency(d time.Duration) Fault {
	return Fault{kind: faultLatency, d: d, label: fmt.Sprintf("Latency(%v)", d)}
}

// StallAfterHeaders sends the status line and headers, then sends
// nothing for d (for ever, until the client gives up or the server
// closes, when d <= 0), then the body: what a stream idle timeout or a
// whole-body timeout must catch.
func StallAfterHeaders(d time.Duration) Fault {
	return Fault{kind: faultStall, d: d, label: fmt.Sprintf("StallAfterHeaders(%v)", d)}
}

// ResetBeforeHeaders drops the connection before any byte of the answer:
// the client sees a connection reset (or EOF) and may retry.
func ResetBeforeHeaders() Fault {
	return Fault{kind: faultResetBefore, label: "ResetBeforeHeaders()"}
}

// ResetAfterBytes sends the headers and the first n bytes of the body,
// then drops the connection: with n = 0 right after the headers, with a
// larger n in the middle of a JSON body or of a stream.
func ResetAfterBytes(n int) Fault {
	return Fault{kind: faultResetAfter, n: max(n, 0), label: fmt.Sprintf("ResetAfterBytes(%d)", n)}
}

// SlowBody writes the body chunk bytes at a time, flushed, with a pause
// of every between chunks: a slow body that keeps a connection busy.
func SlowBody(chunk int, every time.Duration) Fault {
	return Fault{kind: faultSlowBody, n: max(chunk, 1), d: every, label: fmt.Sprintf("SlowBody(%d, %v)", chunk, every)}
}

// EarlyErrorFrame makes a streamed answer fail before any output: right
// after the headers (status 200) the first event is e in the operation's
// error shape (a chat chunk with an "error" object, a Responses "error"
// event, a Messages "error" event), and the stream ends. The SDK retries
// such a stream like an HTTP error when e's status is retryable, and
// otherwise returns e from the stream method itself.
func EarlyErrorFrame(e *ErrorBuilder) Fault {
	return Fault{kind: faultEarlyError, err: e, label: fmt.Sprintf("EarlyErrorFrame(%d)", e.status)}
}

// TruncateStream ends a streamed answer cleanly after its first n events,
// without the final `data: [DONE]` (or the Responses and Messages
// completion events, when they come later): a stream cut off by a proxy.
func TruncateStream(n int) Fault {
	return Fault{kind: faultTruncate, n: max(n, 0), label: fmt.Sprintf("TruncateStream(%d)", n)}
}

// streamFault reports a fault that applies to streams only.
func (f Fault) streamFault() bool { return f.kind == faultEarlyError || f.kind == faultTruncate }

// fits tells whether f can apply to r, an answer of route; body says
// whether r has a body of its own (else it is the default answer).
func (f Fault) fits(route *routers.Route, r Response, body bool) error {
	op := route.Operation.OperationID
	if f.kind == 0 {
		return fmt.Errorf("a zero Fault; make one with Latency, StallAfterHeaders, ResetBeforeHeaders, ResetAfterBytes, SlowBody, EarlyErrorFrame or TruncateStream")
	}
	if f.kind == faultEarlyError && f.err == nil {
		return fmt.Errorf("EarlyErrorFrame(nil): pass an openroutertest.Error")
	}
	if !f.streamFault() {
		return nil
	}
	if !streams(route) {
		return fmt.Errorf("%v needs a streamed answer, and %s never streams; it answers %s", f, op, answers(route))
	}
	if body && r.Stream == nil {
		return fmt.Errorf("%v needs a streamed answer, and the scripted response is not a Stream", f)
	}
	return nil
}

// applyStreamFaults returns st changed by the stream faults of faults.
func applyStreamFaults(op OperationID, st *Stream, faults []Fault) *Stream {
	for _, f := range faults {
		switch f.kind {
		case faultEarlyError:
			c := *st
			c.Events, c.Error, c.OmitDone, c.ResetAfter = nil, f.err.Event(op), true, 0
			st = &c
		case faultTruncate:
			c := *st
			if f.n < len(c.Events) {
				c.Events = c.Events[:f.n:f.n]
			}
			c.Error, c.OmitDone, c.ResetAfter = nil, true, 0
			st = &c
		}
	}
	return st
}

// faultWriter applies the connection faults to a response as it is
// written.
type faultWriter struct {
	http.ResponseWriter
	s   *Server
	ctx context.Context

	stall      bool
	stallFor   time.Duration
	resetAfter int // -1: none
	chunk      int
	every      time.Duration

	wroteHeader bool
	written     int
	dead        bool
}

// withFaults wraps w when faults need it.
func (s *Server) withFaults(w http.ResponseWriter, ctx context.Context, faults []Fault) http.ResponseWriter {
	fw := &faultWriter{ResponseWriter: w, s: s, ctx: ctx, resetAfter: -1}
	used := false
	for _, f := range faults {
		switch f.kind {
		case faultStall:
			fw.stall, fw.stallFor, used = true, f.d, true
		case faultResetAfter:
			fw.resetAfter, used = f.n, true
		case faultSlowBody:
			fw.chunk, fw.every, used = f.n, f.d, true
		}
	}
	if !used {
		return w
	}
	return fw
}

func (fw *faultWriter) flush() {
	if f, ok := fw.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (fw *faultWriter) kill() {
	fw.dead = true
	fw.flush()
	abort(fw.ResponseWriter)
}

func (fw *faultWriter) WriteHeader(status int) {
	if fw.wroteHeader || fw.dead {
		return
	}
	fw.wroteHeader = true
	fw.ResponseWriter.WriteHeader(status)
	fw.flush()
	if fw.stall {
		ok := true
		if fw.stallFor > 0 {
			ok = fw.s.wait(fw.ctx, fw.stallFor)
		} else {
			select {
			case <-fw.ctx.Done():
			case <-fw.s.done:
			}
			ok = false
		}
		if !ok {
			fw.kill()
			return
		}
	}
	if fw.resetAfter == 0 {
		fw.kill()
	}
}

func (fw *faultWriter) Write(p []byte) (int, error) {
	if !fw.wroteHeader {
		fw.WriteHeader(http.StatusOK)
	}
	if fw.dead {
		return 0, http.ErrHandlerTimeout
	}
	n := len(p)
	for len(p) > 0 {
		part := p
		if fw.chunk > 0 && len(part) > fw.chunk {
			part = part[:fw.chunk]
		}
		if fw.resetAfter >= 0 && fw.written+len(part) >= fw.resetAfter {
			fw.ResponseWriter.Write(part[:fw.resetAfter-fw.written])
			fw.kill()
			return 0, http.ErrHandlerTimeout
		}
		if fw.chunk > 0 && fw.written > 0 && !fw.s.wait(fw.ctx, fw.every) {
			fw.kill()
			return 0, http.ErrHandlerTimeout
		}
		if _, err := fw.ResponseWriter.Write(part); err != nil {
			return 0, err
		}
		fw.written += len(part)
		p = p[len(part):]
		if fw.chunk > 0 {
			fw.flush()
		}
	}
	return n, nil
}

// Flush flushes unless the connection is gone.
func (fw *faultWriter) Flush() {
	if !fw.dead {
		fw.flush()
	}
}

// Unwrap is for http.ResponseController, and abort finds the hijacker.
func (fw *faultWriter) Unwrap() http.ResponseWriter { return fw.ResponseWriter }
