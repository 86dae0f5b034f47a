package openroutertest

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// obj and arr keep the bodies below short.
type (
	obj = map[string]any
	arr = []any
)

// defaultModel is the model a request without one is answered by.
const defaultModel = "openrouter/auto"

// fakeProvider is the provider of every fake answer; "FakeProvider" is
// also a value of the spec's ProviderName enum.
const fakeProvider = "FakeProvider"

// defaults holds the default answer of every operation of openapi.yaml.
var defaults = map[OperationID]func(s *Server, c *call) Response{
	"sendChatCompletionRequest": (*Server).defaultChat,
	"createCompletions":         (*Server).defaultCompletion,
	"createResponses":           (*Server).defaultResponses,
	"createEmbeddings":          (*Server).defaultEmbeddings,
	"listEmbeddingsModels":      func(s *Server, c *call) Response { return ok(modelList(c, embeddingModels())) },
	"getModels":                 func(s *Server, c *call) Response { return ok(modelList(c, filterModels(c, chatModels()))) },
	"listModelsUser":            func(s *Server, c *call) Response { return ok(modelList(c, filterModels(c, chatModels()))) },
	"listModelsCount": func(s *Server, c *call) Response {
		return ok(obj{"data": obj{"count": len(filterModels(c, chatModels()))}})
	},
	"listEndpoints": (*Server).defaultEndpoints,
	"listEndpointsZdr": func(s *Server, c *call) Response {
		return ok(obj{"data": arr{endpoint("openai/gpt-4o-mini", "GPT-4o mini")}})
	},
	"getParameters": (*Server).defaultParameters,
	"listProviders": func(s *Server, c *call) Response { return ok(providers()) },
	"getGeneration": (*Server).defaultGeneration,
	"getCredits": func(s *Server, c *call) Response {
		return ok(obj{"data": obj{"total_credits": 100.0, "total_usage": 12.3456}})
	},
	"createCoinbaseCharge": func(s *Server, c *call) Response {
		return ErrorResponse(http.StatusGone, "The Coinbase Commerce charge API is deprecated; buy credits at https://openrouter.ai/settings/credits")
	},
	"listKeys": func(s *Server, c *call) Response {
		keys := arr{apiKey("Production", "sk-or-v1-fa1...e01", "c0ffee01"), apiKey("CI", "sk-or-v1-fa2...e02", "c0ffee02")}
		// The API pages keys by offset; past the end the page is empty.
		if off, err := strconv.Atoi(c.req.URL.Query().Get("offset")); err == nil && off > 0 {
			keys = keys[min(off, len(keys)):]
		}
		return ok(obj{"data": keys})
	},
	"createKeys": (*Server).defaultCreateKey,
	"getKey": func(s *Server, c *call) Response {
		return ok(obj{"data": apiKey("Fake key", "sk-or-v1-fak...e00", c.params["hash"])})
	},
	"updateKeys":      (*Server).defaultUpdateKey,
	"deleteKeys":      func(s *Server, c *call) Response { return ok(obj{"deleted": true}) },
	"getCurrentKey":   func(s *Server, c *call) Response { return ok(currentKey()) },
	"getUserActivity": (*Server).defaultActivity,
	"exchangeAuthCodeForAPIKey": func(s *Server, c *call) Response {
		return ok(obj{"key": "sk-or-v1-fake-oauth-key-0000", "user_id": "user_fake_0001"})
	},
	"createAuthKeysCode": func(s *Server, c *call) Response {
		return ok(obj{"data": obj{"id": "auth_code_fake_0001", "app_id": 1, "created_at": fakeTime}})
	},
}

// fakeTime is the timestamp of the fake account's records.
const fakeTime = "2025-01-15T10:30:00Z"

func ok(body any) Response { return Response{JSON: body, Header: http.Header{}} }

// defaultAnswer answers c with the operation's default.
func (s *Server) defaultAnswer(c *call) Response {
	if f := defaults[c.op]; f != nil {
		return f(s, c)
	}
	// A new operation in openapi.yaml without a default: say so loudly.
	msg := fmt.Sprintf("openroutertest has no default answer for operation %q; add one, or script one with Enqueue", c.op)
	s.fail(Failure{OperationID: c.op, Method: c.req.Method, Path: c.req.URL.Path, Response: true, Message: msg})
	return Response{Status: http.StatusNotImplemented, JSON: errorBody(http.StatusNotImplemented, msg)}
}

// --- inference ---

// str returns the string field key of m.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// modelOf is the model a request asks for.
func modelOf(body map[string]any) string {
	if m := str(body, "model"); m != "" {
		return m
	}
	if ms, _ := body["models"].([]any); len(ms) > 0 {
		if m, _ := ms[0].(string); m != "" {
			return m
		}
	}
	return defaultModel
}

func streaming(body map[string]any) bool {
	b, _ := body["stream"].(bool)
	return b
}

// textOf returns the text of content given as a string or as an array of
// parts with a "text" field (type text, input_text or output_text).
func textOf(content any) string {
	switch v := content.(type) {
	case string:
		return v
	case []any:
		var parts []string
		for _, p := range v {
			if m, ok := p.(map[string]any); ok {
				if t, ok := m["text"].(string); ok {
					parts = append(parts, t)
				}
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// lastUserText is the text of the last message with role "user" in
// items, which are chat messages or Responses input items.
func lastUserText(items []any) string {
	for i := len(items) - 1; i >= 0; i-- {
		if m, ok := items[i].(map[string]any); ok && str(m, "role") == "user" {
			return textOf(m["content"])
		}
	}
	return ""
}

// countWords is the fake tokenizer: one token per word, at least one.
func countWords(texts ...string) int {
	n := 0
	for _, t := range texts {
		n += len(strings.Fields(t))
	}
	return max(n, 1)
}

// allText is the text of every message of items.
func allText(items []any) []string {
	var out []string
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			out = append(out, textOf(m["content"]))
		}
	}
	return out
}

// price of the fake model, in dollars per token.
const (
	promptPrice     = 0.000001
	completionPrice = 0.000002
)

func cost(prompt, completion int) float64 {
	return float64(prompt)*promptPrice + float64(completion)*completionPrice
}

func chatUsage(prompt, completion int) obj {
	c := cost(prompt, completion)
	return obj{
		"prompt_tokens":             prompt,
		"completion_tokens":         completion,
		"total_tokens":              prompt + completion,
		"cost":                      c,
		"is_byok":                   false,
		"prompt_tokens_details":     obj{"cached_tokens": 0, "audio_tokens": 0},
		"completion_tokens_details": obj{"reasoning_tokens": 0},
		"cost_details": obj{
			"upstream_inference_cost":             nil,
			"upstream_inference_prompt_cost":      float64(prompt) * promptPrice,
			"upstream_inference_completions_cost": float64(completion) * completionPrice,
		},
	}
}

// splitReply cuts text into at most four pieces at word boundaries, for
// the deltas of a stream.
func splitReply(text string) []string {
	var words []string
	rest := text
	for rest != "" {
		i := strings.IndexByte(rest, ' ')
		if i < 0 {
			words = append(words, rest)
			break
		}
		words = append(words, rest[:i+1])
		rest = rest[i+1:]
	}
	if len(words) == 0 {
		return []string{""}
	}
	const pieces = 4
	per := (len(words) + pieces - 1) / pieces
	var out []string
	for i := 0; i < len(words); i += per {
		out = append(out, strings.Join(words[i:min(i+per, len(words))], ""))
	}
	return out
}

func (s *Server) genID() string { return fmt.Sprintf("gen-fake-%06d", s.nextID()) }

// chatReply is what the fake model answers to messages.
func chatReply(messages []any) string {
	return "You said: " + lastUserText(messages)
}

func (s *Server) defaultChat(c *call) Response {
	messages, _ := c.json["messages"].([]any)
	reply := chatReply(messages)
	model := modelOf(c.json)
	id := s.genID()
	now := time.Now().Unix()
	prompt, completion := countWords(allText(messages)...), countWords(reply)
	if calls := fakeToolCalls(c.json, messages); calls != nil && !streaming(c.json) {
		msg := obj{"role": "assistant", "content": nil, "refusal": nil, "reasoning": nil, "tool_calls": calls}
		return ok(chatCompletion(id, model, now, msg, "tool_calls", chatUsage(prompt, 10*len(calls))))
	}
	if results := trailingToolResults(messages); len(results) == 1 {
		reply = "The tool returned: " + results[0]
		completion = countWords(reply)
	} else if len(results) > 1 {
		reply = "The tools returned: " + strings.Join(results, "; ")
		completion = countWords(reply)
	}
	if structured, ok := structuredReply(c.json, lastUserText(messages)); ok {
		reply = structured
		completion = countWords(reply)
	}
	if streaming(c.json) {
		return Response{Stream: chatStream(id, model, now, splitReply(reply), chatUsage(prompt, completion))}
	}
	return ok(chatCompletion(id, model, now, obj{"role": "assistant", "content": reply, "refusal": nil, "reasoning": nil}, "stop", chatUsage(prompt, completion)))
}

func chatCompletion(id, model string, created int64, message obj, finish string, usage obj) obj {
	return obj{
		"id":                 id,
		"object":             "chat.completion",
		"created":            created,
		"model":              model,
		"provider":           fakeProvider,
		"system_fingerprint": nil,
		"choices": arr{obj{
			"index":         0,
			"message":       message,
			"finish_reason": finish,
			"logprobs":      nil,
		}},
		"usage": usage,
	}
}

// chatStream is the stream of a chat reply cut into pieces: the first
// chunk carries the role, the last one finish_reason "stop", and a final
// chunk with no choices carries the usage.
func chatStream(id, model string, created int64, pieces []string, usage obj) *Stream {
	chunk := func(choices arr) obj {
		return obj{
			"id":       id,
			"object":   "chat.completion.chunk",
			"created":  created,
			"model":    model,
			"provider": fakeProvider,
			"choices":  choices,
		}
	}
	var events []any
	for i, p := range pieces {
		delta := obj{"content": p}
		if i == 0 {
			delta["role"] = "assistant"
		}
		events = append(events, chunk(arr{obj{"index": 0, "delta": delta, "finish_reason": nil}}))
	}
	events = append(events, chunk(arr{obj{"index": 0, "delta": obj{"content": ""}, "finish_reason": "stop"}}))
	last := chunk(arr{})
	last["usage"] = usage
	events = append(events, last)
	return &Stream{Events: events, leadingComment: true}
}

func (s *Server) defaultCompletion(c *call) Response {
	var prompt string
	switch p := c.json["prompt"].(type) {
	case string:
		prompt = p
	case []any:
		if len(p) > 0 {
			if str, ok := p[len(p)-1].(string); ok {
				prompt = str
			} else {
				prompt = fmt.Sprintf("%d tokens", len(p))
			}
		}
	}
	reply := " You said: " + prompt
	model := modelOf(c.json)
	id := s.genID()
	now := time.Now().Unix()
	pt, ct := countWords(prompt), countWords(reply)
	usage := obj{"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct}
	resp := func(choices arr) obj {
		return obj{"id": id, "object": "text_completion", "created": now, "model": model, "provider": fakeProvider, "choices": choices}
	}
	if streaming(c.json) {
		var events []any
		for _, p := range splitReply(reply) {
			events = append(events, resp(arr{obj{"text": p, "index": 0, "logprobs": nil, "finish_reason": nil}}))
		}
		events = append(events, resp(arr{obj{"text": "", "index": 0, "logprobs": nil, "finish_reason": "stop"}}))
		last := resp(arr{})
		last["usage"] = usage
		events = append(events, last)
		return Response{Stream: &Stream{Events: events, leadingComment: true}}
	}
	body := resp(arr{obj{"text": reply, "index": 0, "logprobs": nil, "finish_reason": "stop"}})
	body["usage"] = usage
	return ok(body)
}

// responsesInputText is the text the fake model answers to in a
// Responses request: the input string, or the last user item.
func responsesInputText(body map[string]any) (last string, all []string) {
	switch in := body["input"].(type) {
	case string:
		return in, []string{in}
	case []any:
		return lastUserText(in), allText(in)
	}
	return "", nil
}

func (s *Server) defaultResponses(c *call) Response {
	last, all := responsesInputText(c.json)
	if inst := str(c.json, "instructions"); inst != "" {
		all = append(all, inst)
	}
	reply := "You said: " + last
	model := modelOf(c.json)
	n := s.nextID()
	id := fmt.Sprintf("gen-fake-%06d", n)
	msgID := fmt.Sprintf("msg-fake-%06d", n)
	now := time.Now().Unix()
	in, out := countWords(all...), countWords(reply)
	usage := obj{
		"input_tokens":          in,
		"input_tokens_details":  obj{"cached_tokens": 0},
		"output_tokens":         out,
		"output_tokens_details": obj{"reasoning_tokens": 0},
		"total_tokens":          in + out,
		"cost":                  cost(in, out),
		"is_byok":               false,
	}
	message := obj{
		"type":    "message",
		"id":      msgID,
		"role":    "assistant",
		"status":  "completed",
		"content": arr{obj{"type": "output_text", "text": reply, "annotations": arr{}}},
	}
	result := func(status string, output arr) obj {
		r := obj{
			"id":                   id,
			"object":               "response",
			"created_at":           now,
			"completed_at":         nil,
			"model":                model,
			"status":               status,
			"output":               output,
			"error":                nil,
			"incomplete_details":   nil,
			"temperature":          nil,
			"top_p":                nil,
			"presence_penalty":     nil,
			"frequency_penalty":    nil,
			"instructions":         nil,
			"metadata":             nil,
			"tools":                arr{},
			"tool_choice":          "auto",
			"parallel_tool_calls":  true,
			"max_output_tokens":    nil,
			"previous_response_id": nil,
		}
		if inst := str(c.json, "instructions"); inst != "" {
			r["instructions"] = inst
		}
		if status == "completed" {
			r["completed_at"] = now
			r["usage"] = usage
			r["output_text"] = reply
		}
		return r
	}
	if !streaming(c.json) {
		return ok(result("completed", arr{message}))
	}
	seq := 0
	event := func(typ string, fields obj) obj {
		fields["type"] = typ
		fields["sequence_number"] = seq
		seq++
		return fields
	}
	events := []any{event("response.created", obj{"response": result("in_progress", arr{})})}
	for _, p := range splitReply(reply) {
		events = append(events, event("response.output_text.delta", obj{
			"item_id": msgID, "output_index": 0, "content_index": 0, "delta": p, "logprobs": arr{},
		}))
	}
	events = append(events,
		event("response.output_text.done", obj{
			"item_id": msgID, "output_index": 0, "content_index": 0, "text": reply, "logprobs": arr{},
		}),
		event("response.completed", obj{"response": result("completed", arr{message})}),
	)
	return Response{Stream: &Stream{Events: events, leadingComment: true}}
}

func (s *Server) defaultEmbeddings(c *call) Response {
	var inputs []any
	switch in := c.json["input"].(type) {
	case []any:
		inputs = in
		// A single token array is one input.
		if len(in) > 0 {
			if _, isNum := in[0].(float64); isNum {
				inputs = []any{in}
			}
		}
	default:
		inputs = []any{in}
	}
	var data arr
	tokens := 0
	for i, in := range inputs {
		text := fmt.Sprint(in)
		if s, ok := in.(string); ok {
			text = s
		}
		tokens += countWords(text)
		data = append(data, obj{"object": "embedding", "index": i, "embedding": fakeVector(text)})
	}
	return ok(obj{
		"id":     s.genID(),
		"object": "list",
		"model":  modelOf(c.json),
		"data":   data,
		"usage":  obj{"prompt_tokens": tokens, "total_tokens": tokens, "cost": float64(tokens) * 0.00000002},
	})
}

// fakeVector is a deterministic, unit-length-ish 8-dimensional embedding.
func fakeVector(text string) []float64 {
	v := make([]float64, 8)
	for i, r := range text {
		v[i%8] += float64(r%97) / 97
	}
	var norm float64
	for _, x := range v {
		norm += x * x
	}
	if norm == 0 {
		v[0] = 1
		return v
	}
	for i := range v {
		v[i] = math.Round(v[i]/math.Sqrt(norm)*1e6) / 1e6
	}
	return v
}

// --- catalogue ---

func model(id, name, desc string, created int64, ctx int, prompt, completion string, in, out []string, group string, params []string) obj {
	return obj{
		"id":                   id,
		"canonical_slug":       id + "-20250101",
		"name":                 name,
		"description":          desc,
		"created":              created,
		"context_length":       ctx,
		"hugging_face_id":      nil,
		"knowledge_cutoff":     nil,
		"expiration_date":      nil,
		"pricing":              obj{"prompt": prompt, "completion": completion, "request": "0", "image": "0", "web_search": "0", "internal_reasoning": "0"},
		"architecture":         obj{"modality": strings.Join(in, "+") + "->" + strings.Join(out, "+"), "input_modalities": in, "output_modalities": out, "tokenizer": group, "instruct_type": nil},
		"top_provider":         obj{"context_length": ctx, "max_completion_tokens": 16384, "is_moderated": false},
		"per_request_limits":   nil,
		"supported_parameters": params,
		"default_parameters":   obj{"temperature": nil, "top_p": nil, "frequency_penalty": nil},
		"supported_voices":     nil,
		"links":                obj{"details": "/api/v1/models/" + id + "/endpoints"},
	}
}

func chatModels() arr {
	return arr{
		model("openai/gpt-4o-mini", "OpenAI: GPT-4o-mini", "A small, fast, affordable multimodal model.", 1721260800, 128000,
			"0.00000015", "0.0000006", []string{"text", "image"}, []string{"text"}, "GPT",
			[]string{"temperature", "top_p", "max_tokens", "tools", "tool_choice", "response_format", "seed", "stop"}),
		model("anthropic/claude-3.5-haiku", "Anthropic: Claude 3.5 Haiku", "Anthropic's fastest model.", 1730678400, 200000,
			"0.0000008", "0.000004", []string{"text", "image"}, []string{"text"}, "Claude",
			[]string{"temperature", "top_p", "top_k", "max_tokens", "tools", "tool_choice", "stop"}),
		model("meta-llama/llama-3.1-8b-instruct", "Meta: Llama 3.1 8B Instruct", "An open 8B instruction-tuned model.", 1721692800, 131072,
			"0.00000002", "0.00000005", []string{"text"}, []string{"text"}, "Other",
			[]string{"temperature", "top_p", "top_k", "min_p", "repetition_penalty", "max_tokens", "seed", "stop"}),
	}
}

func embeddingModels() arr {
	return arr{
		model("openai/text-embedding-3-small", "OpenAI: Text Embedding 3 Small", "A small embedding model.", 1705968000, 8192,
			"0.00000002", "0", []string{"text"}, []string{"embeddings"}, "GPT", []string{}),
		model("qwen/qwen3-embedding-8b", "Qwen: Qwen3 Embedding 8B", "A multilingual embedding model.", 1749686400, 32768,
			"0.00000001", "0", []string{"text"}, []string{"embeddings"}, "Qwen", []string{}),
	}
}

// modelList pages models with the request's offset and limit.
func modelList(c *call, models arr) obj {
	q := c.req.URL.Query()
	offset, limit := 0, 500
	fmt.Sscan(q.Get("offset"), &offset)
	fmt.Sscan(q.Get("limit"), &limit)
	total := len(models)
	offset = min(max(offset, 0), total)
	end := min(offset+max(limit, 0), total)
	var next any
	if end < total {
		u := *c.req.URL
		q.Set("offset", fmt.Sprint(end))
		u.RawQuery = q.Encode()
		next = u.RequestURI()
	}
	page := models[offset:end]
	if page == nil {
		page = arr{}
	}
	return obj{"data": page, "total_count": total, "links": obj{"next": next}}
}

func endpoint(modelID, modelName string) obj {
	return obj{
		"name":                      fakeProvider + " | " + modelID,
		"model_id":                  modelID,
		"model_name":                modelName,
		"context_length":            128000,
		"pricing":                   obj{"prompt": "0.00000015", "completion": "0.0000006", "request": "0", "image": "0"},
		"provider_name":             fakeProvider,
		"tag":                       "fakeprovider",
		"quantization":              "fp16",
		"max_completion_tokens":     16384,
		"max_prompt_tokens":         nil,
		"supported_parameters":      []string{"temperature", "top_p", "max_tokens", "tools", "tool_choice", "stop"},
		"status":                    0,
		"uptime_last_30m":           99.9,
		"uptime_last_5m":            100.0,
		"uptime_last_1d":            99.5,
		"supports_implicit_caching": false,
		"latency_last_30m":          obj{"p50": 310.0, "p75": 420.0, "p90": 610.0, "p99": 1200.0},
		"throughput_last_30m":       obj{"p50": 85.0, "p75": 70.0, "p90": 55.0, "p99": 30.0},
	}
}

func (s *Server) defaultEndpoints(c *call) Response {
	id := c.params["author"] + "/" + c.params["slug"]
	return ok(obj{"data": obj{
		"id":          id,
		"name":        id,
		"created":     1721260800,
		"description": "The endpoints that serve " + id + ".",
		"architecture": obj{
			"modality":          "text+image->text",
			"input_modalities":  []string{"text", "image"},
			"output_modalities": []string{"text"},
			"tokenizer":         "Other",
			"instruct_type":     nil,
		},
		"endpoints": arr{endpoint(id, id)},
	}})
}

func (s *Server) defaultParameters(c *call) Response {
	return ok(obj{"data": obj{
		"model":                c.params["author"] + "/" + c.params["slug"],
		"supported_parameters": []string{"temperature", "top_p", "max_tokens", "stop", "seed", "tools", "tool_choice"},
	}})
}

func providers() obj {
	p := func(name, slug, hq string) obj {
		return obj{
			"name":                 name,
			"slug":                 slug,
			"privacy_policy_url":   "https://" + slug + ".example/privacy",
			"terms_of_service_url": "https://" + slug + ".example/terms",
			"status_page_url":      nil,
			"headquarters":         hq,
			"datacenters":          []string{hq},
		}
	}
	return obj{"data": arr{
		p("FakeProvider", "fakeprovider", "US"),
		p("Example Cloud", "example-cloud", "DE"),
	}}
}

func (s *Server) defaultGeneration(c *call) Response {
	id := c.req.URL.Query().Get("id")
	return ok(obj{"data": obj{
		"id":                              id,
		"upstream_id":                     "chatcmpl-fake-upstream",
		"total_cost":                      cost(12, 8),
		"cache_discount":                  nil,
		"upstream_inference_cost":         nil,
		"created_at":                      fakeTime,
		"model":                           "openai/gpt-4o-mini",
		"app_id":                          nil,
		"streamed":                        false,
		"cancelled":                       false,
		"provider_name":                   fakeProvider,
		"latency":                         420.0,
		"moderation_latency":              nil,
		"generation_time":                 380.0,
		"finish_reason":                   "stop",
		"native_finish_reason":            "stop",
		"service_tier":                    nil,
		"tokens_prompt":                   12,
		"tokens_completion":               8,
		"native_tokens_prompt":            12,
		"native_tokens_completion":        8,
		"native_tokens_completion_images": nil,
		"native_tokens_reasoning":         0,
		"native_tokens_cached":            0,
		"num_media_prompt":                nil,
		"num_input_audio_prompt":          nil,
		"num_media_completion":            nil,
		"num_search_results":              nil,
		"num_fetches":                     nil,
		"web_search_engine":               nil,
		"origin":                          "",
		"usage":                           cost(12, 8),
		"is_byok":                         false,
		"external_user":                   nil,
		"api_type":                        "completions",
		"preset_id":                       nil,
		"router":                          nil,
		"provider_responses":              arr{obj{"status": 200, "provider_name": fakeProvider, "latency": 380.0, "is_byok": false}},
		"user_agent":                      nil,
		"http_referer":                    nil,
		"data_region":                     "global",
		"workspace_id":                    nil,
	}})
}

// apiKey is a key record of the key management operations.
func apiKey(name, label, hash string) obj {
	return obj{
		"hash":                  hash,
		"name":                  name,
		"label":                 label,
		"disabled":              false,
		"limit":                 nil,
		"limit_remaining":       nil,
		"limit_reset":           nil,
		"include_byok_in_limit": false,
		"usage":                 1.25,
		"usage_daily":           0.05,
		"usage_weekly":          0.4,
		"usage_monthly":         1.25,
		"byok_usage":            0.0,
		"byok_usage_daily":      0.0,
		"byok_usage_weekly":     0.0,
		"byok_usage_monthly":    0.0,
		"created_at":            fakeTime,
		"updated_at":            nil,
		"creator_user_id":       nil,
		"workspace_id":          "00000000-0000-0000-0000-000000000000",
		"expires_at":            nil,
	}
}

func (s *Server) defaultCreateKey(c *call) Response {
	n := s.nextID()
	name := str(c.json, "name")
	k := apiKey(name, fmt.Sprintf("sk-or-v1-new...%03d", n%1000), fmt.Sprintf("fakehash%06d", n))
	k["usage"], k["usage_daily"], k["usage_weekly"], k["usage_monthly"] = 0.0, 0.0, 0.0, 0.0
	if l, ok := c.json["limit"].(float64); ok {
		k["limit"], k["limit_remaining"] = l, l
	}
	if r, ok := c.json["limit_reset"].(string); ok {
		k["limit_reset"] = r
	}
	if b, ok := c.json["include_byok_in_limit"].(bool); ok {
		k["include_byok_in_limit"] = b
	}
	if e, ok := c.json["expires_at"].(string); ok {
		k["expires_at"] = e
	}
	return ok(obj{"data": k, "key": fmt.Sprintf("sk-or-v1-fake-new-key-%06d", n)})
}

func (s *Server) defaultUpdateKey(c *call) Response {
	k := apiKey("Fake key", "sk-or-v1-fak...e00", c.params["hash"])
	for _, f := range []string{"name", "disabled", "include_byok_in_limit", "limit_reset"} {
		if v, ok := c.json[f]; ok {
			k[f] = v
		}
	}
	if l, ok := c.json["limit"]; ok {
		k["limit"], k["limit_remaining"] = l, l
	}
	k["updated_at"] = fakeTime
	return ok(obj{"data": k})
}

func currentKey() obj {
	return obj{"data": obj{
		"label":                 "sk-or-v1-tes...key",
		"limit":                 nil,
		"limit_remaining":       nil,
		"limit_reset":           nil,
		"include_byok_in_limit": false,
		"usage":                 1.25,
		"usage_daily":           0.05,
		"usage_weekly":          0.4,
		"usage_monthly":         1.25,
		"byok_usage":            0.0,
		"byok_usage_daily":      0.0,
		"byok_usage_weekly":     0.0,
		"byok_usage_monthly":    0.0,
		"is_free_tier":          false,
		"is_management_key":     false,
		"is_provisioning_key":   false,
		"creator_user_id":       nil,
		"expires_at":            nil,
		"rate_limit":            obj{"requests": -1, "interval": "10s", "note": "This field is deprecated and safe to ignore."},
	}}
}

func (s *Server) defaultActivity(c *call) Response {
	date := c.req.URL.Query().Get("date")
	if date == "" {
		date = "2025-01-14"
	}
	item := func(model, endpoint string, requests, prompt, completion int) obj {
		return obj{
			"date":                 date,
			"model":                model,
			"model_permaslug":      model + "-20250101",
			"endpoint_id":          endpoint,
			"provider_name":        fakeProvider,
			"usage":                cost(prompt, completion),
			"byok_usage_inference": 0.0,
			"requests":             requests,
			"prompt_tokens":        prompt,
			"completion_tokens":    completion,
			"reasoning_tokens":     0,
		}
	}
	return ok(obj{"data": arr{
		item("openai/gpt-4o-mini", "ep-fake-0001", 42, 5100, 2300),
		item("anthropic/claude-3.5-haiku", "ep-fake-0002", 7, 900, 640),
	}})
}

// lastMessage is the last message of a chat request, or nil.
func lastMessage(messages []any) map[string]any {
	if len(messages) == 0 {
		return nil
	}
	m, _ := messages[len(messages)-1].(map[string]any)
	return m
}

// trailingToolResults are the texts of the tool messages that end
// messages, in order: the results of the last answer's calls.
func trailingToolResults(messages []any) []string {
	var out []string
	for i := len(messages) - 1; i >= 0; i-- {
		m, _ := messages[i].(map[string]any)
		if m == nil || m["role"] != "tool" {
			break
		}
		out = append(out, textOf(m["content"]))
	}
	slices.Reverse(out)
	return out
}

// fakeToolCalls are the tool calls the fake model makes: when the
// request offers function tools, tool_choice is not "none" and the last
// message is the user's, it calls the tool tool_choice names; else every
// offered function whose name the user's text contains, one call each in
// the order of the tools (only the first of them when
// parallel_tool_calls is false); else the first function. Its arguments
// fill the required parameters: strings with the last word of the user's
// text ("weather in Paris?" gives "Paris"), numbers with 1, booleans with
// true. It returns nil when the model should answer in text.
func fakeToolCalls(body map[string]any, messages []any) arr {
	tools, _ := body["tools"].([]any)
	last := lastMessage(messages)
	if len(tools) == 0 || last == nil || last["role"] != "user" || body["tool_choice"] == "none" {
		return nil
	}
	want := ""
	if tc, ok := body["tool_choice"].(map[string]any); ok {
		if fn, ok := tc["function"].(map[string]any); ok {
			want = str(fn, "name")
		}
	}
	text := textOf(last["content"])
	var fns, named []map[string]any
	for _, t := range tools {
		tm, _ := t.(map[string]any)
		f, _ := tm["function"].(map[string]any)
		if f == nil || (want != "" && str(f, "name") != want) {
			continue
		}
		fns = append(fns, f)
		if want == "" && str(f, "name") != "" && strings.Contains(text, str(f, "name")) {
			named = append(named, f)
		}
	}
	if len(named) > 0 {
		fns = named
	}
	if len(fns) == 0 {
		return nil
	}
	if parallel, ok := body["parallel_tool_calls"].(bool); len(named) == 0 || (ok && !parallel) {
		fns = fns[:1]
	}
	words := strings.Fields(text)
	word := ""
	if len(words) > 0 {
		word = strings.Trim(words[len(words)-1], ".,;:!?\"'()")
	}
	var calls arr
	for i, fn := range fns {
		params, _ := fn["parameters"].(map[string]any)
		calls = append(calls, obj{"id": fmt.Sprintf("call_fake_%d", i+1), "type": "function", "function": obj{"name": str(fn, "name"), "arguments": toolArguments(params, word)}})
	}
	return calls
}

// offsetPage cuts items by the request's offset and limit query
// parameters (limit 50 by default, as the API's listings do) into a page
// with the total count.
func offsetPage(c *call, items arr) obj {
	q := c.req.URL.Query()
	offset, limit := 0, 50
	fmt.Sscan(q.Get("offset"), &offset)
	fmt.Sscan(q.Get("limit"), &limit)
	total := len(items)
	offset = min(max(offset, 0), total)
	end := min(offset+max(limit, 0), total)
	page := items[offset:end]
	if page == nil {
		page = arr{}
	}
	return obj{"data": page, "total_count": total}
}
