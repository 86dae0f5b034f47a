package openroutertest

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// WithBatchPacing makes a batch move to its next status every d: from
// validating through in_progress and finalizing to completed. Without it
// a batch moves one status further at every getBatch, so a test that
// waits for a batch polls three times.
func WithBatchPacing(d time.Duration) ServerOption {
	return func(c *serverConfig) { c.batchPacing = d }
}

// batchStatuses is the course of a batch that succeeds.
var batchStatuses = []string{"validating", "in_progress", "finalizing", "completed"}

// batchEndpointOps maps a batch's endpoint to the operation whose default
// answers its requests.
var batchEndpointOps = map[string]OperationID{
	"/v1/chat/completions": OpSendChatCompletionRequest,
	"/v1/responses":        OpCreateResponses,
	"/v1/messages":         OpCreateMessages,
	"/v1/embeddings":       OpCreateEmbeddings,
}

// fakeBatch is a submitted batch: its answers are computed when it is
// submitted, like the fake's normal answers, and shown once it completes.
type fakeBatch struct {
	base    obj // the fields that do not change
	created time.Time
	polls   int
	total   int
	results arr
	usage   obj
}

type batchStore struct {
	mu sync.Mutex
	m  map[string]*fakeBatch
	n  int
}

func init() {
	defaults[OpCreateBatch] = (*Server).defaultCreateBatch
	defaults[OpGetBatch] = (*Server).defaultGetBatch
}

func (s *Server) defaultCreateBatch(c *call) Response {
	endpoint, model := str(c.json, "endpoint"), str(c.json, "model")
	op := batchEndpointOps[endpoint]
	requests, _ := c.json["requests"].([]any)
	b := &fakeBatch{created: time.Now(), total: len(requests)}
	var prompt, completion int
	var cost float64
	for i, r := range requests {
		item, _ := r.(map[string]any)
		body, _ := item["body"].(map[string]any)
		if body == nil {
			body = map[string]any{}
		}
		if m := str(body, "model"); m != "" && m != model {
			return ErrorResponse(http.StatusBadRequest, fmt.Sprintf("request %d names model %q, not the batch's %q", i, m, model))
		}
		body["model"] = model
		delete(body, "stream")
		answer := s.defaultAnswer(&call{op: op, route: c.route, req: c.req, json: body})
		b.results = append(b.results, obj{
			"id":        fmt.Sprintf("batch_req_%d_%d", s.nextID(), i),
			"custom_id": item["custom_id"],
			"response":  obj{"status_code": 200, "request_id": fmt.Sprintf("request_fake_%d", i), "body": answer.JSON},
			"error":     nil,
		})
		if m, ok := answer.JSON.(obj); ok {
			if u, ok := m["usage"].(obj); ok {
				p, _ := u["prompt_tokens"].(int)
				if in, ok := u["input_tokens"].(int); ok {
					p = in
				}
				q, _ := u["completion_tokens"].(int)
				if out, ok := u["output_tokens"].(int); ok {
					q = out
				}
				prompt, completion = prompt+p, completion+q
				if v, ok := u["cost"].(float64); ok {
					cost += v
				}
			}
		}
	}
	// Batches cost half the standard price.
	b.usage = obj{"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion, "cost": cost / 2, "is_byok": false}
	s.batches.mu.Lock()
	if s.batches.m == nil {
		s.batches.m = map[string]*fakeBatch{}
	}
	s.batches.n++
	id := fmt.Sprintf("batch_fake_%04d", s.batches.n)
	b.base = obj{"id": id, "object": "batch", "endpoint": endpoint, "model": model, "completion_window": "24h", "created_at": b.created.Unix()}
	s.batches.m[id] = b
	view := s.batchView(b)
	s.batches.mu.Unlock()
	return Response{Status: http.StatusAccepted, JSON: view, Header: http.Header{}}
}

func (s *Server) defaultGetBatch(c *call) Response {
	s.batches.mu.Lock()
	defer s.batches.mu.Unlock()
	b := s.batches.m[c.params["id"]]
	if b == nil {
		return ErrorResponse(http.StatusNotFound, fmt.Sprintf("batch %q not found", c.params["id"]))
	}
	b.polls++
	return ok(s.batchView(b))
}

// batchView is the batch as the API shows it now. The caller holds
// s.batches.mu.
func (s *Server) batchView(b *fakeBatch) obj {
	step := b.polls
	if d := s.cfg.batchPacing; d > 0 {
		step = int(time.Since(b.created) / d)
	}
	step = min(step, len(batchStatuses)-1)
	status := batchStatuses[step]
	done := 0
	switch status {
	case "in_progress":
		done = b.total / 2
	case "finalizing", "completed":
		done = b.total
	}
	v := obj{}
	for k, x := range b.base {
		v[k] = x
	}
	v["status"] = status
	v["request_counts"] = obj{"total": b.total, "completed": done, "failed": 0}
	v["finalized_at"], v["usage"], v["results"], v["error"] = nil, nil, nil, nil
	if status == "completed" {
		v["finalized_at"] = b.created.Add(time.Duration(step) * max(s.cfg.batchPacing, time.Second)).Unix()
		v["usage"] = b.usage
		v["results"] = b.results
	}
	return v
}
