package openrouter

import (
	"bytes"
	"encoding/base64"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// ResponsesInput is [ResponsesRequest].Input: a plain string or a list of
// input items. Build it with [InputText] or [InputItems].
type ResponsesInput = gen.Inputs

// InputItem is one item of a Responses input: a message, a function call
// replayed, or the output of a function call. Build it with
// [InputUserText], [InputUserParts], [InputSystemText],
// [InputDeveloperText], [InputAssistantText], [InputFunctionCall] or
// [InputFunctionOutput].
type InputItem = gen.InputItem

// InputPart is one content part of a Responses input message: text, an
// image or a file. Build it with [InputTextPart], [InputImagePart],
// [InputImageBytesPart], [InputFileURLPart], [InputFileBytesPart] or
// [InputFileIDPart] and pass it to [InputUserParts].
type InputPart = gen.EasyInputMessageContentPart

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

// InputUserParts returns a Responses input message with role "user" made
// of content parts, such as a question about an image:
//
//	openrouter.InputUserParts(
//		openrouter.InputTextPart("What is in this picture?"),
//		openrouter.InputImagePart("https://example.com/cat.jpg"),
//	)
func InputUserParts(parts ...InputPart) InputItem {
	if parts == nil {
		parts = []InputPart{}
	}
	c := unionOf((*gen.EasyInputMessageContent).FromEasyInputMessageContentParts, parts)
	return unionOf((*InputItem).FromEasyInputMessage, gen.EasyInputMessage{Type: gen.EasyInputMessageTypeMessage, Role: gen.EasyInputMessageRoleUser, Content: &c})
}

// InputTextPart returns a text part of a Responses input message.
func InputTextPart(text string) InputPart {
	return unionOf((*InputPart).FromInputText, gen.InputText{Type: gen.InputTextTypeInputText, Text: text})
}

// InputImagePart returns an image part of a Responses input message that
// refers to an image by URL: an https URL or a data URL ([DataURL]).
// detail optionally sets the resolution (the first one given is used;
// "auto" otherwise).
func InputImagePart(url string, detail ...ImageDetail) InputPart {
	d := gen.InputImageDetailAuto
	if len(detail) > 0 && detail[0] != "" {
		d = gen.InputImageDetail(detail[0])
	}
	return unionOf((*InputPart).FromEasyInputMessageContentPartInputImage, gen.InputImage{Type: gen.InputImageTypeInputImage, ImageURL: url, Detail: d})
}

// InputImageBytesPart returns an image part of a Responses input message
// that carries the image itself, as a data URL built from data and its
// MIME type, such as "image/png". It fails when data is empty or mimeType
// is not an image type.
func InputImageBytesPart(data []byte, mimeType string, detail ...ImageDetail) (InputPart, error) {
	mt, err := mediaType("InputImageBytesPart", "image", data, mimeType)
	if err != nil {
		return InputPart{}, err
	}
	return InputImagePart(DataURL(mt, data), detail...), nil
}

// InputFileURLPart returns a file part of a Responses input message, such
// as a PDF, that the provider fetches from url. filename is optional.
func InputFileURLPart(url, filename string) InputPart {
	return inputFile(gen.InputFile{FileURL: url, Filename: filename})
}

// InputFileBytesPart returns a file part of a Responses input message
// that carries the file itself, as a data URL built from data and its
// MIME type ("application/pdf"). filename is optional. It fails when data
// is empty or mimeType is missing or malformed.
func InputFileBytesPart(data []byte, mimeType, filename string) (InputPart, error) {
	mt, err := mediaType("InputFileBytesPart", "", data, mimeType)
	if err != nil {
		return InputPart{}, err
	}
	return inputFile(gen.InputFile{FileData: DataURL(mt, data), Filename: filename}), nil
}

// InputFileIDPart returns a file part of a Responses input message that
// refers to a file uploaded with Files.Upload, by its id.
func InputFileIDPart(fileID string) InputPart {
	return inputFile(gen.InputFile{FileID: fileID})
}

func inputFile(f gen.InputFile) InputPart {
	f.Type = gen.InputFileTypeInputFile
	return unionOf((*InputPart).FromInputFile, f)
}

// InputFunctionCall returns a Responses input item that replays a function
// call of an earlier result (from [ResponsesResult.FunctionCalls]), for a
// conversation sent back without previous_response_id: the call, then
// its [InputFunctionOutput].
//
//	items := []openrouter.InputItem{openrouter.InputUserText(question)}
//	for _, call := range resp.FunctionCalls() {
//		items = append(items,
//			openrouter.InputFunctionCall(call),
//			openrouter.InputFunctionOutput(call.CallID, run(call)))
//	}
//	req.Input = openrouter.InputItems(items...)
func InputFunctionCall(call ResponsesFunctionCall) InputItem {
	if call.Type == "" {
		call.Type = gen.BaseOutputFunctionCallTypeFunctionCall
	}
	return unionOf((*InputItem).FromOutputFunctionCall, call)
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
// with [EmbedTextPart], [EmbedImagePart], [EmbedAudioPart],
// [EmbedVideoPart] or [EmbedFilePart].
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

// EmbedAudioPart returns an audio part of a multimodal embeddings input:
// the audio data, sent as a data URL, and its MIME type, such as
// "audio/wav" or "audio/mpeg". It fails when data is empty or mimeType is
// not an audio type.
func EmbedAudioPart(data []byte, mimeType string) (EmbeddingsPart, error) {
	m, err := embedMedia("EmbedAudioPart", "audio", data, mimeType)
	if err != nil {
		return EmbeddingsPart{}, err
	}
	return unionOf((*EmbeddingsPart).FromContentPartInputAudio, gen.ContentPartInputAudio{Type: gen.ContentPartInputAudioTypeInputAudio, InputAudio: m}), nil
}

// EmbedVideoPart returns a video part of a multimodal embeddings input:
// the video data, sent as a data URL, and its MIME type, such as
// "video/mp4". It fails when data is empty or mimeType is not a video
// type.
func EmbedVideoPart(data []byte, mimeType string) (EmbeddingsPart, error) {
	m, err := embedMedia("EmbedVideoPart", "video", data, mimeType)
	if err != nil {
		return EmbeddingsPart{}, err
	}
	return unionOf((*EmbeddingsPart).FromContentPartInputVideo, gen.ContentPartInputVideo{Type: gen.ContentPartInputVideoTypeInputVideo, InputVideo: m}), nil
}

// EmbedFilePart returns a file part, such as a PDF, of a multimodal
// embeddings input: the file data, sent as a data URL, and its MIME type
// ("application/pdf"). It fails when data is empty or mimeType is missing
// or malformed.
func EmbedFilePart(data []byte, mimeType string) (EmbeddingsPart, error) {
	m, err := embedMedia("EmbedFilePart", "", data, mimeType)
	if err != nil {
		return EmbeddingsPart{}, err
	}
	return unionOf((*EmbeddingsPart).FromContentPartInputFile, gen.ContentPartInputFile{Type: gen.ContentPartInputFileTypeInputFile, InputFile: m}), nil
}

// embedMedia returns the media of an embeddings part: data as a data URL,
// and as format the MIME subtype ("wav", "mp4", "pdf"; "mp3" for
// audio/mpeg).
func embedMedia(op, kind string, data []byte, mimeType string) (gen.MultimodalMedia, error) {
	mt, err := mediaType(op, kind, data, mimeType)
	if err != nil {
		return gen.MultimodalMedia{}, err
	}
	_, format, _ := strings.Cut(mt, "/")
	if mt == "audio/mpeg" {
		format = "mp3"
	}
	return gen.MultimodalMedia{Data: DataURL(mt, data), Format: format}, nil
}

// mediaType checks the data and MIME type of a part that carries bytes:
// data is not empty, and mimeType is well formed and, when kind is not
// "", of that top-level type ("image", "audio", "video"). It returns
// mimeType without parameters.
func mediaType(op, kind string, data []byte, mimeType string) (string, error) {
	if len(data) == 0 {
		return "", errorf(op, "no data")
	}
	mt, err := checkMIME(op, mimeType)
	if err != nil {
		return "", err
	}
	if kind != "" && !strings.HasPrefix(mt, kind+"/") {
		return "", errorf(op, "MIME type %q is not %s/*", mimeType, kind)
	}
	return mt, nil
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
// with [TextBlock], [CachedTextBlock], [ImageURLBlock], [ImageBytesBlock],
// [PDFURLBlock], [PDFBytesBlock], [TextDocumentBlock], [FileDocumentBlock],
// [ToolUseBlock], [ToolResultBlock] or [ToolErrorBlock] and pass it to
// [MessagesUserBlocks] or [MessagesAssistantBlocks].
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

// MessagesAssistantBlocks returns a Messages API message with role
// "assistant" made of content blocks: an earlier turn replayed, such as
// the model's text and the [ToolUseBlock] that [ToolResultBlock] answers.
func MessagesAssistantBlocks(blocks ...MessagesBlock) MessagesMessage {
	if blocks == nil {
		blocks = []MessagesBlock{}
	}
	m := MessagesMessage{Role: gen.MessagesMessageParamRoleAssistant}
	_ = m.Content.FromMessagesContentBlocks(blocks)
	return m
}

// anthropicImageTypes are the image types the Messages API takes inline.
var anthropicImageTypes = map[string]bool{"image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true}

// ImageBytesBlock returns an image content block of a Messages API
// message that carries the image itself, base64-encoded, with its MIME
// type: "image/png", "image/jpeg", "image/gif" or "image/webp". It fails
// when data is empty or mimeType is another type.
func ImageBytesBlock(data []byte, mimeType string) (MessagesBlock, error) {
	mt, err := mediaType("ImageBytesBlock", "image", data, mimeType)
	if err != nil {
		return MessagesBlock{}, err
	}
	if !anthropicImageTypes[mt] {
		return MessagesBlock{}, errorf("ImageBytesBlock", "MIME type %q is not image/png, image/jpeg, image/gif or image/webp", mimeType)
	}
	src := unionOf((*gen.AnthropicImageBlockParamSource).FromAnthropicBase64ImageSource, gen.AnthropicBase64ImageSource{
		Type: gen.AnthropicBase64ImageSourceTypeBase64, MediaType: gen.AnthropicImageMimeType(mt), Data: base64.StdEncoding.EncodeToString(data),
	})
	return unionOf((*MessagesBlock).FromAnthropicImageBlockParam, gen.AnthropicImageBlockParam{Type: gen.AnthropicImageBlockParamTypeImage, Source: src}), nil
}

// documentBlock returns a document block whose source set builds.
func documentBlock[S any](set func(*gen.AnthropicDocumentBlockParamSource, S) error, source S) MessagesBlock {
	src := unionOf(set, source)
	return unionOf((*MessagesBlock).FromAnthropicDocumentBlockParam, gen.AnthropicDocumentBlockParam{Type: gen.AnthropicDocumentBlockParamTypeDocument, Source: src})
}

// PDFURLBlock returns a document content block of a Messages API message
// that refers to a PDF by URL.
func PDFURLBlock(url string) MessagesBlock {
	return documentBlock((*gen.AnthropicDocumentBlockParamSource).FromAnthropicURLPdfSource, gen.AnthropicURLPdfSource{Type: gen.AnthropicURLPdfSourceTypeURL, URL: url})
}

// PDFBytesBlock returns a document content block of a Messages API
// message that carries the PDF document data, base64-encoded. It fails
// when data does not start like a PDF ("%PDF-").
func PDFBytesBlock(data []byte) (MessagesBlock, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return MessagesBlock{}, errorf("PDFBytesBlock", "data is not a PDF document (no %%PDF- header)")
	}
	return documentBlock((*gen.AnthropicDocumentBlockParamSource).FromAnthropicBase64PdfSource, gen.AnthropicBase64PdfSource{
		Type: gen.AnthropicBase64PdfSourceTypeBase64, MediaType: gen.AnthropicBase64PdfSourceMediaTypeApplicationPdf, Data: base64.StdEncoding.EncodeToString(data),
	}), nil
}

// TextDocumentBlock returns a document content block of a Messages API
// message whose content is plain text, which the model can cite.
func TextDocumentBlock(text string) MessagesBlock {
	return documentBlock((*gen.AnthropicDocumentBlockParamSource).FromAnthropicPlainTextSource, gen.AnthropicPlainTextSource{
		Type: gen.AnthropicPlainTextSourceTypeText, MediaType: gen.AnthropicPlainTextSourceMediaTypeTextPlain, Data: text,
	})
}

// FileDocumentBlock returns a document content block of a Messages API
// message that refers to a file uploaded with Files.Upload, by its id.
func FileDocumentBlock(fileID string) MessagesBlock {
	return documentBlock((*gen.AnthropicDocumentBlockParamSource).FromAnthropicFileDocumentSource, gen.AnthropicFileDocumentSource{Type: gen.AnthropicFileDocumentSourceTypeFile, FileID: fileID})
}

// ToolUseBlock returns a tool_use content block, for an assistant turn
// replayed with [MessagesAssistantBlocks]: the model's call of the tool
// name, with id and input (any value that marshals to a JSON object;
// nil means none). A [MessagesToolUse] of a result replays as
// ToolUseBlock(use.ID, use.Name, use.Input).
func ToolUseBlock(id, name string, input any) MessagesBlock {
	if input == nil {
		input = map[string]any{}
	}
	return unionOf((*MessagesBlock).FromMessagesBlockToolUse, gen.MessagesBlockToolUse{Type: gen.MessagesBlockToolUseTypeToolUse, ID: id, Name: name, Input: input})
}

// ToolResultBlock returns a tool_result content block that answers the
// tool_use block whose id is toolUseID with content; send it in a user
// message ([MessagesUserBlocks]).
//
//	for _, use := range resp.ToolUses() {
//		results = append(results, openrouter.ToolResultBlock(use.ID, run(use)))
//	}
//	msgs = append(msgs, openrouter.MessagesUserBlocks(results...))
func ToolResultBlock(toolUseID, content string) MessagesBlock {
	return toolResultBlock(toolUseID, content, nil)
}

// ToolErrorBlock returns a tool_result content block that reports the
// failure of the tool call toolUseID (is_error set), with message telling
// the model what went wrong.
func ToolErrorBlock(toolUseID, message string) MessagesBlock {
	return toolResultBlock(toolUseID, message, Ptr(true))
}

func toolResultBlock(toolUseID, content string, isError *bool) MessagesBlock {
	c := unionOf((*gen.MessagesToolResultContent).FromMessagesToolResultContentString, content)
	return unionOf((*MessagesBlock).FromMessagesBlockToolResult, gen.MessagesBlockToolResult{
		Type: gen.MessagesBlockToolResultTypeToolResult, ToolUseID: toolUseID, Content: &c, IsError: isError,
	})
}
