package openrouter

import (
	"github.com/gopenrouter/openrouter/gen"
)

// ResponsesInput is [ResponsesRequest].Input: a plain string or a list of
// input items. Build it with [InputText] or [InputItems].
type ResponsesInput = gen.Inputs

// InputItem is one item of a Responses input: a message, or the output of
// a function call. Build it with [InputUserText], [InputSystemText],
// [InputDeveloperText], [InputAssistantText] or [InputFunctionOutput].
type InputItem = gen.InputItem

// InputText returns a Responses input that is one user prompt.
//
//	req := openrouter.ResponsesRequest{Model: "openai/gpt-4o", Input: openrouter.InputText("Hello")}
func InputText(text string) *ResponsesInput {
	in := unionOf((*ResponsesInput).FromInputsString, text) // marshalling a string cannot fail
	return &in
}

// InputItems returns a Responses input made of items, in order: a
// conversation, or a function call's output sent back to the model.
//
//	Input: openrouter.InputItems(
//		openrouter.InputSystemText("Answer in French."),
//		openrouter.InputUserText("What is the capital of Italy?"),
//	),
func InputItems(items ...InputItem) *ResponsesInput {
	if items == nil {
		items = []InputItem{}
	}
	var in ResponsesInput
	// Items built by the constructors hold valid JSON, so this cannot fail.
	_ = in.FromInputItemList(items)
	return &in
}

// InputUserText returns a Responses input message with role "user".
func InputUserText(text string) InputItem { return inputMessage(gen.EasyInputMessageRoleUser, text) }

// InputSystemText returns a Responses input message with role "system".
func InputSystemText(text string) InputItem {
	return inputMessage(gen.EasyInputMessageRoleSystem, text)
}

// InputDeveloperText returns a Responses input message with role
// "developer".
func InputDeveloperText(text string) InputItem {
	return inputMessage(gen.EasyInputMessageRoleDeveloper, text)
}

// InputAssistantText returns a Responses input message with role
// "assistant": an earlier answer, replayed.
func InputAssistantText(text string) InputItem {
	return inputMessage(gen.EasyInputMessageRoleAssistant, text)
}

func inputMessage(role gen.EasyInputMessageRole, text string) InputItem {
	c := unionOf((*gen.EasyInputMessageContent).FromEasyInputMessageContentString, text)
	return unionOf((*InputItem).FromEasyInputMessage, gen.EasyInputMessage{Type: gen.EasyInputMessageTypeMessage, Role: role, Content: &c})
}

// InputFunctionOutput returns a Responses input item that answers the
// function call whose call_id is callID with output.
func InputFunctionOutput(callID, output string) InputItem {
	o := unionOf((*gen.InputFunctionCallOutputOutput).FromInputFunctionCallOutputOutputString, output)
	var it InputItem
	_ = it.FromInputFunctionCallOutput(gen.InputFunctionCallOutput{
		Type:   gen.OpenAIResponseFunctionToolCallOutputTypeFunctionCallOutput,
		CallID: callID,
		Output: o,
	})
	return it
}

// EmbeddingsInput is [EmbeddingsRequest].Input. Build it with
// [EmbedText], [EmbedTexts], [EmbedTokens], [EmbedTokenBatches] or
// [EmbedMultimodal].
type EmbeddingsInput = gen.CreateEmbeddingsRequestInput

// EmbeddingsPart is one part of a multimodal embeddings input; build it
// with [EmbedTextPart] or [EmbedImagePart].
type EmbeddingsPart = gen.EmbeddingsInputPart

// EmbedText returns an embeddings input of one text: the response holds
// one embedding.
func EmbedText(text string) EmbeddingsInput {
	return unionOf((*EmbeddingsInput).FromCreateEmbeddingsRequestInputString, text)
}

// EmbedTexts returns an embeddings input of many texts: the response
// holds one embedding per text, in order.
func EmbedTexts(texts ...string) EmbeddingsInput {
	if texts == nil {
		texts = []string{}
	}
	return unionOf((*EmbeddingsInput).FromCreateEmbeddingsRequestInputStringList, texts)
}

// EmbedTokens returns an embeddings input of one text given as token ids
// of the model's tokenizer.
func EmbedTokens(tokens ...int) EmbeddingsInput {
	if tokens == nil {
		tokens = []int{}
	}
	return unionOf((*EmbeddingsInput).FromCreateEmbeddingsRequestInputTokens, tokens)
}

// EmbedTokenBatches returns an embeddings input of many texts, each given
// as token ids.
func EmbedTokenBatches(batches ...[]int) EmbeddingsInput {
	if batches == nil {
		batches = [][]int{}
	}
	return unionOf((*EmbeddingsInput).FromCreateEmbeddingsRequestInputTokenBatches, batches)
}

// EmbedMultimodal returns an embeddings input of one item made of parts,
// text and images, for multimodal embedding models: the response holds
// one embedding for the whole item.
//
//	Input: openrouter.EmbedMultimodal(openrouter.EmbedTextPart("a red car"), openrouter.EmbedImagePart(url)),
func EmbedMultimodal(parts ...EmbeddingsPart) EmbeddingsInput {
	if parts == nil {
		parts = []EmbeddingsPart{}
	}
	return unionOf((*EmbeddingsInput).FromEmbeddingsMultimodalInputList, []gen.EmbeddingsMultimodalInput{{Content: parts}})
}

// EmbedTextPart returns a text part of a multimodal embeddings input.
func EmbedTextPart(text string) EmbeddingsPart {
	return unionOf((*EmbeddingsPart).FromEmbeddingsInputPartText, gen.EmbeddingsInputPartText{Type: gen.EmbeddingsInputPartTextTypeText, Text: text})
}

// EmbedImagePart returns an image part of a multimodal embeddings input:
// an https URL or a data URL ([DataURL]).
func EmbedImagePart(url string) EmbeddingsPart {
	var p EmbeddingsPart
	_ = p.FromEmbeddingsInputPartImageURL(gen.EmbeddingsInputPartImageURL{
		Type:     gen.EmbeddingsInputPartImageURLTypeImageURL,
		ImageURL: gen.EmbeddingsInputPartImageURLImageURL{URL: url},
	})
	return p
}

// CompletionPrompt is [CompletionRequest].Prompt; build it with
// [PromptText], [PromptTexts] or [PromptTokens].
type CompletionPrompt = gen.CompletionRequestPrompt

// PromptText returns a completions prompt of one text, which the model
// continues.
func PromptText(text string) CompletionPrompt {
	return unionOf((*CompletionPrompt).FromCompletionRequestPromptString, text)
}

// PromptTexts returns a completions prompt of many texts, each completed
// on its own.
func PromptTexts(texts ...string) CompletionPrompt {
	if texts == nil {
		texts = []string{}
	}
	return unionOf((*CompletionPrompt).FromCompletionRequestPromptStringList, texts)
}

// PromptTokens returns a completions prompt given as token ids of the
// model's tokenizer.
func PromptTokens(tokens ...int) CompletionPrompt {
	if tokens == nil {
		tokens = []int{}
	}
	return unionOf((*CompletionPrompt).FromCompletionRequestPromptTokens, tokens)
}

// MessagesSystem is [MessagesRequest].System; build it with
// [SystemPrompt] or [SystemBlocks].
type MessagesSystem = gen.MessagesRequestSystem

// MessagesBlock is one content block of a Messages API message; build it
// with [TextBlock], [CachedTextBlock] or [ImageURLBlock] and pass it to
// [MessagesUserBlocks].
type MessagesBlock = gen.MessagesContentBlock

// TextBlockParam is a text block of a Messages system prompt; build it
// with [SystemText].
type TextBlockParam = gen.AnthropicTextBlockParam

// SystemPrompt returns the system prompt of a Messages request as one
// text.
func SystemPrompt(text string) *MessagesSystem {
	s := unionOf((*MessagesSystem).FromMessagesRequestSystemString, text)
	return &s
}

// SystemText returns a text block of a Messages system prompt; cc, if
// given, marks the end of a cacheable prefix ([EphemeralCache]).
func SystemText(text string, cc ...*CacheControl) TextBlockParam {
	return TextBlockParam{Type: gen.AnthropicTextBlockParamTypeText, Text: text, CacheControl: first(cc)}
}

// SystemBlocks returns the system prompt of a Messages request made of
// text blocks, such as a long cached instruction and a short varying one:
//
//	System: openrouter.SystemBlocks(
//		openrouter.SystemText(manual, openrouter.EphemeralCache()),
//		openrouter.SystemText("Answer briefly."),
//	),
func SystemBlocks(blocks ...TextBlockParam) *MessagesSystem {
	if blocks == nil {
		blocks = []TextBlockParam{}
	}
	s := unionOf((*MessagesSystem).FromMessagesSystemBlocks, blocks)
	return &s
}

// TextBlock returns a text content block of a Messages API message.
func TextBlock(text string) MessagesBlock { return CachedTextBlock(text, nil) }

// CachedTextBlock returns a text content block that ends a cacheable
// prompt prefix; cc is usually [EphemeralCache](), nil means none.
func CachedTextBlock(text string, cc *CacheControl) MessagesBlock {
	return unionOf((*MessagesBlock).FromAnthropicTextBlockParam, TextBlockParam{Type: gen.AnthropicTextBlockParamTypeText, Text: text, CacheControl: cc})
}

// ImageURLBlock returns an image content block of a Messages API message
// that refers to an image by URL.
func ImageURLBlock(url string) MessagesBlock {
	src := unionOf((*gen.AnthropicImageBlockParamSource).FromAnthropicURLImageSource, gen.AnthropicURLImageSource{Type: gen.AnthropicURLImageSourceTypeURL, URL: url})
	return unionOf((*MessagesBlock).FromAnthropicImageBlockParam, gen.AnthropicImageBlockParam{Type: gen.AnthropicImageBlockParamTypeImage, Source: src})
}

// MessagesUserBlocks returns a Messages API message with role "user" made
// of content blocks:
//
//	openrouter.MessagesUserBlocks(openrouter.TextBlock("What is in this image?"), openrouter.ImageURLBlock(url))
func MessagesUserBlocks(blocks ...MessagesBlock) MessagesMessage {
	if blocks == nil {
		blocks = []MessagesBlock{}
	}
	m := MessagesMessage{Role: gen.MessagesMessageParamRoleUser}
	_ = m.Content.FromMessagesContentBlocks(blocks)
	return m
}
