package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// batchServer serves the Batch API under /api/beta (and nothing under
// /api/v1): answers are given by h; it records the bodies it was sent.
type batchServer struct {
	*httptest.Server
	mu     sync.Mutex
	paths  []string
	bodies [][]byte
}

func newBatchServer(t *testing.T, h http.HandlerFunc) *batchServer {
	t.Helper()
	bs := &batchServer{}
	bs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		bs.mu.Lock()
		bs.paths = append(bs.paths, r.Method+" "+r.URL.Path)
		bs.bodies = append(bs.bodies, body)
		bs.mu.Unlock()
		if !strings.HasPrefix(r.URL.Path, "/api/beta/batches") {
			http.Error(w, "not the batch API: "+r.URL.Path, http.StatusTeapot)
			return
		}
		h(w, r)
	}))
	t.Cleanup(bs.Close)
	return bs
}

func (bs *batchServer) client(t *testing.T, opts ...openrouter.Option) *openrouter.Client {
	t.Helper()
	c, err := openrouter.NewClient(append([]openrouter.Option{openrouter.WithBaseURL(bs.URL + "/api/v1"), openrouter.WithAPIKey(testKey), fastRetry}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (bs *batchServer) requests() ([]string, [][]byte) {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	return append([]string(nil), bs.paths...), append([][]byte(nil), bs.bodies...)
}

const validatingBatch = `{"id":"batch_1","object":"batch","endpoint":"/v1/chat/completions","model":"m/x","completion_window":"24h","status":"validating","created_at":1782097200,"finalized_at":null,"request_counts":{"total":2,"completed":0,"failed":0},"usage":null,"results":null,"error":null}`

func chatItem(id, text string) openrouter.BatchItem[openrouter.ChatRequest] {
	return openrouter.BatchItem[openrouter.ChatRequest]{CustomID: id, Request: openrouter.ChatRequest{Messages: []openrouter.ChatMessage{openrouter.UserText(text)}}}
}

// The Batch API stream-parses the body: endpoint and model must come
// before requests. The body is asserted byte for byte.
func TestBatchCreateBodyOrderAndPath(t *testing.T) {
	t.Parallel()
	bs := newBatchServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, validatingBatch)
	})
	b, err := bs.client(t).Batches.Create(context.Background(), openrouter.NewBatch("m/x", chatItem("a", "Hi"), chatItem("b", "Bye")))
	if err != nil {
		t.Fatal(err)
	}
	if b.ID != "batch_1" || b.Status != openrouter.BatchStatusValidating || b.RequestCounts.Total != 2 {
		t.Errorf("batch %+v", b)
	}
	paths, bodies := bs.requests()
	if len(paths) != 1 || paths[0] != "POST /api/beta/batches" {
		t.Fatalf("requests %v, want one POST /api/beta/batches", paths)
	}
	body := func(text string) string {
		b, err := json.Marshal(openrouter.ChatRequest{Model: "m/x", Messages: []openrouter.ChatMessage{openrouter.UserText(text)}})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	want := `{"endpoint":"/v1/chat/completions","model":"m/x","requests":[{"custom_id":"a","body":` + body("Hi") + `},{"custom_id":"b","body":` + body("Bye") + `}]}`
	if got := string(bodies[0]); got != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

// A per-call base URL moves the Batch API with it.
func TestBatchPerCallBaseURL(t *testing.T) {
	t.Parallel()
	bs := newBatchServer(t, jsonHandler(200, validatingBatch))
	other := newBatchServer(t, jsonHandler(200, validatingBatch))
	if _, err := bs.client(t).Batches.Get(context.Background(), "batch_1", openrouter.WithBaseURL(other.URL+"/api/v1")); err != nil {
		t.Fatal(err)
	}
	if p, _ := other.requests(); len(p) != 1 || p[0] != "GET /api/beta/batches/batch_1" {
		t.Errorf("the other server saw %v", p)
	}
	if p, _ := bs.requests(); len(p) != 0 {
		t.Errorf("the client's server saw %v", p)
	}
}

func TestBatchBadInputIsRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	bs := newBatchServer(t, jsonHandler(200, validatingBatch))
	c := bs.client(t)
	var embIn gen.CreateEmbeddingsRequestInput
	if err := embIn.UnmarshalJSON([]byte(`[{"content":[{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]`)); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		batch openrouter.BatchRequest
		want  string
	}{
		"no requests":      {openrouter.NewBatch[openrouter.ChatRequest]("m/x"), "the batch has no requests"},
		"no model":         {openrouter.NewBatch("", chatItem("a", "x")), "the batch has no model"},
		"empty custom id":  {openrouter.NewBatch("m/x", chatItem("a", "x"), chatItem("", "y")), "request 1 has an empty custom id"},
		"duplicate id":     {openrouter.NewBatch("m/x", chatItem("a", "x"), chatItem("b", "y"), chatItem("a", "z")), `requests 0 and 2 share the custom id "a"`},
		"other model":      {openrouter.NewBatch("m/x", openrouter.BatchItem[openrouter.ChatRequest]{CustomID: "q", Request: openrouter.ChatRequest{Model: "m/y", Messages: []openrouter.ChatMessage{openrouter.UserText("x")}}}), `request 0 ("q") names model "m/y", not the batch's "m/x"`},
		"image part":       {openrouter.NewBatch("m/x", openrouter.BatchItem[openrouter.ChatRequest]{CustomID: "img", Request: openrouter.ChatRequest{Messages: []openrouter.ChatMessage{openrouter.UserMessage(openrouter.TextPart("what is it?"), openrouter.ImageURLPart("https://example.com/a.png"))}}}), `request 0 ("img"): it has a content part of type image_url; the Batch API takes text only`},
		"audio output":     {openrouter.NewBatch("m/x", openrouter.BatchItem[openrouter.ChatRequest]{CustomID: "au", Request: openrouter.ChatRequest{Messages: []openrouter.ChatMessage{openrouter.UserText("x")}, Modalities: []gen.ChatRequestModality{"text", "audio"}}}), `request 0 ("au"): it asks for audio output (modalities)`},
		"multimodal embed": {openrouter.NewBatch("e/x", openrouter.BatchItem[openrouter.EmbeddingsRequest]{CustomID: "e1", Request: openrouter.EmbeddingsRequest{Input: embIn}}), `request 0 ("e1"): its input is not a string, strings or token arrays`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Batches.Create(context.Background(), tc.batch)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "Batches.Create") {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if p, _ := bs.requests(); len(p) != 0 {
		t.Errorf("%d requests sent for bad batches", len(p))
	}
}

func completedBatch(status string, results string) string {
	return `{"id":"batch_1","object":"batch","endpoint":"/v1/chat/completions","model":"m/x","completion_window":"24h","status":"` + status +
		`","created_at":1,"finalized_at":2,"request_counts":{"total":2,"completed":1,"failed":1},"usage":{"prompt_tokens":20,"completion_tokens":40,"total_tokens":60,"cost":0.000225,"is_byok":false},"results":` + results + `,"error":null}`
}

const chatResults = `[{"id":"r1","custom_id":"a","response":{"status_code":200,"request_id":"q1","body":{"id":"gen-batch-1","object":"chat.completion","created":1,"model":"m/x","choices":[{"index":0,"message":{"role":"assistant","content":"Hello."},"finish_reason":"stop"}]}},"error":null},` +
	`{"id":"r2","custom_id":"b","response":null,"error":{"code":"invalid_request","message":"bad prompt"}}]`

func TestBatchWaitReportsProgressAndTypedResults(t *testing.T) {
	t.Parallel()
	var polls atomic.Int32
	bs := newBatchServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch polls.Add(1) {
		case 1:
			io.WriteString(w, validatingBatch)
		case 2:
			io.WriteString(w, strings.Replace(strings.Replace(validatingBatch, "validating", "in_progress", 1), `"completed":0`, `"completed":1`, 1))
		default:
			io.WriteString(w, completedBatch("completed", chatResults))
		}
	})
	var seen []string
	b, err := bs.client(t).Batches.Wait(context.Background(), "batch_1", &openrouter.BatchWaitOptions{
		Interval: time.Millisecond, MaxInterval: 4 * time.Millisecond,
		Progress: func(b *openrouter.Batch) {
			seen = append(seen, string(b.Status)+":"+itoa(b.RequestCounts.Completed)+"/"+itoa(b.RequestCounts.Total))
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(seen, ","); got != "validating:0/2,in_progress:1/2,completed:1/2" {
		t.Errorf("progress %s", got)
	}
	r, ok := openrouter.BatchResultByID(b, "a")
	if !ok {
		t.Fatal("no result a")
	}
	resp, err := openrouter.BatchResultAs[openrouter.ChatResponse](r)
	if err != nil || resp.Text() != "Hello." || resp.ID != "gen-batch-1" {
		t.Errorf("result a: %v, %v", resp, err)
	}
	rb, _ := openrouter.BatchResultByID(b, "b")
	if _, err := openrouter.BatchResultAs[openrouter.ChatResponse](rb); !errors.Is(err, openrouter.ErrBatchResultFailed) || !strings.Contains(err.Error(), "bad prompt") {
		t.Errorf("failed result: %v", err)
	}
	if b.Usage == nil || b.Usage.Cost == nil || *b.Usage.Cost != 0.000225 {
		t.Errorf("usage %+v", b.Usage)
	}
}

func TestBatchWaitEnds(t *testing.T) {
	t.Parallel()
	t.Run("failed batch", func(t *testing.T) {
		t.Parallel()
		bs := newBatchServer(t, jsonHandler(200, strings.Replace(completedBatch("failed", "null"), `"error":null}`, `"error":{"code":"validation","message":"request 3 is invalid"}}`, 1)))
		b, err := bs.client(t).Batches.Wait(context.Background(), "batch_1", nil)
		var fe *openrouter.BatchFailedError
		if !errors.As(err, &fe) || fe.Status != openrouter.BatchStatusFailed || fe.Message != "request 3 is invalid" || b == nil {
			t.Errorf("error %v, batch %v", err, b)
		}
	})
	t.Run("context", func(t *testing.T) {
		t.Parallel()
		bs := newBatchServer(t, jsonHandler(200, validatingBatch))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := bs.client(t).Batches.Wait(ctx, "batch_1", &openrouter.BatchWaitOptions{Interval: 10 * time.Millisecond})
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "batch batch_1 still validating") {
			t.Errorf("error %v", err)
		}
	})
	t.Run("bad intervals", func(t *testing.T) {
		t.Parallel()
		bs := newBatchServer(t, jsonHandler(200, validatingBatch))
		if _, err := bs.client(t).Batches.Wait(context.Background(), "batch_1", &openrouter.BatchWaitOptions{Interval: -1}); err == nil {
			t.Error("a negative interval was accepted")
		}
	})
}

func TestBatchResultAsEmbeddings(t *testing.T) {
	t.Parallel()
	r := openrouter.BatchResult{CustomID: "emb-1", Response: &gen.BatchResultResponse{StatusCode: 200, Body: json.RawMessage(
		`{"object":"list","data":[{"object":"embedding","embedding":[0.25,-0.5],"index":0}],"model":"e/x","usage":{"prompt_tokens":8,"total_tokens":8}}`)}}
	e, err := openrouter.BatchResultAs[openrouter.EmbeddingsResponse](r)
	if err != nil || len(e.Data) != 1 || e.Model != "e/x" {
		t.Fatalf("%+v, %v", e, err)
	}
}

func TestResponseCacheOptions(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-OpenRouter-Cache-Status", "HIT")
		w.Header().Set("X-OpenRouter-Cache-Age", "12")
		w.Header().Set("X-OpenRouter-Cache-TTL", "288")
		w.Header().Set("X-OpenRouter-Cache-Source-Id", "gen-abc123")
		jsonHandler(200, okChat)(w, r)
	})
	c := ts.client(t, openrouter.WithResponseCache(true), openrouter.WithResponseCacheTTL(10*time.Minute))
	var resp *http.Response
	if _, err := sendChat(t, c, openrouter.WithResponseCacheClear(true), openrouter.WithResponseInto(&resp)); err != nil {
		t.Fatal(err)
	}
	h := ts.requests()[0].Header
	if h.Get("X-OpenRouter-Cache") != "true" || h.Get("X-OpenRouter-Cache-TTL") != "600" || h.Get("X-OpenRouter-Cache-Clear") != "true" {
		t.Errorf("cache headers sent: %v", h)
	}
	info, ok := openrouter.CacheInfoOf(resp.Header)
	if !ok || !info.Hit || info.Age != 12*time.Second || info.TTL != 288*time.Second || info.SourceID != "gen-abc123" {
		t.Errorf("CacheInfo %+v, %v", info, ok)
	}
	// Off for one call, and no clear header without the option.
	if _, err := sendChat(t, c, openrouter.WithResponseCache(false)); err != nil {
		t.Fatal(err)
	}
	if h := ts.requests()[1].Header; h.Get("X-OpenRouter-Cache") != "false" || h.Get("X-OpenRouter-Cache-Clear") != "" {
		t.Errorf("second call headers: %v", h)
	}
	if _, ok := openrouter.CacheInfoOf(http.Header{}); ok {
		t.Error("CacheInfoOf reported a cache status on a response without one")
	}
	for _, bad := range []time.Duration{0, time.Millisecond * 500, 1500 * time.Millisecond, 25 * time.Hour, -time.Second} {
		if _, err := openrouter.NewClient(openrouter.WithResponseCacheTTL(bad)); err == nil || !strings.Contains(err.Error(), "WithResponseCacheTTL") {
			t.Errorf("TTL %v: error %v", bad, err)
		}
	}
}

func TestStreamCacheInfo(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-OpenRouter-Cache-Status", "MISS")
		w.Header().Set("X-OpenRouter-Cache-TTL", "300")
		sseHandler(0, "data: "+chunkJSON("a")+"\n\n", "data: [DONE]\n\n")(w, r)
	})
	stream, err := streamChat(t, ts.client(t, openrouter.WithResponseCache(true)))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	info, ok := stream.Cache()
	if !ok || info.Hit || info.Status != "MISS" || info.TTL != 5*time.Minute {
		t.Errorf("stream cache info %+v, %v", info, ok)
	}
}
