// Package offline gives the examples a client that works with or without an
// API key: the real OpenRouter API when $OPENROUTER_API_KEY is set, and
// otherwise the fake OpenRouter of package openroutertest, started in
// process, so every example runs on a fresh machine with no account.
package offline

import (
	"fmt"
	"io"
	"os"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Notice is the line Client prints when it falls back to the fake server.
const Notice = "offline: OPENROUTER_API_KEY is not set, so this runs against the built-in fake OpenRouter server " +
	"(answers are canned); set OPENROUTER_API_KEY=sk-or-... to call the real API."

// Client returns a client for the real API when $OPENROUTER_API_KEY is set.
// Otherwise it starts the fake server, writes [Notice] to w and returns a
// client for it. The returned stop function shuts the fake server down (it
// does nothing for the real API); call it when done. opts apply in both
// cases.
func Client(w io.Writer, opts ...openrouter.Option) (*openrouter.Client, func(), error) {
	if strings.TrimSpace(os.Getenv("OPENROUTER_API_KEY")) != "" {
		c, err := openrouter.NewClient(opts...)
		return c, func() {}, err
	}
	srv, err := openroutertest.New()
	if err != nil {
		return nil, nil, fmt.Errorf("start the fake server: %w", err)
	}
	c, err := srv.Client(opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	fmt.Fprintln(w, Notice)
	return c, srv.Close, nil
}

// Main runs an example's body with a client and exits with status 1 and the
// error on stderr when it fails. The offline notice goes to stderr, so
// stdout carries only the example's own output.
func Main(run func(c *openrouter.Client) error, opts ...openrouter.Option) {
	c, stop, err := Client(os.Stderr, opts...)
	if err == nil {
		err = run(c)
		stop()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
