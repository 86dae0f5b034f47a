package bench

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// TestStreamsReuseOneConnection runs 100 streams in a row against a server
// that flushes every event separately, then streams abandoned after 3
// chunks (by breaking out of All and by calling Close), and requires that
// they all went over a single TCP connection.
func TestStreamsReuseOneConnection(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(Handler(true))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	tr := http.DefaultTransport.(*http.Transport).Clone()
	defer tr.CloseIdleConnections()
	client, err := openrouter.NewClient(openrouter.WithAPIKey("sk-or-v1-test"), openrouter.WithBaseURL(srv.URL+"/n40"),
		openrouter.WithHTTPClient(&http.Client{Transport: tr}))
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := sdkMessages()
	if err != nil {
		t.Fatal(err)
	}
	m := model
	req := openrouter.ChatRequest{Model: m, Messages: msgs}
	ctx := context.Background()

	for i := range 100 {
		st, err := client.Chat.Stream(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, err := range st.All() {
			if err != nil {
				t.Fatalf("stream %d: %v", i, err)
			}
			n++
		}
		if n != 40 {
			t.Fatalf("stream %d: %d chunks, want 40", i, n)
		}
	}
	if got := conns.Load(); got != 1 {
		t.Fatalf("100 full streams used %d connections, want 1", got)
	}

	for i := range 10 {
		st, err := client.Chat.Stream(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		if i%2 == 0 {
			for _, err := range st.All() {
				if err != nil {
					t.Fatal(err)
				}
				if n++; n == 3 {
					break
				}
			}
		} else {
			for n < 3 && st.Next() {
				n++
			}
			if err := st.Close(); err != nil {
				t.Fatalf("early close %d: %v", i, err)
			}
		}
		if n != 3 {
			t.Fatalf("early stream %d: %d chunks", i, n)
		}
	}
	// An abandoned stream keeps its connection only when the rest of the
	// body is already there (Close never waits for more than a few
	// milliseconds); on a loaded machine a few may come too late.
	if got := conns.Load(); got > 4 {
		t.Fatalf("streams closed after 3 chunks opened %d connections in all, want at most 4", got)
	}
}
