//go:build live

package live_test

import (
	"net/http"
	"testing"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// TestLiveBatchSubmit submits a one-request batch and reads it back; it
// does not wait the up to 24 hours a batch may take.
func TestLiveBatchSubmit(t *testing.T) {
	c := client(t)
	req := chatRequest()
	req.Model = ""
	b, err := c.Batches.Create(ctx(t), openrouter.NewBatch(model(), openrouter.BatchItem[openrouter.ChatRequest]{CustomID: "live-1", Request: req}))
	if err != nil {
		t.Fatal(err)
	}
	if b.ID == "" || b.RequestCounts.Total != 1 {
		t.Errorf("batch %+v", b)
	}
	got, err := c.Batches.Get(ctx(t), b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != b.ID {
		t.Errorf("Get returned batch %q for %q", got.ID, b.ID)
	}
}

// TestLiveResponseCache sends the same request twice with caching on: the
// second answer comes from the cache.
func TestLiveResponseCache(t *testing.T) {
	c := client(t)
	req := chatRequest()
	req.Temperature = openrouter.Ptr(0.0)
	var first, second *http.Response
	if _, err := c.Chat.Send(ctx(t), req, openrouter.WithResponseCache(true), openrouter.WithResponseCacheTTL(60*time.Second), openrouter.WithResponseInto(&first)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Chat.Send(ctx(t), req, openrouter.WithResponseCache(true), openrouter.WithResponseInto(&second)); err != nil {
		t.Fatal(err)
	}
	info, ok := openrouter.CacheInfoOf(second.Header)
	if !ok || !info.Hit {
		t.Errorf("second call: cache %+v (present %v), want a hit", info, ok)
	}
}
