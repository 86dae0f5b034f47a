// Package otelopenrouter traces and measures the calls of an OpenRouter
// client ([github.com/gopenrouter/openrouter/wrapper]) with OpenTelemetry,
// following the OpenTelemetry semantic conventions for generative AI
// clients.
//
//	client, err := openrouter.NewClient(otelopenrouter.Instrument())
//
// Instrument uses the global tracer and meter providers unless
// [WithTracerProvider] and [WithMeterProvider] say otherwise. It is built
// on the SDK's public seam, [openrouter.WithObserver]: any other observer
// can sit beside it.
//
// # Its own module
//
// This package is a module of its own
// (github.com/gopenrouter/openrouter/otelopenrouter, a nested go.mod), so
// that the SDK's module does not require OpenTelemetry: a program that
// uses the SDK without this package neither downloads nor links any
// OpenTelemetry code, and its go.sum does not list it. Tracing is opt-in
// in the strongest sense: you add it with `go get`.
//
// # Spans
//
// Every call gives a client span. A model call (Chat.Send and
// Chat.Stream, Completions, Beta.Responses, Messages, Embeddings.Generate)
// is named after its operation and requested model, such as
// "chat openai/gpt-4o", and carries:
//
//   - gen_ai.operation.name ("chat", "text_completion", "embeddings"),
//     gen_ai.provider.name ("openrouter"), gen_ai.request.model;
//   - gen_ai.response.model, gen_ai.response.id (the generation id, the
//     key of Generations.Get), gen_ai.response.finish_reasons, and
//     openrouter.provider, the inference provider OpenRouter chose;
//   - gen_ai.usage.input_tokens, gen_ai.usage.output_tokens,
//     gen_ai.usage.reasoning.output_tokens,
//     gen_ai.usage.cache_read.input_tokens and openrouter.usage.cost (US
//     dollars), when the response reports them;
//   - server.address, server.port, openrouter.operation (the SDK method),
//     openrouter.attempts, http.response.status_code of the last attempt;
//   - on failure, error.type (the HTTP status of an API error, or a short
//     name such as "timeout", "canceled", "stream_truncated") and an
//     error status.
//
// Each retry is a span event "openrouter.retry" with the attempt that
// failed (openrouter.attempt), its status (http.response.status_code) or
// error.type, and the wait before the next attempt (openrouter.retry.delay,
// in seconds). The span covers the call with all its attempts.
//
// A stream's span ends when the stream does: at its end, at its error, or
// when it is closed (close every stream: one that is dropped unread never
// ends its span). It records gen_ai.response.time_to_first_chunk (seconds
// from the start of the call to the first event) and
// openrouter.stream.events; the model, id, finish reasons and usage are
// folded from the chunks of Chat.Stream and Completions.Stream.
//
// Other calls (model listings, keys, credits, ...) give a span named
// "openrouter Models.List" and so on, with the server and error
// attributes only.
//
// [openrouter.RunTools] gives an "invoke_agent" span around the whole
// loop (openrouter.run.steps, openrouter.usage.cost for the run, the last
// response model, openrouter.run.stopped when a stop condition ended it,
// openrouter.run.pending_approvals when it paused for approval (not an
// error: the span's status stays unset), error.type "max_steps",
// "max_cost" or "repeated_tool_call" for the run's limits), with a child span per chat call and an
// "execute_tool {name}" span per tool call: gen_ai.tool.name,
// gen_ai.tool.call.id, gen_ai.tool.type, and error.type when the tool
// failed ("tool_panic" and "tool_denied" among them). Tool calls that run
// in parallel ([openrouter.WithToolConcurrency]) give sibling spans that
// overlap.
//
// # Metrics
//
// Model calls record gen_ai.client.operation.duration (s),
// gen_ai.client.token.usage ({token}, with gen_ai.token.type "input" or
// "output"), gen_ai.client.operation.time_to_first_chunk (s, streams
// only), and openrouter.client.cost ({USD}, the cost reported in the
// usage), with gen_ai.operation.name, gen_ai.provider.name,
// gen_ai.request.model, gen_ai.response.model, server.address,
// server.port and, on failure, error.type. The histograms use the bucket
// boundaries the conventions advise.
//
// # What is recorded
//
// Prompts, answers, tool arguments and tool results are recorded only
// with [WithContent], as gen_ai.input.messages, gen_ai.output.messages,
// gen_ai.tool.call.arguments and gen_ai.tool.call.result. The API key and
// the request and response headers are never recorded: the SDK does not
// hand them to observers.
//
// The GenAI conventions are still experimental (status "Development"):
// their names may change in a later release of this package.
// server.address, server.port, error.type and http.response.status_code
// are stable conventions.
package otelopenrouter
