// Package openrouter is a Go client for the OpenRouter API: one
// OpenAI-compatible API in front of hundreds of models, plus OpenRouter's
// platform endpoints (models, providers, keys, credits, generations,
// analytics, OAuth and more).
//
// The package lives in the wrapper directory of its module; import it as
//
//	import openrouter "github.com/gopenrouter/openrouter/wrapper"
//
// It is a thin layer over package [github.com/gopenrouter/openrouter/gen],
// which oapi-codegen generates from the module's openapi.yaml: request and
// response types are gen's (the common ones have short aliases here, such
// as [ChatRequest] and [Model]), and this package adds authentication, app
// attribution, retries, timeouts, typed errors, streaming, paging,
// constructors and a fake server for tests.
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
//	if err != nil {
//		return err
//	}
//
// A missing key is reported by the first call that needs one
// ([ErrMissingAPIKey]), so a keyless client can still run the OAuth flow or
// talk to a fake server. A [Client] is safe for concurrent use; create one
// and share it.
//
// Every [Option] works on the client and on a single call; a call option
// overrides the client's for that call only:
//
//	resp, err := client.Chat.Send(ctx, req, openrouter.WithMaxRetries(0))
//
// # Services
//
// Operations are grouped into services, fields of [Client], the way
// OpenRouter's documentation groups them: [Client].Chat ([ChatService]),
// Completions, Embeddings, Models ([ModelsService]), Endpoints, Parameters,
// Providers, Generations, Credits, APIKeys ([APIKeysService]), Analytics,
// OAuth, Datasets, Beta.Responses ([ResponsesService]) and the platform
// services (guardrails, workspaces, BYOK keys, files, ...). Each method
// takes ctx first, path parameters as arguments, optional query parameters
// as a params struct (nil for defaults) and the body as a struct, and
// returns (*T, error). Its doc comment names the endpoint it calls ("It
// calls GET /models.") and says when it needs a management key.
//
// List endpoints that page have an ...All variant returning an
// [iter.Seq2] that fetches pages lazily, such as [ModelsService.ListAll]
// and [APIKeysService.ListAll]:
//
//	for key, err := range client.APIKeys.ListAll(ctx, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(key.Name)
//	}
//
// Endpoints that answer with audio or other bytes return a
// [BinaryResponse], an [io.ReadCloser] with the content type; close it.
//
// # Chat
//
// [ChatService.Send] sends a [ChatRequest] and returns a [*ChatResponse],
// which embeds gen's response, so its fields (ID, Model, Choices, Usage,
// ...) read directly:
//
//	resp, err := client.Chat.Send(ctx, openrouter.ChatRequest{
//		Model:    "openai/gpt-4o",
//		Messages: []openrouter.ChatMessage{openrouter.UserText("Hello!")},
//	})
//	if err != nil {
//		return err
//	}
//	fmt.Println(resp.Text())
//
// [ChatService.Send] is for a whole answer; for the text as it is written,
// see Streaming below. [CompletionsService] (legacy prompts),
// [EmbeddingsService] and Beta.Responses follow the same pattern.
//
// # Constructors
//
// Messages, tools and response formats are unions in the API, so building
// them by hand means raw JSON. Constructors do it for you: [SystemMessage],
// [DeveloperMessage], [UserText] and [UserMessage] (text, images, files, audio
// parts), [AssistantMessage] and [ToolMessage] build a [ChatMessage]; [Ptr]
// takes the address of a literal for the many optional fields, such as
// Model, Temperature or MaxTokens. On the answer side, the methods [ChatResponse.Text],
// [ChatResponse.ToolCalls], [ChatResponse.Reasoning], [ChatResponse.Cost] and [ChatResponse.GenerationID] read the
// first choice's content, its tool calls, its reasoning, the cost from the
// usage and the generation id without walking the
// choices.
//
// The Responses and Messages APIs have constructors of their own: input
// items and parts ([InputItems], [InputUserParts], [InputFunctionCall]),
// content blocks ([MessagesUserBlocks], [ImageBytesBlock],
// [PDFBytesBlock], [ToolResultBlock]), and tools: [ResponsesTools] and
// [MessagesTools] convert the chat tool constructors ([FunctionTool],
// [WebSearchTool], ...), beside the tools only one API has
// ([FileSearchTool], [MCPTool], [AnthropicWebSearchTool], ...).
//
// # Streaming
//
// [ChatService.Stream] returns a [Stream] of [ChatChunk] read in the
// caller's goroutine (no goroutines or channels behind it). Range over
// [Stream.All], which closes the stream when the loop ends, early or not:
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
//		if text, ok := acc.JustFinishedContent(); ok {
//			fmt.Println(text)
//		}
//	}
//	final := acc.Response() // the same shape Chat.Send returns
//
// [Stream.Next], [Stream.Current], [Stream.Err] and [Stream.Close] are
// the loop without range-over-func; [Stream.Header] gives the response
// headers, such as the generation id. [ChatAccumulator] folds the chunks
// into a [ChatResponse] (content, reasoning, tool calls assembled by
// index, usage and cost from the last chunk).
// [CompletionsService.Stream] and [ResponsesService.Stream] stream the
// other two generation APIs.
//
// A stream ends cleanly only at OpenRouter's `data: [DONE]` (or, for
// [MessagesService.Stream], Anthropic's message_stop event). An error event
// sent mid-stream ends it with an [*APIError]; a body that stops early ends
// it with [ErrStreamTruncated]; a stream silent for longer than
// [WithStreamIdleTimeout] ends with [ErrStreamIdleTimeout]. Chunks already
// delivered stay delivered.
//
// # Structured output
//
// To get JSON back, set the request's ResponseFormat: [ResponseFormatJSON]
// asks for any JSON object, and [ResponseFormatFor] derives a strict JSON
// Schema from a Go type, so the model answers in the shape of that type.
// [ParseInto] then decodes the answer's text into a value of the type, with
// an error that quotes the text when it does not fit. Not every model
// accepts response_format: [ParametersService.Get] tells which request
// parameters a model supports.
//
// # Tools and the tool loop
//
// Tools are declared in the request's Tools field: [FunctionTool] takes a
// name, a description and the parameters as a JSON Schema, and
// [FunctionToolFor] derives the schema from a Go struct. When the answer's
// finish reason is "tool_calls", [ChatResponse.ToolCalls]
// lists the calls; run them, append the assistant message and one
// [ToolMessage] per call to the conversation, and send again.
//
// [RunTools] does that loop for you, with handlers made by [NewToolHandler]: it sends the request, decodes each
// call's arguments into the input type of the matching handler, runs the
// handler, sends the results back and repeats until the model answers
// without tool calls, then returns the final response and the transcript
// ([RunResult]: steps, token and cost totals, each response and each
// answered call). The assistant messages it appends keep the model's
// reasoning and reasoning_details, so reasoning models (Gemini's thought
// signatures, Anthropic's signed thinking) continue their turn.
//
// The calls of one answer run one at a time, or concurrently up to
// [WithToolConcurrency]; their results go back in the order of the calls.
// A panicking handler is a failed call ([ErrToolPanicked]), and cancelling
// the context cancels the running handlers. Whether a failed call goes
// back to the model or ends the loop is an option ([WithToolErrors]).
//
// [WithStopWhen] ends the run without an error when a [StopCondition]
// holds after a step: [StopAfterSteps], [StopWhenToolCalled],
// [StopAfterTokens], [StopAfterCost], [StopOnFinishReason], your own
// function of the run, combined with [StopAny] and [StopAll]. A last
// request that forbids tools then gets an answer from the results so far
// ([WithFinalAnswer], on by default). [WithMaxSteps] and [WithMaxCost]
// remain hard limits that end the run with [ErrMaxSteps] and [ErrMaxCost],
// and a repeat guard ends a run in which the model makes the same call
// over and over ([WithRepeatLimit], [ErrRepeatedToolCall]). [WithHooks]
// takes [RunHooks]: before a tool call (change its arguments, deny it or
// answer it), after it (change its result), after each model call (usage,
// cost, generation id, duration). [WithStreaming] streams each step.
// [RunToolsSteps] is the same run as an iter.Seq2 of [RunStep]s: each
// model answer with its answered tool calls and its usage, as they come.
//
// [WithApproval] makes calls wait for a person: the run pauses with
// [ErrApprovalRequired], the waiting calls in [RunResult].Pending and a
// [RunState] that marshals to JSON; [ResumeTools] continues it, in this
// process or another, with [Approve] and [Reject] decisions.
//
//	res, err := openrouter.RunTools(ctx, client, req, []*openrouter.ToolHandler{search, finish},
//		openrouter.WithToolConcurrency(4),
//		openrouter.WithStopWhen(openrouter.StopWhenToolCalled("finish"), openrouter.StopAfterCost(0.50)))
//
// # Batches
//
// [BatchesService] runs many requests of one kind asynchronously, within
// 24 hours and at about half the price (OpenRouter's Batch API, in beta).
// [NewBatch] makes a batch of chat, Responses, Messages or embeddings
// requests for one model; [BatchesService.Create] refuses before sending
// what the Batch API would refuse (no requests, an empty or repeated
// custom id, another model, content that is not text), naming the
// request. [BatchesService.Wait] polls with growing waits until the batch
// ends, calling a progress function after every poll; [BatchResultAs]
// decodes each result as its endpoint's result type:
//
//	b, err := client.Batches.Create(ctx, openrouter.NewBatch("openai/gpt-4o-mini",
//		openrouter.BatchItem[openrouter.ChatRequest]{CustomID: "q1", Request: req1},
//		openrouter.BatchItem[openrouter.ChatRequest]{CustomID: "q2", Request: req2}))
//	...
//	b, err = client.Batches.Wait(ctx, b.ID, &openrouter.BatchWaitOptions{
//		Progress: func(b *openrouter.Batch) { log.Print(b.Status, b.RequestCounts) },
//	})
//	...
//	for _, r := range b.Results {
//		resp, err := openrouter.BatchResultAs[openrouter.ChatResponse](r)
//		...
//	}
//
// The Batch API is served under /api/beta: the service derives that from
// the base URL (…/api/v1 becomes …/api/beta), so [WithBaseURL] and the
// fake server work for it too.
//
// # Response caching
//
// [WithResponseCache](true) asks OpenRouter to answer an identical request
// (same key, model, endpoint, streaming mode and body) from its cache,
// free and at once; [WithResponseCacheTTL] (1s to 24h) and
// [WithResponseCacheClear] shape it. [CacheInfoOf] reads what the cache
// did from a response's headers (see [WithResponseInto]), and
// [Stream.Cache] from a stream's.
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
// OpenRouter's availability errors (a model that does not exist, has no
// endpoint under the request's preferences, or whose providers are all at
// capacity) carry [APIError].Availability, matched by [ErrModelNotFound],
// [ErrNoEndpoints], [ErrCapacityExhausted], [ErrTemporarilyUnavailable],
// [ErrRegionRestricted], [ErrPrivacyRestricted] and the other availability
// sentinels; [APIError.FallbackModels] lists the models OpenRouter
// suggests instead.
//
// # Retries and timeouts
//
// Transient failures are retried, twice by default ([WithMaxRetries]):
// a connection refused, reset or closed before the whole response came,
// an attempt that timed out, the statuses 408, 429, 500, 502, 503, 504,
// 524 and 529, and OpenRouter's availability errors marked retryable
// (their retryable flag decides over the status). Redirect loops, TLS and
// certificate errors, unknown hosts, malformed requests and bodies over
// the size limit are not retried. Waits grow exponentially with jitter
// ([RetryPolicy], [WithRetryPolicy], [DefaultRetryPolicy]; zero fields take
// the defaults, and no wait is shorter than a millisecond). The server's
// Retry-After, retry-after-ms or availability retry_after replaces the
// wait up to RetryPolicy.MaxRetryAfter; a longer one returns the error at
// once. The request body is replayed byte for byte; a body that cannot be
// replayed (an upload streamed from a reader) is sent once. A POST whose
// bytes were sent but that got no response is replayed too, at the risk
// of a second generation (see [WithMaxRetries](0) for calls that must not
// be). When retries run out the error is a [*RetriesExhaustedError] that
// still unwraps to the last [*APIError].
//
// A stream is read up to its first event with output before the stream
// method returns, so an error event that comes before any output (a
// provider that failed after OpenRouter accepted the request) is retried
// like an HTTP error, and returned by the stream method when it is not
// retryable or retries run out. Once output has been read, a stream is
// never retried: a later error event ends it with an [*APIError].
//
// Every call is bounded with the defaults. [WithTimeout] (default
// [DefaultTimeout], 10 minutes) bounds each attempt: the whole response of
// a JSON call, body included, and the wait for the response headers of a
// stream or a binary download. After the headers, [WithStreamIdleTimeout]
// (default [DefaultStreamIdleTimeout], 5 minutes) fails a stream or a
// download that receives no byte for that long; time the caller spends
// between reads does not count. ctx bounds the whole call, retries
// included. JSON bodies are capped by [WithMaxResponseBytes] (default
// [DefaultMaxResponseBytes], 64 MiB; [ErrResponseTooLarge]); stream events
// are capped one by one, and downloads are the caller's to read. Closing a
// stream (Close, a break out of All, or its end marker) returns within
// 5 ms (25 ms after the end marker, when the server is still ending the
// body) whatever the server does next.
//
// Clients made without [WithHTTPClient] share one transport, a clone of
// http.DefaultTransport that keeps up to 1024 idle connections per host,
// so that hundreds of concurrent calls find warm connections.
//
// # Attribution, headers, logging
//
// [WithAppAttribution] (or $OPENROUTER_APP_URL, $OPENROUTER_APP_TITLE and
// $OPENROUTER_APP_CATEGORIES) sends HTTP-Referer, X-OpenRouter-Title and
// X-OpenRouter-Categories with every request, which is how an app appears
// in OpenRouter's rankings. [WithHeader] adds any other header,
// [WithMiddleware] wraps each HTTP attempt ([Middleware]),
// [WithResponseInto] hands back the final *http.Response (rate-limit
// headers), and [WithHTTPClient] replaces the transport. [WithLogger]
// logs retries at Info and a call that fails after retries at Warn, so a
// handler at slog's default level shows them; each attempt's details
// (method, URL, redacted headers, status, duration) are at Debug.
// Credentials are never logged.
//
// # Testing with the fake server
//
// Package [github.com/gopenrouter/openrouter/wrapper/openroutertest]
// starts a fake OpenRouter on a loopback port that validates every
// request and every response against the OpenAPI document, answers each
// operation with a plausible default (a chat reply echoes the last user
// message), and can be scripted per operation with replies, streams, tool
// calls, errors, Retry-After and dropped connections. Its Server.Client
// method returns a [Client] already pointed at it:
//
//	func TestGreeting(t *testing.T) {
//		srv := openroutertest.NewServer(t)
//		client, err := srv.Client()
//		if err != nil {
//			t.Fatal(err)
//		}
//		srv.Enqueue(openroutertest.OpSendChatCompletionRequest, openroutertest.ChatReply("Hi!"))
//		resp, err := client.Chat.Send(context.Background(), req)
//		...
//	}
//
// openroutertest.New starts the same server outside tests, for examples
// and demos that must run offline.
package openrouter
