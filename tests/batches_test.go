package tests

import (
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func init() {
	register(map[string]contract{
		"createBatch": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			b := must[*openrouter.Batch](t)(c.Batches.Create(ctx, openrouter.NewBatch("openai/text-embedding-3-small",
				openrouter.BatchItem[openrouter.EmbeddingsRequest]{CustomID: "e1", Request: openrouter.EmbeddingsRequest{Input: embeddingInput(t, "alpha", "beta")}})))
			r := only(t, srv, "createBatch")
			if r.Method != "POST" || r.Path != "/api/beta/batches" {
				t.Errorf("request %s %s, want POST /api/beta/batches", r.Method, r.Path)
			}
			check(t, "status", b.Status, openrouter.BatchStatusValidating)
			check(t, "total", b.RequestCounts.Total, 1)
			check(t, "endpoint", b.Endpoint, "/v1/embeddings")
		},
		"getBatch": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			created := must[*openrouter.Batch](t)(c.Batches.Create(ctx, openrouter.NewBatch("openai/gpt-4o-mini",
				openrouter.BatchItem[openrouter.MessagesRequest]{CustomID: "m1", Request: openrouter.MessagesRequest{MaxTokens: ptr(16), Messages: []openrouter.MessagesMessage{openrouter.MessagesUserText("Hi")}}})))
			var b *openrouter.Batch
			for range 3 {
				b = must[*openrouter.Batch](t)(c.Batches.Get(ctx, created.ID))
			}
			r := srv.RequestsFor("getBatch")
			if len(r) != 3 || r[0].Path != "/api/beta/batches/"+created.ID {
				t.Errorf("requests %+v", r)
			}
			check(t, "status", b.Status, openrouter.BatchStatusCompleted)
			res, ok := openrouter.BatchResultByID(b, "m1")
			if !ok {
				t.Fatal("no result m1")
			}
			msg := must[*openrouter.MessagesResult](t)(openrouter.BatchResultAs[openrouter.MessagesResult](res))
			check(t, "text", msg.Text(), "You said: Hi")
		},
	})
}

// embeddingInput is the input of an embeddings request for texts.
func embeddingInput(t *testing.T, texts ...string) gen.CreateEmbeddingsRequestInput {
	t.Helper()
	var in gen.CreateEmbeddingsRequestInput
	if err := in.FromCreateEmbeddingsRequestInputStringList(texts); err != nil {
		t.Fatal(err)
	}
	return in
}
