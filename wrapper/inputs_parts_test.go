package openrouter_test

import (
	"context"
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// must returns v; a constructor's error is a bug in the test.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

var (
	pdfData = []byte("%PDF-1.4\n")
	wavData = []byte("RIFF")
	mp4Data = []byte("ftyp")
)

// The parts and blocks that carry media marshal to the API's JSON.
func TestMediaPartConstructors(t *testing.T) {
	t.Parallel()
	call := openrouter.ResponsesFunctionCall{CallID: "call_1", Name: "get_weather", Arguments: `{"city":"Paris"}`}
	tests := map[string]marshalCase{
		"responses user parts": {
			openrouter.InputUserParts(
				openrouter.InputTextPart("what is this?"),
				openrouter.InputImagePart("https://example.com/a.png"),
				must(openrouter.InputImageBytesPart([]byte("PNG"), "image/png", openrouter.ImageDetailHigh)),
				openrouter.InputFileURLPart("https://example.com/a.pdf", "a.pdf"),
				must(openrouter.InputFileBytesPart(pdfData, "application/pdf", "b.pdf")),
				openrouter.InputFileIDPart("file-1"),
			),
			`{"type":"message","role":"user","content":[
				{"type":"input_text","text":"what is this?"},
				{"type":"input_image","image_url":"https://example.com/a.png","detail":"auto"},
				{"type":"input_image","image_url":"data:image/png;base64,UE5H","detail":"high"},
				{"type":"input_file","file_url":"https://example.com/a.pdf","filename":"a.pdf"},
				{"type":"input_file","file_data":"data:application/pdf;base64,JVBERi0xLjQK","filename":"b.pdf"},
				{"type":"input_file","file_id":"file-1"}]}`,
		},
		"responses function call replayed": {
			openrouter.InputItems(openrouter.InputFunctionCall(call), openrouter.InputFunctionOutput("call_1", "20C")),
			`[{"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"},
				{"type":"function_call_output","call_id":"call_1","output":"20C"}]`,
		},
		"embed audio, video and file": {
			openrouter.EmbedMultimodal(
				must(openrouter.EmbedAudioPart(wavData, "audio/wav")),
				must(openrouter.EmbedAudioPart(wavData, "audio/mpeg")),
				must(openrouter.EmbedVideoPart(mp4Data, "video/mp4")),
				must(openrouter.EmbedFilePart(pdfData, "application/pdf")),
			),
			`[{"content":[
				{"type":"input_audio","input_audio":{"data":"data:audio/wav;base64,UklGRg==","format":"wav"}},
				{"type":"input_audio","input_audio":{"data":"data:audio/mpeg;base64,UklGRg==","format":"mp3"}},
				{"type":"input_video","input_video":{"data":"data:video/mp4;base64,ZnR5cA==","format":"mp4"}},
				{"type":"input_file","input_file":{"data":"data:application/pdf;base64,JVBERi0xLjQK","format":"pdf"}}]}]`,
		},
		"messages media blocks": {
			openrouter.MessagesUserBlocks(
				must(openrouter.ImageBytesBlock([]byte("PNG"), "image/png")),
				openrouter.PDFURLBlock("https://example.com/a.pdf"),
				must(openrouter.PDFBytesBlock(pdfData)),
				openrouter.TextDocumentBlock("The manual."),
				openrouter.FileDocumentBlock("file-1"),
			),
			`{"role":"user","content":[
				{"type":"image","source":{"type":"base64","media_type":"image/png","data":"UE5H"}},
				{"type":"document","source":{"type":"url","url":"https://example.com/a.pdf"}},
				{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0xLjQK"}},
				{"type":"document","source":{"type":"text","media_type":"text/plain","data":"The manual."}},
				{"type":"document","source":{"type":"file","file_id":"file-1"}}]}`,
		},
		"messages tool turn": {
			[]openrouter.MessagesMessage{
				openrouter.MessagesAssistantBlocks(openrouter.TextBlock("Let me check."), openrouter.ToolUseBlock("tu_1", "get_weather", map[string]any{"city": "Paris"}), openrouter.ToolUseBlock("tu_2", "now", nil)),
				openrouter.MessagesUserBlocks(openrouter.ToolResultBlock("tu_1", "20C"), openrouter.ToolErrorBlock("tu_2", "clock broken")),
			},
			`[{"role":"assistant","content":[
				{"type":"text","text":"Let me check."},
				{"type":"tool_use","id":"tu_1","name":"get_weather","input":{"city":"Paris"}},
				{"type":"tool_use","id":"tu_2","name":"now","input":{}}]},
			  {"role":"user","content":[
				{"type":"tool_result","tool_use_id":"tu_1","content":"20C"},
				{"type":"tool_result","tool_use_id":"tu_2","content":"clock broken","is_error":true}]}]`,
		},
	}
	checkMarshal(t, tests)
}

// The constructors that take bytes refuse what the API would refuse.
func TestMediaPartConstructorErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		err  error
		want string
	}{
		"image bytes, no data":      {second(openrouter.InputImageBytesPart(nil, "image/png")), "openrouter: InputImageBytesPart: no data"},
		"image bytes, not an image": {second(openrouter.InputImageBytesPart(pdfData, "application/pdf")), `openrouter: InputImageBytesPart: MIME type "application/pdf" is not image/*`},
		"file bytes, no MIME type":  {second(openrouter.InputFileBytesPart(pdfData, "", "a.pdf")), "openrouter: InputFileBytesPart: a MIME type is required"},
		"embed audio, video type":   {second(openrouter.EmbedAudioPart(mp4Data, "video/mp4")), `openrouter: EmbedAudioPart: MIME type "video/mp4" is not audio/*`},
		"embed video, no data":      {second(openrouter.EmbedVideoPart(nil, "video/mp4")), "openrouter: EmbedVideoPart: no data"},
		"embed file, bad MIME type": {second(openrouter.EmbedFilePart(pdfData, "pdf")), `openrouter: EmbedFilePart: malformed MIME type "pdf"`},
		"image block, bmp":          {second(openrouter.ImageBytesBlock([]byte("BM"), "image/bmp")), `openrouter: ImageBytesBlock: MIME type "image/bmp" is not image/png, image/jpeg, image/gif or image/webp`},
		"pdf block, not a pdf":      {second(openrouter.PDFBytesBlock([]byte("hello"))), "openrouter: PDFBytesBlock: data is not a PDF document (no %PDF- header)"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if tc.err == nil || !strings.HasPrefix(tc.err.Error(), tc.want) {
				t.Errorf("error %v, want one starting %q", tc.err, tc.want)
			}
		})
	}
}

func second[T any](_ T, err error) error { return err }

// Requests built with the media constructors pass the fake server's spec
// validation.
func TestMediaPartsThroughFakeServer(t *testing.T) {
	t.Parallel()
	_, client := newFake(t)
	ctx := context.Background()
	call := openrouter.ResponsesFunctionCall{CallID: "call_1", Name: "get_weather", Arguments: `{}`}
	if _, err := client.Beta.Responses.Send(ctx, openrouter.ResponsesRequest{
		Model: "openai/gpt-4o",
		Input: openrouter.InputItems(
			openrouter.InputUserParts(openrouter.InputTextPart("Compare."), openrouter.InputImagePart("https://example.com/a.png"),
				must(openrouter.InputFileBytesPart(pdfData, "application/pdf", "a.pdf")), openrouter.InputFileIDPart("file-1")),
			openrouter.InputFunctionCall(call),
			openrouter.InputFunctionOutput("call_1", "20C"),
		),
	}); err != nil {
		t.Errorf("Responses.Send: %v", err)
	}
	if _, err := client.Messages.Send(ctx, openrouter.MessagesRequest{
		Model:     "anthropic/claude-sonnet-4.5",
		MaxTokens: openrouter.Ptr(100),
		Messages: []openrouter.MessagesMessage{
			openrouter.MessagesUserBlocks(must(openrouter.ImageBytesBlock([]byte("PNG"), "image/png")), must(openrouter.PDFBytesBlock(pdfData)),
				openrouter.TextDocumentBlock("manual"), openrouter.PDFURLBlock("https://example.com/a.pdf"), openrouter.FileDocumentBlock("file-1"), openrouter.TextBlock("Weather?")),
			openrouter.MessagesAssistantBlocks(openrouter.ToolUseBlock("tu_1", "get_weather", map[string]any{"city": "Paris"})),
			openrouter.MessagesUserBlocks(openrouter.ToolResultBlock("tu_1", "20C")),
		},
	}); err != nil {
		t.Errorf("Messages.Send: %v", err)
	}
	if _, err := client.Embeddings.Generate(ctx, openrouter.EmbeddingsRequest{
		Model: "some/multimodal-embedder",
		Input: openrouter.EmbedMultimodal(openrouter.EmbedTextPart("a song"), must(openrouter.EmbedAudioPart(wavData, "audio/wav")),
			must(openrouter.EmbedVideoPart(mp4Data, "video/mp4")), must(openrouter.EmbedFilePart(pdfData, "application/pdf"))),
	}); err != nil {
		t.Errorf("Embeddings.Generate: %v", err)
	}
}
