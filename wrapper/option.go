package openrouter

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Option configures a [Client] when passed to [NewClient], or a single call
// when passed to a service method. An option given to a method overrides the
// client's setting for that call only; when the same option appears twice,
// the last one wins.
type Option func(*config) error

// config is everything an Option can set. A Client keeps one; each call
// works on a copy with the call's options applied.
type config struct {
	apiKey            string
	baseURL           *url.URL
	httpClient        *http.Client
	header            http.Header
	maxRetries        int
	retry             RetryPolicy
	timeout           time.Duration
	streamIdleTimeout time.Duration
	logger            *slog.Logger
	middlewares       []Middleware
	responseInto      **http.Response
}

// clone returns a copy whose maps and slices can be changed freely.
func (c *config) clone() *config {
	cp := *c
	cp.header = c.header.Clone()
	cp.middlewares = append([]Middleware(nil), c.middlewares...)
	return &cp
}

// WithAPIKey sets the API key sent as a bearer token. Without it the client
// reads $OPENROUTER_API_KEY.
func WithAPIKey(key string) Option {
	return func(c *config) error {
		key = strings.TrimSpace(key)
		if key == "" {
			return errors.New("openrouter: WithAPIKey: key is empty")
		}
		if strings.ContainsAny(key, "\r\n") {
			return errors.New("openrouter: WithAPIKey: key contains a line break")
		}
		c.apiKey = key
		return nil
	}
}

// WithBaseURL sets the API's base URL, such as a proxy or a fake server. The
// default is $OPENROUTER_BASE_URL or else https://openrouter.ai/api/v1.
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		u, err := parseBaseURL(rawURL)
		if err != nil {
			return fmt.Errorf("openrouter: WithBaseURL: %w", err)
		}
		c.baseURL = u
		return nil
	}
}

func parseBaseURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("invalid URL %q: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("URL %q: scheme must be http or https", rawURL)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL %q has no host", rawURL)
	}
	if u.User != nil {
		return nil, errors.New("URL must not carry credentials: use WithAPIKey")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("URL %q must not have a query or fragment", u.Redacted())
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// WithHTTPClient sets the *http.Client that sends requests. The client is
// copied, and the copy drops the Authorization header on redirects to
// another host or port. Its Timeout should be zero: a whole-request timeout
// would cut off long streams; use [WithTimeout] instead.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("openrouter: WithHTTPClient: client is nil")
		}
		c.httpClient = hc
		return nil
	}
}

// WithHeader sets a header sent with every request (or with one call). An
// empty value removes a header set earlier. Authorization cannot be set this
// way: use [WithAPIKey].
func WithHeader(name, value string) Option {
	return func(c *config) error {
		if name == "" {
			return errors.New("openrouter: WithHeader: header name is empty")
		}
		if !validHeaderName(name) {
			return fmt.Errorf("openrouter: WithHeader: invalid header name %q", name)
		}
		if strings.ContainsAny(value, "\r\n\x00") {
			return fmt.Errorf("openrouter: WithHeader: invalid value for header %q", name)
		}
		if http.CanonicalHeaderKey(name) == "Authorization" {
			return errors.New("openrouter: WithHeader: use WithAPIKey to set Authorization")
		}
		if c.header == nil {
			c.header = http.Header{}
		}
		if value == "" {
			c.header.Del(name)
		} else {
			c.header.Set(name, value)
		}
		return nil
	}
}

// WithAppAttribution identifies your app to OpenRouter, for its rankings and
// your analytics: siteURL is sent as HTTP-Referer, title as
// X-OpenRouter-Title and categories as X-OpenRouter-Categories. Empty
// arguments are left unset. The environment variables $OPENROUTER_APP_URL,
// $OPENROUTER_APP_TITLE and $OPENROUTER_APP_CATEGORIES (comma-separated) set
// the same headers for clients that do not use this option.
func WithAppAttribution(siteURL, title string, categories ...string) Option {
	return func(c *config) error {
		if siteURL != "" {
			if u, err := url.Parse(siteURL); err != nil || u.Scheme == "" || u.Host == "" {
				return fmt.Errorf("openrouter: WithAppAttribution: site URL %q is not an absolute URL", siteURL)
			}
		}
		for _, cat := range categories {
			if strings.TrimSpace(cat) == "" || strings.Contains(cat, ",") {
				return fmt.Errorf("openrouter: WithAppAttribution: invalid category %q", cat)
			}
		}
		set := func(name, value string) error {
			if value == "" {
				return nil
			}
			return WithHeader(name, value)(c)
		}
		if err := set(headerReferer, siteURL); err != nil {
			return err
		}
		if err := set(headerTitle, title); err != nil {
			return err
		}
		return set(headerCategories, strings.Join(categories, ","))
	}
}

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
// random jitter taken off. A Retry-After or retry-after-ms header from the
// server replaces that wait when it is no longer than MaxRetryAfter; when the
// server asks for longer, the call stops and returns the error at once.
type RetryPolicy struct {
	InitialBackoff time.Duration
	MaxBackoff     time.Duration
	MaxRetryAfter  time.Duration
}

// DefaultRetryPolicy is the policy a new client starts with.
var DefaultRetryPolicy = RetryPolicy{
	InitialBackoff: 500 * time.Millisecond,
	MaxBackoff:     8 * time.Second,
	MaxRetryAfter:  60 * time.Second,
}

// WithRetryPolicy sets the backoff and Retry-After limits of retries.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		switch {
		case p.InitialBackoff < 0 || p.MaxBackoff < 0 || p.MaxRetryAfter < 0:
			return errors.New("openrouter: WithRetryPolicy: durations must not be negative")
		case p.MaxBackoff < p.InitialBackoff:
			return fmt.Errorf("openrouter: WithRetryPolicy: MaxBackoff %v is less than InitialBackoff %v", p.MaxBackoff, p.InitialBackoff)
		}
		c.retry = p
		return nil
	}
}

// WithTimeout bounds each attempt from sending the request until the
// response headers arrive. It never cuts off a response body that is still
// being read, so long streams are safe; see [WithStreamIdleTimeout] for
// streams that stall. Zero (the default) means no limit beyond ctx.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("openrouter: WithTimeout: %v is negative", d)
		}
		c.timeout = d
		return nil
	}
}

// WithStreamIdleTimeout ends a stream with an error when no bytes arrive for
// d (default 5 minutes). Zero disables the check.
func WithStreamIdleTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("openrouter: WithStreamIdleTimeout: %v is negative", d)
		}
		c.streamIdleTimeout = d
		return nil
	}
}

// WithLogger sends debug records of each attempt (method, URL, status,
// duration, retry decisions) to l. Credentials are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("openrouter: WithLogger: logger is nil")
		}
		c.logger = l
		return nil
	}
}

// Middleware intercepts every HTTP attempt, retries included. It may read
// or change the request, and must call next to send it (or return its own
// response or error).
type Middleware func(req *http.Request, next MiddlewareNext) (*http.Response, error)

// MiddlewareNext sends the request on to the next middleware or the network.
type MiddlewareNext func(req *http.Request) (*http.Response, error)

// WithMiddleware appends middlewares; the first added runs outermost.
func WithMiddleware(m ...Middleware) Option {
	return func(c *config) error {
		for i, mw := range m {
			if mw == nil {
				return fmt.Errorf("openrouter: WithMiddleware: middleware %d is nil", i)
			}
		}
		c.middlewares = append(c.middlewares, m...)
		return nil
	}
}

// WithResponseInto stores the final *http.Response of a call in *dst, for
// access to headers such as rate limits. Its body is already consumed.
func WithResponseInto(dst **http.Response) Option {
	return func(c *config) error {
		if dst == nil {
			return errors.New("openrouter: WithResponseInto: destination is nil")
		}
		c.responseInto = dst
		return nil
	}
}

// validHeaderName reports whether name is an RFC 9110 token.
func validHeaderName(name string) bool {
	for i := 0; i < len(name); i++ {
		ch := name[i]
		switch {
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z', '0' <= ch && ch <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", ch) >= 0:
		default:
			return false
		}
	}
	return name != ""
}
