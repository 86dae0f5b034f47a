package openroutertest

// operations.gen.go holds the OperationID constants, generated from
// openapi.yaml; `make generate` (go generate ./...) runs this line.
//go:generate go run ../../internal/cmd/opids -spec ../../openapi.yaml -out operations.gen.go

// OperationID is the operationId of an operation of openapi.yaml, such as
// [OpSendChatCompletionRequest]. The constants Op* name every operation,
// so a typo does not compile; an untyped string constant also converts,
// and [Server.Enqueue] reports an id the spec does not have.
type OperationID string

// String returns the id.
func (id OperationID) String() string { return string(id) }
