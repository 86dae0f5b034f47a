package openroutertest

import (
	"crypto/sha256"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// responseCache is the fake's side of OpenRouter's response caching: with
// X-OpenRouter-Cache: true, a default answer to a chat, Responses,
// Messages or embeddings request is kept, and an identical request (same
// key, operation, streaming mode and body) gets it back as a hit: a new
// generation id, usage zeroed, and the documented X-OpenRouter-Cache-*
// headers. Scripted answers are never cached.
type responseCache struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte]*cacheEntry
}

type cacheEntry struct {
	answer   Response
	sourceID string
	stored   time.Time
	ttl      time.Duration
}

// cacheable lists the operations OpenRouter caches.
var cacheable = map[OperationID]bool{
	OpSendChatCompletionRequest: true,
	OpCreateResponses:           true,
	OpCreateMessages:            true,
	OpCreateEmbeddings:          true,
}

// cachedAnswer is the default answer to c, through the response cache
// when the request turns it on.
func (s *Server) cachedAnswer(c *call) Response {
	if !cacheable[c.op] || !strings.EqualFold(c.req.Header.Get("X-OpenRouter-Cache"), "true") {
		return s.defaultAnswer(c)
	}
	ttl := 300 * time.Second
	if n, err := strconv.Atoi(strings.TrimSpace(c.req.Header.Get("X-OpenRouter-Cache-TTL"))); err == nil {
		ttl = time.Duration(min(max(n, 1), 86400)) * time.Second
	}
	h := sha256.New()
	h.Write([]byte(c.req.Header.Get("Authorization") + "\x00" + string(c.op) + "\x00" + strconv.FormatBool(streaming(c.json)) + "\x00"))
	h.Write(c.body)
	var key [sha256.Size]byte
	copy(key[:], h.Sum(nil))

	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.m == nil {
		s.cache.m = map[[sha256.Size]byte]*cacheEntry{}
	}
	e := s.cache.m[key]
	if strings.EqualFold(c.req.Header.Get("X-OpenRouter-Cache-Clear"), "true") || (e != nil && time.Since(e.stored) >= e.ttl) {
		delete(s.cache.m, key)
		e = nil
	}
	if e == nil {
		answer := s.defaultAnswer(c)
		if answer.Status != 0 && answer.Status != http.StatusOK {
			return answer // only successes are cached
		}
		id := s.generationID(answer)
		s.cache.m[key] = &cacheEntry{answer: answer, sourceID: id, stored: time.Now(), ttl: ttl}
		answer.Header = answer.Header.Clone()
		if answer.Header == nil {
			answer.Header = http.Header{}
		}
		answer.Header.Set("X-OpenRouter-Cache-Status", "MISS")
		answer.Header.Set("X-OpenRouter-Cache-TTL", strconv.Itoa(int(ttl/time.Second)))
		return answer
	}
	age := time.Since(e.stored)
	hit := Response{Status: e.answer.Status, Header: e.answer.Header.Clone(), Stream: e.answer.Stream}
	if hit.Header == nil {
		hit.Header = http.Header{}
	}
	if m, ok := e.answer.JSON.(obj); ok {
		hit.JSON = hitBody(m, s.genID())
	} else {
		hit.JSON = e.answer.JSON
	}
	hit.Header.Set("X-OpenRouter-Cache-Status", "HIT")
	hit.Header.Set("X-OpenRouter-Cache-Age", strconv.Itoa(int(age/time.Second)))
	hit.Header.Set("X-OpenRouter-Cache-TTL", strconv.Itoa(int((e.ttl-age)/time.Second)))
	hit.Header.Set("X-OpenRouter-Cache-Source-Id", e.sourceID)
	return hit
}

// hitBody is a cached JSON answer as a hit shows it: its own generation
// id (when it has one), and the billable usage counters at zero.
func hitBody(m obj, id string) obj {
	out := obj{}
	for k, v := range m {
		out[k] = v
	}
	if _, ok := out["id"].(string); ok && strings.HasPrefix(out["id"].(string), "gen-") {
		out["id"] = id
	}
	if u, ok := m["usage"].(obj); ok {
		zu := obj{}
		for k, v := range u {
			zu[k] = v
		}
		for _, k := range []string{"prompt_tokens", "completion_tokens", "total_tokens", "input_tokens", "output_tokens"} {
			if _, ok := zu[k]; ok {
				zu[k] = 0
			}
		}
		if _, ok := zu["cost"]; ok {
			zu["cost"] = 0.0
		}
		out["usage"] = zu
	}
	return out
}
