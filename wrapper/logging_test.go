package openrouter_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// A handler at slog's default level (Info) shows retries and giving up,
// and no request details.
func TestLogLevels(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	ts := newTestServer(t, sequence(jsonHandler(503, errBody(503)), jsonHandler(200, okChat)))
	if _, err := sendChat(t, ts.client(t, openrouter.WithLogger(logger))); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "level=INFO") || !strings.Contains(out, `msg="openrouter: retrying"`) || !strings.Contains(out, "attempt=1") {
		t.Errorf("the retry is not logged at Info:\n%s", out)
	}
	if strings.Contains(out, "level=DEBUG") || strings.Contains(out, "header=") {
		t.Errorf("request details at the default level:\n%s", out)
	}

	logs.Reset()
	ts2 := newTestServer(t, jsonHandler(503, errBody(503)))
	if _, err := sendChat(t, ts2.client(t, openrouter.WithLogger(logger), openrouter.WithMaxRetries(1))); err == nil {
		t.Fatal("want an error")
	}
	if out := logs.String(); !strings.Contains(out, "level=WARN") || !strings.Contains(out, `msg="openrouter: giving up"`) || !strings.Contains(out, "attempts=2") {
		t.Errorf("giving up is not logged at Warn:\n%s", out)
	}
}
