package openrouter_test

import (
	"encoding/json"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestPluginConstructors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		plugin openrouter.Plugin
		want   string
	}{
		"web search":          {openrouter.WebSearchPlugin(), `{"id":"web"}`},
		"web search options":  {openrouter.WebSearchPlugin(openrouter.WebSearchPluginOptions{MaxResults: openrouter.Ptr(3), Mode: openrouter.WebSearchModeFast}), `{"id":"web","max_results":3,"mode":"fast"}`},
		"web fetch":           {openrouter.WebFetchPlugin(openrouter.WebFetchPluginOptions{MaxUses: openrouter.Ptr(2)}), `{"id":"web-fetch","max_uses":2}`},
		"pdf":                 {openrouter.PDFPlugin(openrouter.PDFEngineMistralOCR), `{"id":"file-parser","pdf":{"engine":"mistral-ocr"}}`},
		"pdf default engine":  {openrouter.PDFPlugin(""), `{"id":"file-parser"}`},
		"moderation":          {openrouter.ModerationPlugin(), `{"id":"moderation"}`},
		"response healing":    {openrouter.ResponseHealingPlugin(), `{"id":"response-healing"}`},
		"context compression": {openrouter.ContextCompressionPlugin(), `{"id":"context-compression","engine":"middle-out"}`},
		"auto router":         {openrouter.AutoRouterPlugin(openrouter.AutoRouterOptions{AllowedModels: []string{"openai/*"}}), `{"id":"auto-router","allowed_models":["openai/*"]}`},
		"auto beta router":    {openrouter.AutoBetaRouterPlugin(), `{"id":"auto-beta-router"}`},
		"pareto router":       {openrouter.ParetoRouterPlugin(openrouter.ParetoRouterOptions{MaxPrice: openrouter.Ptr(2.0)}), `{"id":"pareto-router","max_price":2}`},
		"fusion":              {openrouter.FusionPlugin(openrouter.FusionPluginOptions{Model: "openai/gpt-4o"}), `{"id":"fusion","model":"openai/gpt-4o"}`},
		"id is forced":        {openrouter.WebSearchPlugin(openrouter.WebSearchPluginOptions{ID: "other"}), `{"id":"web"}`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := json.Marshal(tc.plugin)
			if err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, got, tc.want) {
				t.Errorf("plugin = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestPluginsForOtherAPIs(t *testing.T) {
	t.Parallel()
	ps := []openrouter.Plugin{openrouter.PDFPlugin(openrouter.PDFEngineNative), openrouter.WebSearchPlugin()}
	want := `[{"id":"file-parser","pdf":{"engine":"native"}},{"id":"web"}]`
	for name, v := range map[string]any{
		"responses": openrouter.ResponsesPlugins(ps...),
		"messages":  openrouter.MessagesPlugins(ps...),
	} {
		got, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, got, want) {
			t.Errorf("%s plugins = %s, want %s", name, got, want)
		}
	}
	if got := openrouter.ResponsesPlugins(); got != nil {
		t.Errorf("ResponsesPlugins() = %v, want nil", got)
	}
}

func TestServerToolConstructors(t *testing.T) {
	t.Parallel()
	img := openrouter.ImageGenerationToolConfig{Model: "google/gemini-2.5-flash-image"}
	tests := map[string]struct {
		tool openrouter.Tool
		want string
	}{
		"web search":         {openrouter.WebSearchTool(), `{"type":"openrouter:web_search"}`},
		"web search config":  {openrouter.WebSearchTool(openrouter.WebSearchToolConfig{Engine: openrouter.SearchEngineExa, MaxResults: openrouter.Ptr(3), SearchContextSize: openrouter.SearchContextHigh}), `{"type":"openrouter:web_search","parameters":{"engine":"exa","max_results":3,"search_context_size":"high"}}`},
		"web fetch":          {openrouter.WebFetchTool(openrouter.WebFetchToolConfig{BlockedDomains: []string{"example.com"}}), `{"type":"openrouter:web_fetch","parameters":{"blocked_domains":["example.com"]}}`},
		"datetime":           {openrouter.DatetimeTool("Europe/Paris"), `{"type":"openrouter:datetime","parameters":{"timezone":"Europe/Paris"}}`},
		"datetime utc":       {openrouter.DatetimeTool(""), `{"type":"openrouter:datetime"}`},
		"bash":               {openrouter.BashTool(), `{"type":"openrouter:bash"}`},
		"files":              {openrouter.FilesTool(), `{"type":"openrouter:files"}`},
		"image generation":   {openrouter.ImageGenerationTool(img), `{"type":"openrouter:image_generation","parameters":{"model":"google/gemini-2.5-flash-image"}}`},
		"fusion":             {openrouter.FusionTool(openrouter.FusionToolConfig{Model: "openai/gpt-4o"}), `{"type":"openrouter:fusion","parameters":{"model":"openai/gpt-4o"}}`},
		"advisor":            {openrouter.AdvisorTool(openrouter.AdvisorToolConfig{Model: "openai/o3"}), `{"type":"openrouter:advisor","parameters":{"model":"openai/o3"}}`},
		"subagent":           {openrouter.SubagentTool(openrouter.SubagentToolConfig{Name: "researcher"}), `{"type":"openrouter:subagent","parameters":{"name":"researcher"}}`},
		"search models":      {openrouter.SearchModelsTool(5), `{"type":"openrouter:experimental__search_models","parameters":{"max_results":5}}`},
		"search models zero": {openrouter.SearchModelsTool(0), `{"type":"openrouter:experimental__search_models"}`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := json.Marshal(tc.tool)
			if err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, got, tc.want) {
				t.Errorf("tool = %s, want %s", got, tc.want)
			}
		})
	}
}
