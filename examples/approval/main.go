// Command approval runs an agent whose file deletions need a person's
// approval: the run pauses when the model asks to delete a file, its state
// is saved to a JSON file (as a program would before asking someone, who
// may answer hours later, in another process), and the run is resumed
// from that file with the decision.
//
//	go run ./examples/approval
//	go run ./examples/approval -reject
//	OPENROUTER_API_KEY=sk-or-... go run ./examples/approval "Clean up /tmp/report-2023.txt"
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// fileArgs are the arguments of delete_file.
type fileArgs struct {
	Path string `json:"path" jsonschema:"the path of the file to delete"`
}

func main() {
	reject := flag.Bool("reject", false, "reject the deletion instead of approving it")
	flag.Parse()
	request := "Please use delete_file to remove /tmp/report-2023.txt"
	if flag.NArg() > 0 {
		request = strings.Join(flag.Args(), " ")
	}
	if err := run(request, !*reject); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// tools are the agent's tools; the same list is passed when the run is
// resumed, since a saved state holds no Go functions.
func tools() ([]*openrouter.ToolHandler, error) {
	del, err := openrouter.NewToolHandler("delete_file", "Delete a file",
		func(ctx context.Context, args fileArgs) (string, error) {
			// A real program would call os.Remove(args.Path) here.
			fmt.Printf("tool delete_file(%q) ran\n", args.Path)
			return "deleted " + args.Path, nil
		})
	if err != nil {
		return nil, err
	}
	return []*openrouter.ToolHandler{del}, nil
}

// needsApproval says which calls wait for a person: every deletion.
var needsApproval = openrouter.WithApproval(openrouter.ApprovalFor("delete_file"))

func run(request string, approve bool) error {
	c, stop, err := newClient()
	if err != nil {
		return err
	}
	defer stop()
	handlers, err := tools()
	if err != nil {
		return err
	}
	ctx := context.Background()

	// 1. Run until the model wants to delete something.
	res, err := openrouter.RunTools(ctx, c, openrouter.ChatRequest{
		Model:    "openai/gpt-4o-mini",
		Messages: []openrouter.ChatMessage{openrouter.UserText(request)},
	}, handlers, needsApproval)
	if !errors.Is(err, openrouter.ErrApprovalRequired) {
		if err != nil {
			return err
		}
		fmt.Printf("no approval was needed: %s\n", res.Text())
		return nil
	}
	for _, call := range res.Pending {
		fmt.Printf("waiting for approval: %s %s (call %s)\n", call.Function.Name, call.Function.Arguments, call.ID)
	}

	// 2. Save the paused run, as the program would before asking.
	dir, err := os.MkdirTemp("", "approval-example")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	saved := filepath.Join(dir, "run.json")
	data, err := json.Marshal(res.State)
	if err != nil {
		return err
	}
	if err := os.WriteFile(saved, data, 0o600); err != nil {
		return err
	}
	fmt.Printf("saved the paused run (%d bytes of JSON)\n", len(data))

	// 3. Later, perhaps in another process: load it and decide.
	data, err = os.ReadFile(saved)
	if err != nil {
		return err
	}
	var state openrouter.RunState
	if err := json.Unmarshal(data, &state); err != nil {
		return err
	}
	var decisions []openrouter.ApprovalDecision
	for _, call := range state.Pending() {
		if approve {
			fmt.Printf("approved call %s\n", call.ID)
			decisions = append(decisions, openrouter.Approve(call.ID))
		} else {
			fmt.Printf("rejected call %s\n", call.ID)
			decisions = append(decisions, openrouter.Reject(call.ID, "the user wants to keep that file"))
		}
	}
	res, err = openrouter.ResumeTools(ctx, c, &state, handlers, decisions, needsApproval)
	if err != nil {
		return err
	}
	fmt.Printf("answer: %s\n", res.Text())
	fmt.Printf("[%d requests in all, $%.6f]\n", res.Steps, res.Cost)
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
