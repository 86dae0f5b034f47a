package openroutertest_test

// Sample requests of the workspace, observability destination and SCIM
// operations.
func init() {
	const (
		ws   = "00000001-0000-4000-8000-000000000001"
		dest = "0000abcd-0000-4000-8000-00000000abcd"
		mapp = "0000beef-0000-4000-8000-00000000beef"
		grp  = "00000191-0000-4000-8000-000000000191"
	)
	for id, s := range map[string]sample{
		"listWorkspaces": {"GET", "/workspaces?offset=1&limit=5", "", false, 200, []string{`"slug":"research"`, `"total_count":2`}},
		"createWorkspace": {"POST", "/workspaces", `{"name":"Data team","slug":"data-team","description":"Batch jobs"}`, false, 201,
			[]string{`"name":"Data team"`, `"slug":"data-team"`, `"description":"Batch jobs"`}},
		"getWorkspace":         {"GET", "/workspaces/research", "", false, 200, []string{`"slug":"research"`, `"id":"00000002-0000-4000-8000-000000000002"`}},
		"updateWorkspace":      {"PATCH", "/workspaces/" + ws, `{"name":"Main","is_observability_broadcast_enabled":true}`, false, 200, []string{`"id":"` + ws + `"`, `"name":"Main"`, `"is_observability_broadcast_enabled":true`}},
		"deleteWorkspace":      {"DELETE", "/workspaces/" + ws, "", false, 200, []string{`"deleted":true`}},
		"listWorkspaceBudgets": {"GET", "/workspaces/" + ws + "/budgets", "", false, 200, []string{`"workspace_id":"` + ws + `"`, `"reset_interval":"monthly"`}},
		"getWorkspaceBudget":   {"GET", "/workspaces/" + ws + "/budgets/weekly", "", false, 200, []string{`"reset_interval":"weekly"`}},
		"upsertWorkspaceBudget": {"PUT", "/workspaces/" + ws + "/budgets/daily", `{"limit_usd":25.5,"include_byok_in_budgets":true}`, false, 200,
			[]string{`"limit_usd":25.5`, `"reset_interval":"daily"`, `"include_byok_in_budgets":true`}},
		"deleteWorkspaceBudget": {"DELETE", "/workspaces/" + ws + "/budgets/lifetime", "", false, 200, []string{`"deleted":true`}},
		"listWorkspaceMembers":  {"GET", "/workspaces/" + ws + "/members?limit=1", "", false, 200, []string{`"role":"admin"`, `"total_count":2`}},
		"bulkAddWorkspaceMembers": {"POST", "/workspaces/" + ws + "/members/add", `{"user_ids":["user_a","user_b"]}`, false, 200,
			[]string{`"added_count":2`, `"user_id":"user_b"`}},
		"bulkRemoveWorkspaceMembers": {"POST", "/workspaces/" + ws + "/members/remove", `{"user_ids":["user_a"]}`, false, 200, []string{`"removed_count":1`}},
		"listObservabilityDestinations": {"GET", "/observability/destinations?workspace_id=" + ws, "", false, 200,
			[]string{`"type":"webhook"`, `"type":"langfuse"`, `"workspace_id":"` + ws + `"`}},
		"createObservabilityDestination": {"POST", "/observability/destinations", `{"type":"datadog","name":"DD","config":{"apiKey":"dd-key","mlApp":"chat"},"sampling_rate":0.5}`, false, 201,
			[]string{`"type":"datadog"`, `"name":"DD"`, `"mlApp":"chat"`, `"sampling_rate":0.5`}},
		"getObservabilityDestination": {"GET", "/observability/destinations/" + dest, "", false, 200, []string{`"id":"` + dest + `"`}},
		"updateObservabilityDestination": {"PATCH", "/observability/destinations/" + dest, `{"enabled":false,"config":{"method":"PUT"}}`, false, 200,
			[]string{`"enabled":false`, `"method":"PUT"`, `"url":"https://hooks.example.com/openrouter-traces"`}},
		"deleteObservabilityDestination": {"DELETE", "/observability/destinations/" + dest, "", false, 200, []string{`"deleted":true`}},
		"listScimGroupMappings":          {"GET", "/scim/group-mappings", "", false, 200, []string{`"total_count":2`, `"role":"member"`}},
		"createScimGroupMapping": {"POST", "/scim/group-mappings", `{"scim_group_id":"` + grp + `","workspace_id":"` + ws + `","role":"admin"}`, false, 201,
			[]string{`"scim_group_id":"` + grp + `"`, `"role":"admin"`}},
		"getScimGroupMapping":    {"GET", "/scim/group-mappings/" + mapp, "", false, 200, []string{`"id":"` + mapp + `"`}},
		"updateScimGroupMapping": {"PATCH", "/scim/group-mappings/" + mapp, `{"role":"admin"}`, false, 200, []string{`"id":"` + mapp + `"`, `"role":"admin"`}},
		"deleteScimGroupMapping": {"DELETE", "/scim/group-mappings/" + mapp + "?keep_members=false", "", false, 200, []string{`"deleted":true`}},
		"listScimGroups":         {"GET", "/scim/groups?offset=1", "", false, 200, []string{`"display_name":"Research"`, `"external_id":null`}},
	} {
		samples[id] = s
	}
}
