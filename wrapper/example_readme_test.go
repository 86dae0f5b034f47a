package openrouter_test

import (
	"context"
	"fmt"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// readmeTour is the Go code of README.md, line for line (TestReadmeCode
// checks that they match), so the README's snippet always compiles.
func readmeTour(ctx context.Context, extra ...openrouter.Option) error {
	// README:begin
	client, err := openrouter.NewClient(extra...) // reads $OPENROUTER_API_KEY
	if err != nil {
		return err
	}
	resp, err := client.Chat.Send(ctx, openrouter.ChatRequest{
		Model:    openrouter.Ptr("openai/gpt-4o-mini"),
		Messages: []openrouter.ChatMessage{openrouter.UserText("Hello!")},
	})
	if err != nil {
		return err
	}
	fmt.Println(resp.Text())
	// README:end
	return nil
}

// Example_readme runs the README's snippet against the fake server.
func Example_readme() {
	srv, err := openroutertest.New()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	if err := readmeTour(context.Background(), openrouter.WithBaseURL(srv.URL()), openrouter.WithAPIKey(openroutertest.TestAPIKey)); err != nil {
		panic(err)
	}
	// Output: You said: Hello!
}
