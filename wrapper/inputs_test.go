package openrouter_test

import (
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestInputConstructors(t *testing.T) {
	t.Parallel()
	tests := map[string]marshalCase{
		"responses text": {openrouter.InputText("hi"), `"hi"`},
		"responses items": {
			openrouter.InputItems(openrouter.InputSystemText("be brief"), openrouter.InputUserText("hi"), openrouter.InputAssistantText("hello"), openrouter.InputDeveloperText("d")),
			`[{"type":"message","role":"system","content":"be brief"},{"type":"message","role":"user","content":"hi"},{"type":"message","role":"assistant","content":"hello"},{"type":"message","role":"developer","content":"d"}]`,
		},
		"responses function output": {openrouter.InputItems(openrouter.InputFunctionOutput("call_1", `{"t":20}`)), `[{"type":"function_call_output","call_id":"call_1","output":"{\"t\":20}"}]`},
		"responses no items":        {openrouter.InputItems(), `[]`},
		"embed text":                {openrouter.EmbedText("a"), `"a"`},
		"embed texts":               {openrouter.EmbedTexts("a", "b"), `["a","b"]`},
		"embed tokens":              {openrouter.EmbedTokens(1, 2), `[1,2]`},
		"embed token batches":       {openrouter.EmbedTokenBatches([]int{1}, []int{2, 3}), `[[1],[2,3]]`},
		"embed multimodal": {
			openrouter.EmbedMultimodal(openrouter.EmbedTextPart("a red car"), openrouter.EmbedImagePart("https://example.com/car.png")),
			`[{"content":[{"type":"text","text":"a red car"},{"type":"image_url","image_url":{"url":"https://example.com/car.png"}}]}]`,
		},
		"prompt text":   {openrouter.PromptText("Once"), `"Once"`},
		"prompt texts":  {openrouter.PromptTexts("a", "b"), `["a","b"]`},
		"prompt tokens": {openrouter.PromptTokens(5, 6), `[5,6]`},
		"system prompt": {openrouter.SystemPrompt("be brief"), `"be brief"`},
		"system blocks": {
			openrouter.SystemBlocks(openrouter.SystemText("manual", openrouter.EphemeralCache()), openrouter.SystemText("brief")),
			`[{"type":"text","text":"manual","cache_control":{"type":"ephemeral"}},{"type":"text","text":"brief"}]`,
		},
		"messages user blocks": {
			openrouter.MessagesUserBlocks(openrouter.TextBlock("what is this?"), openrouter.ImageURLBlock("https://example.com/a.png"), openrouter.CachedTextBlock("doc", openrouter.EphemeralCache(openrouter.CacheTTL1h))),
			`{"role":"user","content":[{"type":"text","text":"what is this?"},{"type":"image","source":{"type":"url","url":"https://example.com/a.png"}},{"type":"text","text":"doc","cache_control":{"type":"ephemeral","ttl":"1h"}}]}`,
		},
	}
	checkMarshal(t, tests)
}
