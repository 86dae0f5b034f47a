package openrouter

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	openapi_types "github.com/oapi-codegen/runtime/types"
)

// UUID is the type of the UUID fields of requests and results, such as a
// workspace id. Parse one with [ParseUUID].
type UUID = openapi_types.UUID

// ParseUUID parses s, such as "550e8400-e29b-41d4-a716-446655440000", into
// a [UUID], with an error that names the bad input.
func ParseUUID(s string) (UUID, error) {
	var id UUID
	if err := id.UnmarshalText([]byte(s)); err != nil {
		return id, fmt.Errorf("openrouter: %q is not a UUID: %w", s, err)
	}
	return id, nil
}

// nonEmpty checks name/value pairs of required string arguments.
func nonEmpty(op string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return fmt.Errorf("openrouter: %s: %s is empty", op, pairs[i])
		}
	}
	return nil
}

// uuidArg checks that the path argument name of op is a UUID, as the
// management endpoints require, so that a malformed id fails before any
// request is sent.
func uuidArg(op, name, value string) (UUID, error) {
	var id UUID
	if err := nonEmpty(op, name, value); err != nil {
		return id, err
	}
	if err := id.UnmarshalText([]byte(value)); err != nil {
		return id, fmt.Errorf("openrouter: %s: %s %q is not a UUID", op, name, value)
	}
	return id, nil
}

// doJSONWithUUID is doJSON for an operation whose path argument id must
// be a UUID: a malformed id fails before any request is sent.
func doJSONWithUUID[T any](ctx context.Context, c *caller, op, id string, opts []Option, build func(server string, id UUID) (*http.Request, error)) (*T, error) {
	uid, err := uuidArg(op, "id", id)
	if err != nil {
		return nil, err
	}
	return doJSON[T](ctx, c, op, opts, func(server string) (*http.Request, error) { return build(server, uid) })
}
