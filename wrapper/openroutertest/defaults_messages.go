package openroutertest

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Default answers of the Anthropic Messages, Presets and Rerank operations.
func init() {
	defaults["createMessages"] = (*Server).defaultMessages
	defaults["listPresets"] = func(s *Server, c *call) Response { return ok(presetList(c)) }
	defaults["getPreset"] = func(s *Server, c *call) Response {
		return ok(obj{"data": presetWithVersion(c.params["slug"], fakePresetVersions, nil, nil)})
	}
	defaults["listPresetVersions"] = func(s *Server, c *call) Response { return ok(presetVersionList(c)) }
	defaults["getPresetVersion"] = func(s *Server, c *call) Response {
		slug, v := c.params["slug"], c.params["version"]
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > fakePresetVersions {
			return ErrorResponse(http.StatusNotFound, fmt.Sprintf("preset %q has no version %q", slug, v))
		}
		return ok(obj{"data": presetVersion(slug, n, nil, nil)})
	}
	defaults["createPresetsChatCompletions"] = func(s *Server, c *call) Response {
		var system any
		if msgs, _ := c.json["messages"].([]any); len(msgs) > 0 {
			for _, m := range msgs {
				if mm, ok := m.(map[string]any); ok && (str(mm, "role") == "system" || str(mm, "role") == "developer") {
					system = textOf(mm["content"])
					break
				}
			}
		}
		return ok(obj{"data": presetWithVersion(c.params["slug"], 1, presetConfig(c.json, "messages"), system)})
	}
	defaults["createPresetsMessages"] = func(s *Server, c *call) Response {
		var system any
		if sys := textOf(c.json["system"]); sys != "" {
			system = sys
		}
		return ok(obj{"data": presetWithVersion(c.params["slug"], 1, presetConfig(c.json, "messages", "system"), system)})
	}
	defaults["createPresetsResponses"] = func(s *Server, c *call) Response {
		var system any
		if inst := str(c.json, "instructions"); inst != "" {
			system = inst
		}
		return ok(obj{"data": presetWithVersion(c.params["slug"], 1, presetConfig(c.json, "input", "instructions"), system)})
	}
	defaults["createRerank"] = (*Server).defaultRerank
}

// --- Messages ---

// anthropicUsage is the usage object of a Messages answer.
func anthropicUsage(in, out int) obj {
	return obj{
		"input_tokens":                in,
		"output_tokens":               out,
		"output_tokens_details":       nil,
		"cache_creation_input_tokens": 0,
		"cache_read_input_tokens":     0,
		"cache_creation":              nil,
		"inference_geo":               nil,
		"server_tool_use":             nil,
		"service_tier":                nil,
	}
}

// anthropicMessage is a Messages answer (or, with empty content and no
// stop reason, the message of a message_start event).
func anthropicMessage(id, model string, content arr, stop any, usage obj) obj {
	return obj{
		"id":            id,
		"type":          "message",
		"role":          "assistant",
		"container":     nil,
		"content":       content,
		"model":         model,
		"provider":      fakeProvider,
		"stop_reason":   stop,
		"stop_details":  nil,
		"stop_sequence": nil,
		"usage":         usage,
	}
}

func (s *Server) defaultMessages(c *call) Response {
	messages, _ := c.json["messages"].([]any)
	reply := chatReply(messages)
	model := modelOf(c.json)
	id := s.genID()
	texts := allText(messages)
	if sys := textOf(c.json["system"]); sys != "" {
		texts = append(texts, sys)
	}
	in, out := countWords(texts...), countWords(reply)
	if streaming(c.json) {
		return Response{Stream: messagesStream(id, model, splitReply(reply), in, out)}
	}
	usage := anthropicUsage(in, out)
	usage["cost"] = cost(in, out)
	usage["is_byok"] = false
	return ok(anthropicMessage(id, model, arr{obj{"type": "text", "text": reply, "citations": nil}}, "end_turn", usage))
}

// messagesStream is the Anthropic event sequence of a text reply cut into
// pieces. Like Anthropic's, it has no `data: [DONE]`: it ends after
// message_stop.
func messagesStream(id, model string, pieces []string, in, out int) *Stream {
	events := []any{
		obj{"type": "message_start", "message": anthropicMessage(id, model, arr{}, nil, anthropicUsage(in, 1))},
		obj{"type": "content_block_start", "index": 0, "content_block": obj{"type": "text", "text": "", "citations": nil}},
		obj{"type": "ping"},
	}
	for _, p := range pieces {
		events = append(events, obj{"type": "content_block_delta", "index": 0, "delta": obj{"type": "text_delta", "text": p}})
	}
	events = append(events,
		obj{"type": "content_block_stop", "index": 0},
		obj{
			"type":  "message_delta",
			"delta": obj{"container": nil, "stop_details": nil, "stop_reason": "end_turn", "stop_sequence": nil},
			"usage": obj{
				"input_tokens":                in,
				"output_tokens":               out,
				"output_tokens_details":       nil,
				"cache_creation_input_tokens": 0,
				"cache_read_input_tokens":     0,
				"server_tool_use":             nil,
			},
		},
		obj{"type": "message_stop"},
	)
	return &Stream{Events: events, OmitDone: true, leadingComment: true}
}

// MessagesStream returns a streamed answer of "createMessages" made of the
// given text pieces: message_start, content_block_start, ping, one
// content_block_delta per piece, content_block_stop, message_delta (stop
// reason "end_turn") and message_stop, with no `data: [DONE]`, as
// Anthropic streams end. Adjust the returned Stream for faults: cut its
// Events to truncate it, or set Error to [MessagesStreamError].
func MessagesStream(pieces ...string) Response {
	words := 0
	for _, p := range pieces {
		words += countWords(p)
	}
	return Response{Header: http.Header{}, Stream: messagesStream(scriptedID, defaultModel, pieces, 1, words)}
}

// MessagesStreamError returns the error event that ends a Messages stream
// which fails after it started, such as
// MessagesStreamError("overloaded_error", "Overloaded"). Use it as
// [Stream].Error.
func MessagesStreamError(errorType, message string) any {
	return obj{"type": "error", "error": obj{"type": errorType, "message": message}}
}

// --- Presets ---

// fakePresetVersions is how many versions every fake preset has.
const fakePresetVersions = 3

// fakePresetSlugs are the presets of the fake account.
var fakePresetSlugs = []string{"code-review", "support-bot", "translator"}

// presetTitle turns a slug into a display name: "support-bot" gives
// "Support Bot".
func presetTitle(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	if len(words) == 0 {
		return slug
	}
	return strings.Join(words, " ")
}

func presetFields(slug string, designated int) obj {
	return obj{
		"id":                    "preset-fake-" + slug,
		"creator_user_id":       "user_fake_0001",
		"workspace_id":          nil,
		"name":                  presetTitle(slug),
		"slug":                  slug,
		"description":           nil,
		"status":                "active",
		"designated_version_id": presetVersionID(slug, designated),
		"created_at":            fakeTime,
		"updated_at":            fakeTime,
		"status_updated_at":     nil,
	}
}

func presetVersionID(slug string, n int) string { return fmt.Sprintf("pv-fake-%s-%d", slug, n) }

// presetVersion is version n of a preset; config nil means a default one.
func presetVersion(slug string, n int, config obj, system any) obj {
	if config == nil {
		config = obj{"model": "openai/gpt-4o-mini", "temperature": 0.1 * float64(n)}
	}
	return obj{
		"id":            presetVersionID(slug, n),
		"preset_id":     "preset-fake-" + slug,
		"creator_id":    "user_fake_0001",
		"version":       n,
		"system_prompt": system,
		"config":        config,
		"created_at":    fakeTime,
		"updated_at":    fakeTime,
	}
}

func presetWithVersion(slug string, n int, config obj, system any) obj {
	p := presetFields(slug, n)
	p["designated_version"] = presetVersion(slug, n, config, system)
	return p
}

// presetConfig is the part of an inference request body a preset keeps:
// all but the conversation, the system prompt (kept apart) and stream.
func presetConfig(body map[string]any, drop ...string) obj {
	out := obj{}
	for k, v := range body {
		out[k] = v
	}
	delete(out, "stream")
	for _, k := range drop {
		delete(out, k)
	}
	return out
}

func presetList(c *call) obj {
	items := arr{}
	for _, slug := range fakePresetSlugs {
		items = append(items, presetFields(slug, fakePresetVersions))
	}
	return offsetPage(c, items)
}

func presetVersionList(c *call) obj {
	items := arr{}
	for n := 1; n <= fakePresetVersions; n++ {
		items = append(items, presetVersion(c.params["slug"], n, nil, nil))
	}
	return offsetPage(c, items)
}

// --- Rerank ---

// rerankWords is the fake rerank tokenizer: lower-case runs of letters and
// digits.
func rerankWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// defaultRerank scores each document by the share of the query's distinct
// words it contains, orders them by score (ties by position) and keeps
// top_n of them.
func (s *Server) defaultRerank(c *call) Response {
	query := map[string]bool{}
	for _, w := range rerankWords(str(c.json, "query")) {
		query[w] = true
	}
	docs, _ := c.json["documents"].([]any)
	type scored struct {
		index int
		score float64
		doc   obj
	}
	results := make([]scored, 0, len(docs))
	tokens := len(rerankWords(str(c.json, "query")))
	for i, d := range docs {
		var text string
		doc := obj{}
		switch v := d.(type) {
		case string:
			text = v
			doc["text"] = v
		case map[string]any:
			text = str(v, "text")
			for _, k := range []string{"text", "image"} {
				if x, ok := v[k].(string); ok {
					doc[k] = x
				}
			}
		}
		seen := map[string]bool{}
		for _, w := range rerankWords(text) {
			tokens++
			if query[w] {
				seen[w] = true
			}
		}
		score := 0.0
		if len(query) > 0 {
			score = float64(len(seen)) / float64(len(query))
		}
		results = append(results, scored{i, score, doc})
	}
	sort.SliceStable(results, func(a, b int) bool { return results[a].score > results[b].score })
	if n, ok := c.json["top_n"].(float64); ok && int(n) < len(results) {
		results = results[:int(n)]
	}
	out := make(arr, 0, len(results))
	for _, r := range results {
		out = append(out, obj{"index": r.index, "relevance_score": r.score, "document": r.doc})
	}
	return ok(obj{
		"id":       s.genID(),
		"model":    modelOf(c.json),
		"provider": fakeProvider,
		"results":  out,
		"usage":    obj{"search_units": 1, "total_tokens": tokens, "cost": float64(tokens) * promptPrice},
	})
}
