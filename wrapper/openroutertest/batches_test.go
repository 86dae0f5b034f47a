package openroutertest_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func init() {
	for id, s := range map[string]sample{
		"createBatch": {"POST", "beta:/batches", `{"endpoint":"/v1/chat/completions","model":"openai/gpt-4o-mini","requests":[{"custom_id":"a","body":{"messages":[{"role":"user","content":"Hi"}]}}]}`, false, 202,
			[]string{`"status":"validating"`, `"object":"batch"`, `"total":1`, `"results":null`}},
		"getBatch": {"GET", "beta:/batches/batch_missing", "", false, 404, []string{`batch \"batch_missing\" not found`}},
	} {
		samples[id] = s
	}
}

// A batch moves through its statuses, one per poll, and completes with
// results computed like the fake's normal answers.
func TestBatchLifecycle(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	ctx := context.Background()
	item := func(id, text string) openrouter.BatchItem[openrouter.ChatRequest] {
		return openrouter.BatchItem[openrouter.ChatRequest]{CustomID: id, Request: openrouter.ChatRequest{Messages: []openrouter.ChatMessage{openrouter.UserText(text)}}}
	}
	b, err := c.Batches.Create(ctx, openrouter.NewBatch("openai/gpt-4o-mini", item("a", "Hello"), item("b", "Bye")))
	if err != nil {
		t.Fatal(err)
	}
	var statuses []openrouter.BatchStatus
	done, err := c.Batches.Wait(ctx, b.ID, &openrouter.BatchWaitOptions{Interval: time.Millisecond, MaxInterval: 2 * time.Millisecond,
		Progress: func(b *openrouter.Batch) { statuses = append(statuses, b.Status) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(statuses) != 3 || statuses[0] != openrouter.BatchStatusInProgress || statuses[2] != openrouter.BatchStatusCompleted {
		t.Errorf("statuses %v", statuses)
	}
	r, ok := openrouter.BatchResultByID(done, "b")
	if !ok {
		t.Fatal("no result b")
	}
	resp, err := openrouter.BatchResultAs[openrouter.ChatResponse](r)
	if err != nil || resp.Text() != "You said: Bye" {
		t.Errorf("result b: %v, %v", resp, err)
	}
	if done.Usage == nil || done.Usage.TotalTokens == nil || *done.Usage.TotalTokens == 0 || done.RequestCounts.Completed != 2 {
		t.Errorf("usage %+v, counts %+v", done.Usage, done.RequestCounts)
	}
	if f := srv.Failures(); len(f) != 0 {
		t.Errorf("failures %v", f)
	}
}

func TestBatchPacingAndRoutes(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t, openroutertest.WithBatchPacing(time.Hour))
	status, _, body := do(t, srv, "POST", "beta:/batches", samples["createBatch"].body)
	if status != 202 {
		t.Fatalf("create: %d %s", status, body)
	}
	c, _ := srv.Client()
	b, err := c.Batches.Get(context.Background(), "batch_fake_0001")
	if err != nil || b.Status != openrouter.BatchStatusValidating {
		t.Errorf("with an hour's pacing the batch is %v (%v)", b, err)
	}
	// The Batch API is not under /api/v1, nor the rest under /api/beta.
	srv2 := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
	if status, _, _ := do(t, srv2, "GET", "/batches/batch_fake_0001", ""); status != http.StatusNotFound {
		t.Errorf("GET /api/v1/batches/...: %d, want 404", status)
	}
	if status, _, _ := do(t, srv2, "GET", "beta:/models", ""); status != http.StatusNotFound {
		t.Errorf("GET /api/beta/models: %d, want 404", status)
	}
}

// Identical requests with caching on: a miss, then a hit with the
// documented headers and zero usage; a clear makes the next one a miss.
func TestResponseCaching(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	req := openrouter.ChatRequest{Model: "openai/gpt-4o-mini", Messages: []openrouter.ChatMessage{openrouter.UserText("cache me")}}
	var r1, r2, r3 *http.Response
	first, err := c.Chat.Send(context.Background(), req, openrouter.WithResponseCache(true), openrouter.WithResponseInto(&r1))
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Chat.Send(context.Background(), req, openrouter.WithResponseCache(true), openrouter.WithResponseInto(&r2))
	if err != nil {
		t.Fatal(err)
	}
	i1, _ := openrouter.CacheInfoOf(r1.Header)
	i2, ok := openrouter.CacheInfoOf(r2.Header)
	if i1.Hit || i1.Status != "MISS" || !ok || !i2.Hit || i2.SourceID != first.ID || second.ID == first.ID || i2.TTL <= 0 {
		t.Errorf("miss %+v, hit %+v (ids %s, %s)", i1, i2, first.ID, second.ID)
	}
	if second.Usage == nil || second.Usage.TotalTokens != 0 || second.Text() != first.Text() {
		t.Errorf("hit usage %+v, text %q", second.Usage, second.Text())
	}
	if _, err := c.Chat.Send(context.Background(), req, openrouter.WithResponseCache(true), openrouter.WithResponseCacheClear(true), openrouter.WithResponseInto(&r3)); err != nil {
		t.Fatal(err)
	}
	if i3, _ := openrouter.CacheInfoOf(r3.Header); i3.Hit {
		t.Errorf("after a clear: %+v", i3)
	}
	// Without the header nothing is cached.
	var r4 *http.Response
	if _, err := c.Chat.Send(context.Background(), req, openrouter.WithResponseInto(&r4)); err != nil {
		t.Fatal(err)
	}
	if _, ok := openrouter.CacheInfoOf(r4.Header); ok {
		t.Error("cache headers without X-OpenRouter-Cache")
	}
}
