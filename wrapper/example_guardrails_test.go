package openrouter_test

import (
	"context"
	"fmt"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// A guardrail with a weekly budget, applied to two API keys. The calls
// need a management key; here the fake OpenRouter server stands in for
// the API.
func ExampleGuardrailsService_Create() {
	client, _, stop := fake()
	defer stop()
	ctx := context.Background()

	limit := 25.0
	weekly := openrouter.GuardrailInterval("weekly")
	created, err := client.Guardrails.Create(ctx, openrouter.CreateGuardrailRequest{
		Name:             "Interns",
		LimitUsd:         &limit,
		ResetInterval:    weekly,
		AllowedProviders: []string{"openai", "anthropic"},
	})
	if err != nil {
		panic(err)
	}
	g := created.Data
	fmt.Printf("%s: $%.2f %s, providers %v\n", g.Name, *g.LimitUsd, g.ResetInterval, g.AllowedProviders)

	assigned, err := client.Guardrails.AssignKeys(ctx, g.ID.String(), openrouter.GuardrailAssignKeysRequest{
		KeyHashes: []string{"c0ffee01", "c0ffee02"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("keys assigned:", assigned.AssignedCount)
	// Output:
	// Interns: $25.00 weekly, providers [openai anthropic]
	// keys assigned: 2
}

// Stored provider keys, listed page by page; the secrets come back masked.
func ExampleBYOKService_ListAll() {
	client, _, stop := fake()
	defer stop()

	for key, err := range client.BYOK.ListAll(context.Background(), nil) {
		if err != nil {
			panic(err)
		}
		fmt.Println(key.Provider, key.Label, "disabled:", key.Disabled)
	}
	// Output:
	// openai sk-...a1b2 disabled: false
	// anthropic sk-...c3d4 disabled: false
}

// Every member of the organization, fetched two per request.
func ExampleOrganizationService_ListMembersAll() {
	client, srv, stop := fake()
	defer stop()

	two := 2
	for m, err := range client.Organization.ListMembersAll(context.Background(), &openrouter.ListOrganizationMembersParams{Limit: &two}) {
		if err != nil {
			panic(err)
		}
		fmt.Println(m.Email, m.Role)
	}
	fmt.Println("requests:", len(srv.RequestsFor("listOrganizationMembers")))
	// Output:
	// ada@example.com org:admin
	// alan@example.com org:member
	// grace@example.com org:member
	// requests: 2
}
