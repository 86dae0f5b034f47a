package openroutertest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The rate limit every fake answer reports: RateLimitRequests requests a
// window of RateLimitWindow, counted per server.
const (
	RateLimitRequests = 1000
	RateLimitWindow   = 10 * time.Second
)

// standardHeaders adds the headers OpenRouter sends with every answer
// unless resp's Header names them (a key present with no values removes
// the header): X-Generation-Id, the id of the generation in the body when
// it has one, and the rate-limit headers X-RateLimit-Limit,
// X-RateLimit-Remaining and X-RateLimit-Reset (Unix milliseconds).
func (s *Server) standardHeaders(h http.Header, c *call, resp Response) {
	scripted := func(k string) bool { _, ok := resp.Header[k]; return ok }
	if !scripted("X-Generation-Id") {
		h.Set("X-Generation-Id", s.generationID(resp))
	}
	s.mu.Lock()
	s.answered++
	n := s.answered
	s.mu.Unlock()
	window := time.Now().Truncate(RateLimitWindow).Add(RateLimitWindow)
	for k, v := range map[string]string{
		"X-Ratelimit-Limit":     strconv.Itoa(RateLimitRequests),
		"X-Ratelimit-Remaining": strconv.Itoa(max(RateLimitRequests-n%RateLimitRequests, 0)),
		"X-Ratelimit-Reset":     strconv.FormatInt(window.UnixMilli(), 10),
	} {
		if !scripted(k) {
			h.Set(k, v)
		}
	}
}

// generationID is the id of the generation an answer reports: the "id"
// of its body or first event when that is a generation id, else a new one.
func (s *Server) generationID(resp Response) string {
	var first any = resp.JSON
	if resp.Stream != nil && len(resp.Stream.Events) > 0 {
		first = resp.Stream.Events[0]
	}
	if m, ok := first.(map[string]any); ok {
		for _, m := range []any{m, m["response"], m["message"]} {
			if mm, ok := m.(map[string]any); ok {
				if id, _ := mm["id"].(string); strings.HasPrefix(id, "gen-") {
					return id
				}
			}
		}
	}
	return s.genID()
}
