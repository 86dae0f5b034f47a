package openrouter_test

import (
	"context"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestDeleteGroupMappingMembers(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"success":true}`))
	c := ts.client(t)
	const id = "0f8fad5b-d9cb-469f-a165-70867728950e"
	if _, err := c.SCIM.DeleteGroupMapping(context.Background(), id, 0); err == nil || !strings.Contains(err.Error(), "KeepMembers or DropMembers") {
		t.Errorf("zero MappingMembers: error %v, want one naming the choices", err)
	}
	for members, want := range map[openrouter.MappingMembers]string{openrouter.KeepMembers: "keep_members=true", openrouter.DropMembers: "keep_members=false"} {
		if _, err := c.SCIM.DeleteGroupMapping(context.Background(), id, members); err != nil {
			t.Fatal(err)
		}
		reqs := ts.requests()
		if got := reqs[len(reqs)-1].Query; got != want {
			t.Errorf("members %d: query %q, want %q", members, got, want)
		}
	}
}

func TestQueryEnumConstants(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{"data":[]}`))
	c := ts.client(t)
	_, _ = c.Classifications.GetTasks(context.Background(), &openrouter.TaskClassificationsParams{Window: openrouter.Ptr(openrouter.Window7Days)})
	_, _ = c.Models.List(context.Background(), &openrouter.ListModelsParams{Sort: openrouter.Ptr(openrouter.ModelSortNewest), Region: openrouter.Ptr(openrouter.ModelRegionEU)})
	reqs := ts.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	if got := reqs[0].Query; got != "window=7d" {
		t.Errorf("GetTasks query %q, want window=7d", got)
	}
	if got := reqs[1].Query; !strings.Contains(got, "sort=newest") || !strings.Contains(got, "region=eu") {
		t.Errorf("Models.List query %q, want sort=newest and region=eu", got)
	}
}
