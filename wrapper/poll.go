package openrouter

import (
	"context"
	"fmt"
	"time"
)

// pollIntervals checks a wait's intervals and fills in the defaults.
func pollIntervals(op string, interval, maxInterval, defInterval, defMax time.Duration) (time.Duration, time.Duration, error) {
	if interval < 0 || maxInterval < 0 {
		return 0, 0, fmt.Errorf("openrouter: %s: negative poll interval", op)
	}
	if interval == 0 {
		interval = defInterval
	}
	if maxInterval == 0 {
		maxInterval = defMax
	}
	return interval, max(interval, maxInterval), nil
}

// poll calls get until done accepts what it returns, waiting interval
// before the second call and twice as long before each next one, up to
// maxInterval. get returns the value and its status, for errors: the end
// of ctx or a failed get stops the polling with an error naming what
// (such as "batch b-1") and the last status seen.
func poll[T any](ctx context.Context, op, what string, interval, maxInterval time.Duration,
	get func(ctx context.Context) (*T, string, error), done func(*T) bool,
) (*T, error) {
	if ctx == nil {
		return nil, fmt.Errorf("openrouter: %s: nil context", op)
	}
	last := ""
	stopped := func(err error) error {
		if last == "" {
			return fmt.Errorf("openrouter: %s: polling %s: %w", op, what, err)
		}
		return fmt.Errorf("openrouter: %s: polling %s (last status %s): %w", op, what, last, err)
	}
	for {
		v, status, err := get(ctx)
		if err != nil {
			return nil, stopped(err)
		}
		last = status
		if done(v) {
			return v, nil
		}
		t := time.NewTimer(interval)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("openrouter: %s: %s still %s: %w", op, what, last, context.Cause(ctx))
		}
		interval = min(2*interval, maxInterval)
	}
}
