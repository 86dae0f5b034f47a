// Package openroutertest is a fake OpenRouter API for tests and offline
// programs. It runs on a loopback [net/http/httptest] server and checks
// every request it receives, and every response it sends, against the
// OpenAPI document of this module (openapi.yaml, embedded in the root
// package), with kin-openapi.
//
// # In tests
//
// NewServer starts a server that closes when the test ends and fails the
// test (t.Errorf) when a request does not match the spec: wrong method or
// path, a bad parameter, a body that breaks the schema, or a missing
// bearer token. The client gets the answer OpenRouter would give, in
// OpenRouter's error shape {"error":{"code":400,"message":"..."}}, with a
// message that names the field and the reason.
//
//	func TestGreeting(t *testing.T) {
//		srv := openroutertest.NewServer(t)
//		client, err := srv.Client()
//		if err != nil {
//			t.Fatal(err)
//		}
//		resp, err := client.Chat.Send(ctx, req) // answered "You said: ..."
//		...
//	}
//
// Every operation has a default answer that is valid for the spec: a
// chat reply that echoes the last user message ("You said: <text>"),
// streams when the request says "stream": true, small catalogues of
// models, endpoints and providers, key records, and so on;
// createCoinbaseCharge answers 410 Gone like the real API.
//
// # Testing your code
//
// Script the answers your code must handle with [Server.Enqueue] and the
// Op* constants ([OperationID], generated from openapi.yaml, so a typo
// does not compile). Build them with [Chat], [ResponsesReply] and
// [MessagesReply] (text, reasoning and reasoning details, tool calls,
// refusals, usage and cost, provider, finish reason, headers), their
// Stream methods ([StreamBuilder]: keep-alive comments, pacing, a
// mid-stream error, an error frame before any token, truncation without
// [DONE]), and [Error] or [Unavailable] for errors in OpenRouter's shape
// with the availability object, Retry-After and rate-limit headers:
//
//	srv := openroutertest.NewServer(t)
//	srv.Enqueue(openroutertest.OpSendChatCompletionRequest,
//		openroutertest.Chat("It is sunny.").Reasoning("...").Usage(openroutertest.Usage{Cost: 0.01}).Response())
//	srv.Enqueue(openroutertest.OpSendChatCompletionRequest,
//		openroutertest.Unavailable("capacity_exhausted", "openai/gpt-4o").RetryAfter(2*time.Second).Response())
//
// Enqueue checks a scripted answer against the spec when it is queued: a
// 2xx JSON body and every stream event must match the operation's schema,
// a stream needs an operation that streams. A misfit fails the test at
// the line of the Enqueue call (with New, Enqueue returns the error), and
// the request it was meant for gets a 501 that says why: a scripted answer
// is never replaced by a default one.
//
// Faults ([Fault]) test retry and timeout handling: [Latency],
// [StallAfterHeaders], [ResetBeforeHeaders], [ResetAfterBytes],
// [SlowBody], [EarlyErrorFrame] and [TruncateStream]. Put them in
// [Response].Faults, or apply them to the next default answer with
// [Server.EnqueueFault]:
//
//	srv.EnqueueFault(openroutertest.OpSendChatCompletionRequest, openroutertest.ResetBeforeHeaders())
//	// the client retries and gets the default answer
//
// [Server.Requests] and [Server.RequestsFor] return what the client sent,
// one entry per attempt, so retries can be counted; [RequestBody] decodes
// a request's body as the gen type of its operation, for assertions
// without JSON:
//
//	req, err := openroutertest.RequestBody[openrouter.ChatRequest](srv.RequestsFor(openroutertest.OpSendChatCompletionRequest)[0])
//
// The default answers behave like OpenRouter where tests notice: every
// answer has an X-Generation-Id and the X-RateLimit-* headers (a scripted
// Header wins; a key with no values removes one); model lists honour
// supported_parameters, input_modalities, output_modalities, q,
// model_authors and context; a response_format with a JSON schema gets a
// value valid against the schema, and offered tools (tool_choice auto,
// required or a named function) get a call whose arguments are valid
// against the tool's parameters (one call to each function the user's
// text names, in parallel, unless parallel_tool_calls is false), and the
// tool results are quoted back in the next answer; keys, guardrails, workspaces, BYOK keys,
// observability destinations and SCIM group mappings are kept per server
// (what is created is listed and fetched, an update shows, a delete makes
// later gets 404), as are files. Records the server never made are
// answered with a stand-in, so any id can be fetched.
//
// Use [AllowInvalidRequests] in tests that send bad input on purpose.
//
// # In programs
//
// New starts a server without a testing.TB, for runnable examples and
// demos that must work offline. Validation failures then only reach the
// client as error answers and are listed by [Server.Failures]. Close the
// server when done.
//
// The server mounts the API under /api/v1, like openrouter.ai, so a
// client that drops the prefix or builds absolute paths gets a 404.
package openroutertest
