package openrouter_test

import (
	"encoding/json"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestRoutingConstructors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		prefs openrouter.ProviderPreferences
		want  string
	}{
		"order and fallbacks": {
			openrouter.ProviderPreferences{Order: openrouter.Providers("anthropic", "", "openai"), AllowFallbacks: openrouter.NoFallbacks()},
			`{"order":["anthropic","openai"],"allow_fallbacks":false}`,
		},
		"only and ignore": {
			openrouter.ProviderPreferences{Only: openrouter.Providers("groq"), Ignore: openrouter.Providers("deepinfra")},
			`{"only":["groq"],"ignore":["deepinfra"]}`,
		},
		"empty lists are left out": {
			openrouter.ProviderPreferences{Order: openrouter.Providers(), Quantizations: openrouter.Quantizations()},
			`{}`,
		},
		"data policy": {
			openrouter.ProviderPreferences{DataCollection: openrouter.DataCollectionDeny, Zdr: openrouter.RequireZDR()},
			`{"data_collection":"deny","zdr":true}`,
		},
		"switches": {
			openrouter.ProviderPreferences{
				AllowFallbacks:         openrouter.FallbacksAllowed(),
				RequireParameters:      openrouter.RequireAllParameters(),
				EnforceDistillableText: openrouter.RequireDistillableText(),
			},
			`{"allow_fallbacks":true,"require_parameters":true,"enforce_distillable_text":true}`,
		},
		"sort by": {
			openrouter.ProviderPreferences{Sort: openrouter.SortBy(openrouter.SortByPrice)},
			`{"sort":"price"}`,
		},
		"sort across models": {
			openrouter.ProviderPreferences{Sort: openrouter.SortAcrossModels(openrouter.SortByThroughput)},
			`{"sort":{"by":"throughput","partition":"none"}}`,
		},
		"sort within model": {
			openrouter.ProviderPreferences{Sort: openrouter.SortWithinModel(openrouter.SortByLatency)},
			`{"sort":{"by":"latency","partition":"model"}}`,
		},
		"max price and quantizations": {
			openrouter.ProviderPreferences{
				MaxPrice:      &openrouter.MaxPrice{Prompt: "1", Completion: "2.5"},
				Quantizations: openrouter.Quantizations(openrouter.QuantizationFP8, openrouter.QuantizationBF16),
			},
			`{"max_price":{"prompt":"1","completion":"2.5"},"quantizations":["fp8","bf16"]}`,
		},
		"latency and throughput": {
			openrouter.ProviderPreferences{PreferredMaxLatency: openrouter.MaxLatency(1.5), PreferredMinThroughput: openrouter.MinThroughput(50)},
			`{"preferred_max_latency":1.5,"preferred_min_throughput":50}`,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := json.Marshal(tc.prefs)
			if err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, got, tc.want) {
				t.Errorf("provider = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestModelFallbacks(t *testing.T) {
	t.Parallel()
	req := openrouter.ChatRequest{
		Models:   openrouter.ModelFallbacks("anthropic/claude-sonnet-4.5", "", "openai/gpt-4o"),
		Messages: []openrouter.ChatMessage{openrouter.UserText("hi")},
	}
	got, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"models":["anthropic/claude-sonnet-4.5","openai/gpt-4o"],"messages":[{"role":"user","content":"hi"}]}`
	if !jsonEqual(t, got, want) {
		t.Errorf("request = %s, want %s", got, want)
	}
	if got := openrouter.ModelFallbacks(); got != nil {
		t.Errorf("ModelFallbacks() = %v, want nil", got)
	}
}
