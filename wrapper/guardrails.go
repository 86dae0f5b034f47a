package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// GuardrailsService manages guardrails and their assignments; its methods
// need a management key. Get it from [Client].Guardrails.
type GuardrailsService struct{ c *caller }

// Request and result types of the Guardrails methods.
type (
	// Guardrail is a guardrail: a spending limit, model and provider rules
	// and content filters applied to API keys and organization members.
	Guardrail = gen.Guardrail
	// GuardrailInterval is how often a guardrail's spending limit resets:
	// daily, weekly or monthly.
	GuardrailInterval = gen.GuardrailInterval
	// ListGuardrailsParams are the optional paging and workspace filter of
	// Guardrails.List.
	ListGuardrailsParams = gen.ListGuardrailsParams
	// GuardrailListResponse is the result of Guardrails.List: one page of
	// guardrails and the total count.
	GuardrailListResponse = gen.ListGuardrailsResponse
	// CreateGuardrailRequest is the body of Guardrails.Create; Name is
	// required.
	CreateGuardrailRequest = gen.CreateGuardrailRequest
	// CreateGuardrailResponse is the result of Guardrails.Create.
	CreateGuardrailResponse = gen.CreateGuardrailResponse
	// GuardrailResponse is the result of Guardrails.Get.
	GuardrailResponse = gen.GetGuardrailResponse
	// UpdateGuardrailRequest is the body of Guardrails.Update; fields left
	// nil keep their value.
	UpdateGuardrailRequest = gen.UpdateGuardrailRequest
	// UpdateGuardrailResponse is the result of Guardrails.Update.
	UpdateGuardrailResponse = gen.UpdateGuardrailResponse
	// DeleteGuardrailResponse is the result of Guardrails.Delete.
	DeleteGuardrailResponse = gen.DeleteGuardrailResponse
	// GuardrailKeyAssignment records that a guardrail applies to an API key.
	GuardrailKeyAssignment = gen.KeyAssignment
	// GuardrailKeyAssignmentListResponse is the result of
	// Guardrails.ListKeyAssignments and Guardrails.ListGuardrailKeyAssignments.
	GuardrailKeyAssignmentListResponse = gen.ListKeyAssignmentsResponse
	// ListKeyAssignmentsParams is the optional paging of
	// Guardrails.ListKeyAssignments.
	ListKeyAssignmentsParams = gen.ListKeyAssignmentsParams
	// ListGuardrailKeyAssignmentsParams is the optional paging of
	// Guardrails.ListGuardrailKeyAssignments.
	ListGuardrailKeyAssignmentsParams = gen.ListGuardrailKeyAssignmentsParams
	// GuardrailAssignKeysRequest is the body of Guardrails.AssignKeys: the
	// hashes of the API keys.
	GuardrailAssignKeysRequest = gen.BulkAssignKeysRequest
	// GuardrailAssignKeysResponse is the result of Guardrails.AssignKeys.
	GuardrailAssignKeysResponse = gen.BulkAssignKeysResponse
	// GuardrailUnassignKeysRequest is the body of Guardrails.UnassignKeys:
	// the hashes of the API keys.
	GuardrailUnassignKeysRequest = gen.BulkUnassignKeysRequest
	// GuardrailUnassignKeysResponse is the result of Guardrails.UnassignKeys.
	GuardrailUnassignKeysResponse = gen.BulkUnassignKeysResponse
	// GuardrailMemberAssignment records that a guardrail applies to an
	// organization member.
	GuardrailMemberAssignment = gen.MemberAssignment
	// GuardrailMemberAssignmentListResponse is the result of
	// Guardrails.ListMemberAssignments and
	// Guardrails.ListGuardrailMemberAssignments.
	GuardrailMemberAssignmentListResponse = gen.ListMemberAssignmentsResponse
	// ListMemberAssignmentsParams is the optional paging of
	// Guardrails.ListMemberAssignments.
	ListMemberAssignmentsParams = gen.ListMemberAssignmentsParams
	// ListGuardrailMemberAssignmentsParams is the optional paging of
	// Guardrails.ListGuardrailMemberAssignments.
	ListGuardrailMemberAssignmentsParams = gen.ListGuardrailMemberAssignmentsParams
	// GuardrailAssignMembersRequest is the body of Guardrails.AssignMembers:
	// the user ids of the members.
	GuardrailAssignMembersRequest = gen.BulkAssignMembersRequest
	// GuardrailAssignMembersResponse is the result of Guardrails.AssignMembers.
	GuardrailAssignMembersResponse = gen.BulkAssignMembersResponse
	// GuardrailUnassignMembersRequest is the body of
	// Guardrails.UnassignMembers: the user ids of the members.
	GuardrailUnassignMembersRequest = gen.BulkUnassignMembersRequest
	// GuardrailUnassignMembersResponse is the result of
	// Guardrails.UnassignMembers.
	GuardrailUnassignMembersResponse = gen.BulkUnassignMembersResponse
)

// List returns one page of the organization's guardrails, paged and
// filtered by params (nil for the first 50); see ListAll to iterate. It
// needs a management key. It calls GET /guardrails.
func (s *GuardrailsService) List(ctx context.Context, params *ListGuardrailsParams, opts ...Option) (*GuardrailListResponse, error) {
	return doJSON[GuardrailListResponse](ctx, s.c, "Guardrails.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListGuardrailsRequest(server, params)
	})
}

// ListAll iterates over the guardrails, fetching pages lazily from
// params.Offset (default 0) with params.Limit guardrails each (default
// and maximum 100); params.WorkspaceID filters every page. It stops at the
// first error, which it yields. It needs a management key.
// It calls GET /guardrails once per page.
func (s *GuardrailsService) ListAll(ctx context.Context, params *ListGuardrailsParams, opts ...Option) iter.Seq2[Guardrail, error] {
	return offsetAll(ctx, params, s.List, opts, managementPaging,
		func(p *ListGuardrailsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *GuardrailListResponse) ([]Guardrail, int) { return r.Data, r.TotalCount })
}

// Create creates a guardrail and returns it. It needs a management key.
// It calls POST /guardrails.
func (s *GuardrailsService) Create(ctx context.Context, req CreateGuardrailRequest, opts ...Option) (*CreateGuardrailResponse, error) {
	return doJSON[CreateGuardrailResponse](ctx, s.c, "Guardrails.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateGuardrailRequest(server, req)
	})
}

// Get returns the guardrail with the given id (a UUID). It needs a
// management key. It calls GET /guardrails/{id}.
func (s *GuardrailsService) Get(ctx context.Context, id string, opts ...Option) (*GuardrailResponse, error) {
	return doJSONWithUUID[GuardrailResponse](ctx, s.c, "Guardrails.Get", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewGetGuardrailRequest(server, uid)
	})
}

// Update changes the fields of the guardrail id (a UUID) that req sets and
// returns the guardrail. It needs a management key.
// It calls PATCH /guardrails/{id}.
func (s *GuardrailsService) Update(ctx context.Context, id string, req UpdateGuardrailRequest, opts ...Option) (*UpdateGuardrailResponse, error) {
	return doJSONWithUUID[UpdateGuardrailResponse](ctx, s.c, "Guardrails.Update", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewUpdateGuardrailRequest(server, uid, req)
	})
}

// Delete deletes the guardrail id (a UUID). It needs a management key.
// It calls DELETE /guardrails/{id}.
func (s *GuardrailsService) Delete(ctx context.Context, id string, opts ...Option) (*DeleteGuardrailResponse, error) {
	return doJSONWithUUID[DeleteGuardrailResponse](ctx, s.c, "Guardrails.Delete", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewDeleteGuardrailRequest(server, uid)
	})
}

// ListKeyAssignments returns one page of the API key assignments of all
// the organization's guardrails (params nil for the first 50); see
// ListKeyAssignmentsAll to iterate, and ListGuardrailKeyAssignments for
// one guardrail. It needs a management key.
// It calls GET /guardrails/assignments/keys.
func (s *GuardrailsService) ListKeyAssignments(ctx context.Context, params *ListKeyAssignmentsParams, opts ...Option) (*GuardrailKeyAssignmentListResponse, error) {
	return doJSON[GuardrailKeyAssignmentListResponse](ctx, s.c, "Guardrails.ListKeyAssignments", opts, func(server string) (*http.Request, error) {
		return gen.NewListKeyAssignmentsRequest(server, params)
	})
}

// ListKeyAssignmentsAll iterates over the API key assignments of all
// guardrails, fetching pages lazily from params.Offset (default 0) with
// params.Limit assignments each (default and maximum 100). It stops at the
// first error, which it yields. It needs a management key.
// It calls GET /guardrails/assignments/keys once per page.
func (s *GuardrailsService) ListKeyAssignmentsAll(ctx context.Context, params *ListKeyAssignmentsParams, opts ...Option) iter.Seq2[GuardrailKeyAssignment, error] {
	return offsetAll(ctx, params, s.ListKeyAssignments, opts, managementPaging,
		func(p *ListKeyAssignmentsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *GuardrailKeyAssignmentListResponse) ([]GuardrailKeyAssignment, int) {
			return r.Data, r.TotalCount
		})
}

// ListMemberAssignments returns one page of the member assignments of all
// the organization's guardrails (params nil for the first 50); see
// ListMemberAssignmentsAll to iterate, and ListGuardrailMemberAssignments
// for one guardrail. It needs a management key.
// It calls GET /guardrails/assignments/members.
func (s *GuardrailsService) ListMemberAssignments(ctx context.Context, params *ListMemberAssignmentsParams, opts ...Option) (*GuardrailMemberAssignmentListResponse, error) {
	return doJSON[GuardrailMemberAssignmentListResponse](ctx, s.c, "Guardrails.ListMemberAssignments", opts, func(server string) (*http.Request, error) {
		return gen.NewListMemberAssignmentsRequest(server, params)
	})
}

// ListMemberAssignmentsAll iterates over the member assignments of all
// guardrails, fetching pages lazily from params.Offset (default 0) with
// params.Limit assignments each (default and maximum 100). It stops at the
// first error, which it yields. It needs a management key.
// It calls GET /guardrails/assignments/members once per page.
func (s *GuardrailsService) ListMemberAssignmentsAll(ctx context.Context, params *ListMemberAssignmentsParams, opts ...Option) iter.Seq2[GuardrailMemberAssignment, error] {
	return offsetAll(ctx, params, s.ListMemberAssignments, opts, managementPaging,
		func(p *ListMemberAssignmentsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *GuardrailMemberAssignmentListResponse) ([]GuardrailMemberAssignment, int) {
			return r.Data, r.TotalCount
		})
}

// ListGuardrailKeyAssignments returns one page of the API keys the
// guardrail id (a UUID) applies to (params nil for the first 50); see
// ListGuardrailKeyAssignmentsAll to iterate. It needs a management key.
// It calls GET /guardrails/{id}/assignments/keys.
func (s *GuardrailsService) ListGuardrailKeyAssignments(ctx context.Context, id string, params *ListGuardrailKeyAssignmentsParams, opts ...Option) (*GuardrailKeyAssignmentListResponse, error) {
	return doJSONWithUUID[GuardrailKeyAssignmentListResponse](ctx, s.c, "Guardrails.ListGuardrailKeyAssignments", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewListGuardrailKeyAssignmentsRequest(server, uid, params)
	})
}

// ListGuardrailKeyAssignmentsAll iterates over the API key assignments of
// the guardrail id (a UUID), fetching pages lazily from params.Offset
// (default 0) with params.Limit assignments each (default and maximum
// 100). It stops at the first error, which it yields; a malformed id is
// that error, before any request. It needs a management key.
// It calls GET /guardrails/{id}/assignments/keys once per page.
func (s *GuardrailsService) ListGuardrailKeyAssignmentsAll(ctx context.Context, id string, params *ListGuardrailKeyAssignmentsParams, opts ...Option) iter.Seq2[GuardrailKeyAssignment, error] {
	return offsetAll(ctx, params, withID(s.ListGuardrailKeyAssignments, id), opts, managementPaging,
		func(p *ListGuardrailKeyAssignmentsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *GuardrailKeyAssignmentListResponse) ([]GuardrailKeyAssignment, int) {
			return r.Data, r.TotalCount
		})
}

// AssignKeys applies the guardrail id (a UUID) to the API keys whose
// hashes req lists, and reports how many assignments were made. It needs
// a management key. It calls POST /guardrails/{id}/assignments/keys.
func (s *GuardrailsService) AssignKeys(ctx context.Context, id string, req GuardrailAssignKeysRequest, opts ...Option) (*GuardrailAssignKeysResponse, error) {
	return doJSONWithUUID[GuardrailAssignKeysResponse](ctx, s.c, "Guardrails.AssignKeys", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewBulkAssignKeysToGuardrailRequest(server, uid, req)
	})
}

// UnassignKeys stops the guardrail id (a UUID) applying to the API keys
// whose hashes req lists, and reports how many assignments were removed.
// It needs a management key.
// It calls POST /guardrails/{id}/assignments/keys/remove.
func (s *GuardrailsService) UnassignKeys(ctx context.Context, id string, req GuardrailUnassignKeysRequest, opts ...Option) (*GuardrailUnassignKeysResponse, error) {
	return doJSONWithUUID[GuardrailUnassignKeysResponse](ctx, s.c, "Guardrails.UnassignKeys", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewBulkUnassignKeysFromGuardrailRequest(server, uid, req)
	})
}

// ListGuardrailMemberAssignments returns one page of the organization
// members the guardrail id (a UUID) applies to (params nil for the first
// 50); see ListGuardrailMemberAssignmentsAll to iterate. It needs a
// management key. It calls GET /guardrails/{id}/assignments/members.
func (s *GuardrailsService) ListGuardrailMemberAssignments(ctx context.Context, id string, params *ListGuardrailMemberAssignmentsParams, opts ...Option) (*GuardrailMemberAssignmentListResponse, error) {
	return doJSONWithUUID[GuardrailMemberAssignmentListResponse](ctx, s.c, "Guardrails.ListGuardrailMemberAssignments", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewListGuardrailMemberAssignmentsRequest(server, uid, params)
	})
}

// ListGuardrailMemberAssignmentsAll iterates over the member assignments
// of the guardrail id (a UUID), fetching pages lazily from params.Offset
// (default 0) with params.Limit assignments each (default and maximum
// 100). It stops at the first error, which it yields; a malformed id is
// that error, before any request. It needs a management key.
// It calls GET /guardrails/{id}/assignments/members once per page.
func (s *GuardrailsService) ListGuardrailMemberAssignmentsAll(ctx context.Context, id string, params *ListGuardrailMemberAssignmentsParams, opts ...Option) iter.Seq2[GuardrailMemberAssignment, error] {
	return offsetAll(ctx, params, withID(s.ListGuardrailMemberAssignments, id), opts, managementPaging,
		func(p *ListGuardrailMemberAssignmentsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *GuardrailMemberAssignmentListResponse) ([]GuardrailMemberAssignment, int) {
			return r.Data, r.TotalCount
		})
}

// AssignMembers applies the guardrail id (a UUID) to the organization
// members whose user ids req lists, and reports how many assignments were
// made. It needs a management key.
// It calls POST /guardrails/{id}/assignments/members.
func (s *GuardrailsService) AssignMembers(ctx context.Context, id string, req GuardrailAssignMembersRequest, opts ...Option) (*GuardrailAssignMembersResponse, error) {
	return doJSONWithUUID[GuardrailAssignMembersResponse](ctx, s.c, "Guardrails.AssignMembers", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewBulkAssignMembersToGuardrailRequest(server, uid, req)
	})
}

// UnassignMembers stops the guardrail id (a UUID) applying to the
// organization members whose user ids req lists, and reports how many
// assignments were removed. It needs a management key.
// It calls POST /guardrails/{id}/assignments/members/remove.
func (s *GuardrailsService) UnassignMembers(ctx context.Context, id string, req GuardrailUnassignMembersRequest, opts ...Option) (*GuardrailUnassignMembersResponse, error) {
	return doJSONWithUUID[GuardrailUnassignMembersResponse](ctx, s.c, "Guardrails.UnassignMembers", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewBulkUnassignMembersFromGuardrailRequest(server, uid, req)
	})
}
