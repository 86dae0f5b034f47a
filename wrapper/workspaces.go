package openrouter

import (
	"context"
	"fmt"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// WorkspacesService manages workspaces, their budgets and members; its
// methods need a management key. Get it from [Client].Workspaces.
type WorkspacesService struct{ c *caller }

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
	return offsetAll(ctx, params, s.List, opts, managementPaging,
		func(p *ListWorkspacesParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *WorkspaceListResponse) ([]Workspace, int) { return r.Data, r.TotalCount })
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
	return offsetAll(ctx, params, withID(s.ListMembers, id), opts, managementPaging,
		func(p *ListWorkspaceMembersParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *WorkspaceMemberListResponse) ([]WorkspaceMember, int) { return r.Data, r.TotalCount })
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
