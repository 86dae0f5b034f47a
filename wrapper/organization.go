package openrouter

import (
	"context"
	"iter"
	"net/http"

	"github.com/gopenrouter/openrouter/gen"
)

// OrganizationService lists organization members; it needs a management
// key. Get it from [Client].Organization.
type OrganizationService struct{ c *caller }

// Request and result types of the Organization methods.
type (
	// OrganizationMember is one member of the organization.
	OrganizationMember = gen.OrganizationMember
	// ListOrganizationMembersParams is the optional paging of
	// Organization.ListMembers.
	ListOrganizationMembersParams = gen.ListOrganizationMembersParams
	// OrganizationMemberListResponse is the result of
	// Organization.ListMembers: one page of members and the total count.
	OrganizationMemberListResponse = gen.ListOrganizationMembersResponse
)

// ListMembers returns one page of the organization's members (params nil
// for the first 50); see ListMembersAll to iterate. It needs a management
// key. It calls GET /organization/members.
func (s *OrganizationService) ListMembers(ctx context.Context, params *ListOrganizationMembersParams, opts ...Option) (*OrganizationMemberListResponse, error) {
	return doJSON[OrganizationMemberListResponse](ctx, s.c, "Organization.ListMembers", opts, func(server string) (*http.Request, error) {
		return gen.NewListOrganizationMembersRequest(server, params)
	})
}

// ListMembersAll iterates over the organization's members, fetching pages
// lazily from params.Offset (default 0) with params.Limit members each
// (default and maximum 100). It stops at the first error, which it
// yields. It needs a management key.
// It calls GET /organization/members once per page.
func (s *OrganizationService) ListMembersAll(ctx context.Context, params *ListOrganizationMembersParams, opts ...Option) iter.Seq2[OrganizationMember, error] {
	return offsetAll(ctx, params, s.ListMembers, opts, managementPaging,
		func(p *ListOrganizationMembersParams) (**int, **int) { return &p.Offset, &p.Limit },
		func(r *OrganizationMemberListResponse) ([]OrganizationMember, int) { return r.Data, r.TotalCount })
}
