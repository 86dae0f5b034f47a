// Package tests holds the contract tests: every operation of openapi.yaml
// called through the wrapper, gen and net/http against the fake server in
// wrapper/openroutertest, which validates each request and response against
// the spec. A test fails when an operation has no contract test.
package tests

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// contract exercises one operation against a fresh fake server and checks
// the request the server received and the decoded result.
type contract func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client)

// contracts maps every operationId of openapi.yaml to its test.
var contracts = map[string]contract{}

func register(m map[string]contract) {
	for id, fn := range m {
		if _, dup := contracts[id]; dup {
			panic("two contract tests for " + id)
		}
		contracts[id] = fn
	}
}

func TestEveryOperationHasAContractTest(t *testing.T) {
	t.Parallel()
	ids := openroutertest.OperationIDs()
	if len(ids) == 0 {
		t.Fatal("the spec lists no operations")
	}
	known := map[string]bool{}
	for _, opid := range ids {
		id := string(opid)
		known[id] = true
		if contracts[id] == nil {
			t.Errorf("operation %s has no contract test", id)
		}
	}
	for id := range contracts {
		if !known[id] {
			t.Errorf("contract test for %s, which is not in openapi.yaml", id)
		}
	}
}

func TestContracts(t *testing.T) {
	t.Parallel()
	ids := make([]string, 0, len(contracts))
	for id := range contracts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t)
			c, err := srv.Client()
			if err != nil {
				t.Fatal(err)
			}
			contracts[id](t, srv, c)
			if n := len(srv.RequestsFor(openroutertest.OperationID(id))); n == 0 {
				t.Errorf("the server saw no %s request", id)
			}
		})
	}
}

// only returns the single request the server saw for operationID.
func only(t *testing.T, srv *openroutertest.Server, operationID openroutertest.OperationID) openroutertest.Request {
	t.Helper()
	reqs := srv.RequestsFor(operationID)
	if len(reqs) != 1 {
		t.Fatalf("%s: server saw %d requests, want 1", operationID, len(reqs))
	}
	return reqs[0]
}

// expectRequest checks method, path and (when want is not nil) the JSON
// body of a request.
func expectRequest(t *testing.T, r openroutertest.Request, method, path string, wantBody map[string]any) {
	t.Helper()
	if r.Method != method || r.Path != "/api/v1"+path {
		t.Errorf("request %s %s, want %s /api/v1%s", r.Method, r.Path, method, path)
	}
	if r.Header.Get("Authorization") != "Bearer "+openroutertest.TestAPIKey && r.OperationID != "exchangeAuthCodeForAPIKey" {
		t.Errorf("Authorization header %q", r.Header.Get("Authorization"))
	}
	if wantBody == nil {
		return
	}
	var got map[string]any
	if err := json.Unmarshal(r.Body, &got); err != nil {
		t.Fatalf("request body %q: %v", r.Body, err)
	}
	for k, v := range wantBody {
		if fmt.Sprint(got[k]) != fmt.Sprint(v) {
			t.Errorf("request body %s = %v, want %v", k, got[k], v)
		}
	}
}

func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("call failed: %v", err)
		}
		return v
	}
}

func ptr[T any](v T) *T { return &v }

var ctx = context.Background()

func userMessage(t *testing.T, text string) openrouter.ChatMessage {
	t.Helper()
	return openrouter.UserText(text)
}

func chatRequest(t *testing.T, text string) openrouter.ChatRequest {
	return openrouter.ChatRequest{Model: "openai/gpt-4o-mini", Messages: []openrouter.ChatMessage{userMessage(t, text)}}
}

func messageText(t *testing.T, m gen.ChatAssistantMessage) string {
	t.Helper()
	if m.Content == nil {
		return ""
	}
	s, err := m.Content.AsChatAssistantMessageContentString()
	if err != nil {
		t.Fatalf("content is not a string: %v", err)
	}
	return s
}

// wantAPIError asserts that err carries an *APIError with the status.
func wantAPIError(t *testing.T, err error, status int) *openrouter.APIError {
	t.Helper()
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v (%T), want *APIError", err, err)
	}
	if apiErr.StatusCode != status && apiErr.Code != status {
		t.Errorf("status %d / code %d, want %d", apiErr.StatusCode, apiErr.Code, status)
	}
	return apiErr
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// uuid parses s with openrouter.ParseUUID, failing the test on error.
func uuid(t *testing.T, s string) openrouter.UUID {
	t.Helper()
	id, err := openrouter.ParseUUID(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
