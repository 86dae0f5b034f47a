package openrouter

import (
	"context"
	"fmt"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// Request and result types of the Workspaces methods.
type (
	// ListWorkspacesParams are the optional paging parameters of
	// Workspaces.List (offset, and limit from 1 to 100, default 50).
	ListWorkspacesParams = gen.ListWorkspacesParams
	// WorkspaceListResponse is the result of Workspaces.List: one page of
	// workspaces and the total count.
	WorkspaceListResponse = gen.ListWorkspacesResponse
	// Workspace is one workspace of the organization, as listed by
	// Workspaces.ListAll and carried in the Data field of the other
	// workspace results.
	Workspace = gen.Workspace
	// CreateWorkspaceRequest is the body of Workspaces.Create; Name and
	// Slug are required.
	CreateWorkspaceRequest = gen.CreateWorkspaceRequest
	// CreateWorkspaceResponse is the result of Workspaces.Create.
	CreateWorkspaceResponse = gen.CreateWorkspaceResponse
	// WorkspaceResponse is the result of Workspaces.Get.
	WorkspaceResponse = gen.GetWorkspaceResponse
	// UpdateWorkspaceRequest is the body of Workspaces.Update; only the
	// fields that are set change.
	UpdateWorkspaceRequest = gen.UpdateWorkspaceRequest
	// UpdateWorkspaceResponse is the result of Workspaces.Update.
	UpdateWorkspaceResponse = gen.UpdateWorkspaceResponse
	// DeleteWorkspaceResponse is the result of Workspaces.Delete.
	DeleteWorkspaceResponse = gen.DeleteWorkspaceResponse
	// WorkspaceBudgetListResponse is the result of Workspaces.ListBudgets.
	WorkspaceBudgetListResponse = gen.ListWorkspaceBudgetsResponse
	// WorkspaceBudget is the spending limit of a workspace over one
	// interval.
	WorkspaceBudget = gen.WorkspaceBudget
	// WorkspaceBudgetInterval selects the budget of a workspace in
	// Workspaces.GetBudget, SetBudget and DeleteBudget; use one of the
	// WorkspaceBudget* constants.
	WorkspaceBudgetInterval = gen.WorkspaceBudgetInterval
	// WorkspaceBudgetResponse is the result of Workspaces.GetBudget.
	WorkspaceBudgetResponse = gen.GetWorkspaceBudgetResponse
	// SetWorkspaceBudgetRequest is the body of Workspaces.SetBudget.
	SetWorkspaceBudgetRequest = gen.UpsertWorkspaceBudgetRequest
	// SetWorkspaceBudgetResponse is the result of Workspaces.SetBudget.
	SetWorkspaceBudgetResponse = gen.UpsertWorkspaceBudgetResponse
	// DeleteWorkspaceBudgetResponse is the result of Workspaces.DeleteBudget.
	DeleteWorkspaceBudgetResponse = gen.DeleteWorkspaceBudgetResponse
	// ListWorkspaceMembersParams are the optional paging parameters of
	// Workspaces.ListMembers (offset, and limit from 1 to 100, default 50).
	ListWorkspaceMembersParams = gen.ListWorkspaceMembersParams
	// WorkspaceMemberListResponse is the result of Workspaces.ListMembers:
	// one page of members and the total count.
	WorkspaceMemberListResponse = gen.ListWorkspaceMembersResponse
	// WorkspaceMember is one member of a workspace, with its role.
	WorkspaceMember = gen.WorkspaceMember
	// AddWorkspaceMembersRequest is the body of Workspaces.AddMembers: the
	// ids of the organization's users to add.
	AddWorkspaceMembersRequest = gen.BulkAddWorkspaceMembersRequest
	// AddWorkspaceMembersResponse is the result of Workspaces.AddMembers.
	AddWorkspaceMembersResponse = gen.BulkAddWorkspaceMembersResponse
	// RemoveWorkspaceMembersRequest is the body of Workspaces.RemoveMembers:
	// the ids of the users to remove.
	RemoveWorkspaceMembersRequest = gen.BulkRemoveWorkspaceMembersRequest
	// RemoveWorkspaceMembersResponse is the result of
	// Workspaces.RemoveMembers.
	RemoveWorkspaceMembersResponse = gen.BulkRemoveWorkspaceMembersResponse
)

// The budget intervals of a workspace. A lifetime budget never resets.
const (
	WorkspaceBudgetDaily    WorkspaceBudgetInterval = gen.WorkspaceBudgetIntervalDaily
	WorkspaceBudgetWeekly   WorkspaceBudgetInterval = gen.WorkspaceBudgetIntervalWeekly
	WorkspaceBudgetMonthly  WorkspaceBudgetInterval = gen.WorkspaceBudgetIntervalMonthly
	WorkspaceBudgetLifetime WorkspaceBudgetInterval = gen.WorkspaceBudgetIntervalLifetime
)

// Request and result types of the Observability methods.
type (
	// ListObservabilityDestinationsParams are the optional paging
	// parameters (limit from 1 to 100, default 50) and workspace filter of
	// Observability.List.
	ListObservabilityDestinationsParams = gen.ListObservabilityDestinationsParams
	// ObservabilityDestinationListResponse is the result of
	// Observability.List: one page of destinations and the total count.
	ObservabilityDestinationListResponse = gen.ListObservabilityDestinationsResponse
	// ObservabilityDestination is one trace export destination. Its shape
	// depends on its type (langfuse, datadog, webhook, ...): call
	// Discriminator for the type, then the matching As* method, such as
	// AsObservabilityWebhookDestination, or ValueByDiscriminator.
	ObservabilityDestination = gen.ObservabilityDestination
	// CreateObservabilityDestinationRequest is the body of
	// Observability.Create; Type, Name and Config (whose keys depend on
	// Type) are required.
	CreateObservabilityDestinationRequest = gen.CreateObservabilityDestinationRequest
	// CreateObservabilityDestinationResponse is the result of
	// Observability.Create.
	CreateObservabilityDestinationResponse = gen.CreateObservabilityDestinationResponse
	// ObservabilityDestinationResponse is the result of Observability.Get.
	ObservabilityDestinationResponse = gen.GetObservabilityDestinationResponse
	// UpdateObservabilityDestinationRequest is the body of
	// Observability.Update; only the fields that are set change.
	UpdateObservabilityDestinationRequest = gen.UpdateObservabilityDestinationRequest
	// UpdateObservabilityDestinationResponse is the result of
	// Observability.Update.
	UpdateObservabilityDestinationResponse = gen.UpdateObservabilityDestinationResponse
	// DeleteObservabilityDestinationResponse is the result of
	// Observability.Delete.
	DeleteObservabilityDestinationResponse = gen.DeleteObservabilityDestinationResponse
)

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

// budgetArgs checks the path arguments of the budget methods.
func budgetArgs(op, id string, interval WorkspaceBudgetInterval) error {
	if err := nonEmpty(op, "id", id); err != nil {
		return err
	}
	if !interval.Valid() {
		return fmt.Errorf("openrouter: %s: unknown budget interval %q (want daily, weekly, monthly or lifetime)", op, interval)
	}
	return nil
}

// List returns one page of the organization's workspaces, paged by params
// (nil for the first 50); see ListAll to iterate. It needs a management
// key. It calls GET /workspaces.
func (s *WorkspacesService) List(ctx context.Context, params *ListWorkspacesParams, opts ...Option) (*WorkspaceListResponse, error) {
	return doJSON[WorkspaceListResponse](ctx, s.c, "Workspaces.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListWorkspacesRequest(server, params)
	})
}

// ListAll iterates over the workspaces, fetching pages lazily from
// params.Offset (default 0) with params.Limit workspaces each (default and
// maximum 100). It stops at the first error, which it yields. It needs a
// management key. It calls GET /workspaces once per page.
func (s *WorkspacesService) ListAll(ctx context.Context, params *ListWorkspacesParams, opts ...Option) iter.Seq2[Workspace, error] {
	var p ListWorkspacesParams
	if params != nil {
		p = *params
	}
	return countedPages(ctx, p.Offset, p.Limit, func(ctx context.Context, offset, limit int) ([]Workspace, int, error) {
		resp, err := s.List(ctx, &ListWorkspacesParams{Offset: &offset, Limit: &limit}, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, resp.TotalCount, nil
	})
}

// Create makes a new workspace and returns it. It needs a management key.
// It calls POST /workspaces.
func (s *WorkspacesService) Create(ctx context.Context, req CreateWorkspaceRequest, opts ...Option) (*CreateWorkspaceResponse, error) {
	return doJSON[CreateWorkspaceResponse](ctx, s.c, "Workspaces.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateWorkspaceRequest(server, req)
	})
}

// Get returns the workspace with the given id. It needs a management key.
// It calls GET /workspaces/{id}.
func (s *WorkspacesService) Get(ctx context.Context, id string, opts ...Option) (*WorkspaceResponse, error) {
	const op = "Workspaces.Get"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[WorkspaceResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetWorkspaceRequest(server, id)
	})
}

// Update changes the fields set in req of the workspace with the given id
// and returns the workspace. It needs a management key.
// It calls PATCH /workspaces/{id}.
func (s *WorkspacesService) Update(ctx context.Context, id string, req UpdateWorkspaceRequest, opts ...Option) (*UpdateWorkspaceResponse, error) {
	const op = "Workspaces.Update"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[UpdateWorkspaceResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewUpdateWorkspaceRequest(server, id, req)
	})
}

// Delete removes the workspace with the given id. It needs a management
// key. It calls DELETE /workspaces/{id}.
func (s *WorkspacesService) Delete(ctx context.Context, id string, opts ...Option) (*DeleteWorkspaceResponse, error) {
	const op = "Workspaces.Delete"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[DeleteWorkspaceResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewDeleteWorkspaceRequest(server, id)
	})
}

// ListBudgets returns every spending budget of the workspace with the
// given id. It needs a management key. It calls GET /workspaces/{id}/budgets.
func (s *WorkspacesService) ListBudgets(ctx context.Context, id string, opts ...Option) (*WorkspaceBudgetListResponse, error) {
	const op = "Workspaces.ListBudgets"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[WorkspaceBudgetListResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListWorkspaceBudgetsRequest(server, id)
	})
}

// GetBudget returns the budget of one interval of the workspace with the
// given id. An interval outside the WorkspaceBudget* constants is an error
// and sends no request. It needs a management key.
// It calls GET /workspaces/{id}/budgets/{interval}.
func (s *WorkspacesService) GetBudget(ctx context.Context, id string, interval WorkspaceBudgetInterval, opts ...Option) (*WorkspaceBudgetResponse, error) {
	const op = "Workspaces.GetBudget"
	if err := budgetArgs(op, id, interval); err != nil {
		return nil, err
	}
	return doJSON[WorkspaceBudgetResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetWorkspaceBudgetRequest(server, id, interval)
	})
}

// SetBudget creates the budget of one interval of the workspace with the
// given id, or replaces it if there is one, and returns it. An interval
// outside the WorkspaceBudget* constants is an error and sends no request.
// It needs a management key.
// It calls PUT /workspaces/{id}/budgets/{interval}.
func (s *WorkspacesService) SetBudget(ctx context.Context, id string, interval WorkspaceBudgetInterval, req SetWorkspaceBudgetRequest, opts ...Option) (*SetWorkspaceBudgetResponse, error) {
	const op = "Workspaces.SetBudget"
	if err := budgetArgs(op, id, interval); err != nil {
		return nil, err
	}
	return doJSON[SetWorkspaceBudgetResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewUpsertWorkspaceBudgetRequest(server, id, interval, req)
	})
}

// DeleteBudget removes the budget of one interval of the workspace with
// the given id. An interval outside the WorkspaceBudget* constants is an
// error and sends no request. It needs a management key.
// It calls DELETE /workspaces/{id}/budgets/{interval}.
func (s *WorkspacesService) DeleteBudget(ctx context.Context, id string, interval WorkspaceBudgetInterval, opts ...Option) (*DeleteWorkspaceBudgetResponse, error) {
	const op = "Workspaces.DeleteBudget"
	if err := budgetArgs(op, id, interval); err != nil {
		return nil, err
	}
	return doJSON[DeleteWorkspaceBudgetResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewDeleteWorkspaceBudgetRequest(server, id, interval)
	})
}

// ListMembers returns one page of the members of the workspace with the
// given id, paged by params (nil for the first 50); see ListMembersAll to
// iterate. It needs a management key. It calls GET /workspaces/{id}/members.
func (s *WorkspacesService) ListMembers(ctx context.Context, id string, params *ListWorkspaceMembersParams, opts ...Option) (*WorkspaceMemberListResponse, error) {
	const op = "Workspaces.ListMembers"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[WorkspaceMemberListResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListWorkspaceMembersRequest(server, id, params)
	})
}

// ListMembersAll iterates over the members of the workspace with the given
// id, fetching pages lazily from params.Offset (default 0) with
// params.Limit members each (default and maximum 100). It stops at the
// first error, which it yields. It needs a management key.
// It calls GET /workspaces/{id}/members once per page.
func (s *WorkspacesService) ListMembersAll(ctx context.Context, id string, params *ListWorkspaceMembersParams, opts ...Option) iter.Seq2[WorkspaceMember, error] {
	var p ListWorkspaceMembersParams
	if params != nil {
		p = *params
	}
	return countedPages(ctx, p.Offset, p.Limit, func(ctx context.Context, offset, limit int) ([]WorkspaceMember, int, error) {
		resp, err := s.ListMembers(ctx, id, &ListWorkspaceMembersParams{Offset: &offset, Limit: &limit}, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, resp.TotalCount, nil
	})
}

// AddMembers adds the organization's users in req.UserIds to the workspace
// with the given id and returns the new memberships. It needs a management
// key. It calls POST /workspaces/{id}/members/add.
func (s *WorkspacesService) AddMembers(ctx context.Context, id string, req AddWorkspaceMembersRequest, opts ...Option) (*AddWorkspaceMembersResponse, error) {
	const op = "Workspaces.AddMembers"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[AddWorkspaceMembersResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewBulkAddWorkspaceMembersRequest(server, id, req)
	})
}

// RemoveMembers removes the users in req.UserIds from the workspace with
// the given id and reports how many were removed. It needs a management
// key. It calls POST /workspaces/{id}/members/remove.
func (s *WorkspacesService) RemoveMembers(ctx context.Context, id string, req RemoveWorkspaceMembersRequest, opts ...Option) (*RemoveWorkspaceMembersResponse, error) {
	const op = "Workspaces.RemoveMembers"
	if err := nonEmpty(op, "id", id); err != nil {
		return nil, err
	}
	return doJSON[RemoveWorkspaceMembersResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewBulkRemoveWorkspaceMembersRequest(server, id, req)
	})
}

// List returns one page of the trace export destinations, paged and
// filtered by params (nil for the first 50 of every workspace); see ListAll
// to iterate. It needs a management key.
// It calls GET /observability/destinations.
func (s *ObservabilityService) List(ctx context.Context, params *ListObservabilityDestinationsParams, opts ...Option) (*ObservabilityDestinationListResponse, error) {
	return doJSON[ObservabilityDestinationListResponse](ctx, s.c, "Observability.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListObservabilityDestinationsRequest(server, params)
	})
}

// ListAll iterates over the trace export destinations, fetching pages
// lazily from params.Offset (default 0) with params.Limit destinations
// each (default and maximum 100); params.WorkspaceID filters every page.
// It stops at the first error, which it yields. It needs a management key.
// It calls GET /observability/destinations once per page.
func (s *ObservabilityService) ListAll(ctx context.Context, params *ListObservabilityDestinationsParams, opts ...Option) iter.Seq2[ObservabilityDestination, error] {
	var p ListObservabilityDestinationsParams
	if params != nil {
		p = *params
	}
	return countedPages(ctx, p.Offset, p.Limit, func(ctx context.Context, offset, limit int) ([]ObservabilityDestination, int, error) {
		q := p
		q.Offset, q.Limit = &offset, &limit
		resp, err := s.List(ctx, &q, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, resp.TotalCount, nil
	})
}

// Create adds a trace export destination and returns it. It needs a
// management key. It calls POST /observability/destinations.
func (s *ObservabilityService) Create(ctx context.Context, req CreateObservabilityDestinationRequest, opts ...Option) (*CreateObservabilityDestinationResponse, error) {
	return doJSON[CreateObservabilityDestinationResponse](ctx, s.c, "Observability.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateObservabilityDestinationRequest(server, req)
	})
}

// Get returns the trace export destination with the given id, a UUID (a
// malformed id is an error and sends no request). It needs a management
// key. It calls GET /observability/destinations/{id}.
func (s *ObservabilityService) Get(ctx context.Context, id string, opts ...Option) (*ObservabilityDestinationResponse, error) {
	return doJSONWithUUID[ObservabilityDestinationResponse](ctx, s.c, "Observability.Get", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewGetObservabilityDestinationRequest(server, uid)
	})
}

// Update changes the fields set in req of the trace export destination
// with the given id, a UUID, and returns the destination. It needs a
// management key. It calls PATCH /observability/destinations/{id}.
func (s *ObservabilityService) Update(ctx context.Context, id string, req UpdateObservabilityDestinationRequest, opts ...Option) (*UpdateObservabilityDestinationResponse, error) {
	return doJSONWithUUID[UpdateObservabilityDestinationResponse](ctx, s.c, "Observability.Update", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewUpdateObservabilityDestinationRequest(server, uid, req)
	})
}

// Delete removes the trace export destination with the given id, a UUID.
// It needs a management key.
// It calls DELETE /observability/destinations/{id}.
func (s *ObservabilityService) Delete(ctx context.Context, id string, opts ...Option) (*DeleteObservabilityDestinationResponse, error) {
	return doJSONWithUUID[DeleteObservabilityDestinationResponse](ctx, s.c, "Observability.Delete", id, opts, func(server string, uid UUID) (*http.Request, error) {
		return gen.NewDeleteObservabilityDestinationRequest(server, uid)
	})
}

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
	var p ListSCIMGroupMappingsParams
	if params != nil {
		p = *params
	}
	return countedPages(ctx, p.Offset, p.Limit, func(ctx context.Context, offset, limit int) ([]SCIMGroupMapping, int, error) {
		resp, err := s.ListGroupMappings(ctx, &ListSCIMGroupMappingsParams{Offset: &offset, Limit: &limit}, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, resp.TotalCount, nil
	})
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
	var p ListSCIMGroupsParams
	if params != nil {
		p = *params
	}
	return countedPages(ctx, p.Offset, p.Limit, func(ctx context.Context, offset, limit int) ([]SCIMGroup, int, error) {
		resp, err := s.ListGroups(ctx, &ListSCIMGroupsParams{Offset: &offset, Limit: &limit}, opts...)
		if err != nil {
			return nil, 0, err
		}
		return resp.Data, resp.TotalCount, nil
	})
}
