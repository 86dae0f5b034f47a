package openroutertest

import (
	"fmt"
	"strings"
)

// Default answers of the guardrail, BYOK and organization operations. The
// fake account has three guardrails, two stored provider keys and three
// organization members; answers echo the ids of the path and the fields
// of the request body, so that a test can tell its request was used.
func init() {
	defaults["listGuardrails"] = func(s *Server, c *call) Response {
		items := arr{
			guardrail(guardUUID(1), "Production budget"),
			guardrail(guardUUID(2), "No training"),
			guardrail(guardUUID(3), "PII filter"),
		}
		if ws := c.req.URL.Query().Get("workspace_id"); ws != "" {
			for _, g := range items {
				g.(obj)["workspace_id"] = ws
			}
		}
		return ok(offsetPage(c, items))
	}
	defaults["createGuardrail"] = func(s *Server, c *call) Response {
		g := guardrail(guardUUID(1000+s.nextID()), str(c.json, "name"))
		guardCopy(g, c.json, guardrailFields...)
		if ws, ok := c.json["workspace_id"].(string); ok {
			g["workspace_id"] = ws
		}
		return ok(obj{"data": g})
	}
	defaults["getGuardrail"] = func(s *Server, c *call) Response {
		return ok(obj{"data": guardrail(c.params["id"], "Production budget")})
	}
	defaults["updateGuardrail"] = func(s *Server, c *call) Response {
		g := guardrail(c.params["id"], "Production budget")
		guardCopy(g, c.json, guardrailFields...)
		g["updated_at"] = fakeTime
		return ok(obj{"data": g})
	}
	defaults["deleteGuardrail"] = func(s *Server, c *call) Response { return ok(obj{"deleted": true}) }

	defaults["listKeyAssignments"] = func(s *Server, c *call) Response {
		return ok(offsetPage(c, arr{
			keyAssignment(guardUUID(101), guardUUID(1), "c0ffee01", "Production"),
			keyAssignment(guardUUID(102), guardUUID(1), "c0ffee02", "CI"),
			keyAssignment(guardUUID(103), guardUUID(2), "c0ffee02", "CI"),
		}))
	}
	defaults["listGuardrailKeyAssignments"] = func(s *Server, c *call) Response {
		id := c.params["id"]
		return ok(offsetPage(c, arr{
			keyAssignment(guardUUID(101), id, "c0ffee01", "Production"),
			keyAssignment(guardUUID(102), id, "c0ffee02", "CI"),
		}))
	}
	defaults["bulkAssignKeysToGuardrail"] = func(s *Server, c *call) Response {
		return ok(obj{"assigned_count": len(guardArray(c.json, "key_hashes"))})
	}
	defaults["bulkUnassignKeysFromGuardrail"] = func(s *Server, c *call) Response {
		return ok(obj{"unassigned_count": len(guardArray(c.json, "key_hashes"))})
	}
	defaults["listMemberAssignments"] = func(s *Server, c *call) Response {
		return ok(offsetPage(c, arr{
			memberAssignment(guardUUID(201), guardUUID(1), "user_fake_0001"),
			memberAssignment(guardUUID(202), guardUUID(3), "user_fake_0002"),
		}))
	}
	defaults["listGuardrailMemberAssignments"] = func(s *Server, c *call) Response {
		return ok(offsetPage(c, arr{
			memberAssignment(guardUUID(201), c.params["id"], "user_fake_0001"),
		}))
	}
	defaults["bulkAssignMembersToGuardrail"] = func(s *Server, c *call) Response {
		return ok(obj{"assigned_count": len(guardArray(c.json, "member_user_ids"))})
	}
	defaults["bulkUnassignMembersFromGuardrail"] = func(s *Server, c *call) Response {
		return ok(obj{"unassigned_count": len(guardArray(c.json, "member_user_ids"))})
	}

	defaults["listBYOKKeys"] = func(s *Server, c *call) Response {
		q := c.req.URL.Query()
		items := arr{}
		for i, k := range []obj{
			byokKey(guardUUID(301), "openai", "Team OpenAI", "sk-...a1b2"),
			byokKey(guardUUID(302), "anthropic", "Team Anthropic", "sk-...c3d4"),
		} {
			if p := q.Get("provider"); p != "" && p != k["provider"] {
				continue
			}
			if ws := q.Get("workspace_id"); ws != "" {
				k["workspace_id"] = ws
			}
			k["sort_order"] = i
			items = append(items, k)
		}
		return ok(offsetPage(c, items))
	}
	defaults["createBYOKKey"] = func(s *Server, c *call) Response {
		k := byokKey(guardUUID(1000+s.nextID()), str(c.json, "provider"), nil, guardMask(str(c.json, "key")))
		guardCopy(k, c.json, byokFields...)
		if ws, ok := c.json["workspace_id"].(string); ok {
			k["workspace_id"] = ws
		}
		return ok(obj{"data": k})
	}
	defaults["getBYOKKey"] = func(s *Server, c *call) Response {
		return ok(obj{"data": byokKey(c.params["id"], "openai", "Team OpenAI", "sk-...a1b2")})
	}
	defaults["updateBYOKKey"] = func(s *Server, c *call) Response {
		k := byokKey(c.params["id"], "openai", "Team OpenAI", "sk-...a1b2")
		guardCopy(k, c.json, byokFields...)
		if secret, ok := c.json["key"].(string); ok {
			k["label"] = guardMask(secret)
		}
		return ok(obj{"data": k})
	}
	defaults["deleteBYOKKey"] = func(s *Server, c *call) Response { return ok(obj{"deleted": true}) }

	defaults["listOrganizationMembers"] = func(s *Server, c *call) Response {
		return ok(offsetPage(c, arr{
			organizationMember("user_fake_0001", "ada@example.com", "Ada", "Lovelace", "org:admin"),
			organizationMember("user_fake_0002", "alan@example.com", "Alan", "Turing", "org:member"),
			organizationMember("user_fake_0003", "grace@example.com", nil, nil, "org:member"),
		}))
	}
}

// guardrailFields are the request fields a guardrail answer echoes.
var guardrailFields = []string{
	"name", "description", "limit_usd", "reset_interval", "include_byok_in_budgets",
	"allowed_models", "allowed_providers", "ignored_models", "ignored_providers",
	"content_filters", "content_filter_builtins",
	"enable_free_model_publication", "enable_free_model_training", "enable_paid_model_training",
	"enforce_zdr", "enforce_zdr_anthropic", "enforce_zdr_google", "enforce_zdr_openai",
	"enforce_zdr_other", "enforce_zdr_xai",
}

// byokFields are the request fields a provider key answer echoes.
var byokFields = []string{"name", "disabled", "is_fallback", "allowed_models", "allowed_api_key_hashes", "allowed_user_ids"}

// guardUUID is the n-th id of the fake account's records.
func guardUUID(n int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", n) }

// guardCopy copies the fields of src that are set into dst.
func guardCopy(dst, src obj, keys ...string) {
	for _, k := range keys {
		if v, ok := src[k]; ok {
			dst[k] = v
		}
	}
}

// guardArray returns the array field key of m.
func guardArray(m map[string]any, key string) []any {
	a, _ := m[key].([]any)
	return a
}

// guardMask shows only the ends of a secret, as a stored key's label does.
func guardMask(secret string) string {
	if len(secret) <= 8 {
		return strings.Repeat("*", len(secret))
	}
	return secret[:3] + "..." + secret[len(secret)-4:]
}

func guardrail(id, name string) obj {
	return obj{
		"id":                      id,
		"name":                    name,
		"description":             nil,
		"limit_usd":               nil,
		"reset_interval":          nil,
		"include_byok_in_budgets": false,
		"allowed_models":          nil,
		"allowed_providers":       nil,
		"ignored_models":          nil,
		"ignored_providers":       nil,
		"content_filters":         nil,
		"content_filter_builtins": nil,
		"created_at":              fakeTime,
		"updated_at":              nil,
		"workspace_id":            nil,
	}
}

func keyAssignment(id, guardrailID, hash, name string) obj {
	return obj{
		"id":           id,
		"guardrail_id": guardrailID,
		"key_hash":     hash,
		"key_name":     name,
		"key_label":    "sk-or-v1-fa" + hash[len(hash)-1:] + "...e0" + hash[len(hash)-1:],
		"assigned_by":  "user_fake_0001",
		"created_at":   fakeTime,
	}
}

func memberAssignment(id, guardrailID, userID string) obj {
	return obj{
		"id":              id,
		"guardrail_id":    guardrailID,
		"user_id":         userID,
		"organization_id": "org_fake_0001",
		"assigned_by":     "user_fake_0001",
		"created_at":      fakeTime,
	}
}

func byokKey(id, provider string, name any, label string) obj {
	return obj{
		"id":                     id,
		"provider":               provider,
		"name":                   name,
		"label":                  label,
		"disabled":               false,
		"is_fallback":            false,
		"allowed_models":         nil,
		"allowed_api_key_hashes": nil,
		"allowed_user_ids":       nil,
		"sort_order":             0,
		"workspace_id":           nil,
		"created_at":             fakeTime,
	}
}

func organizationMember(id, email string, first, last any, role string) obj {
	return obj{"id": id, "email": email, "first_name": first, "last_name": last, "role": role}
}
