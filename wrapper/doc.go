// Package openrouter is a Go client for the OpenRouter API: one
// OpenAI-compatible API in front of hundreds of models, plus OpenRouter's
// platform endpoints (models, providers, keys, credits, generations,
// analytics, OAuth).
//
// The package lives in the wrapper directory of its module; import it as
//
//	import openrouter "github.com/gopenrouter/openrouter/wrapper"
//
// It is a thin layer over package gen, which oapi-codegen generates from
// the module's openapi.yaml: request and response types are gen's (the
// common ones have short aliases here, such as [ChatRequest]), and this
// package adds authentication, app attribution, retries, timeouts, typed
// errors, streaming and constructors.
//
// # Creating a client
//
// [NewClient] reads the API key from $OPENROUTER_API_KEY unless
// [WithAPIKey] is given, and the base URL from $OPENROUTER_BASE_URL or
// [DefaultBaseURL]:
//
//	client, err := openrouter.NewClient(
//		openrouter.WithAppAttribution("https://myapp.example", "My App"),
//	)
//
// A missing key is reported by the first call that needs one
// ([ErrMissingAPIKey]), so a keyless client can still run the OAuth flow or
// talk to a fake server.
//
// Every option works on the client and on a single call; a call option
// overrides the client's for that call only:
//
//	resp, err := client.Chat.Send(ctx, req, openrouter.WithMaxRetries(0))
//
// # Services
//
// Operations are grouped as in OpenRouter's documentation: [Client].Chat,
// Completions, Embeddings, Models, Endpoints, Parameters, Providers,
// Generations, Credits, APIKeys, Analytics, OAuth and Beta.Responses. Each
// method takes ctx first, path parameters as arguments, optional query
// parameters as a params struct (nil for defaults) and the body as a
// struct, and returns (*T, error). Its doc comment names the endpoint.
//
// # Chat
//
//	resp, err := client.Chat.Send(ctx, openrouter.ChatRequest{
//		Model:    openrouter.Ptr("openai/gpt-4o"),
//		Messages: []openrouter.ChatMessage{openrouter.UserText("Hello!")},
//	})
//	if err != nil {
//		return err
//	}
//	fmt.Println(resp.Text())
//
// # Streaming
//
// [ChatService.Stream] returns a [Stream] read in the caller's goroutine.
// Range over [Stream.All], which closes the stream when the loop ends:
//
//	stream, err := client.Chat.Stream(ctx, req)
//	if err != nil {
//		return err
//	}
//	var acc openrouter.ChatAccumulator
//	for chunk, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		acc.Add(chunk)
//	}
//	final := acc.Response() // the same shape Chat.Send returns
//
// A stream ends cleanly only at OpenRouter's `data: [DONE]`. An error event
// sent mid-stream ends it with an [*APIError]; a body that stops early ends
// it with [ErrStreamTruncated]; a stream silent for longer than
// [WithStreamIdleTimeout] ends with [ErrStreamIdleTimeout]. Chunks already
// delivered stay delivered.
//
// # Errors
//
// Any non-2xx response becomes an [*APIError] carrying the status,
// OpenRouter's error code and message, metadata such as the provider's name
// and raw error, the response headers and the requested Retry-After.
// Classify errors with errors.Is and the sentinels ([ErrRateLimited],
// [ErrInsufficientCredits], [ErrUnauthorized], [ErrModeration], ...), and
// inspect them with errors.As:
//
//	var apiErr *openrouter.APIError
//	if errors.As(err, &apiErr) {
//		log.Printf("status %d from %s: %s", apiErr.StatusCode, apiErr.ProviderName, apiErr.Message)
//	}
//
// A 2xx body that does not decode is a [*DecodeError]. The API key never
// appears in an error, a log record or a panic.
//
// # Retries and timeouts
//
// Connection failures before a response and the statuses 408, 429, 500,
// 502, 503, 504, 524 and 529 are retried, twice by default
// ([WithMaxRetries]), with exponential backoff and jitter ([RetryPolicy]).
// The server's Retry-After or retry-after-ms is honoured up to
// RetryPolicy.MaxRetryAfter; a longer request returns the error at once.
// The request body is replayed byte for byte. When retries run out the
// error is a [*RetriesExhaustedError] that still unwraps to the last
// [*APIError]. A stream is never retried once it has delivered an event.
//
// [WithTimeout] bounds each attempt up to the response headers only, so it
// never cuts off a long stream; ctx bounds the whole call.
//
// # Attribution, headers, logging
//
// [WithAppAttribution] (or $OPENROUTER_APP_URL, $OPENROUTER_APP_TITLE and
// $OPENROUTER_APP_CATEGORIES) sends HTTP-Referer, X-OpenRouter-Title and
// X-OpenRouter-Categories with every request. [WithHeader] adds any other
// header, [WithMiddleware] wraps each HTTP attempt, and [WithLogger] writes
// debug records of attempts and retries with credentials redacted.
//
// # Testing
//
// Package openroutertest, in this module's wrapper/openroutertest, starts a
// fake OpenRouter that validates every request and response against the
// OpenAPI document and can be scripted with responses, streams and faults.
package openrouter
