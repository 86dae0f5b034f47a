# Build and check targets. `make test` is what CI runs.
GO        ?= go
TOOL      := $(GO) tool -modfile=internal/tools/go.mod
GEN_OUT   := gen/openrouter.gen.go

.PHONY: all generate check-generated lint fmt vet staticcheck test test-short tidy-check bench

all: test

## generate: regenerate gen/ from openapi.yaml
generate:
	$(GO) generate ./...

## check-generated: fail with a diff if gen/ is not what openapi.yaml produces
check-generated:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	sed "s#^output: .*#output: $$tmp/out.go#" oapi-codegen.yaml > "$$tmp/config.yaml"; \
	$(TOOL) oapi-codegen -config "$$tmp/config.yaml" openapi.yaml || exit 1; \
	if ! diff -u $(GEN_OUT) "$$tmp/out.go" > "$$tmp/diff"; then \
		head -n 60 "$$tmp/diff"; \
		echo "gen/ is stale or hand-edited: run 'make generate' and commit the result" >&2; exit 1; \
	fi; \
	echo "check-generated: gen/ matches openapi.yaml"

## lint: gofmt, go vet and staticcheck (pinned in internal/tools/go.mod)
lint: fmt vet staticcheck

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(TOOL) staticcheck ./...

## tidy-check: go.mod and go.sum are tidy
tidy-check:
	$(GO) mod tidy -diff

## test: everything CI checks
test: check-generated tidy-check lint
	$(GO) test -race -count=1 ./...

## test-short: the Go tests alone, without the race detector
test-short:
	$(GO) test ./...

## bench: the SDK against a hand-written net/http + encoding/json baseline,
## interleaved rounds, medians and ours/baseline ratios (BENCHFLAGS: e.g.
## -rounds 9 -benchtime 1s -run Stream)
BENCHFLAGS ?=
bench:
	$(GO) run ./bench/cmd/benchtable $(BENCHFLAGS)
