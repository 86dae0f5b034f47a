package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// SCIMService manages SCIM group mappings; its methods need a management
// key. Get it from [Client].SCIM.
type SCIMService struct{ c *caller }

// Request and result types of the SCIM methods.
type (
	// ListSCIMGroupMappingsParams are the optional paging parameters of
	// SCIM.ListGroupMappings (offset, and limit from 1 to 100, default 50).
	ListSCIMGroupMappingsParams = gen.ListScimGroupMappingsParams
	// SCIMGroupMappingListResponse is the result of SCIM.ListGroupMappings:
	// one page of mappings and the total count.
	SCIMGroupMappingListResponse = gen.ListScimGroupMappingsResponse
	// SCIMGroupMapping gives the members of a SCIM group a role in a
	// workspace.
	SCIMGroupMapping = gen.ScimGroupMapping
	// CreateSCIMGroupMappingRequest is the body of SCIM.CreateGroupMapping.
	CreateSCIMGroupMappingRequest = gen.CreateScimGroupMappingRequest
	// CreateSCIMGroupMappingResponse is the result of
	// SCIM.CreateGroupMapping.
	CreateSCIMGroupMappingResponse = gen.CreateScimGroupMappingResponse
	// SCIMGroupMappingResponse is the result of SCIM.GetGroupMapping.
	SCIMGroupMappingResponse = gen.GetScimGroupMappingResponse
	// UpdateSCIMGroupMappingRequest is the body of SCIM.UpdateGroupMapping:
	// the new role.
	UpdateSCIMGroupMappingRequest = gen.UpdateScimGroupMappingRequest
	// UpdateSCIMGroupMappingResponse is the result of
	// SCIM.UpdateGroupMapping.
	UpdateSCIMGroupMappingResponse = gen.UpdateScimGroupMappingResponse
	// DeleteSCIMGroupMappingResponse is the result of
	// SCIM.DeleteGroupMapping.
	DeleteSCIMGroupMappingResponse = gen.DeleteScimGroupMappingResponse
	// ListSCIMGroupsParams are the optional paging parameters of
	// SCIM.ListGroups (offset, and limit from 1 to 100, default 50).
	ListSCIMGroupsParams = gen.ListScimGroupsParams
	// SCIMGroupListResponse is the result of SCIM.ListGroups: one page of
	// groups and the total count.
	SCIMGroupListResponse = gen.ListScimGroupsResponse
	// SCIMGroup is one group provisioned by the identity provider.
	SCIMGroup = gen.ScimGroup
)

// ListGroupMappings returns one page of the mappings from SCIM groups to
// workspace roles, paged by params (nil for the first 50); see
// ListGroupMappingsAll to iterate. It needs a management key.
// It calls GET /scim/group-mappings.
func (s *SCIMService) ListGroupMappings(ctx context.Context, params *ListSCIMGroupMappingsParams, opts ...Option) (*SCIMGroupMappingListResponse, error) {
	return doJSON[SCIMGroupMappingListResponse](ctx, s.c, "SCIM.ListGroupMappings", opts, func(server string) (*http.Request, error) {
		return gen.NewListScimGroupMappingsRequest(server, params)
	})
}

// ListGroupMappingsAll iterates over the SCIM group mappings, fetching
// pages lazily from params.Offset (default 0) with params.Limit mappings
// each (default and maximum 100). It stops at the first error, which it
// yields. It needs a management key.
// It calls GET /scim/group-mappings once per page.
func (s *SCIMService) ListGroupMappingsAll(ctx context.Context, params *ListSCIMGroupMappingsParams, opts ...Option) iter.Seq2[SCIMGroupMapping, error] {
	return offsetAll(ctx, params, s.ListGroupMappings, opts, managementPaging,
		func(p *ListSCIMGroupMappingsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *SCIMGroupMappingListResponse) ([]SCIMGroupMapping, int) { return r.Data, r.TotalCount })
}

// CreateGroupMapping gives the members of a SCIM group a role in a
// workspace and returns the new mapping. It needs a management key.
// It calls POST /scim/group-mappings.
func (s *SCIMService) CreateGroupMapping(ctx context.Context, req CreateSCIMGroupMappingRequest, opts ...Option) (*CreateSCIMGroupMappingResponse, error) {
	return doJSON[CreateSCIMGroupMappingResponse](ctx, s.c, "SCIM.CreateGroupMapping", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateScimGroupMappingRequest(server, req)
	})
}

// GetGroupMapping returns the SCIM group mapping with the given id, a UUID
// (a malformed id is an error and sends no request). It needs a management
// key. It calls GET /scim/group-mappings/{id}.
func (s *SCIMService) GetGroupMapping(ctx context.Context, id string, opts ...Option) (*SCIMGroupMappingResponse, error) {
	return doJSONWithUUID[SCIMGroupMappingResponse](ctx, s.c, "SCIM.GetGroupMapping", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewGetScimGroupMappingRequest(server, uid)
	})
}

// UpdateGroupMapping changes the role of the SCIM group mapping with the
// given id, a UUID, and returns the mapping. It needs a management key.
// It calls PATCH /scim/group-mappings/{id}.
func (s *SCIMService) UpdateGroupMapping(ctx context.Context, id string, req UpdateSCIMGroupMappingRequest, opts ...Option) (*UpdateSCIMGroupMappingResponse, error) {
	return doJSONWithUUID[UpdateSCIMGroupMappingResponse](ctx, s.c, "SCIM.UpdateGroupMapping", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewUpdateScimGroupMappingRequest(server, uid, req)
	})
}

// DeleteGroupMapping removes the SCIM group mapping with the given id, a
// UUID. With keepMembers the users it brought into the workspace stay
// members; without, they are removed from it. It needs a management key.
// It calls DELETE /scim/group-mappings/{id}?keep_members={keepMembers}.
func (s *SCIMService) DeleteGroupMapping(ctx context.Context, id string, keepMembers bool, opts ...Option) (*DeleteSCIMGroupMappingResponse, error) {
	const op = "SCIM.DeleteGroupMapping"
	params := gen.DeleteScimGroupMappingParams{KeepMembers: keepMembers}
	return doJSONWithUUID[DeleteSCIMGroupMappingResponse](ctx, s.c, op, id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewDeleteScimGroupMappingRequest(server, uid, &params)
	})
}

// ListGroups returns one page of the groups provisioned through SCIM,
// paged by params (nil for the first 50); see ListGroupsAll to iterate.
// It needs a management key. It calls GET /scim/groups.
func (s *SCIMService) ListGroups(ctx context.Context, params *ListSCIMGroupsParams, opts ...Option) (*SCIMGroupListResponse, error) {
	return doJSON[SCIMGroupListResponse](ctx, s.c, "SCIM.ListGroups", opts, func(server string) (*http.Request, error) {
		return gen.NewListScimGroupsRequest(server, params)
	})
}

// ListGroupsAll iterates over the SCIM groups, fetching pages lazily from
// params.Offset (default 0) with params.Limit groups each (default and
// maximum 100). It stops at the first error, which it yields. It needs a
// management key. It calls GET /scim/groups once per page.
func (s *SCIMService) ListGroupsAll(ctx context.Context, params *ListSCIMGroupsParams, opts ...Option) iter.Seq2[SCIMGroup, error] {
	return offsetAll(ctx, params, s.ListGroups, opts, managementPaging,
		func(p *ListSCIMGroupsParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *SCIMGroupListResponse) ([]SCIMGroup, int) { return r.Data, r.TotalCount })
}
