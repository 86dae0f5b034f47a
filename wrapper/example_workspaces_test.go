package openrouter_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Workspaces.ListAll fetches the pages as the loop goes; breaking out of
// the loop fetches no more. The calls need a management key; here they go
// to the offline fake server.
func ExampleWorkspacesService_ListAll() {
	client, _, stop := fake()
	defer stop()
	ctx := context.Background()

	var last openrouter.Workspace
	for ws, err := range client.Workspaces.ListAll(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ws.Slug, ws.Name)
		last = ws
	}

	budget, err := client.Workspaces.SetBudget(ctx, last.ID.String(), openrouter.WorkspaceBudgetMonthly,
		openrouter.SetWorkspaceBudgetRequest{LimitUsd: 250})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(budget.Data.LimitUsd, *budget.Data.ResetInterval)

	_, err = client.Workspaces.GetBudget(ctx, last.ID.String(), "yearly")
	fmt.Println(err)
	// Output:
	// default Default
	// research Research
	// 250 monthly
	// openrouter: Workspaces.GetBudget: unknown budget interval "yearly" (want daily, weekly, monthly or lifetime)
}

// A destination's fields depend on its type: read the type, then the
// matching As method.
func ExampleObservabilityService_Create() {
	client, _, stop := fake()
	defer stop()

	resp, err := client.Observability.Create(context.Background(), openrouter.CreateObservabilityDestinationRequest{
		Type:   openrouter.DestinationWebhook,
		Name:   "Trace sink",
		Config: map[string]any{"url": "https://traces.example.com/ingest"},
	})
	if err != nil {
		log.Fatal(err)
	}
	typ, _ := resp.Data.Discriminator()
	if typ == "webhook" {
		hook, err := resp.Data.AsObservabilityWebhookDestination()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(typ, *hook.Name, hook.Config.URL, hook.Enabled)
	}
	// Output:
	// webhook Trace sink https://traces.example.com/ingest true
}

// A missing record comes back as an *APIError that matches ErrNotFound.
func ExampleSCIMService_GetGroupMapping() {
	client, srv, stop := fake()
	defer stop()
	ctx := context.Background()

	srv.Enqueue("getScimGroupMapping", openroutertest.ErrorResponse(404, "Group mapping not found"))
	_, err := client.SCIM.GetGroupMapping(ctx, "0000beef-0000-4000-8000-00000000beef")
	fmt.Println(errors.Is(err, openrouter.ErrNotFound))

	m, err := client.SCIM.GetGroupMapping(ctx, "0000beef-0000-4000-8000-00000000beef")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Data.Role)

	_, err = client.SCIM.GetGroupMapping(ctx, "engineering")
	fmt.Println(err)
	// Output:
	// true
	// member
	// openrouter: SCIM.GetGroupMapping: id "engineering" is not a UUID
}

// SummarizeDestination reads the fields all destination kinds share.
func ExampleSummarizeDestination() {
	client, _, stop := fake()
	defer stop()
	resp, err := client.Observability.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range resp.Data {
		s, err := openrouter.SummarizeDestination(d)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Type, *s.Name, s.Enabled, s.SamplingRate)
	}
	// Output:
	// webhook Trace webhook true 1
	// langfuse Langfuse true 1
}
