// Command specdiff reports what a newer upstream OpenRouter OpenAPI
// document describes that our openapi.yaml lacks. It is the first step of
// the update workflow in MAINTAINING.md:
//
//	go run ./internal/cmd/specdiff -upstream openrouter-openapi.yaml
//
// Both documents may be OpenAPI 3.0 or 3.1. Operations are matched by
// method and path (path parameter names are ignored). For each operation
// present in both, the fields reachable from the parameters, the JSON or
// form request body and the 2xx responses (JSON, and the event data of
// text/event-stream) are compared: $refs are followed, allOf branches are
// merged, and the branches of a union of several kinds (each naming its
// kind through the discriminator's property, or a one-value "type") are
// compared kind by kind, shown as path<type="image">; other anyOf/oneOf
// branches are merged into one set of fields per path.
// Four kinds of difference are printed:
//
//	missing operation   upstream has an operation we lack
//	missing field       upstream has a field (body.x, response.y[].z, ...) we lack
//	missing enum value  a field of ours is an enum without some upstream value
//	type change         upstream allows a JSON type ours does not (null included)
//
// An upstream integer is always covered by our number. An upstream number
// where ours says integer is not reported unless -strict-numbers is given:
// openapi.yaml deliberately types counts (tokens, token ids, limits) as
// integers where upstream writes number/double. A query parameter that
// upstream writes as a string "true"/"false" and ours as a boolean is not
// reported either: the wire text is the same. Only what upstream has
// and we lack is reported; additions of ours are not.
//
// Exit status: 0 when nothing is missing, 1 when differences were
// printed, 2 on errors (bad flags, unreadable or invalid documents).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("specdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	upstream := fs.String("upstream", "", "the newer upstream OpenAPI document (YAML or JSON; required)")
	ours := fs.String("spec", "openapi.yaml", "our OpenAPI document")
	depth := fs.Int("max-depth", 8, "how deep to follow nested fields")
	summary := fs.Bool("summary", false, "print only the counts")
	strictNumbers := fs.Bool("strict-numbers", false, "also report upstream number where ours says integer")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./internal/cmd/specdiff -upstream FILE [-spec openapi.yaml] [-max-depth 8] [-summary] [-strict-numbers]")
		fmt.Fprintln(stderr, "Prints what FILE describes that -spec lacks; exit 0 if nothing, 1 if something, 2 on errors.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *upstream == "" || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	theirs, err := loadDoc(*upstream)
	if err != nil {
		fmt.Fprintln(stderr, "specdiff:", err)
		return 2
	}
	mine, err := loadDoc(*ours)
	if err != nil {
		fmt.Fprintln(stderr, "specdiff:", err)
		return 2
	}
	rep := compare(mine, theirs, options{maxDepth: *depth, strictNumbers: *strictNumbers})
	rep.print(stdout, *summary)
	if rep.empty() {
		return 0
	}
	return 1
}
