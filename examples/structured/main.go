// Command structured gets an answer as a Go value: the request carries a
// JSON Schema derived from a Go struct, the model answers in that shape,
// and ParseInto decodes the answer into the struct.
//
//	go run ./examples/structured
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/structured "The Hobbit"
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// book is the shape of the answer. The json tags name the fields of the
// schema; a `jsonschema:"..."` tag describes a field to the model. Every
// field is required (no omitempty), as strict mode wants.
type book struct {
	Title  string   `json:"title"`
	Author string   `json:"author"`
	Year   int      `json:"year" jsonschema:"year of first publication"`
	Genres []string `json:"genres" jsonschema:"one to three genres"`
}

func main() {
	title := "Nineteen Eighty-Four"
	if len(os.Args) > 1 {
		title = strings.Join(os.Args[1:], " ")
	}
	if err := run(context.Background(), title); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, title string) error {
	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()

	// ResponseFormatFor derives a strict JSON Schema from the type; the
	// name (here "book") is the schema's name in the request.
	format, err := openrouter.ResponseFormatFor[book]("book")
	if err != nil {
		return err
	}
	resp, err := c.Chat.Send(ctx, openrouter.ChatRequest{
		Model:          "openai/gpt-4o-mini", // a model that supports structured outputs
		Messages:       []openrouter.ChatMessage{openrouter.UserText("Describe the book " + title + ".")},
		ResponseFormat: format,
	})
	if err != nil {
		return err
	}

	// ParseInto decodes the answer's text; when it does not fit the type
	// the *ParseError quotes the text.
	b, err := openrouter.ParseInto[book](resp)
	var perr *openrouter.ParseError
	if errors.As(err, &perr) {
		return fmt.Errorf("the answer is not a book: %w (text: %q)", err, perr.Text)
	}
	if err != nil {
		return err
	}
	fmt.Printf("parsed into %T\n", b)
	fmt.Printf("title:  %s\n", b.Title)
	fmt.Printf("author: %s\n", b.Author)
	fmt.Printf("year:   %d\n", b.Year)
	fmt.Printf("genres: %s\n", strings.Join(b.Genres, ", "))
	return nil
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
