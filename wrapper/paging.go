package openrouter

import (
	"context"
	"iter"
)

// pageSize is the page size the iterators ask for when the caller set none.
const pageSize = 100

// offsetPages iterates over items fetched one page at a time by offset.
// fetch gets the offset and the page size and returns one page; the
// iteration stops after a page shorter than the page size, an empty page,
// or total items when total is known (>= 0), and stops at the first error,
// which it yields. Pages are fetched lazily: breaking out of the loop
// fetches no more.
func offsetPages[T any](ctx context.Context, start, limit int, fetch func(ctx context.Context, offset, limit int) (items []T, total int, err error)) iter.Seq2[T, error] {
	if limit <= 0 {
		limit = pageSize
	}
	return func(yield func(T, error) bool) {
		offset := start
		for {
			// A nil ctx is reported by the listing call fetch makes.
			if ctx != nil && ctx.Err() != nil {
				var zero T
				yield(zero, ctx.Err())
				return
			}
			items, total, err := fetch(ctx, offset, limit)
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
			offset += len(items)
			if len(items) == 0 || len(items) < limit || (total >= 0 && offset >= total) {
				return
			}
		}
	}
}

// cursorPages iterates over items fetched one page at a time by cursor.
// fetch gets the cursor ("" for the first page) and returns one page and
// the next cursor, "" when there are no more pages.
func cursorPages[T any](ctx context.Context, fetch func(ctx context.Context, cursor string) (items []T, next string, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		cursor := ""
		seen := map[string]bool{}
		for {
			// A nil ctx is reported by the listing call fetch makes.
			if ctx != nil && ctx.Err() != nil {
				var zero T
				yield(zero, ctx.Err())
				return
			}
			items, next, err := fetch(ctx, cursor)
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
			if next == "" || seen[next] {
				return
			}
			seen[next] = true
			cursor = next
		}
	}
}

// managementMaxLimit is the largest page the management listings
// (guardrails, BYOK, organization, workspaces, observability, SCIM) serve:
// openapi.yaml gives their limit a maximum of 100.
const managementMaxLimit = 100

// countedPages iterates over a management listing paged by offset and
// limit that reports its total count: pages of limit items (default and
// maximum 100) from start, each fetched by list.
func countedPages[T any](ctx context.Context, start, limit *int, list func(ctx context.Context, offset, limit int) ([]T, int, error)) iter.Seq2[T, error] {
	return offsetPages(ctx, offsetArg(start), min(limitArg(limit), managementMaxLimit), func(ctx context.Context, offset, limit int) ([]T, int, error) {
		items, total, err := list(ctx, offset, limit)
		if err != nil {
			return nil, 0, err
		}
		return items, knownTotal(total, offset, len(items)), nil
	})
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
