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

// Version is this SDK's version, sent in the User-Agent header.
const Version = "0.1.0"

// DefaultBaseURL is the API's address when neither WithBaseURL nor
// $OPENROUTER_BASE_URL says otherwise.
const DefaultBaseURL = "https://openrouter.ai/api/v1"

// DefaultTimeout bounds each attempt of a call unless [WithTimeout] says
// otherwise: the whole response of a JSON call, the time to the response
// headers of a stream or a download. Ten minutes lets the longest
// non-streaming generations (large outputs from slow reasoning models)
// finish, while a server that stops answering cannot hold a call forever.
const DefaultTimeout = 10 * time.Minute

// DefaultStreamIdleTimeout is how long a stream or a download may go
// without receiving a byte before it fails, unless [WithStreamIdleTimeout]
// says otherwise. Reasoning models can think for minutes between events,
// but OpenRouter sends keep-alive comments meanwhile.
const DefaultStreamIdleTimeout = 5 * time.Minute

// DefaultMaxResponseBytes is the largest JSON response body a call
// accepts unless [WithMaxResponseBytes] says otherwise: room for answers
// that carry several generated images as base64.
const DefaultMaxResponseBytes = 64 << 20

const (
	headerReferer    = "HTTP-Referer"
	headerTitle      = "X-OpenRouter-Title"
	headerCategories = "X-OpenRouter-Categories"
	userAgent        = "openrouter-go/" + Version
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
	server            string // baseURL with a trailing slash, for gen's request builders
	httpClient        *http.Client
	header            http.Header
	maxRetries        int
	retry             RetryPolicy
	timeout           time.Duration
	streamIdleTimeout time.Duration
	maxResponseBytes  int64
	logger            *slog.Logger
	middlewares       []Middleware
	responseInto      **http.Response
	observers         []Observer
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
		c.setBaseURL(u)
		return nil
	}
}

// setBaseURL sets the base URL and the server string built from it.
func (c *config) setBaseURL(u *url.URL) {
	c.baseURL = u
	c.server = u.String() + "/"
}

// parseBaseURL checks a base URL. Its errors quote the URL with any user
// information and query cut out, since they may hold secrets.
func parseBaseURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return nil, fmt.Errorf("invalid URL %q: %w", redactRawURL(rawURL), err)
	}
	shown := redactRawURL(rawURL)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("URL %q: scheme must be http or https", shown)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL %q has no host", shown)
	}
	if u.User != nil {
		return nil, fmt.Errorf("URL %q must not carry credentials: use WithAPIKey", shown)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("URL %q must not have a query or fragment", shown)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// redactRawURL is rawURL, parsed or not, with the user information before
// the host replaced by "***" and everything from a "?" or "#" on by "?***".
func redactRawURL(rawURL string) string {
	s := strings.TrimSpace(rawURL)
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i] + "?***"
	}
	rest, scheme := s, ""
	if i := strings.Index(s, "://"); i >= 0 {
		scheme, rest = s[:i+3], s[i+3:]
	}
	authority := rest
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		authority = rest[:i]
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		rest = "***" + rest[i:]
	}
	return scheme + rest
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

// WithTimeout bounds each attempt of a call (default [DefaultTimeout], 10
// minutes). For a JSON call it covers the whole exchange, from sending the
// request to the last byte of the response body; for a stream or a binary
// download it covers the wait for the response headers, after which
// [WithStreamIdleTimeout] guards every read. An attempt that times out is
// retried like a lost connection. d must be positive; ctx bounds the call
// as a whole, retries included.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("openrouter: WithTimeout: %v is not positive", d)
		}
		c.timeout = d
		return nil
	}
}

// WithStreamIdleTimeout ends a stream, or a binary download being read,
// with an error when no bytes arrive for d (default
// [DefaultStreamIdleTimeout], 5 minutes). Only the time spent waiting for
// the network counts, not the caller's time between reads. d must be
// positive.
func WithStreamIdleTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("openrouter: WithStreamIdleTimeout: %v is not positive", d)
		}
		c.streamIdleTimeout = d
		return nil
	}
}

// WithMaxResponseBytes sets the largest JSON response body a call accepts
// (default [DefaultMaxResponseBytes], 64 MiB). A longer body fails the
// call with a [*ResponseTooLargeError] as soon as the limit is passed, so
// memory stays near n whatever the server sends. Streams are bounded per
// event instead, and binary downloads are not bounded: they are read by
// the caller. n must be positive.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("openrouter: WithMaxResponseBytes: %d is not positive", n)
		}
		c.maxResponseBytes = n
		return nil
	}
}

// WithLogger sends records of the client's work to l. Retries are logged
// at Info ("openrouter: retrying", with the attempt, the wait and the
// cause) and a call that fails after retries at Warn ("openrouter: giving
// up"), so a handler at the default level shows both; the details of each
// attempt (method, URL, redacted headers, status, duration) are at Debug.
// Credentials are never logged.
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
