package openrouter

import (
	"context"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// RerankService orders documents by relevance. Get it from [Client].Rerank.
type RerankService struct{ c *caller }

// Request and result types of the Rerank methods.
type (
	// RerankRequest is the body of Rerank.Send. Build its documents with
	// [RerankTexts].
	RerankRequest = gen.CreateRerankRequest
	// RerankDocument is one document of a RerankRequest: a string, or an
	// object with text or an image.
	RerankDocument = gen.CreateRerankRequestDocument
	// RerankResponse is the result of Rerank.Send: the documents by
	// decreasing relevance, each with its index in the request.
	RerankResponse = gen.CreateRerankResponse
)

// RerankTexts returns plain-text documents for a RerankRequest.
func RerankTexts(texts ...string) []RerankDocument {
	docs := make([]RerankDocument, len(texts))
	for i, t := range texts {
		// Setting a string on a union cannot fail.
		_ = docs[i].FromCreateRerankRequestDocumentString(t)
	}
	return docs
}

// Send orders the request's documents by relevance to its query, keeping
// the TopN most relevant when set. It calls POST /rerank.
func (s *RerankService) Send(ctx context.Context, req RerankRequest, opts ...Option) (*RerankResponse, error) {
	return doJSON[RerankResponse](ctx, s.c, "Rerank.Send", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateRerankRequest(server, req)
	})
}
