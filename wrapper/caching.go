package openrouter

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Response caching: OpenRouter can answer an identical request (same key,
// model, endpoint, streaming mode and body) from its cache, free and at
// once. It is off unless a request or its preset turns it on.
const (
	headerCache         = "X-OpenRouter-Cache"
	headerCacheTTL      = "X-OpenRouter-Cache-TTL"
	headerCacheClear    = "X-OpenRouter-Cache-Clear"
	headerCacheStatus   = "X-OpenRouter-Cache-Status"
	headerCacheAge      = "X-OpenRouter-Cache-Age"
	headerCacheSourceID = "X-OpenRouter-Cache-Source-Id"
)

// MinCacheTTL and MaxCacheTTL bound [WithResponseCacheTTL], as OpenRouter
// documents them (the default TTL is 5 minutes).
const (
	MinCacheTTL = time.Second
	MaxCacheTTL = 24 * time.Hour
)

// WithResponseCache turns OpenRouter's response cache on (true) or off
// (false, which also overrides a preset that turns it on) for the client
// or one call: it sends X-OpenRouter-Cache. Chat completions, Responses,
// Messages and embeddings are cached, streamed or not; read what happened
// with [CacheInfoOf] or [Stream.Cache].
func WithResponseCache(enabled bool) Option {
	return WithHeader(headerCache, strconv.FormatBool(enabled))
}

// WithResponseCacheTTL sets how long a response stored by this request
// stays in the cache (X-OpenRouter-Cache-TTL), in whole seconds from
// [MinCacheTTL] to [MaxCacheTTL]; other values are an error. It takes
// effect only with caching on.
func WithResponseCacheTTL(ttl time.Duration) Option {
	return func(c *config) error {
		if ttl < MinCacheTTL || ttl > MaxCacheTTL || ttl%time.Second != 0 {
			return fmt.Errorf("openrouter: WithResponseCacheTTL: %v is not a whole number of seconds from 1s to 24h", ttl)
		}
		return WithHeader(headerCacheTTL, strconv.FormatInt(int64(ttl/time.Second), 10))(c)
	}
}

// WithResponseCacheClear, with true, replaces the cached answer to this
// request with a fresh one (X-OpenRouter-Cache-Clear); false removes the
// header set earlier. It takes effect only with caching on.
func WithResponseCacheClear(clear bool) Option {
	if !clear {
		return WithHeader(headerCacheClear, "")
	}
	return WithHeader(headerCacheClear, "true")
}

// CacheInfo is what OpenRouter's response cache did with a request.
type CacheInfo struct {
	// Hit is true when the answer came from the cache (free: its usage
	// is zero).
	Hit bool
	// Status is the X-OpenRouter-Cache-Status header: "HIT" or "MISS".
	Status string
	// Age is how long the answer had been cached (on a hit).
	Age time.Duration
	// TTL is the time the entry has left (on a hit) or was stored for (on
	// a miss).
	TTL time.Duration
	// SourceID is the generation id of the request that filled the cache
	// entry (on a hit); the hit has a generation id of its own.
	SourceID string
}

// CacheInfoOf reads the cache headers of a response, such as the one
// [WithResponseInto] hands back. ok is false when the response carries
// none (caching was off).
func CacheInfoOf(h http.Header) (info CacheInfo, ok bool) {
	status := strings.TrimSpace(h.Get(headerCacheStatus))
	if status == "" {
		return CacheInfo{}, false
	}
	seconds := func(name string) time.Duration {
		n, err := strconv.ParseInt(strings.TrimSpace(h.Get(name)), 10, 64)
		if err != nil || n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	return CacheInfo{
		Hit:      strings.EqualFold(status, "HIT"),
		Status:   status,
		Age:      seconds(headerCacheAge),
		TTL:      seconds(headerCacheTTL),
		SourceID: h.Get(headerCacheSourceID),
	}, true
}
