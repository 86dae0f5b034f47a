package openroutertest_test

import (
	"net/http"
	"sync"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func TestRequestsAreRecorded(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
	do(t, srv, "GET", "/models?category=programming&limit=2", "", "X-Title", "My App")
	do(t, srv, "PATCH", "/keys/h%2F1", `{"name":"new"}`)
	do(t, srv, "GET", "/nowhere?x=1", "")

	all := srv.Requests()
	if len(all) != 3 {
		t.Fatalf("Requests() = %d requests, want 3", len(all))
	}
	m := all[0]
	if m.OperationID != "getModels" || m.Method != "GET" || m.Path != "/api/v1/models" ||
		m.Query.Get("category") != "programming" || m.Query.Get("limit") != "2" ||
		m.Header.Get("X-Title") != "My App" || m.Header.Get("Authorization") != "Bearer "+openroutertest.TestAPIKey ||
		len(m.Body) != 0 {
		t.Errorf("getModels request %+v", m)
	}
	k := all[1]
	var body struct{ Name string }
	if err := k.DecodeJSON(&body); err != nil || body.Name != "new" {
		t.Errorf("DecodeJSON: %v, %+v", err, body)
	}
	if k.OperationID != "updateKeys" || k.Method != "PATCH" || k.PathParams["hash"] != "h/1" ||
		k.Header.Get("Content-Type") != "application/json" || string(k.Body) != `{"name":"new"}` {
		t.Errorf("updateKeys request %+v", k)
	}
	if u := all[2]; u.OperationID != "" || u.Path != "/api/v1/nowhere" || u.Query.Get("x") != "1" {
		t.Errorf("unrouted request %+v", u)
	}

	if r := srv.RequestsFor("updateKeys"); len(r) != 1 || r[0].Method != "PATCH" {
		t.Errorf("RequestsFor(updateKeys) = %+v", r)
	}
	if r := srv.RequestsFor("getCredits"); len(r) != 0 {
		t.Errorf("RequestsFor(getCredits) = %+v", r)
	}

	// The results are copies.
	all[1].Body[2] = 'X'
	all[1].Header.Set("Content-Type", "changed")
	all[0].Query.Set("limit", "99")
	all[1].PathParams["hash"] = "changed"
	again := srv.Requests()
	if string(again[1].Body) != `{"name":"new"}` || again[1].Header.Get("Content-Type") != "application/json" ||
		again[0].Query.Get("limit") != "2" || again[1].PathParams["hash"] != "h/1" {
		t.Errorf("a returned request shares memory with the server: %+v", again)
	}
}

// TestConcurrentUse runs clients, scripting and inspection at once; the
// race detector checks the locking.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	const n = 8
	srv := openroutertest.NewServer(t)
	c, err := srv.Client(openrouter.WithMaxRetries(n))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				srv.Enqueue("getCredits", openroutertest.ErrorResponse(http.StatusTooManyRequests, "busy"))
			}
			if _, err := c.Credits.Get(t.Context()); err != nil {
				t.Errorf("Credits.Get: %v", err)
			}
			_ = srv.Requests()
			_ = srv.Failures()
		}()
	}
	wg.Wait()
	if got := len(srv.RequestsFor("getCredits")); got != n+n/2 {
		t.Errorf("%d requests, want %d (one retry per scripted 429)", got, n+n/2)
	}
}
