package tests

import (
	"errors"
	"fmt"
	"iter"
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Ids of the workspace, observability and SCIM contract tests.
const (
	wsID    = "0000000a-0000-4000-8000-00000000000a"
	destID  = "0000abcd-0000-4000-8000-00000000abcd"
	mapID   = "0000beef-0000-4000-8000-00000000beef"
	groupID = "00000191-0000-4000-8000-000000000191"
)

// webhook reads a destination that must be a webhook.
func webhook(t *testing.T, d openrouter.ObservabilityDestination) gen.ObservabilityWebhookDestination {
	t.Helper()
	typ, err := d.Discriminator()
	if err != nil || typ != "webhook" {
		t.Fatalf("destination type %q (%v), want webhook", typ, err)
	}
	w, err := d.AsObservabilityWebhookDestination()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// Contract tests of the Workspaces, Observability and SCIM operations.
func init() {
	register(map[string]contract{
		"listWorkspaces": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.WorkspaceListResponse](t)(c.Workspaces.List(ctx, &openrouter.ListWorkspacesParams{Offset: ptr(1), Limit: ptr(10)}))
			r := only(t, srv, "listWorkspaces")
			expectRequest(t, r, "GET", "/workspaces", nil)
			check(t, "offset query", r.Query.Get("offset"), "1")
			check(t, "limit query", r.Query.Get("limit"), "10")
			check(t, "total", resp.TotalCount, 2)
			if len(resp.Data) != 1 || resp.Data[0].Slug != "research" {
				t.Errorf("page %+v, want the research workspace", resp.Data)
			}
		},
		"createWorkspace": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CreateWorkspaceResponse](t)(c.Workspaces.Create(ctx, openrouter.CreateWorkspaceRequest{Name: "Data team", Slug: "data-team", DefaultTextModel: "openai/gpt-4o-mini"}))
			expectRequest(t, only(t, srv, "createWorkspace"), "POST", "/workspaces", map[string]any{"name": "Data team", "slug": "data-team", "default_text_model": "openai/gpt-4o-mini"})
			check(t, "name", resp.Data.Name, "Data team")
			check(t, "slug", resp.Data.Slug, "data-team")
			if resp.Data.DefaultTextModel == nil || *resp.Data.DefaultTextModel != "openai/gpt-4o-mini" {
				t.Errorf("default text model %v", resp.Data.DefaultTextModel)
			}
			if resp.Data.ID == (openrouter.UUID{}) {
				t.Error("no id for the new workspace")
			}
		},
		"getWorkspace": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.WorkspaceResponse](t)(c.Workspaces.Get(ctx, wsID))
			expectRequest(t, only(t, srv, "getWorkspace"), "GET", "/workspaces/"+wsID, nil)
			check(t, "id", resp.Data.ID, wsID)
		},
		"updateWorkspace": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.UpdateWorkspaceResponse](t)(c.Workspaces.Update(ctx, wsID, openrouter.UpdateWorkspaceRequest{Name: "Renamed", IsObservabilityBroadcastEnabled: ptr(true)}))
			r := only(t, srv, "updateWorkspace")
			expectRequest(t, r, "PATCH", "/workspaces/"+wsID, map[string]any{"name": "Renamed", "is_observability_broadcast_enabled": true})
			if strings.Contains(string(r.Body), `"slug"`) {
				t.Errorf("unset field sent: %s", r.Body)
			}
			check(t, "id", resp.Data.ID, wsID)
			check(t, "name", resp.Data.Name, "Renamed")
			check(t, "broadcast", resp.Data.IsObservabilityBroadcastEnabled, true)
		},
		"deleteWorkspace": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.DeleteWorkspaceResponse](t)(c.Workspaces.Delete(ctx, wsID))
			expectRequest(t, only(t, srv, "deleteWorkspace"), "DELETE", "/workspaces/"+wsID, nil)
			check(t, "deleted", resp.Deleted, true)
		},
		"listWorkspaceBudgets": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.WorkspaceBudgetListResponse](t)(c.Workspaces.ListBudgets(ctx, wsID))
			expectRequest(t, only(t, srv, "listWorkspaceBudgets"), "GET", "/workspaces/"+wsID+"/budgets", nil)
			if len(resp.Data) == 0 {
				t.Fatal("no budgets")
			}
			check(t, "workspace", resp.Data[0].WorkspaceID, wsID)
		},
		"getWorkspaceBudget": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.WorkspaceBudgetResponse](t)(c.Workspaces.GetBudget(ctx, wsID, openrouter.WorkspaceBudgetWeekly))
			expectRequest(t, only(t, srv, "getWorkspaceBudget"), "GET", "/workspaces/"+wsID+"/budgets/weekly", nil)
			if resp.Data.ResetInterval == nil || *resp.Data.ResetInterval != gen.WorkspaceBudgetResetIntervalWeekly {
				t.Errorf("reset interval %v, want weekly", resp.Data.ResetInterval)
			}
		},
		"upsertWorkspaceBudget": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.SetWorkspaceBudgetResponse](t)(c.Workspaces.SetBudget(ctx, wsID, openrouter.WorkspaceBudgetLifetime, openrouter.SetWorkspaceBudgetRequest{LimitUsd: 250.5}))
			r := only(t, srv, "upsertWorkspaceBudget")
			expectRequest(t, r, "PUT", "/workspaces/"+wsID+"/budgets/lifetime", map[string]any{"limit_usd": 250.5})
			check(t, "limit", resp.Data.LimitUsd, 250.5)
			if resp.Data.ResetInterval != nil {
				t.Errorf("a lifetime budget resets %v", *resp.Data.ResetInterval)
			}
		},
		"deleteWorkspaceBudget": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.DeleteWorkspaceBudgetResponse](t)(c.Workspaces.DeleteBudget(ctx, wsID, openrouter.WorkspaceBudgetDaily))
			expectRequest(t, only(t, srv, "deleteWorkspaceBudget"), "DELETE", "/workspaces/"+wsID+"/budgets/daily", nil)
			check(t, "deleted", resp.Deleted, true)
		},
		"listWorkspaceMembers": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.WorkspaceMemberListResponse](t)(c.Workspaces.ListMembers(ctx, wsID, &openrouter.ListWorkspaceMembersParams{Limit: ptr(1)}))
			r := only(t, srv, "listWorkspaceMembers")
			expectRequest(t, r, "GET", "/workspaces/"+wsID+"/members", nil)
			check(t, "limit query", r.Query.Get("limit"), "1")
			check(t, "total", resp.TotalCount, 2)
			if len(resp.Data) != 1 || resp.Data[0].WorkspaceID.String() != wsID {
				t.Errorf("members %+v", resp.Data)
			}
		},
		"bulkAddWorkspaceMembers": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.AddWorkspaceMembersResponse](t)(c.Workspaces.AddMembers(ctx, wsID, openrouter.AddWorkspaceMembersRequest{UserIds: []string{"user_a", "user_b"}}))
			expectRequest(t, only(t, srv, "bulkAddWorkspaceMembers"), "POST", "/workspaces/"+wsID+"/members/add", map[string]any{"user_ids": []any{"user_a", "user_b"}})
			check(t, "added", resp.AddedCount, 2)
			if len(resp.Data) != 2 || resp.Data[1].UserID != "user_b" {
				t.Errorf("members %+v", resp.Data)
			}
		},
		"bulkRemoveWorkspaceMembers": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.RemoveWorkspaceMembersResponse](t)(c.Workspaces.RemoveMembers(ctx, wsID, openrouter.RemoveWorkspaceMembersRequest{UserIds: []string{"user_a", "user_b", "user_c"}}))
			expectRequest(t, only(t, srv, "bulkRemoveWorkspaceMembers"), "POST", "/workspaces/"+wsID+"/members/remove", map[string]any{"user_ids": []any{"user_a", "user_b", "user_c"}})
			check(t, "removed", resp.RemovedCount, 3)
		},

		"listObservabilityDestinations": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			ws := uuid(t, wsID)
			resp := must[*openrouter.ObservabilityDestinationListResponse](t)(c.Observability.List(ctx, &openrouter.ListObservabilityDestinationsParams{WorkspaceID: &ws}))
			r := only(t, srv, "listObservabilityDestinations")
			expectRequest(t, r, "GET", "/observability/destinations", nil)
			check(t, "workspace query", r.Query.Get("workspace_id"), wsID)
			if len(resp.Data) == 0 {
				t.Fatal("no destinations")
			}
			check(t, "workspace", webhook(t, resp.Data[0]).WorkspaceID, wsID)
		},
		"createObservabilityDestination": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CreateObservabilityDestinationResponse](t)(c.Observability.Create(ctx, openrouter.CreateObservabilityDestinationRequest{
				Type:         gen.ObservabilityDestinationTypeDatadog,
				Name:         "Datadog",
				Config:       map[string]any{"apiKey": "dd-key", "mlApp": "chat"},
				SamplingRate: ptr(0.25),
			}))
			expectRequest(t, only(t, srv, "createObservabilityDestination"), "POST", "/observability/destinations",
				map[string]any{"type": "datadog", "name": "Datadog", "config": map[string]any{"apiKey": "dd-key", "mlApp": "chat"}, "sampling_rate": 0.25})
			d, err := resp.Data.AsObservabilityDatadogDestination()
			if err != nil {
				t.Fatal(err)
			}
			check(t, "type", d.Type, "datadog")
			check(t, "ml app", d.Config.MlApp, "chat")
			check(t, "sampling rate", d.SamplingRate, 0.25)
			if d.Name == nil || *d.Name != "Datadog" {
				t.Errorf("name %v", d.Name)
			}
		},
		"getObservabilityDestination": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ObservabilityDestinationResponse](t)(c.Observability.Get(ctx, destID))
			expectRequest(t, only(t, srv, "getObservabilityDestination"), "GET", "/observability/destinations/"+destID, nil)
			w := webhook(t, resp.Data)
			check(t, "id", w.ID, destID)
			if w.Config.URL == "" {
				t.Error("webhook without url")
			}
		},
		"updateObservabilityDestination": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.UpdateObservabilityDestinationResponse](t)(c.Observability.Update(ctx, destID, openrouter.UpdateObservabilityDestinationRequest{Enabled: ptr(false), Name: "Paused"}))
			r := only(t, srv, "updateObservabilityDestination")
			expectRequest(t, r, "PATCH", "/observability/destinations/"+destID, map[string]any{"enabled": false, "name": "Paused"})
			if strings.Contains(string(r.Body), `"config"`) {
				t.Errorf("unset config sent: %s", r.Body)
			}
			w := webhook(t, resp.Data)
			check(t, "id", w.ID, destID)
			check(t, "enabled", w.Enabled, false)
		},
		"deleteObservabilityDestination": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.DeleteObservabilityDestinationResponse](t)(c.Observability.Delete(ctx, destID))
			expectRequest(t, only(t, srv, "deleteObservabilityDestination"), "DELETE", "/observability/destinations/"+destID, nil)
			check(t, "deleted", resp.Deleted, true)
		},

		"listScimGroupMappings": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.SCIMGroupMappingListResponse](t)(c.SCIM.ListGroupMappings(ctx, nil))
			r := only(t, srv, "listScimGroupMappings")
			expectRequest(t, r, "GET", "/scim/group-mappings", nil)
			if len(r.Query) != 0 {
				t.Errorf("nil params sent a query: %v", r.Query)
			}
			check(t, "mappings", len(resp.Data), resp.TotalCount)
		},
		"createScimGroupMapping": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.CreateSCIMGroupMappingResponse](t)(c.SCIM.CreateGroupMapping(ctx, openrouter.CreateSCIMGroupMappingRequest{
				ScimGroupID: uuid(t, groupID), WorkspaceID: uuid(t, wsID), Role: gen.CreateScimGroupMappingRequestRoleAdmin,
			}))
			expectRequest(t, only(t, srv, "createScimGroupMapping"), "POST", "/scim/group-mappings", map[string]any{"scim_group_id": groupID, "workspace_id": wsID, "role": "admin"})
			check(t, "group", resp.Data.ScimGroupID, groupID)
			check(t, "workspace", resp.Data.WorkspaceID, wsID)
			check(t, "role", resp.Data.Role, "admin")
		},
		"getScimGroupMapping": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.SCIMGroupMappingResponse](t)(c.SCIM.GetGroupMapping(ctx, mapID))
			expectRequest(t, only(t, srv, "getScimGroupMapping"), "GET", "/scim/group-mappings/"+mapID, nil)
			check(t, "id", resp.Data.ID, mapID)
		},
		"updateScimGroupMapping": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.UpdateSCIMGroupMappingResponse](t)(c.SCIM.UpdateGroupMapping(ctx, mapID, openrouter.UpdateSCIMGroupMappingRequest{Role: gen.UpdateScimGroupMappingRequestRoleAdmin}))
			expectRequest(t, only(t, srv, "updateScimGroupMapping"), "PATCH", "/scim/group-mappings/"+mapID, map[string]any{"role": "admin"})
			check(t, "id", resp.Data.ID, mapID)
			check(t, "role", resp.Data.Role, "admin")
		},
		"deleteScimGroupMapping": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.DeleteSCIMGroupMappingResponse](t)(c.SCIM.DeleteGroupMapping(ctx, mapID, true))
			r := only(t, srv, "deleteScimGroupMapping")
			expectRequest(t, r, "DELETE", "/scim/group-mappings/"+mapID, nil)
			check(t, "keep_members query", r.Query.Get("keep_members"), "true")
			check(t, "deleted", resp.Deleted, true)
		},
		"listScimGroups": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.SCIMGroupListResponse](t)(c.SCIM.ListGroups(ctx, &openrouter.ListSCIMGroupsParams{Offset: ptr(1)}))
			r := only(t, srv, "listScimGroups")
			expectRequest(t, r, "GET", "/scim/groups", nil)
			check(t, "offset query", r.Query.Get("offset"), "1")
			if len(resp.Data) != 1 || resp.Data[0].DisplayName != "Research" || resp.Data[0].ExternalID != nil {
				t.Errorf("groups %+v", resp.Data)
			}
		},
	})
}

// workspaceJSON is a spec-valid workspace for scripted answers.
func workspaceJSON(n int) map[string]any {
	return map[string]any{
		"id": fmt.Sprintf("%08x-0000-4000-8000-%012x", n, n), "name": fmt.Sprintf("Workspace %d", n), "slug": fmt.Sprintf("ws-%d", n),
		"description": nil, "default_guardrail_id": "00000000-0000-0000-0000-000000000000",
		"default_text_model": nil, "default_image_model": nil, "default_provider_sort": nil,
		"io_logging_api_key_ids": nil, "io_logging_sampling_rate": 1.0,
		"is_data_discount_logging_enabled": false, "is_observability_broadcast_enabled": false, "is_observability_io_logging_enabled": false,
		"created_at": "2025-01-15T10:30:00Z", "updated_at": nil, "created_by": nil,
	}
}

// workspacePage is a scripted listWorkspaces answer: n workspaces
// numbered from first, out of total.
func workspacePage(first, n, total int) openroutertest.Response {
	page := []any{}
	for i := range n {
		page = append(page, workspaceJSON(first+i))
	}
	return openroutertest.Response{JSON: map[string]any{"data": page, "total_count": total}}
}

// enqueueWorkspacePages scripts listWorkspaces pages of the given sizes,
// numbering the workspaces from 1, with total_count the sum of the sizes.
func enqueueWorkspacePages(srv *openroutertest.Server, sizes ...int) {
	total := 0
	for _, n := range sizes {
		total += n
	}
	first := 1
	for _, n := range sizes {
		srv.Enqueue("listWorkspaces", workspacePage(first, n, total))
		first += n
	}
}

func TestWorkspacesListAllPages(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	enqueueWorkspacePages(srv, 2, 2, 1)
	var slugs []string
	for w, err := range c.Workspaces.ListAll(ctx, &openrouter.ListWorkspacesParams{Limit: ptr(2)}) {
		if err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, w.Slug)
	}
	check(t, "slugs", strings.Join(slugs, ","), "ws-1,ws-2,ws-3,ws-4,ws-5")
	reqs := srv.RequestsFor("listWorkspaces")
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3 (the total ends the iteration)", len(reqs))
	}
	for i, r := range reqs {
		check(t, fmt.Sprintf("page %d offset", i), r.Query.Get("offset"), 2*i)
		check(t, fmt.Sprintf("page %d limit", i), r.Query.Get("limit"), 2)
	}
	if n := srv.Pending("listWorkspaces"); n != 0 {
		t.Errorf("%d scripted pages unused", n)
	}
}

func TestWorkspacesListAllCapsTheLimit(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	n := 0
	for _, err := range c.Workspaces.ListAll(ctx, &openrouter.ListWorkspacesParams{Limit: ptr(1000)}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	check(t, "workspaces", n, 2)
	r := only(t, srv, "listWorkspaces")
	check(t, "limit query", r.Query.Get("limit"), 100)
}

func TestWorkspacesListAllEarlyBreak(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	enqueueWorkspacePages(srv, 2, 2, 2)
	n := 0
	for _, err := range c.Workspaces.ListAll(ctx, &openrouter.ListWorkspacesParams{Limit: ptr(2)}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 3 {
			break
		}
	}
	if got := len(srv.RequestsFor("listWorkspaces")); got != 2 {
		t.Errorf("%d requests after a break on the second page, want 2", got)
	}
	check(t, "unused pages", srv.Pending("listWorkspaces"), 1)
}

func TestWorkspacesListAllStopsAtError(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	srv.Enqueue("listWorkspaces", workspacePage(1, 2, 6))
	srv.Enqueue("listWorkspaces", openroutertest.ErrorResponse(http.StatusForbidden, "management key required"))
	srv.Enqueue("listWorkspaces", workspacePage(3, 2, 6))
	var got []string
	var errs []error
	for w, err := range c.Workspaces.ListAll(ctx, &openrouter.ListWorkspacesParams{Limit: ptr(2)}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, w.Slug)
	}
	check(t, "items before the error", strings.Join(got, ","), "ws-1,ws-2")
	if len(errs) != 1 {
		t.Fatalf("errors %v, want exactly one", errs)
	}
	if !errors.Is(errs[0], openrouter.ErrForbidden) {
		t.Errorf("error %v does not match ErrForbidden", errs[0])
	}
	wantAPIError(t, errs[0], http.StatusForbidden)
	check(t, "requests", len(srv.RequestsFor("listWorkspaces")), 2)
	check(t, "unused pages", srv.Pending("listWorkspaces"), 1)
}

// countAll drains seq and returns how many items it yielded.
func countAll[T any](t *testing.T, name string, seq iter.Seq2[T, error]) int {
	t.Helper()
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n++
	}
	return n
}

func TestOtherManagementIteratorsAgainstDefaults(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	check(t, "members", countAll(t, "members", c.Workspaces.ListMembersAll(ctx, wsID, &openrouter.ListWorkspaceMembersParams{Limit: ptr(1)})), 2)
	check(t, "destinations", countAll(t, "destinations", c.Observability.ListAll(ctx, nil)), 2)
	check(t, "mappings", countAll(t, "mappings", c.SCIM.ListGroupMappingsAll(ctx, nil)), 2)
	check(t, "groups", countAll(t, "groups", c.SCIM.ListGroupsAll(ctx, &openrouter.ListSCIMGroupsParams{Limit: ptr(1)})), 2)
	// Limit 1 over two records: two pages, and the total ends the iteration.
	check(t, "member pages", len(srv.RequestsFor("listWorkspaceMembers")), 2)
	check(t, "group pages", len(srv.RequestsFor("listScimGroups")), 2)
	check(t, "destination pages", len(srv.RequestsFor("listObservabilityDestinations")), 1)
	for i, r := range srv.RequestsFor("listWorkspaceMembers") {
		check(t, "members path", r.Path, "/api/v1/workspaces/"+wsID+"/members")
		check(t, "members offset", r.Query.Get("offset"), i)
	}
}

func TestManagementNotFoundErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		op   openroutertest.OperationID
		call func(c *openrouter.Client) error
	}{
		{"getWorkspace", func(c *openrouter.Client) error { _, err := c.Workspaces.Get(ctx, "gone"); return err }},
		{"getWorkspaceBudget", func(c *openrouter.Client) error {
			_, err := c.Workspaces.GetBudget(ctx, wsID, openrouter.WorkspaceBudgetMonthly)
			return err
		}},
		{"getObservabilityDestination", func(c *openrouter.Client) error { _, err := c.Observability.Get(ctx, destID); return err }},
		{"deleteScimGroupMapping", func(c *openrouter.Client) error {
			_, err := c.SCIM.DeleteGroupMapping(ctx, mapID, false)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(string(tc.op), func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t)
			c, _ := srv.Client()
			srv.Enqueue(tc.op, openroutertest.ErrorResponse(http.StatusNotFound, "no such record"))
			err := tc.call(c)
			if !errors.Is(err, openrouter.ErrNotFound) {
				t.Fatalf("error %v does not match ErrNotFound", err)
			}
			e := wantAPIError(t, err, http.StatusNotFound)
			check(t, "message", e.Message, "no such record")
			check(t, "requests", len(srv.RequestsFor(tc.op)), 1)
		})
	}
}

func TestManagementArgumentErrors(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	cases := []struct {
		name, want string
		err        error
	}{
		{"empty workspace id", "Workspaces.Get: id is empty", func() error { _, err := c.Workspaces.Get(ctx, ""); return err }()},
		{"blank workspace id", "Workspaces.AddMembers: id is empty", func() error {
			_, err := c.Workspaces.AddMembers(ctx, " ", openrouter.AddWorkspaceMembersRequest{UserIds: []string{"u"}})
			return err
		}()},
		{"unknown interval", `unknown budget interval "yearly"`, func() error {
			_, err := c.Workspaces.SetBudget(ctx, wsID, "yearly", openrouter.SetWorkspaceBudgetRequest{LimitUsd: 1})
			return err
		}()},
		{"destination id not a UUID", `Observability.Get: id "dest-1" is not a UUID`, func() error { _, err := c.Observability.Get(ctx, "dest-1"); return err }()},
		{"empty mapping id", "SCIM.DeleteGroupMapping: id is empty", func() error { _, err := c.SCIM.DeleteGroupMapping(ctx, "", true); return err }()},
	}
	for _, tc := range cases {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, tc.err, tc.want)
		}
		var apiErr *openrouter.APIError
		if errors.As(tc.err, &apiErr) {
			t.Errorf("%s: got an API error, want a local one", tc.name)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("invalid arguments sent %d requests", n)
	}
}
