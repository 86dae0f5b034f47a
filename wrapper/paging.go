package openrouter

import (
	"context"
	"iter"
)

// pageSize is the page size the iterators ask for when the caller set none.
const pageSize = 100

// pages iterates over items fetched one page at a time. Each iteration
// calls first for a fresh fetcher, whose every call returns one page and
// whether another may follow; the iteration stops after the last page, or
// at the first error, which it yields. Pages are fetched lazily: breaking
// out of the loop fetches no more.
func pages[T any](ctx context.Context, first func() func(ctx context.Context) (items []T, more bool, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		next := first()
		for {
			// A nil ctx is reported by the listing call next makes.
			if ctx != nil && ctx.Err() != nil {
				var zero T
				yield(zero, ctx.Err())
				return
			}
			items, more, err := next(ctx)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if !more {
				return
			}
		}
	}
}

// offsetPages iterates over items fetched one page at a time by offset.
// fetch gets the offset and the page size and returns one page; the
// iteration stops after a page shorter than the page size, an empty page,
// or total items when total is known (>= 0).
func offsetPages[T any](ctx context.Context, start, limit int, fetch func(ctx context.Context, offset, limit int) (items []T, total int, err error)) iter.Seq2[T, error] {
	if limit <= 0 {
		limit = pageSize
	}
	return pages(ctx, func() func(context.Context) ([]T, bool, error) {
		offset := start
		return func(ctx context.Context) ([]T, bool, error) {
			items, total, err := fetch(ctx, offset, limit)
			if err != nil {
				return nil, false, err
			}
			offset += len(items)
			return items, len(items) > 0 && len(items) >= limit && (total < 0 || offset < total), nil
		}
	})
}

// cursorPages iterates over items fetched one page at a time by cursor.
// fetch gets the cursor ("" for the first page) and returns one page and
// the next cursor, "" when there are no more pages; a cursor seen before
// also ends the iteration.
func cursorPages[T any](ctx context.Context, fetch func(ctx context.Context, cursor string) (items []T, next string, err error)) iter.Seq2[T, error] {
	return pages(ctx, func() func(context.Context) ([]T, bool, error) {
		cursor := ""
		seen := map[string]bool{}
		return func(ctx context.Context) ([]T, bool, error) {
			items, next, err := fetch(ctx, cursor)
			if err != nil || next == "" || seen[next] {
				return items, false, err
			}
			seen[next] = true
			cursor = next
			return items, true, nil
		}
	})
}

// managementMaxLimit is the largest page the management listings
// (guardrails, BYOK, organization, workspaces, observability, SCIM) serve:
// openapi.yaml gives their limit a maximum of 100.
const managementMaxLimit = 100

// offsetPaging is how an ...All method pages one listing by offset: the
// largest page the listing serves, and the largest offset it accepts (0
// for any), both from openapi.yaml.
type offsetPaging struct {
	maxLimit  int
	maxOffset int
}

// managementPaging pages the management listings (guardrails, BYOK,
// organization, workspaces, observability, SCIM): openapi.yaml gives their
// limit a maximum of 100.
var managementPaging = offsetPaging{maxLimit: managementMaxLimit}

// offsetAll is the iterator of a listing paged by offset: pages of list
// from the caller's offset (default 0), of the caller's limit (default
// pageSize, at most how.maxLimit), with the other fields of params on every
// page. fields points at the offset and limit fields of a params value;
// a nil limit means the server chooses the page size, so the iteration ends
// at the first empty page. page returns a page's items and its total count
// (-1 for none), which ends the iteration unless it contradicts the items
// received.
func offsetAll[P, R, T any](ctx context.Context, params *P, list func(context.Context, *P, ...Option) (*R, error), opts []Option, how offsetPaging,
	fields func(*P) (offset, limit **int), page func(*R) (items []T, total int)) iter.Seq2[T, error] {
	var p P
	if params != nil {
		p = *params
	}
	start, limitField := fields(&p)
	limit := 1 // with no limit field, a "page size" of 1 stops only at an empty page
	if limitField != nil {
		limit = min(limitArg(*limitField), how.maxLimit)
	}
	return offsetPages(ctx, offsetArg(*start), limit, func(ctx context.Context, offset, limit int) ([]T, int, error) {
		if how.maxOffset > 0 && offset > how.maxOffset {
			return nil, -1, nil
		}
		q := p
		o, l := fields(&q)
		*o = &offset
		if l != nil {
			*l = &limit
		}
		resp, err := list(ctx, &q, opts...)
		if err != nil {
			return nil, 0, err
		}
		items, total := page(resp)
		return items, knownTotal(total, offset, len(items)), nil
	})
}

// withID binds the path argument id of a listing method, such as the
// workspace of Workspaces.ListMembers, for offsetAll.
func withID[P, R any](list func(context.Context, string, *P, ...Option) (*R, error), id string) func(context.Context, *P, ...Option) (*R, error) {
	return func(ctx context.Context, p *P, opts ...Option) (*R, error) { return list(ctx, id, p, opts...) }
}

// offsetArg is the first offset of an iterator: the caller's, or 0.
func offsetArg(p *int) int {
	if p == nil || *p < 0 {
		return 0
	}
	return *p
}

// limitArg is the page size of an iterator: the caller's, or pageSize.
func limitArg(p *int) int {
	if p == nil || *p <= 0 {
		return pageSize
	}
	return *p
}

// knownTotal passes a listing's total count on to offsetPages, unless it
// contradicts the items already received (a total below them), in which
// case the iteration goes on until a short page instead.
func knownTotal(total, offset, n int) int {
	if total < offset+n {
		return -1
	}
	return total
}
