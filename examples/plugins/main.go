// Command plugins uses two of OpenRouter's request plugins: web search,
// which adds search results to the prompt before the model answers, and
// the file parser, which turns a PDF sent with the message into text the
// model can read.
//
//	go run ./examples/plugins
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/plugins
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()

	// Web search: OpenRouter searches first (here at most three results)
	// and puts what it found into the prompt. The WebSearchTool server
	// tool is the other way: the model decides when to search.
	web, err := c.Chat.Send(ctx, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText("What is the latest released version of Go?")},
		Plugins: []openrouter.Plugin{
			openrouter.WebSearchPlugin(openrouter.WebSearchPluginOptions{MaxResults: openrouter.Ptr(3)}),
		},
	})
	if err != nil {
		return err
	}
	fmt.Println("web search:", web.Text())

	// A PDF: PDFBytesPart carries the file in the message (PDFFilePart
	// reads one from disk, FileURLPart points to one on the web), and
	// PDFPlugin picks the engine that reads it: PDFEngineCloudflareAI
	// extracts the text layer for free, PDFEngineMistralOCR reads scans,
	// PDFEngineNative hands the file to models that read PDFs themselves.
	pdf, err := openrouter.PDFBytesPart(tinyPDF("Invoice 42: three gophers, 12 euros each."), "invoice.pdf")
	if err != nil {
		return err
	}
	doc, err := c.Chat.Send(ctx, openrouter.ChatRequest{
		Model: "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserMessage(
			openrouter.TextPart("What is the total of this invoice?"),
			pdf,
		)},
		Plugins: []openrouter.Plugin{openrouter.PDFPlugin(openrouter.PDFEngineCloudflareAI)},
	})
	if err != nil {
		return err
	}
	fmt.Println("pdf:", doc.Text())
	if t, ok := doc.Tokens(); ok {
		fmt.Printf("[pdf request: %d prompt tokens, %d completion tokens]\n", t.Input, t.Output)
	}
	return nil
}

// tinyPDF returns a one-page PDF document that shows text (without
// parentheses or backslashes, which PDF strings would need escaped), so
// that this example needs no file. A real program reads one with
// os.ReadFile or uses openrouter.PDFFilePart.
func tinyPDF(text string) []byte {
	content := fmt.Sprintf("BT /F1 18 Tf 40 100 Td (%s) Tj ET", text)
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, obj := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, obj)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// newClient returns a client for the real OpenRouter API when
// $OPENROUTER_API_KEY is set. Without a key it starts the fake OpenRouter
// of package openroutertest in this process (canned answers; it checks
// every request against the API's OpenAPI document), says so on stderr and
// returns a client for it; stop shuts the fake down. In your own program,
// openrouter.NewClient(opts...) is all you need, and leaving the fake out
// keeps kin-openapi out of your binary.
func newClient(opts ...openrouter.Option) (client *openrouter.Client, stop func(), err error) {
	if os.Getenv("OPENROUTER_API_KEY") != "" {
		client, err = openrouter.NewClient(opts...)
		return client, func() {}, err
	}
	srv, err := openroutertest.New()
	if err != nil {
		return nil, nil, fmt.Errorf("start the fake OpenRouter: %w", err)
	}
	client, err = srv.Client(opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	fmt.Fprintln(os.Stderr, "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server "+
		"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API.")
	return client, srv.Close, nil
}
