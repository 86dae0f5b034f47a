package tests

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Ids of the guardrail and BYOK contract tests.
const (
	guardrailID = "6a1e2d3c-1111-4222-8333-444455556666"
	byokID      = "7b2f3e4d-1111-4222-8333-444455556666"
)

// Contract tests of the guardrail, BYOK and organization operations.
func init() {
	register(map[string]contract{
		"listGuardrails": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			ws := uuid(t, "9c9c9c9c-1111-4222-8333-444455556666")
			resp := must[*openrouter.GuardrailListResponse](t)(c.Guardrails.List(ctx, &openrouter.ListGuardrailsParams{Offset: ptr(1), Limit: ptr(2), WorkspaceID: &ws}))
			r := only(t, srv, "listGuardrails")
			expectRequest(t, r, "GET", "/guardrails", nil)
			check(t, "offset query", r.Query.Get("offset"), "1")
			check(t, "limit query", r.Query.Get("limit"), "2")
			check(t, "workspace_id query", r.Query.Get("workspace_id"), ws.String())
			check(t, "total", resp.TotalCount, 3)
			if len(resp.Data) != 2 || resp.Data[0].Name != "No training" || resp.Data[0].WorkspaceID == nil || *resp.Data[0].WorkspaceID != ws.String() {
				t.Errorf("guardrails %+v", resp.Data)
			}
		},
		"createGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			interval := openrouter.GuardrailInterval("monthly")
			resp := must[*openrouter.CreateGuardrailResponse](t)(c.Guardrails.Create(ctx, openrouter.CreateGuardrailRequest{
				Name: "Team budget", LimitUsd: ptr(40.0), ResetInterval: interval, AllowedModels: []string{"openai/gpt-4o-mini"},
			}))
			expectRequest(t, only(t, srv, "createGuardrail"), "POST", "/guardrails", map[string]any{
				"name": "Team budget", "limit_usd": 40, "reset_interval": "monthly", "allowed_models": []any{"openai/gpt-4o-mini"},
			})
			check(t, "name", resp.Data.Name, "Team budget")
			check(t, "limit", *resp.Data.LimitUsd, 40)
			check(t, "interval", resp.Data.ResetInterval, "monthly")
			check(t, "allowed models", resp.Data.AllowedModels, []string{"openai/gpt-4o-mini"})
			if resp.Data.ID.String() == "00000000-0000-0000-0000-000000000000" {
				t.Error("no id")
			}
		},
		"getGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailResponse](t)(c.Guardrails.Get(ctx, guardrailID))
			expectRequest(t, only(t, srv, "getGuardrail"), "GET", "/guardrails/"+guardrailID, nil)
			check(t, "id", resp.Data.ID, guardrailID)
			if resp.Data.Name == "" {
				t.Error("no name")
			}
		},
		"updateGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.UpdateGuardrailResponse](t)(c.Guardrails.Update(ctx, guardrailID, openrouter.UpdateGuardrailRequest{
				Name: "Renamed", EnforceZdrOpenai: ptr(true),
			}))
			expectRequest(t, only(t, srv, "updateGuardrail"), "PATCH", "/guardrails/"+guardrailID, map[string]any{"name": "Renamed", "enforce_zdr_openai": true})
			check(t, "id", resp.Data.ID, guardrailID)
			check(t, "name", resp.Data.Name, "Renamed")
			check(t, "enforce_zdr_openai", *resp.Data.EnforceZdrOpenai, true)
		},
		"deleteGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.DeleteGuardrailResponse](t)(c.Guardrails.Delete(ctx, guardrailID))
			expectRequest(t, only(t, srv, "deleteGuardrail"), "DELETE", "/guardrails/"+guardrailID, nil)
			check(t, "deleted", resp.Deleted, true)
		},
		"listKeyAssignments": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailKeyAssignmentListResponse](t)(c.Guardrails.ListKeyAssignments(ctx, &openrouter.ListKeyAssignmentsParams{Limit: ptr(2)}))
			r := only(t, srv, "listKeyAssignments")
			expectRequest(t, r, "GET", "/guardrails/assignments/keys", nil)
			check(t, "limit query", r.Query.Get("limit"), "2")
			check(t, "total", resp.TotalCount, 3)
			if len(resp.Data) != 2 || resp.Data[0].KeyHash != "c0ffee01" {
				t.Errorf("assignments %+v", resp.Data)
			}
		},
		"listMemberAssignments": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailMemberAssignmentListResponse](t)(c.Guardrails.ListMemberAssignments(ctx, nil))
			r := only(t, srv, "listMemberAssignments")
			expectRequest(t, r, "GET", "/guardrails/assignments/members", nil)
			if len(r.Query) != 0 {
				t.Errorf("query %v, want none", r.Query)
			}
			check(t, "total", resp.TotalCount, 2)
			if len(resp.Data) != 2 || resp.Data[1].UserID != "user_fake_0002" {
				t.Errorf("assignments %+v", resp.Data)
			}
		},
		"listGuardrailKeyAssignments": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailKeyAssignmentListResponse](t)(c.Guardrails.ListGuardrailKeyAssignments(ctx, guardrailID, &openrouter.ListGuardrailKeyAssignmentsParams{Offset: ptr(1)}))
			r := only(t, srv, "listGuardrailKeyAssignments")
			expectRequest(t, r, "GET", "/guardrails/"+guardrailID+"/assignments/keys", nil)
			check(t, "offset query", r.Query.Get("offset"), "1")
			if len(resp.Data) != 1 || resp.Data[0].GuardrailID.String() != guardrailID || resp.Data[0].KeyHash != "c0ffee02" {
				t.Errorf("assignments %+v", resp.Data)
			}
		},
		"bulkAssignKeysToGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailAssignKeysResponse](t)(c.Guardrails.AssignKeys(ctx, guardrailID, openrouter.GuardrailAssignKeysRequest{KeyHashes: []string{"h1", "h2"}}))
			expectRequest(t, only(t, srv, "bulkAssignKeysToGuardrail"), "POST", "/guardrails/"+guardrailID+"/assignments/keys", map[string]any{"key_hashes": []any{"h1", "h2"}})
			check(t, "assigned", resp.AssignedCount, 2)
		},
		"bulkUnassignKeysFromGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailUnassignKeysResponse](t)(c.Guardrails.UnassignKeys(ctx, guardrailID, openrouter.GuardrailUnassignKeysRequest{KeyHashes: []string{"h1", "h2", "h3"}}))
			expectRequest(t, only(t, srv, "bulkUnassignKeysFromGuardrail"), "POST", "/guardrails/"+guardrailID+"/assignments/keys/remove", map[string]any{"key_hashes": []any{"h1", "h2", "h3"}})
			check(t, "unassigned", resp.UnassignedCount, 3)
		},
		"listGuardrailMemberAssignments": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailMemberAssignmentListResponse](t)(c.Guardrails.ListGuardrailMemberAssignments(ctx, guardrailID, &openrouter.ListGuardrailMemberAssignmentsParams{Limit: ptr(10)}))
			r := only(t, srv, "listGuardrailMemberAssignments")
			expectRequest(t, r, "GET", "/guardrails/"+guardrailID+"/assignments/members", nil)
			check(t, "limit query", r.Query.Get("limit"), "10")
			if len(resp.Data) != 1 || resp.Data[0].GuardrailID.String() != guardrailID {
				t.Errorf("assignments %+v", resp.Data)
			}
		},
		"bulkAssignMembersToGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailAssignMembersResponse](t)(c.Guardrails.AssignMembers(ctx, guardrailID, openrouter.GuardrailAssignMembersRequest{MemberUserIds: []string{"user_a"}}))
			expectRequest(t, only(t, srv, "bulkAssignMembersToGuardrail"), "POST", "/guardrails/"+guardrailID+"/assignments/members", map[string]any{"member_user_ids": []any{"user_a"}})
			check(t, "assigned", resp.AssignedCount, 1)
		},
		"bulkUnassignMembersFromGuardrail": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GuardrailUnassignMembersResponse](t)(c.Guardrails.UnassignMembers(ctx, guardrailID, openrouter.GuardrailUnassignMembersRequest{MemberUserIds: []string{"user_a", "user_b"}}))
			expectRequest(t, only(t, srv, "bulkUnassignMembersFromGuardrail"), "POST", "/guardrails/"+guardrailID+"/assignments/members/remove", map[string]any{"member_user_ids": []any{"user_a", "user_b"}})
			check(t, "unassigned", resp.UnassignedCount, 2)
		},

		"listBYOKKeys": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.BYOKKeyListResponse](t)(c.BYOK.List(ctx, &openrouter.ListBYOKKeysParams{Provider: ptr(openrouter.BYOKProviderFilter("anthropic")), Limit: ptr(5)}))
			r := only(t, srv, "listBYOKKeys")
			expectRequest(t, r, "GET", "/byok", nil)
			check(t, "provider query", r.Query.Get("provider"), "anthropic")
			check(t, "limit query", r.Query.Get("limit"), "5")
			if len(resp.Data) != 1 || resp.Data[0].Provider != "anthropic" || resp.TotalCount != 1 {
				t.Errorf("keys %+v (total %d)", resp.Data, resp.TotalCount)
			}
		},
		"createBYOKKey": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CreateBYOKKeyResponse](t)(c.BYOK.Create(ctx, openrouter.CreateBYOKKeyRequest{
				Provider: openrouter.BYOKProviderSlug("openai"), Key: "sk-proj-secret-value-9876", Name: "Main", IsFallback: ptr(true),
			}))
			expectRequest(t, only(t, srv, "createBYOKKey"), "POST", "/byok", map[string]any{"provider": "openai", "key": "sk-proj-secret-value-9876", "name": "Main", "is_fallback": true})
			check(t, "provider", resp.Data.Provider, "openai")
			check(t, "name", resp.Data.Name, "Main")
			check(t, "fallback", resp.Data.IsFallback, true)
			if strings.Contains(resp.Data.Label, "secret-value") || !strings.HasSuffix(resp.Data.Label, "9876") {
				t.Errorf("label %q, want the secret masked", resp.Data.Label)
			}
		},
		"getBYOKKey": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.BYOKKeyResponse](t)(c.BYOK.Get(ctx, byokID))
			expectRequest(t, only(t, srv, "getBYOKKey"), "GET", "/byok/"+byokID, nil)
			check(t, "id", resp.Data.ID, byokID)
			if resp.Data.Provider == "" || resp.Data.Label == "" {
				t.Errorf("key %+v", resp.Data)
			}
		},
		"updateBYOKKey": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.UpdateBYOKKeyResponse](t)(c.BYOK.Update(ctx, byokID, openrouter.UpdateBYOKKeyRequest{Disabled: ptr(true), AllowedModels: []string{"openai/gpt-4o"}}))
			expectRequest(t, only(t, srv, "updateBYOKKey"), "PATCH", "/byok/"+byokID, map[string]any{"disabled": true, "allowed_models": []any{"openai/gpt-4o"}})
			check(t, "id", resp.Data.ID, byokID)
			check(t, "disabled", resp.Data.Disabled, true)
			check(t, "allowed models", resp.Data.AllowedModels, []string{"openai/gpt-4o"})
		},
		"deleteBYOKKey": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.DeleteBYOKKeyResponse](t)(c.BYOK.Delete(ctx, byokID))
			expectRequest(t, only(t, srv, "deleteBYOKKey"), "DELETE", "/byok/"+byokID, nil)
			check(t, "deleted", resp.Deleted, true)
		},

		"listOrganizationMembers": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.OrganizationMemberListResponse](t)(c.Organization.ListMembers(ctx, &openrouter.ListOrganizationMembersParams{Offset: ptr(1), Limit: ptr(1)}))
			r := only(t, srv, "listOrganizationMembers")
			expectRequest(t, r, "GET", "/organization/members", nil)
			check(t, "offset query", r.Query.Get("offset"), "1")
			check(t, "limit query", r.Query.Get("limit"), "1")
			check(t, "total", resp.TotalCount, 3)
			if len(resp.Data) != 1 || resp.Data[0].Email != "alan@example.com" || resp.Data[0].Role != "org:member" {
				t.Errorf("members %+v", resp.Data)
			}
		},
	})
}

// guardrailPage is a scripted page of GET /guardrails.
func guardrailPage(total int, names ...string) openroutertest.Response {
	data := []any{}
	for i, n := range names {
		data = append(data, map[string]any{
			"id": fmt.Sprintf("00000000-0000-4000-8000-%012d", 500+len(n)*10+i), "name": n,
			"include_byok_in_budgets": false, "created_at": "2025-01-15T10:30:00Z", "workspace_id": nil,
		})
	}
	return openroutertest.Response{JSON: map[string]any{"data": data, "total_count": total}}
}

// TestGuardrailsListAllPages iterates over scripted pages: the iterator
// asks for each page by offset, stops at the total, stops fetching on an
// early break and stops at the first error.
func TestGuardrailsListAllPages(t *testing.T) {
	t.Parallel()
	newClient := func(t *testing.T) (*openroutertest.Server, *openrouter.Client) {
		srv := openroutertest.NewServer(t)
		c, err := srv.Client(openrouter.WithMaxRetries(0))
		if err != nil {
			t.Fatal(err)
		}
		return srv, c
	}
	ws := uuid(t, "9c9c9c9c-1111-4222-8333-444455556666")

	t.Run("all pages", func(t *testing.T) {
		t.Parallel()
		srv, c := newClient(t)
		srv.Enqueue("listGuardrails", guardrailPage(5, "a", "b"))
		srv.Enqueue("listGuardrails", guardrailPage(5, "c", "d"))
		srv.Enqueue("listGuardrails", guardrailPage(5, "e"))
		var names []string
		for g, err := range c.Guardrails.ListAll(ctx, &openrouter.ListGuardrailsParams{Limit: ptr(2), WorkspaceID: &ws}) {
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, g.Name)
		}
		check(t, "names", strings.Join(names, ","), "a,b,c,d,e")
		reqs := srv.RequestsFor("listGuardrails")
		if len(reqs) != 3 {
			t.Fatalf("%d requests, want 3", len(reqs))
		}
		for i, r := range reqs {
			check(t, fmt.Sprintf("page %d offset", i), r.Query.Get("offset"), fmt.Sprint(2*i))
			check(t, fmt.Sprintf("page %d limit", i), r.Query.Get("limit"), "2")
			check(t, fmt.Sprintf("page %d workspace_id", i), r.Query.Get("workspace_id"), ws.String())
		}
	})

	t.Run("limit capped at 100", func(t *testing.T) {
		t.Parallel()
		srv, c := newClient(t)
		for range c.Guardrails.ListAll(ctx, &openrouter.ListGuardrailsParams{Offset: ptr(1), Limit: ptr(500)}) {
		}
		r := only(t, srv, "listGuardrails")
		check(t, "limit", r.Query.Get("limit"), "100")
		check(t, "offset", r.Query.Get("offset"), "1")
	})

	t.Run("early break", func(t *testing.T) {
		t.Parallel()
		srv, c := newClient(t)
		srv.Enqueue("listGuardrails", guardrailPage(6, "a", "b"))
		srv.Enqueue("listGuardrails", guardrailPage(6, "c", "d"))
		srv.Enqueue("listGuardrails", guardrailPage(6, "e", "f"))
		var names []string
		for g, err := range c.Guardrails.ListAll(ctx, &openrouter.ListGuardrailsParams{Limit: ptr(2)}) {
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, g.Name)
			if g.Name == "c" {
				break
			}
		}
		check(t, "names", strings.Join(names, ","), "a,b,c")
		check(t, "requests", len(srv.RequestsFor("listGuardrails")), 2)
		check(t, "pages left", srv.Pending("listGuardrails"), 1)
	})

	t.Run("error stops", func(t *testing.T) {
		t.Parallel()
		srv, c := newClient(t)
		srv.Enqueue("listGuardrails", guardrailPage(6, "a", "b"))
		srv.Enqueue("listGuardrails", openroutertest.ErrorResponse(http.StatusUnauthorized, "key revoked"))
		srv.Enqueue("listGuardrails", guardrailPage(6, "e", "f"))
		var names []string
		var errs []error
		for g, err := range c.Guardrails.ListAll(ctx, &openrouter.ListGuardrailsParams{Limit: ptr(2)}) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			names = append(names, g.Name)
		}
		check(t, "names", strings.Join(names, ","), "a,b")
		if len(errs) != 1 || !errors.Is(errs[0], openrouter.ErrUnauthorized) {
			t.Fatalf("errors %v, want one ErrUnauthorized", errs)
		}
		wantAPIError(t, errs[0], http.StatusUnauthorized)
		check(t, "requests", len(srv.RequestsFor("listGuardrails")), 2)
	})
}

// TestManagementIteratorsPage runs the other iterators of the group over
// two pages of their default answers.
func TestManagementIteratorsPage(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	collect := func(name string, seq func(yield func(string, error) bool)) string {
		var got []string
		for s, err := range seq {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got = append(got, s)
		}
		return strings.Join(got, ",")
	}
	two := ptr(2)
	check(t, "BYOK.ListAll", collect("BYOK.ListAll", func(yield func(string, error) bool) {
		for k, err := range c.BYOK.ListAll(ctx, &openrouter.ListBYOKKeysParams{Limit: ptr(1)}) {
			if !yield(string(k.Provider), err) {
				return
			}
		}
	}), "openai,anthropic")
	check(t, "Organization.ListMembersAll", collect("Organization.ListMembersAll", func(yield func(string, error) bool) {
		for m, err := range c.Organization.ListMembersAll(ctx, &openrouter.ListOrganizationMembersParams{Limit: two}) {
			if !yield(m.ID, err) {
				return
			}
		}
	}), "user_fake_0001,user_fake_0002,user_fake_0003")
	check(t, "Guardrails.ListKeyAssignmentsAll", collect("ListKeyAssignmentsAll", func(yield func(string, error) bool) {
		for a, err := range c.Guardrails.ListKeyAssignmentsAll(ctx, &openrouter.ListKeyAssignmentsParams{Limit: two}) {
			if !yield(a.KeyHash, err) {
				return
			}
		}
	}), "c0ffee01,c0ffee02,c0ffee02")
	check(t, "Guardrails.ListMemberAssignmentsAll", collect("ListMemberAssignmentsAll", func(yield func(string, error) bool) {
		for a, err := range c.Guardrails.ListMemberAssignmentsAll(ctx, &openrouter.ListMemberAssignmentsParams{Limit: ptr(1)}) {
			if !yield(a.UserID, err) {
				return
			}
		}
	}), "user_fake_0001,user_fake_0002")
	check(t, "Guardrails.ListGuardrailKeyAssignmentsAll", collect("ListGuardrailKeyAssignmentsAll", func(yield func(string, error) bool) {
		for a, err := range c.Guardrails.ListGuardrailKeyAssignmentsAll(ctx, guardrailID, &openrouter.ListGuardrailKeyAssignmentsParams{Limit: ptr(1)}) {
			if !yield(a.GuardrailID.String()+"/"+a.KeyHash, err) {
				return
			}
		}
	}), guardrailID+"/c0ffee01,"+guardrailID+"/c0ffee02")
	check(t, "Guardrails.ListGuardrailMemberAssignmentsAll", collect("ListGuardrailMemberAssignmentsAll", func(yield func(string, error) bool) {
		for a, err := range c.Guardrails.ListGuardrailMemberAssignmentsAll(ctx, guardrailID, nil) {
			if !yield(a.UserID, err) {
				return
			}
		}
	}), "user_fake_0001")
	for _, id := range []openroutertest.OperationID{"listBYOKKeys", "listOrganizationMembers", "listKeyAssignments", "listMemberAssignments", "listGuardrailKeyAssignments"} {
		if n := len(srv.RequestsFor(id)); n != 2 {
			t.Errorf("%s: %d requests, want 2", id, n)
		}
	}
	check(t, "listGuardrailMemberAssignments requests", len(srv.RequestsFor("listGuardrailMemberAssignments")), 1)
}

// TestGuardrailsAPIErrors checks that the API's errors reach the caller
// as *APIError matching the sentinel of their status.
func TestGuardrailsAPIErrors(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, err := srv.Client(openrouter.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	srv.Enqueue("createGuardrail", openroutertest.ErrorResponse(http.StatusForbidden, "a management key is required"))
	_, err = c.Guardrails.Create(ctx, openrouter.CreateGuardrailRequest{Name: "x"})
	if !errors.Is(err, openrouter.ErrForbidden) {
		t.Errorf("Create: %v, want ErrForbidden", err)
	}
	apiErr := wantAPIError(t, err, http.StatusForbidden)
	check(t, "operation", apiErr.Operation, "Guardrails.Create")
	check(t, "message", apiErr.Message, "a management key is required")

	srv.Enqueue("getBYOKKey", openroutertest.ErrorResponse(http.StatusNotFound, "no such key"))
	_, err = c.BYOK.Get(ctx, byokID)
	if !errors.Is(err, openrouter.ErrNotFound) {
		t.Errorf("BYOK.Get: %v, want ErrNotFound", err)
	}
	check(t, "BYOK.Get operation", wantAPIError(t, err, http.StatusNotFound).Operation, "BYOK.Get")

	srv.Enqueue("listOrganizationMembers", openroutertest.ErrorResponse(http.StatusUnauthorized, "bad key"))
	_, err = c.Organization.ListMembers(ctx, nil)
	if !errors.Is(err, openrouter.ErrUnauthorized) {
		t.Errorf("ListMembers: %v, want ErrUnauthorized", err)
	}
}

// TestGuardrailsBadIDs checks that an empty or malformed id fails with a
// clear error and sends nothing.
func TestGuardrailsBadIDs(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	calls := map[string]func(id string) error{
		"Guardrails.Get": func(id string) error { _, err := c.Guardrails.Get(ctx, id); return err },
		"Guardrails.Update": func(id string) error {
			_, err := c.Guardrails.Update(ctx, id, openrouter.UpdateGuardrailRequest{})
			return err
		},
		"Guardrails.Delete": func(id string) error { _, err := c.Guardrails.Delete(ctx, id); return err },
		"Guardrails.ListGuardrailKeyAssignments": func(id string) error {
			_, err := c.Guardrails.ListGuardrailKeyAssignments(ctx, id, nil)
			return err
		},
		"Guardrails.AssignKeys": func(id string) error {
			_, err := c.Guardrails.AssignKeys(ctx, id, openrouter.GuardrailAssignKeysRequest{KeyHashes: []string{"h"}})
			return err
		},
		"Guardrails.UnassignKeys": func(id string) error {
			_, err := c.Guardrails.UnassignKeys(ctx, id, openrouter.GuardrailUnassignKeysRequest{KeyHashes: []string{"h"}})
			return err
		},
		"Guardrails.ListGuardrailMemberAssignments": func(id string) error {
			_, err := c.Guardrails.ListGuardrailMemberAssignments(ctx, id, nil)
			return err
		},
		"Guardrails.AssignMembers": func(id string) error {
			_, err := c.Guardrails.AssignMembers(ctx, id, openrouter.GuardrailAssignMembersRequest{MemberUserIds: []string{"u"}})
			return err
		},
		"Guardrails.UnassignMembers": func(id string) error {
			_, err := c.Guardrails.UnassignMembers(ctx, id, openrouter.GuardrailUnassignMembersRequest{MemberUserIds: []string{"u"}})
			return err
		},
		"BYOK.Get": func(id string) error { _, err := c.BYOK.Get(ctx, id); return err },
		"BYOK.Update": func(id string) error {
			_, err := c.BYOK.Update(ctx, id, openrouter.UpdateBYOKKeyRequest{})
			return err
		},
		"BYOK.Delete": func(id string) error { _, err := c.BYOK.Delete(ctx, id); return err },
		"Guardrails.ListGuardrailKeyAssignmentsAll": func(id string) error {
			for _, err := range c.Guardrails.ListGuardrailKeyAssignmentsAll(ctx, id, nil) {
				return err
			}
			return nil
		},
		"Guardrails.ListGuardrailMemberAssignmentsAll": func(id string) error {
			for _, err := range c.Guardrails.ListGuardrailMemberAssignmentsAll(ctx, id, nil) {
				return err
			}
			return nil
		},
	}
	for op, call := range calls {
		base := strings.TrimSuffix(op, "All")
		for id, want := range map[string]string{
			"":          base + ": id is empty",
			"  ":        base + ": id is empty",
			"not-a-key": base + `: id "not-a-key" is not a UUID`,
		} {
			err := call(id)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s(%q): error %v, want %q", op, id, err, want)
			}
			var apiErr *openrouter.APIError
			if errors.As(err, &apiErr) {
				t.Errorf("%s(%q): an API error, want a local one", op, id)
			}
		}
	}
	if reqs := srv.Requests(); len(reqs) != 0 {
		t.Errorf("the server saw %d requests, want none", len(reqs))
	}
}

// TestGuardrailsNeedAKey checks that the management calls refuse to run
// without an API key.
func TestGuardrailsNeedAKey(t *testing.T) {
	t.Setenv("OPENROUTER_API_KEY", "")
	srv := openroutertest.NewServer(t)
	c, err := openrouter.NewClient(openrouter.WithBaseURL(srv.URL()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Guardrails.List(context.Background(), nil)
	if !errors.Is(err, openrouter.ErrMissingAPIKey) {
		t.Errorf("Guardrails.List without a key: %v, want ErrMissingAPIKey", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
