# Build and check targets. `make test` is what CI runs.
GO        ?= go
TOOL      := $(GO) tool -modfile=internal/tools/go.mod
GEN_CONFIGS := oapi-codegen.types.yaml oapi-codegen.client.yaml
# Redocly CLI for lint-spec and docs: pinned, fetched by npx on first use
# (needs Node.js >= 20.19 and the npm registry once; cached afterwards).
REDOCLY_VERSION := 2.77.0
REDOCLY   := npx --yes @redocly/cli@$(REDOCLY_VERSION)
DOCS_OUT  := docs/api.html
DOCS_SHOT := docs/api.png
# The browser check's node modules (npm writes this file last).
DOCS_NODE := docs/check/node_modules/.package-lock.json
CHROMIUM  ?= /usr/bin/chromium

.PHONY: all generate check-generated lint fmt vet staticcheck test test-short quick test-live tidy-check lint-spec docs check-docs bench

all: test

## generate: regenerate gen/ from openapi.yaml
generate:
	$(GO) generate ./...

## check-generated: fail with a diff if gen/ is not what openapi.yaml produces
check-generated:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; stale=0; outs=""; \
	for cfg in $(GEN_CONFIGS); do \
		out=$$(sed -n 's#^output: *##p' "$$cfg"); outs="$$outs $$out"; \
		sed "s#^output: .*#output: $$tmp/out.go#" "$$cfg" > "$$tmp/config.yaml"; \
		$(TOOL) oapi-codegen -config "$$tmp/config.yaml" openapi.yaml || exit 1; \
		if ! diff -u "$$out" "$$tmp/out.go" > "$$tmp/diff"; then \
			head -n 60 "$$tmp/diff"; stale=1; \
		fi; \
	done; \
	extra=$$(for f in gen/*.go; do case " $$outs " in *" $$f "*) ;; *) echo "$$f";; esac; done); \
	if [ -n "$$extra" ]; then echo "gen/ has files no config generates: $$extra" >&2; stale=1; fi; \
	if [ $$stale = 1 ]; then \
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

## test: everything CI checks. go test's own vet pass is off (-vet=off)
## because `make vet` has just run every vet analyzer on the same packages,
## test files included; vetting them again under -race compiled them again.
test: check-generated tidy-check lint
	$(GO) test -race -count=1 -vet=off ./...
	cd otelopenrouter && $(GO) mod tidy -diff && $(GO) vet ./... && $(GO) tool -modfile=../internal/tools/go.mod staticcheck ./... && $(GO) test -race -count=1 -vet=off ./...
	cd mcpopenrouter && $(GO) mod tidy -diff && $(GO) vet ./... && $(GO) tool -modfile=../internal/tools/go.mod staticcheck ./... && $(GO) test -race -count=1 -vet=off ./...

## test-live: the tests against the real API (skipped without $OPENROUTER_API_KEY)
test-live:
	$(GO) test -tags live -count=1 -v ./tests/live/

## test-short: the Go tests alone, without the race detector (results of
## unchanged packages come from the test cache)
test-short:
	$(GO) test ./...

## quick: the edit loop: gofmt, go vet and go test -short (no race detector;
## -short skips building and running the example programs and the binary
## size check; cached results of unchanged packages are reused)
quick: fmt vet
	$(GO) test -short ./...

## lint-spec: openapi.yaml against Redocly's recommended rules (.redocly.yaml,
## accepted exceptions in .redocly.lint-ignore.yaml)
lint-spec:
	$(REDOCLY) lint --config .redocly.yaml

## docs: the HTML API reference, one self-contained file, in docs/api.html
## (gitignored). --inlineBundle puts Redoc's script in the page, so it works
## from disk with no network; Redoc's footer badge still asks Redocly's CDN
## for a logo, so the build points it at an empty data: URL (the badge
## hides an image that does not load). .redocly.yaml turns telemetry off.
docs:
	@mkdir -p $(dir $(DOCS_OUT))
	$(REDOCLY) build-docs openapi.yaml --config .redocly.yaml --inlineBundle --output $(DOCS_OUT).tmp
	sed -E 's#https://cdn\.redoc\.ly/redoc/logo-mini(-full)?\.svg#data:,#g' $(DOCS_OUT).tmp > $(DOCS_OUT)
	@rm -f $(DOCS_OUT).tmp

## check-docs: build the reference, open it from disk in headless Chromium
## with the network off (docs/check/check.mjs, playwright-core pinned in
## docs/check/package-lock.json) and check that it renders every operation's
## summary, that its search finds an operation, and that it makes no network
## request; leaves a screenshot of the first screen in docs/api.png.
## Installs Debian's chromium with apt-get when $(CHROMIUM) is missing.
check-docs: docs $(DOCS_NODE)
	@CHROMIUM=$(CHROMIUM) sh docs/check/ensure-chromium.sh
	CHROMIUM=$(CHROMIUM) node docs/check/check.mjs $(DOCS_OUT) openapi.yaml $(DOCS_SHOT)

$(DOCS_NODE): docs/check/package.json docs/check/package-lock.json
	cd docs/check && npm ci --no-audit --no-fund --loglevel=error

## bench: the SDK against a hand-written net/http + encoding/json baseline,
## interleaved rounds, medians and ours/baseline ratios (BENCHFLAGS: e.g.
## -rounds 9 -benchtime 1s -run Stream)
BENCHFLAGS ?=
bench:
	$(GO) run ./bench/cmd/benchtable $(BENCHFLAGS)
