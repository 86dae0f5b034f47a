package openrouter

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"strings"
	"syscall"
	"time"
)

// WithMaxRetries sets how many times a failed request is retried (default
// 2). Zero disables retries.
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("openrouter: WithMaxRetries: %d is negative", n)
		}
		c.maxRetries = n
		return nil
	}
}

// RetryPolicy shapes the waits between retries. The wait before retry n
// (from 1) is InitialBackoff·2^(n-1), capped at MaxBackoff, with up to 25 %
// random jitter taken off, and never less than a millisecond. A wait the
// server asks for (a Retry-After or retry-after-ms header, or the
// retry_after of an availability error) replaces it when it is no longer
// than MaxRetryAfter; when the server asks for longer, the call stops and
// returns the error at once.
//
// A zero field takes its value from [DefaultRetryPolicy], so
// RetryPolicy{MaxBackoff: time.Second} changes only the cap.
type RetryPolicy struct {
	InitialBackoff time.Duration
	MaxBackoff     time.Duration
	MaxRetryAfter  time.Duration
}

// DefaultRetryPolicy is the policy a new client starts with, and the
// source of the fields a [RetryPolicy] leaves zero.
var DefaultRetryPolicy = RetryPolicy{
	InitialBackoff: 500 * time.Millisecond,
	MaxBackoff:     8 * time.Second,
	MaxRetryAfter:  60 * time.Second,
}

// WithRetryPolicy sets the backoff and Retry-After limits of retries. Zero
// fields take the defaults; a negative field, a field between zero and a
// millisecond, or a MaxBackoff below InitialBackoff (after the defaults
// are filled in) is an error naming the field.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		fields := []struct {
			name string
			v    *time.Duration
			def  time.Duration
		}{
			{"InitialBackoff", &p.InitialBackoff, DefaultRetryPolicy.InitialBackoff},
			{"MaxBackoff", &p.MaxBackoff, DefaultRetryPolicy.MaxBackoff},
			{"MaxRetryAfter", &p.MaxRetryAfter, DefaultRetryPolicy.MaxRetryAfter},
		}
		for _, f := range fields {
			switch {
			case *f.v < 0:
				return fmt.Errorf("openrouter: WithRetryPolicy: %s %v is negative", f.name, *f.v)
			case *f.v == 0:
				*f.v = f.def
			case *f.v < minRetryDelay:
				return fmt.Errorf("openrouter: WithRetryPolicy: %s %v is below the %v minimum", f.name, *f.v, minRetryDelay)
			}
		}
		if p.MaxBackoff < p.InitialBackoff {
			return fmt.Errorf("openrouter: WithRetryPolicy: MaxBackoff %v is less than InitialBackoff %v", p.MaxBackoff, p.InitialBackoff)
		}
		c.retry = p
		return nil
	}
}

// retryableStatus lists the statuses worth another attempt.
func retryableStatus(code int) bool {
	switch code {
	case 408, 429, 500, 502, 503, 504, 524, 529:
		return true
	}
	return false
}

// final returns the error that ends a call. After retries it wraps err
// with the attempt count when the budget ran out, and logs giving up.
func (cl *call) final(ctx context.Context, err error, exhausted bool) error {
	if cl.attempts > 1 && ctx.Err() == nil {
		cl.logAt(ctx, slog.LevelWarn, "giving up", slog.Int("attempts", cl.attempts), slog.String("error", err.Error()))
	}
	if cl.attempts > 1 && exhausted {
		return &RetriesExhaustedError{Operation: cl.op, Attempts: cl.attempts, Err: err}
	}
	return err
}

// minRetryDelay is the shortest wait between two attempts, whatever the
// policy or the server says.
const minRetryDelay = time.Millisecond

// backoff is the wait before the next attempt when the server gave none:
// exponential from InitialBackoff, capped at MaxBackoff, minus up to 25 %
// jitter, and never below minRetryDelay.
func (cl *call) backoff() time.Duration {
	p := cl.cfg.retry
	d := p.InitialBackoff
	for i := 1; i < cl.attempts && d < p.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, p.MaxBackoff)
	if d > 0 {
		d -= time.Duration(rand.Int64N(int64(d)/4 + 1))
	}
	return max(d, minRetryDelay)
}

// wait sleeps for d unless ctx ends first.
func (cl *call) wait(ctx context.Context, d time.Duration, cause error) error {
	cl.logAt(ctx, slog.LevelInfo, "retrying", slog.Int("attempt", cl.attempts), slog.Duration("wait", d), slog.String("cause", cause.Error()))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return errorf(cl.op, "%w while waiting to retry after: %w", ctx.Err(), cause)
	}
}

// transient reports whether a failed attempt is worth another: the
// connection was refused, reset or closed before the whole response came,
// or the attempt timed out. Errors that an identical request meets again
// are not: a redirect loop or a refused redirect, TLS and certificate
// failures, a host name that does not exist, a body over the size limit,
// and a request that could not be sent at all (a malformed URL or header).
//
// A POST whose bytes were sent but that got no response is replayed. The
// server may have started work on it, so a retry can mean a second
// generation; but such failures are most often a kept-alive connection that
// a proxy closed before reading the request, and the caller would retry
// anyway. Pass [WithMaxRetries](0) to a call that must never be sent twice.
func transient(err error) bool {
	var te *attemptTimeoutError
	var re *redirectError
	var tooLarge *ResponseTooLargeError
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var recErr tls.RecordHeaderError
	var alert tls.AlertError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	switch {
	case errors.As(err, &te):
		return true
	case errors.As(err, &re), errors.As(err, &tooLarge),
		errors.As(err, &certErr), errors.As(err, &recErr), errors.As(err, &alert),
		errors.As(err, &unknownCA), errors.As(err, &hostErr), errors.As(err, &invalidCert),
		strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return false
	case errors.As(err, &dnsErr):
		return !dnsErr.IsNotFound && (dnsErr.IsTimeout || dnsErr.IsTemporary)
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, syscall.ETIMEDOUT), errors.Is(err, syscall.EHOSTUNREACH),
		errors.Is(err, syscall.ENETUNREACH),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"server closed idle connection", "connection reset", "broken pipe",
		"http2: server sent GOAWAY", "http2: client connection lost", "http2: client connection force closed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// redirectError is a redirect the client refused to follow (a loop, too
// many hops, or a CheckRedirect of the caller's that said no).
type redirectError struct{ err error }

func (e *redirectError) Error() string { return e.err.Error() }
func (e *redirectError) Unwrap() error { return e.err }
