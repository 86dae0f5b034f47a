package openroutertest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Samples of the guardrail, BYOK and organization operations.
func init() {
	const g = "/guardrails/6a1e2d3c-1111-4222-8333-444455556666"
	const b = "/byok/7b2f3e4d-1111-4222-8333-444455556666"
	for id, s := range map[string]sample{
		"listGuardrails": {"GET", "/guardrails?offset=1&limit=1", "", false, 200,
			[]string{`"total_count":3`, `"name":"No training"`}},
		"createGuardrail": {"POST", "/guardrails", `{"name":"Budget","limit_usd":25.5,"reset_interval":"weekly","allowed_providers":["openai"],"content_filters":[{"pattern":"secret","action":"redact"}]}`, false, 201,
			[]string{`"name":"Budget"`, `"limit_usd":25.5`, `"reset_interval":"weekly"`, `"allowed_providers":["openai"]`, `"pattern":"secret"`}},
		"getGuardrail":    {"GET", g, "", false, 200, []string{`"id":"6a1e2d3c-1111-4222-8333-444455556666"`}},
		"updateGuardrail": {"PATCH", g, `{"name":"Renamed","enforce_zdr_openai":true}`, false, 200, []string{`"name":"Renamed"`, `"enforce_zdr_openai":true`, `"updated_at":"`}},
		"deleteGuardrail": {"DELETE", g, "", false, 200, []string{`"deleted":true`}},
		"listGuardrailKeyAssignments": {"GET", g + "/assignments/keys?limit=1", "", false, 200,
			[]string{`"guardrail_id":"6a1e2d3c-1111-4222-8333-444455556666"`, `"total_count":2`}},
		"bulkAssignKeysToGuardrail":     {"POST", g + "/assignments/keys", `{"key_hashes":["h1","h2","h3"]}`, false, 200, []string{`"assigned_count":3`}},
		"bulkUnassignKeysFromGuardrail": {"POST", g + "/assignments/keys/remove", `{"key_hashes":["h1"]}`, false, 200, []string{`"unassigned_count":1`}},
		"listGuardrailMemberAssignments": {"GET", g + "/assignments/members", "", false, 200,
			[]string{`"guardrail_id":"6a1e2d3c-1111-4222-8333-444455556666"`, `"user_id":"user_fake_0001"`}},
		"bulkAssignMembersToGuardrail":     {"POST", g + "/assignments/members", `{"member_user_ids":["u1","u2"]}`, false, 200, []string{`"assigned_count":2`}},
		"bulkUnassignMembersFromGuardrail": {"POST", g + "/assignments/members/remove", `{"member_user_ids":["u1","u2"]}`, false, 200, []string{`"unassigned_count":2`}},
		"listKeyAssignments":               {"GET", "/guardrails/assignments/keys", "", false, 200, []string{`"total_count":3`, `"key_hash":"c0ffee01"`}},
		"listMemberAssignments":            {"GET", "/guardrails/assignments/members?offset=1", "", false, 200, []string{`"total_count":2`, `"user_id":"user_fake_0002"`}},
		"listBYOKKeys":                     {"GET", "/byok?provider=anthropic", "", false, 200, []string{`"total_count":1`, `"provider":"anthropic"`}},
		"createBYOKKey": {"POST", "/byok", `{"provider":"openai","key":"sk-proj-abcdef123456","name":"Mine","is_fallback":true}`, false, 201,
			[]string{`"provider":"openai"`, `"name":"Mine"`, `"is_fallback":true`, `"label":"sk-...3456"`}},
		"getBYOKKey":    {"GET", b, "", false, 200, []string{`"id":"7b2f3e4d-1111-4222-8333-444455556666"`}},
		"updateBYOKKey": {"PATCH", b, `{"disabled":true,"allowed_models":["openai/gpt-4o"]}`, false, 200, []string{`"disabled":true`, `"allowed_models":["openai/gpt-4o"]`}},
		"deleteBYOKKey": {"DELETE", b, "", false, 200, []string{`"deleted":true`}},
		"listOrganizationMembers": {"GET", "/organization/members?limit=2", "", false, 200,
			[]string{`"total_count":3`, `"role":"org:admin"`, `"email":"alan@example.com"`}},
	} {
		samples[id] = s
	}
}

// TestGuardrailDefaultsPageAndFilter checks that the management listings
// honour offset, limit and their filters.
func TestGuardrailDefaultsPageAndFilter(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	for _, tc := range []struct {
		path          string
		want, wantNot []string
	}{
		{"/guardrails?offset=2", []string{`"name":"PII filter"`}, []string{`"name":"Production budget"`, `"name":"No training"`}},
		{"/guardrails?limit=1", []string{`"name":"Production budget"`}, []string{`"name":"No training"`}},
		{"/guardrails?workspace_id=9c9c9c9c-1111-4222-8333-444455556666", []string{`"workspace_id":"9c9c9c9c-1111-4222-8333-444455556666"`}, []string{`"workspace_id":null`}},
		{"/guardrails?offset=7", []string{`"data":[]`, `"total_count":3`}, nil},
		{"/byok?provider=openai", []string{`"provider":"openai"`}, []string{`"provider":"anthropic"`}},
		{"/organization/members?offset=2", []string{`"id":"user_fake_0003"`, `"first_name":null`}, []string{`"id":"user_fake_0001"`}},
	} {
		status, _, body := do(t, srv, http.MethodGet, tc.path, "")
		if status != 200 {
			t.Fatalf("%s: status %d: %s", tc.path, status, body)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: body lacks %s:\n%s", tc.path, w, body)
			}
		}
		for _, w := range tc.wantNot {
			if strings.Contains(string(body), w) {
				t.Errorf("%s: body has %s:\n%s", tc.path, w, body)
			}
		}
	}
}
