package openroutertest

import (
	"fmt"
	"regexp"
)

// Default answers of the workspace, observability destination and SCIM
// operations. The fake organization has two workspaces, two trace
// destinations, two SCIM groups and one group mapping; records created
// through the API are echoed back but not stored.
func init() {
	defaults["listWorkspaces"] = func(s *Server, c *call) Response {
		return ok(offsetPage(c, arr{
			wsWorkspace(wsDefaultWorkspace, "Default", "default"),
			wsWorkspace(wsResearchWorkspace, "Research", "research"),
		}))
	}
	defaults["createWorkspace"] = func(s *Server, c *call) Response {
		w := wsWorkspace(wsUUID(s.nextID()), str(c.json, "name"), str(c.json, "slug"))
		wsOverlay(w, c.json, wsWorkspaceFields...)
		return ok(obj{"data": w})
	}
	defaults["getWorkspace"] = func(s *Server, c *call) Response {
		return ok(obj{"data": wsWorkspaceAt(c.params["id"])})
	}
	defaults["updateWorkspace"] = func(s *Server, c *call) Response {
		w := wsWorkspaceAt(c.params["id"])
		wsOverlay(w, c.json, append([]string{"name", "slug"}, wsWorkspaceFields...)...)
		w["updated_at"] = fakeTime
		return ok(obj{"data": w})
	}
	defaults["deleteWorkspace"] = func(s *Server, c *call) Response { return ok(obj{"deleted": true}) }

	defaults["listWorkspaceBudgets"] = func(s *Server, c *call) Response {
		ws := wsWorkspaceID(c.params["id"])
		return ok(obj{"data": arr{wsBudget(ws, "monthly", 500), wsBudget(ws, "lifetime", 5000)}, "include_byok_in_budgets": false})
	}
	defaults["getWorkspaceBudget"] = func(s *Server, c *call) Response {
		return ok(obj{"data": wsBudget(wsWorkspaceID(c.params["id"]), c.params["interval"], 500), "include_byok_in_budgets": false})
	}
	defaults["upsertWorkspaceBudget"] = func(s *Server, c *call) Response {
		limit, _ := c.json["limit_usd"].(float64)
		b := wsBudget(wsWorkspaceID(c.params["id"]), c.params["interval"], limit)
		byok, _ := c.json["include_byok_in_budgets"].(bool)
		return ok(obj{"data": b, "include_byok_in_budgets": byok})
	}
	defaults["deleteWorkspaceBudget"] = func(s *Server, c *call) Response { return ok(obj{"deleted": true}) }

	defaults["listWorkspaceMembers"] = func(s *Server, c *call) Response {
		ws := wsWorkspaceID(c.params["id"])
		return ok(offsetPage(c, arr{
			wsMember(wsUUID(101), ws, "user_fake_owner", "admin"),
			wsMember(wsUUID(102), ws, "user_fake_0002", "member"),
		}))
	}
	defaults["bulkAddWorkspaceMembers"] = func(s *Server, c *call) Response {
		ws := wsWorkspaceID(c.params["id"])
		users, _ := c.json["user_ids"].([]any)
		added := arr{}
		for _, u := range users {
			if id, ok := u.(string); ok {
				added = append(added, wsMember(wsUUID(s.nextID()), ws, id, "member"))
			}
		}
		return ok(obj{"data": added, "added_count": len(added)})
	}
	defaults["bulkRemoveWorkspaceMembers"] = func(s *Server, c *call) Response {
		users, _ := c.json["user_ids"].([]any)
		return ok(obj{"removed_count": len(users)})
	}

	defaults["listObservabilityDestinations"] = func(s *Server, c *call) Response {
		ws := wsDefaultWorkspace
		if q := c.req.URL.Query().Get("workspace_id"); q != "" {
			ws = q
		}
		return ok(offsetPage(c, arr{
			wsDestination(wsUUID(201), ws, "webhook", "Trace webhook", wsWebhookConfig()),
			wsDestination(wsUUID(202), ws, "langfuse", "Langfuse", obj{"publicKey": "pk-lf-fake", "secretKey": "sk-lf-fake", "baseUrl": "https://us.cloud.langfuse.com"}),
		}))
	}
	defaults["createObservabilityDestination"] = func(s *Server, c *call) Response {
		ws := wsDefaultWorkspace
		if w := str(c.json, "workspace_id"); w != "" {
			ws = w
		}
		config, _ := c.json["config"].(map[string]any)
		d := wsDestination(wsUUID(s.nextID()), ws, str(c.json, "type"), str(c.json, "name"), config)
		wsOverlay(d, c.json, wsDestinationFields...)
		return ok(obj{"data": d})
	}
	defaults["getObservabilityDestination"] = func(s *Server, c *call) Response {
		return ok(obj{"data": wsDestination(c.params["id"], wsDefaultWorkspace, "webhook", "Trace webhook", wsWebhookConfig())})
	}
	defaults["updateObservabilityDestination"] = func(s *Server, c *call) Response {
		// The fake's destinations are all webhooks: config keys sent are
		// merged into the webhook's config.
		config := wsWebhookConfig()
		if patch, ok := c.json["config"].(map[string]any); ok {
			for k, v := range patch {
				config[k] = v
			}
		}
		d := wsDestination(c.params["id"], wsDefaultWorkspace, "webhook", "Trace webhook", config)
		wsOverlay(d, c.json, append([]string{"name"}, wsDestinationFields...)...)
		d["updated_at"] = fakeTime
		return ok(obj{"data": d})
	}
	defaults["deleteObservabilityDestination"] = func(s *Server, c *call) Response { return ok(obj{"deleted": true}) }

	defaults["listScimGroupMappings"] = func(s *Server, c *call) Response {
		return ok(offsetPage(c, arr{
			wsMapping(wsUUID(301), wsUUID(401), wsDefaultWorkspace, "member"),
			wsMapping(wsUUID(302), wsUUID(402), wsResearchWorkspace, "admin"),
		}))
	}
	defaults["createScimGroupMapping"] = func(s *Server, c *call) Response {
		return ok(obj{"data": wsMapping(wsUUID(s.nextID()), str(c.json, "scim_group_id"), str(c.json, "workspace_id"), str(c.json, "role"))})
	}
	defaults["getScimGroupMapping"] = func(s *Server, c *call) Response {
		return ok(obj{"data": wsMapping(c.params["id"], wsUUID(401), wsDefaultWorkspace, "member")})
	}
	defaults["updateScimGroupMapping"] = func(s *Server, c *call) Response {
		m := wsMapping(c.params["id"], wsUUID(401), wsDefaultWorkspace, str(c.json, "role"))
		m["updated_at"] = fakeTime
		return ok(obj{"data": m})
	}
	defaults["deleteScimGroupMapping"] = func(s *Server, c *call) Response { return ok(obj{"deleted": true}) }
	defaults["listScimGroups"] = func(s *Server, c *call) Response {
		return ok(offsetPage(c, arr{
			wsGroup(wsUUID(401), "Engineering", "okta-00g1engineering"),
			wsGroup(wsUUID(402), "Research", nil),
		}))
	}
}

// The ids of the fake organization's workspaces.
var (
	wsDefaultWorkspace  = wsUUID(1)
	wsResearchWorkspace = wsUUID(2)
)

// wsUUID makes a valid version 4 UUID from n, so that the fake's ids are
// predictable.
func wsUUID(n int) string { return fmt.Sprintf("%08x-0000-4000-8000-%012x", n, n) }

var wsUUIDPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// wsWorkspaceID is the UUID of the workspace that a path names by UUID or
// by slug.
func wsWorkspaceID(pathID string) string {
	switch {
	case wsUUIDPattern.MatchString(pathID):
		return pathID
	case pathID == "research":
		return wsResearchWorkspace
	}
	return wsDefaultWorkspace
}

// wsWorkspaceAt is the workspace that a path names by UUID or by slug.
func wsWorkspaceAt(pathID string) obj {
	switch id := wsWorkspaceID(pathID); {
	case id == wsResearchWorkspace:
		return wsWorkspace(id, "Research", "research")
	case id == wsDefaultWorkspace:
		return wsWorkspace(id, "Default", "default")
	default:
		return wsWorkspace(id, "Workspace "+id[:8], "workspace-"+id[:8])
	}
}

// wsWorkspaceFields are the optional fields of a workspace that the
// create and update requests set.
var wsWorkspaceFields = []string{
	"description", "default_text_model", "default_image_model", "default_provider_sort",
	"io_logging_api_key_ids", "io_logging_sampling_rate", "is_data_discount_logging_enabled",
	"is_observability_broadcast_enabled", "is_observability_io_logging_enabled",
}

// wsDestinationFields are the fields of a destination that the create and
// update requests set, apart from type, name, config and workspace.
var wsDestinationFields = []string{
	"enabled", "privacy_mode", "broadcast_generation_cost", "broadcast_generation_identity",
	"broadcast_generation_request_context", "sampling_rate", "api_key_hashes", "filter_rules",
}

// wsOverlay copies the fields of req named in fields into record.
func wsOverlay(record, req obj, fields ...string) {
	for _, f := range fields {
		if v, ok := req[f]; ok {
			record[f] = v
		}
	}
}

func wsWorkspace(id, name, slug string) obj {
	return obj{
		"id":                                  id,
		"name":                                name,
		"slug":                                slug,
		"description":                         nil,
		"default_guardrail_id":                "00000000-0000-0000-0000-000000000000",
		"default_text_model":                  nil,
		"default_image_model":                 nil,
		"default_provider_sort":               nil,
		"include_byok_in_budgets":             false,
		"io_logging_api_key_ids":              nil,
		"io_logging_sampling_rate":            1.0,
		"is_data_discount_logging_enabled":    false,
		"is_observability_broadcast_enabled":  false,
		"is_observability_io_logging_enabled": false,
		"created_at":                          fakeTime,
		"updated_at":                          nil,
		"created_by":                          "user_fake_owner",
	}
}

// wsBudget is the budget of workspace ws over interval; a lifetime budget
// has no reset interval.
func wsBudget(ws, interval string, limit float64) obj {
	var reset any = interval
	if interval == "lifetime" {
		reset = nil
	}
	return obj{
		"id":             wsUUID(500 + len(interval)),
		"workspace_id":   ws,
		"limit_usd":      limit,
		"reset_interval": reset,
		"created_at":     fakeTime,
		"updated_at":     fakeTime,
	}
}

func wsMember(id, ws, user, role string) obj {
	return obj{"id": id, "workspace_id": ws, "user_id": user, "role": role, "created_at": fakeTime}
}

func wsWebhookConfig() obj {
	return obj{"url": "https://hooks.example.com/openrouter-traces", "method": "POST"}
}

func wsDestination(id, ws, typ, name string, config obj) obj {
	if config == nil {
		config = obj{}
	}
	return obj{
		"id":                                   id,
		"workspace_id":                         ws,
		"type":                                 typ,
		"name":                                 name,
		"config":                               config,
		"enabled":                              true,
		"privacy_mode":                         false,
		"broadcast_generation_cost":            false,
		"broadcast_generation_identity":        false,
		"broadcast_generation_request_context": false,
		"sampling_rate":                        1.0,
		"api_key_hashes":                       nil,
		"filter_rules":                         nil,
		"created_at":                           fakeTime,
		"updated_at":                           fakeTime,
	}
}

func wsMapping(id, group, ws, role string) obj {
	return obj{
		"id":              id,
		"organization_id": "org_fake_0001",
		"scim_group_id":   group,
		"workspace_id":    ws,
		"role":            role,
		"created_at":      fakeTime,
		"updated_at":      fakeTime,
	}
}

func wsGroup(id, name string, external any) obj {
	return obj{
		"id":              id,
		"organization_id": "org_fake_0001",
		"display_name":    name,
		"external_id":     external,
		"created_at":      fakeTime,
		"updated_at":      fakeTime,
	}
}
