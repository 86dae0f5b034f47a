package openrouter

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The rate-limit headers OpenRouter sends with its answers: the requests
// the key may make in the current window, how many are left, and when the
// window resets, in Unix milliseconds. OpenRouter documents the limits
// themselves at https://openrouter.ai/docs/limits (they
// depend on the key's credits, and on the :free variants); the header
// names are those its API sends, which the fake server in openroutertest
// reproduces. On a 429 that a provider's limit caused, OpenRouter may put
// the same names in the error body's metadata.headers instead.
const (
	headerRateLimitLimit     = "X-RateLimit-Limit"
	headerRateLimitRemaining = "X-RateLimit-Remaining"
	headerRateLimitReset     = "X-RateLimit-Reset"
)

// RateLimit is what OpenRouter's rate-limit headers (X-RateLimit-Limit,
// X-RateLimit-Remaining and X-RateLimit-Reset) said about a response.
// Read it with [RateLimitOf], [Stream.RateLimit], [APIError.RateLimit] or
// the [WithRateLimitInto] option.
type RateLimit struct {
	// Limit is the number of requests the key may make in the current
	// window (X-RateLimit-Limit).
	Limit int
	// Remaining is how many of them are left (X-RateLimit-Remaining).
	Remaining int
	// Reset is when the window ends and Remaining goes back to Limit
	// (X-RateLimit-Reset, sent in Unix milliseconds; a value that is too
	// small for milliseconds is read as Unix seconds). Zero when not sent.
	Reset time.Time
}

// ResetIn is the time from now until Reset, zero when Reset has passed
// or is unknown.
func (r RateLimit) ResetIn() time.Duration {
	if r.Reset.IsZero() {
		return 0
	}
	return max(time.Until(r.Reset), 0)
}

// RateLimitOf reads the rate-limit headers of a response, such as the one
// [WithResponseInto] hands back. ok is false when h carries neither
// X-RateLimit-Limit nor X-RateLimit-Remaining; a header that is not a
// number reads as zero.
func RateLimitOf(h http.Header) (rl RateLimit, ok bool) {
	return rateLimitFrom(h.Get)
}

// rateLimitFrom reads the rate-limit values through get.
func rateLimitFrom(get func(name string) string) (RateLimit, bool) {
	limit, remaining := strings.TrimSpace(get(headerRateLimitLimit)), strings.TrimSpace(get(headerRateLimitRemaining))
	if limit == "" && remaining == "" {
		return RateLimit{}, false
	}
	atoi := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0
		}
		return n
	}
	rl := RateLimit{Limit: atoi(limit), Remaining: atoi(remaining)}
	if n, err := strconv.ParseInt(strings.TrimSpace(get(headerRateLimitReset)), 10, 64); err == nil && n > 0 {
		// Milliseconds since 1970 passed 1e11 in 1973; seconds will not
		// before the year 5138.
		if n < 1e11 {
			rl.Reset = time.Unix(n, 0)
		} else {
			rl.Reset = time.UnixMilli(n)
		}
	}
	return rl, true
}

// RateLimit reads the rate limit the failed response reported: its
// headers (see [RateLimitOf]), or else the headers OpenRouter relays in
// the error's metadata.headers, as it does for a provider's 429. An error
// from inside a stream reads the stream's response headers.
func (e *APIError) RateLimit() (RateLimit, bool) {
	if rl, ok := RateLimitOf(e.Header); ok {
		return rl, true
	}
	md, _ := e.Metadata["headers"].(map[string]any)
	if md == nil {
		return RateLimit{}, false
	}
	return rateLimitFrom(func(name string) string {
		for k, v := range md {
			if strings.EqualFold(k, name) {
				switch v := v.(type) {
				case string:
					return v
				case float64:
					return strconv.FormatFloat(v, 'f', -1, 64)
				}
			}
		}
		return ""
	})
}

// WithRateLimitInto stores in *dst the rate limit that the final response
// of a successful call reported (see [RateLimitOf]), without the whole
// response that [WithResponseInto] keeps; *dst is the zero RateLimit when
// the response had no rate-limit headers. For a failed call, read
// [APIError.RateLimit].
func WithRateLimitInto(dst *RateLimit) Option {
	return func(c *config) error {
		if dst == nil {
			return errorf("WithRateLimitInto", "destination is nil")
		}
		c.rateLimitInto = dst
		return nil
	}
}
