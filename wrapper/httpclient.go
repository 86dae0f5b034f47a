package openrouter

import (
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The HTTP client a call sends with: the shared transport of clients made
// without WithHTTPClient, and the redirect policy every client gets.

// maxIdlePerHost is how many idle connections to one host the shared
// transport keeps: enough for a thousand LLM calls in flight at once to
// find a warm connection on their next request.
const maxIdlePerHost = 1024

// sharedTransport is the transport of every client made without
// WithHTTPClient: a clone of http.DefaultTransport (proxy from the
// environment, HTTP/2, the same dial and TLS timeouts) whose idle pool is
// sized for many concurrent calls instead of net/http's 2 per host.
var sharedTransport = sync.OnceValue(func() *http.Transport {
	var t *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		t = dt.Clone()
	} else {
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			ForceAttemptHTTP2:     true,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	t.MaxIdleConns = 0 // no limit across hosts; the per-host limit applies
	t.MaxIdleConnsPerHost = maxIdlePerHost
	return t
})

// withSafeRedirects returns a copy of hc that strips Authorization when a
// redirect leaves the original host and port.
func withSafeRedirects(hc *http.Client) *http.Client {
	cp := *hc
	prev := hc.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > 0 && !sameOrigin(req, via[0]) {
			req.Header.Del("Authorization")
		}
		if prev != nil {
			if err := prev(req, via); err != nil && !errors.Is(err, http.ErrUseLastResponse) {
				return &redirectError{err}
			} else if err != nil {
				return err
			}
			return nil
		}
		if len(via) >= 10 {
			return &redirectError{errors.New("stopped after 10 redirects")}
		}
		return nil
	}
	return &cp
}

func sameOrigin(a, b *http.Request) bool {
	return a.URL.Scheme == b.URL.Scheme && hostPort(a) == hostPort(b)
}

func hostPort(r *http.Request) string {
	host, port := r.URL.Hostname(), r.URL.Port()
	if port == "" {
		if r.URL.Scheme == "https" {
			port = "443"
		} else {
			port = "80"
		}
	}
	return strings.ToLower(host) + ":" + port
}
