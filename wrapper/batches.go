package openrouter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/gopenrouter/openrouter/gen"
)

// BatchesService runs batches of requests asynchronously (OpenRouter's
// Batch API, in beta): one endpoint shape and one model for every request
// of a batch, results within 24 hours at a discount. Get it from
// [Client].Batches.
//
// The Batch API is served under /api/beta, not /api/v1: the service
// derives its address from the client's (or the call's) base URL by
// replacing the last path element, so https://openrouter.ai/api/v1 gives
// https://openrouter.ai/api/beta, and a fake server's base URL works too.
type BatchesService struct{ c *caller }

type (
	// Batch is a submitted batch: status, counts, usage, and the results
	// inline once it has completed.
	Batch = gen.Batch
	// BatchStatus is where a batch stands, such as BatchStatusInProgress.
	BatchStatus = gen.BatchStatus
	// BatchResult is the outcome of one request of a batch; read its body
	// with [BatchResultAs].
	BatchResult = gen.BatchResult
	// BatchEndpoint is the API shape of every request of a batch.
	BatchEndpoint = gen.BatchEndpoint
)

// The statuses of a batch. Completed, failed, expired and cancelled are
// final.
const (
	BatchStatusValidating = gen.BatchStatusValidating
	BatchStatusInProgress = gen.BatchStatusInProgress
	BatchStatusFinalizing = gen.BatchStatusFinalizing
	BatchStatusCompleted  = gen.BatchStatusCompleted
	BatchStatusFailed     = gen.BatchStatusFailed
	BatchStatusExpired    = gen.BatchStatusExpired
	BatchStatusCancelling = gen.BatchStatusCancelling
	BatchStatusCancelled  = gen.BatchStatusCancelled
)

// BatchableRequest lists the request types a batch can carry: one per
// endpoint the Batch API serves.
type BatchableRequest interface {
	ChatRequest | ResponsesRequest | MessagesRequest | EmbeddingsRequest
}

// BatchResultType lists the result types of those endpoints, in the same
// order.
type BatchResultType interface {
	ChatResponse | ResponsesResult | MessagesResult | EmbeddingsResponse
}

// BatchItem is one request of a batch: an id unique within the batch, by
// which its result is found, and the request.
type BatchItem[R BatchableRequest] struct {
	CustomID string
	Request  R
}

// BatchRequest is a batch ready to submit, made by [NewBatch].
type BatchRequest struct {
	endpoint BatchEndpoint
	model    string
	items    []batchEntry
	// errs holds, by item, what NewBatch found wrong with it.
	errs []error
}

// batchEntry is one request of a batch, its body already encoded.
type batchEntry struct {
	CustomID string          `json:"custom_id"`
	Body     json.RawMessage `json:"body"`
}

// batchBody is the JSON body of POST /batches. The Batch API reads the
// body as a stream and needs endpoint and model before requests: the
// order of the fields here is the order encoding/json writes them in, and
// a test holds the encoded body to it byte for byte.
type batchBody struct {
	Endpoint BatchEndpoint `json:"endpoint"`
	Model    string        `json:"model"`
	Requests []batchEntry  `json:"requests"`
}

// NewBatch makes a batch of requests of one kind for model: the endpoint
// follows from the request type (chat completions, Responses, Messages or
// embeddings). A request that names no model gets model; one that names
// another model is an error of [BatchesService.Create], as are an empty
// batch, an empty or repeated custom id, and content the Batch API does
// not take (it is text-only).
func NewBatch[R BatchableRequest](model string, items ...BatchItem[R]) BatchRequest {
	b := BatchRequest{model: model}
	var zero R
	switch any(zero).(type) {
	case ChatRequest:
		b.endpoint = gen.BatchEndpointV1ChatCompletions
	case ResponsesRequest:
		b.endpoint = gen.BatchEndpointV1Responses
	case MessagesRequest:
		b.endpoint = gen.BatchEndpointV1Messages
	case EmbeddingsRequest:
		b.endpoint = gen.BatchEndpointV1Embeddings
	}
	for _, it := range items {
		var m *string
		switch r := any(&it.Request).(type) {
		case *ChatRequest:
			r.Stream = nil
			m = &r.Model
		case *ResponsesRequest:
			r.Stream = nil
			m = &r.Model
		case *MessagesRequest:
			r.Stream = nil
			m = &r.Model
		case *EmbeddingsRequest:
			m = &r.Model
		}
		if *m == "" {
			*m = model
		}
		e := batchEntry{CustomID: it.CustomID}
		var err error
		if *m != model {
			err = fmt.Errorf("names model %q, not the batch's %q", *m, model)
		} else {
			e.Body, err = json.Marshal(it.Request)
		}
		b.items = append(b.items, e)
		b.errs = append(b.errs, err)
	}
	return b
}

// Len returns the number of requests in the batch.
func (b BatchRequest) Len() int { return len(b.items) }

// check refuses, before anything is sent, a batch the Batch API would
// refuse, naming the request at fault.
func (b BatchRequest) check(op string) error {
	if b.endpoint == "" {
		return fmt.Errorf("openrouter: %s: the batch was not made by NewBatch", op)
	}
	if strings.TrimSpace(b.model) == "" {
		return fmt.Errorf("openrouter: %s: the batch has no model", op)
	}
	if len(b.items) == 0 {
		return fmt.Errorf("openrouter: %s: the batch has no requests", op)
	}
	seen := make(map[string]int, len(b.items))
	for i, e := range b.items {
		id := e.CustomID
		if b.errs[i] != nil {
			return errorf(op, "request %d (%q) %w", i, id, b.errs[i])
		}
		if strings.TrimSpace(id) == "" {
			return fmt.Errorf("openrouter: %s: request %d has an empty custom id", op, i)
		}
		if j, dup := seen[id]; dup {
			return fmt.Errorf("openrouter: %s: requests %d and %d share the custom id %q", op, j, i, id)
		}
		seen[id] = i
		if why := textOnly(b.endpoint, e.Body); why != "" {
			return fmt.Errorf("openrouter: %s: request %d (%q): %s; the Batch API takes text only, send it with the synchronous API", op, i, id, why)
		}
	}
	return nil
}

// textOnly says why a request body is not text-only for endpoint, or "".
// It decodes the body generically and looks at content part types and
// the chat options that ask for other output.
func textOnly(endpoint BatchEndpoint, body []byte) string {
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		return "body is not JSON: " + err.Error()
	}
	top, _ := doc.(map[string]any)
	var banned []string
	switch endpoint {
	case gen.BatchEndpointV1ChatCompletions:
		banned = []string{"image_url", "input_audio", "file", "video_url"}
		if _, ok := top["audio"]; ok {
			return "it asks for audio output"
		}
		if _, ok := top["image_config"]; ok {
			return "it asks for image output (image_config)"
		}
		if mods, ok := top["modalities"].([]any); ok {
			for _, m := range mods {
				if m != "text" {
					return fmt.Sprintf("it asks for %v output (modalities)", m)
				}
			}
		}
	case gen.BatchEndpointV1Responses:
		banned = []string{"input_image", "input_file", "input_audio"}
	case gen.BatchEndpointV1Messages:
		banned = []string{"image", "document"}
	case gen.BatchEndpointV1Embeddings:
		var in struct {
			Input json.RawMessage `json:"input"`
		}
		_ = json.Unmarshal(body, &in)
		var s string
		var ss []string
		var ints []int
		var intss [][]int
		if json.Unmarshal(in.Input, &s) != nil && json.Unmarshal(in.Input, &ss) != nil &&
			json.Unmarshal(in.Input, &ints) != nil && json.Unmarshal(in.Input, &intss) != nil {
			return "its input is not a string, strings or token arrays"
		}
		return ""
	}
	return findType(doc, banned)
}

// findType returns a description of the first object in v whose "type"
// is one of types, or "".
func findType(v any, types []string) string {
	switch x := v.(type) {
	case map[string]any:
		if t, ok := x["type"].(string); ok {
			for _, b := range types {
				if t == b {
					return "it has a content part of type " + t
				}
			}
		}
		for _, e := range x {
			if why := findType(e, types); why != "" {
				return why
			}
		}
	case []any:
		for _, e := range x {
			if why := findType(e, types); why != "" {
				return why
			}
		}
	}
	return ""
}

// betaServer turns the API's base URL (…/api/v1/) into the base the Batch
// API is served under (…/api/beta/): the last path element becomes beta.
func betaServer(server string) string {
	u, err := url.Parse(server)
	if err != nil {
		return server
	}
	p := strings.TrimSuffix(u.Path, "/")
	if p == "" {
		p = "/beta"
	} else {
		p = path.Join(path.Dir(p), "beta")
	}
	u.Path = strings.TrimSuffix(p, "/") + "/"
	return u.String()
}

// Create submits the batch and returns it, usually in status validating.
// A batch that the Batch API would refuse is refused before sending, with
// an error naming the request at fault. It calls POST /batches (under
// /api/beta).
func (s *BatchesService) Create(ctx context.Context, batch BatchRequest, opts ...Option) (*Batch, error) {
	const op = "Batches.Create"
	if err := batch.check(op); err != nil {
		return nil, err
	}
	body, err := json.Marshal(batchBody{Endpoint: batch.endpoint, Model: batch.model, Requests: batch.items})
	if err != nil {
		return nil, errorf(op, "%w", err)
	}
	return doJSON[Batch](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewCreateBatchRequestWithBody(betaServer(server), "application/json", bytes.NewReader(body))
	})
}

// Get returns the batch with the given id, its results inline once it has
// completed. It calls GET /batches/{id} (under /api/beta).
func (s *BatchesService) Get(ctx context.Context, id string, opts ...Option) (*Batch, error) {
	const op = "Batches.Get"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[Batch](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetBatchRequest(betaServer(server), id)
	})
}

// BatchWaitOptions shapes [BatchesService.Wait]; the zero value polls
// every 5 seconds at first, up to every minute.
type BatchWaitOptions struct {
	// Interval is the first wait between polls; each wait doubles, up to
	// MaxInterval.
	Interval    time.Duration
	MaxInterval time.Duration
	// Progress, when set, is called with the batch after every poll, for
	// example to report RequestCounts.
	Progress func(*Batch)
}

// BatchFailedError reports a batch that ended failed, expired or
// cancelled. Batch is its last state.
type BatchFailedError struct {
	ID      string
	Status  BatchStatus
	Message string
	Batch   *Batch
}

// Error names the batch, its status and the reason OpenRouter gave.
func (e *BatchFailedError) Error() string {
	msg := fmt.Sprintf("openrouter: batch %s ended %s", e.ID, e.Status)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// Wait polls the batch with the given id (with Get) until it reaches a
// final status and returns it. The first poll is immediate; the waits
// between polls grow from w.Interval to w.MaxInterval (w may be nil). A
// completed batch is returned with a nil error; a failed, expired or
// cancelled one together with a [*BatchFailedError]. A failed poll (after
// the usual retries) or the end of ctx stops the wait with an error that
// names the batch and its last status. It calls GET /batches/{id} once
// per poll.
func (s *BatchesService) Wait(ctx context.Context, id string, w *BatchWaitOptions, opts ...Option) (*Batch, error) {
	const op = "Batches.Wait"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	var wo BatchWaitOptions
	if w != nil {
		wo = *w
	}
	interval, maxInterval, err := pollIntervals(op, wo.Interval, wo.MaxInterval, 5*time.Second, time.Minute)
	if err != nil {
		return nil, err
	}
	b, err := poll(ctx, op, "batch "+id, interval, maxInterval,
		func(ctx context.Context) (*Batch, string, error) {
			b, err := s.Get(ctx, id, opts...)
			if err != nil {
				return nil, "", err
			}
			if wo.Progress != nil {
				wo.Progress(b)
			}
			return b, string(b.Status), nil
		},
		func(b *Batch) bool {
			switch b.Status {
			case BatchStatusCompleted, BatchStatusFailed, BatchStatusExpired, BatchStatusCancelled:
				return true
			}
			return false
		})
	if err != nil {
		return nil, err
	}
	if b.Status != BatchStatusCompleted {
		e := &BatchFailedError{ID: id, Status: b.Status, Batch: b}
		if b.Error != nil && b.Error.Message != "" {
			e.Message = b.Error.Message
		}
		return b, e
	}
	return b, nil
}

// ErrBatchResultFailed is matched by the error of [BatchResultAs] for a
// request of the batch that failed.
var ErrBatchResultFailed = errors.New("openrouter: batch request failed")

// BatchResultAs decodes the body of a batch result as T, the result type
// of the batch's endpoint: [ChatResponse] for a chat batch,
// [ResponsesResult], [MessagesResult] or [EmbeddingsResponse]. A request
// that failed gives an error matching [ErrBatchResultFailed] with the
// reason OpenRouter gave.
func BatchResultAs[T BatchResultType](r BatchResult) (*T, error) {
	if r.Error != nil || r.Response == nil {
		msg := "no response"
		if r.Error != nil && r.Error.Message != "" {
			msg = r.Error.Message
		}
		return nil, errorf("BatchResultAs", "%w: %s: %s", ErrBatchResultFailed, r.CustomID, msg)
	}
	out := new(T)
	if err := unmarshal(r.Response.Body, out); err != nil {
		return nil, errorf("BatchResultAs", "batch result %s: %w", r.CustomID, err)
	}
	return out, nil
}

// BatchResultByID returns the result of the request with the given custom
// id, and whether there is one.
func BatchResultByID(b *Batch, customID string) (BatchResult, bool) {
	for _, r := range b.Results {
		if r.CustomID == customID {
			return r, true
		}
	}
	return BatchResult{}, false
}
