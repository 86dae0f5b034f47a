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
// A test scripts other answers per operation with [Server.Enqueue]:
// JSON bodies, errors with Retry-After, raw bodies such as a proxy's HTML
// page, delays, dropped connections, and streams with keep-alive
// comments, mid-stream errors, a missing [DONE] or a reset. Scripted 2xx
// bodies and stream events must match the spec too, which keeps the spec,
// the fake and the tests from drifting apart. [Server.Requests] and
// [Server.RequestsFor] return what the client sent, one entry per attempt,
// so retries can be counted.
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
