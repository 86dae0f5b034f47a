package openrouter

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestOffsetPages(t *testing.T) {
	t.Parallel()
	data := make([]int, 23)
	for i := range data {
		data[i] = i
	}
	var offsets []int
	fetch := func(ctx context.Context, offset, limit int) ([]int, int, error) {
		offsets = append(offsets, offset)
		end := min(offset+limit, len(data))
		return data[offset:end], -1, nil
	}
	var got []int
	for v, err := range offsetPages(context.Background(), 0, 10, fetch) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if fmt.Sprint(got) != fmt.Sprint(data) || fmt.Sprint(offsets) != "[0 10 20]" {
		t.Errorf("items %v, offsets %v", got, offsets)
	}

	// A known total stops without fetching an empty page.
	offsets = nil
	exact := func(ctx context.Context, offset, limit int) ([]int, int, error) {
		offsets = append(offsets, offset)
		return data[offset:min(offset+limit, 20)], 20, nil
	}
	n := 0
	for range offsetPages(context.Background(), 0, 10, exact) {
		n++
	}
	if n != 20 || fmt.Sprint(offsets) != "[0 10]" {
		t.Errorf("with a total: %d items, offsets %v", n, offsets)
	}

	// Breaking early fetches no further page.
	offsets = nil
	for v := range offsetPages(context.Background(), 0, 10, fetch) {
		if v == 3 {
			break
		}
	}
	if fmt.Sprint(offsets) != "[0]" {
		t.Errorf("offsets after an early break: %v", offsets)
	}
}

func TestPagesStopAtTheFirstError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	calls := 0
	fetch := func(ctx context.Context, offset, limit int) ([]int, int, error) {
		calls++
		if offset > 0 {
			return nil, 0, boom
		}
		return []int{1, 2}, -1, nil
	}
	var got []string
	for v, err := range offsetPages(context.Background(), 0, 2, fetch) {
		got = append(got, fmt.Sprintf("%v %v", v, err))
	}
	if fmt.Sprint(got) != "[1 <nil> 2 <nil> 0 boom]" || calls != 2 {
		t.Errorf("yielded %v after %d calls", got, calls)
	}

	cursors := []string{}
	cfetch := func(ctx context.Context, cursor string) ([]string, string, error) {
		cursors = append(cursors, cursor)
		switch cursor {
		case "":
			return []string{"a", "b"}, "c1", nil
		case "c1":
			return []string{"c"}, "c2", nil
		}
		return nil, "", boom
	}
	got = nil
	for v, err := range cursorPages(context.Background(), cfetch) {
		got = append(got, fmt.Sprintf("%v %v", v, err))
	}
	if fmt.Sprint(got) != "[a <nil> b <nil> c <nil>  boom]" || fmt.Sprint(cursors) != "[ c1 c2]" {
		t.Errorf("cursor pages yielded %v for cursors %q", got, cursors)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, err := range cursorPages(ctx, cfetch) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("canceled ctx gave %v", err)
		}
	}
}
