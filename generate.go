// Package openrouter holds the OpenAPI document that describes the
// OpenRouter API and the go:generate line that compiles it into package gen.
//
// Applications import the client from the wrapper directory instead:
//
//	import openrouter "github.com/gopenrouter/openrouter/wrapper"
//
// This root package only embeds openapi.yaml, for the fake server in
// wrapper/openroutertest and for tests that validate against the spec.
package openrouter

import _ "embed"

// The generator is pinned in internal/tools/go.mod; `make generate` runs it.
// Types and client are generated apart, into gen/types.gen.go and
// gen/client.gen.go.
//go:generate go tool -modfile=internal/tools/go.mod oapi-codegen -config oapi-codegen.types.yaml openapi.yaml
//go:generate go tool -modfile=internal/tools/go.mod oapi-codegen -config oapi-codegen.client.yaml openapi.yaml

// OpenAPISpec is openapi.yaml, the hand-maintained OpenAPI 3.0 document
// from which package gen is generated.
//
//go:embed openapi.yaml
var OpenAPISpec []byte
