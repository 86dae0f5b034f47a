package mcpopenrouter

import (
	"encoding/json"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func TestResultText(t *testing.T) {
	t.Parallel()
	size := int64(2048)
	tests := map[string]struct {
		res  *mcp.CallToolResult
		want string
	}{
		"empty": {&mcp.CallToolResult{}, ""},
		"text parts joined": {&mcp.CallToolResult{Content: []mcp.Content{
			&mcp.TextContent{Text: "one"}, &mcp.TextContent{Text: "two"},
		}}, "one\ntwo"},
		"structured only": {&mcp.CallToolResult{StructuredContent: map[string]any{"n": 1, "ok": true}}, `{"n":1,"ok":true}`},
		"structured with text": {&mcp.CallToolResult{
			Content:           []mcp.Content{&mcp.TextContent{Text: "n is 1"}},
			StructuredContent: map[string]any{"n": 1},
		}, "n is 1"},
		"structured that does not encode": {&mcp.CallToolResult{StructuredContent: func() {}},
			"[structured content that does not encode as JSON: json: unsupported type: func()]"},
		"image": {&mcp.CallToolResult{Content: []mcp.Content{
			&mcp.TextContent{Text: "a chart:"}, &mcp.ImageContent{MIMEType: "image/png", Data: make([]byte, 5120)},
		}}, "a chart:\n[image: image/png, 5120 bytes]"},
		"audio": {&mcp.CallToolResult{Content: []mcp.Content{&mcp.AudioContent{MIMEType: "audio/wav", Data: []byte("RIFF")}}},
			"[audio: audio/wav, 4 bytes]"},
		"text resource": {&mcp.CallToolResult{Content: []mcp.Content{
			&mcp.EmbeddedResource{Resource: &mcp.ResourceContents{URI: "file:///notes.txt", MIMEType: "text/plain", Text: "buy milk"}},
		}}, "buy milk"},
		"binary resource": {&mcp.CallToolResult{Content: []mcp.Content{
			&mcp.EmbeddedResource{Resource: &mcp.ResourceContents{URI: "file:///a.pdf", MIMEType: "application/pdf", Blob: []byte("%PDF-")}},
		}}, "[resource: file:///a.pdf, application/pdf, 5 bytes]"},
		"resource without contents": {&mcp.CallToolResult{Content: []mcp.Content{&mcp.EmbeddedResource{}}}, "[resource]"},
		"resource link": {&mcp.CallToolResult{Content: []mcp.Content{
			&mcp.ResourceLink{URI: "file:///big.csv", Name: "big.csv", MIMEType: "text/csv", Size: &size, Description: "all rows"},
		}}, `[resource link: file:///big.csv, "big.csv", text/csv, 2048 bytes, "all rows"]`},
		"nil part": {&mcp.CallToolResult{Content: []mcp.Content{nil, &mcp.TextContent{Text: "x"}}}, "\nx"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := resultText(tc.res); got != tc.want {
				t.Errorf("resultText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCallArguments(t *testing.T) {
	t.Parallel()
	tests := map[string]struct{ in, want, err string }{
		"object":     {in: ` {"city": "Paris", "n": 12345678901234567890} `, want: `{"city": "Paris", "n": 12345678901234567890}`},
		"empty":      {in: "", want: "{}"},
		"blank":      {in: " \n", want: "{}"},
		"null":       {in: "null", want: "{}"},
		"number":     {in: "42", err: "a number is not a JSON object"},
		"boolean":    {in: "true", err: "a boolean is not a JSON object"},
		"array":      {in: "[]", err: "an array is not a JSON object"},
		"truncated":  {in: `{"a":`, err: "unexpected end of JSON input"},
		"bad syntax": {in: `{a:1}`, err: "invalid character 'a' looking for beginning of object key string"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := callArguments(json.RawMessage(tc.in))
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Errorf("callArguments(%q) = %s, %v; want error %q", tc.in, got, err, tc.err)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Errorf("callArguments(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
			}
		})
	}
}

// FuzzCallArguments checks that no input panics and that what is accepted
// is a JSON object.
func FuzzCallArguments(f *testing.F) {
	for _, s := range []string{"{}", `{"a":[1,2]}`, "null", "[", `"x"`, ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := callArguments(json.RawMessage(in))
		if err != nil {
			return
		}
		var m map[string]any
		if json.Unmarshal(got, &m) != nil || m == nil {
			t.Errorf("callArguments(%q) accepted %s, which is not a JSON object", in, got)
		}
	})
}
