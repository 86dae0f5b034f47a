// Command images sends an image to a model that reads images, then asks
// an image model for two pictures and prints what came back: the media
// type, the size in pixels and in bytes of each.
//
//	go run ./examples/images
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/images
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // lets image.DecodeConfig read JPEG answers
	"image/png"
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

	// Image in: ImageBytesPart sends the image itself (as a data URL);
	// ImageURLPart sends a link the provider fetches, and ImageFilePart
	// reads a file. Here the image is a red square drawn in memory.
	square, err := redSquare(64)
	if err != nil {
		return err
	}
	part, err := openrouter.ImageBytesPart(square, "image/png")
	if err != nil {
		return err
	}
	seen, err := c.Chat.Send(ctx, openrouter.ChatRequest{
		Model: "openai/gpt-4o-mini", // a model whose input modalities include "image"
		Messages: []openrouter.ChatMessage{openrouter.UserMessage(
			openrouter.TextPart("In three words: what shape and colour is this?"),
			part,
		)},
	})
	if err != nil {
		return err
	}
	fmt.Printf("sent a %d-byte PNG; the model says: %s\n", len(square), seen.Text())

	// Images out: Images.Generate asks an image model for pictures, which
	// come back as base64 data with their media type.
	drawn, err := c.Images.Generate(ctx, openrouter.ImageRequest{
		Model:  "google/gemini-2.5-flash-image",
		Prompt: "a gopher reading a book, flat illustration",
		N:      openrouter.Ptr(2),
	})
	if err != nil {
		return err
	}
	fmt.Printf("%d images generated\n", len(drawn.Data))
	for i, img := range drawn.Data {
		data, err := base64.StdEncoding.DecodeString(img.B64Json)
		if err != nil {
			return fmt.Errorf("image %d: %w", i+1, err)
		}
		// A real program would save data, say with os.WriteFile.
		fmt.Printf("- image %d: %s, %s, %d bytes\n", i+1, orUnknown(img.MediaType), dimensions(data), len(data))
	}
	if u := drawn.Usage; u != nil && u.Cost != nil {
		fmt.Printf("[%d completion tokens, $%.4f]\n", u.CompletionTokens, *u.Cost)
	}
	return nil
}

// redSquare returns a PNG of a red square of side n pixels.
func redSquare(n int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	for y := range n {
		for x := range n {
			img.Set(x, y, color.RGBA{R: 220, A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// dimensions reads the width and height from the image's header, for
// the formats this program registered (PNG and JPEG).
func dimensions(data []byte) string {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "size unknown"
	}
	return fmt.Sprintf("%dx%d pixels", cfg.Width, cfg.Height)
}

func orUnknown(mediaType string) string {
	if mediaType == "" {
		return "unknown type"
	}
	return mediaType
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
