# EWSI Graph. The two commands: `make run` and `make test`.
SHELL := /bin/bash
GO_SOURCES := $(shell find . -name '*.go' -not -path './node_modules/*') go.mod go.sum
SCHEMA := $(wildcard schema/*.graphqls)
JAR := neo4j/target/ewsi-neo4j.jar
GOTEST_FLAGS ?= -timeout 60m

.PHONY: all build run test test-go test-browser fuzz-smoke bench generate clean

all: build

build: $(JAR) build/reference/countries.json build/web/index.html bin/ewsi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(JAR): neo4j/pom.xml $(shell find neo4j/src -name '*.java')
	mvn -B -q -f neo4j/pom.xml package -DskipTests

build/reference/countries.json: node_modules/.installed ingest/refdata/build.mjs
	node ingest/refdata/build.mjs

build/web/index.html: node_modules/.installed webmap/build.mjs $(shell find webmap/app -type f)
	node webmap/build.mjs

bin/ewsi: $(GO_SOURCES)
	go build -o bin/ewsi ./cmd/ewsi

## run: build everything, start the server (and the embedded Neo4j); Ctrl-C stops both.
run: build
	./bin/ewsi serve

## test: every test, against a real embedded Neo4j started by the tests themselves.
## The browser tests (./webmap, the longest package) start at once beside the others: they
## wait on pages more than they compute, so on 2 cores they overlap the Neo4j-bound packages;
## the fuzz smoke runs when the other packages are done, while ./webmap still runs.
test: build
	go vet ./...
	go test $(GOTEST_FLAGS) ./webmap & web=$$!; \
	go test $(GOTEST_FLAGS) $$(go list ./... | grep -vx 'ewsi/webmap'); rest=$$?; \
	$(MAKE) --no-print-directory fuzz-smoke; fuzz=$$?; \
	wait $$web; web=$$?; test $$rest -eq 0 -a $$web -eq 0 -a $$fuzz -eq 0

## fuzz-smoke: run each fuzz target of the ingest readers for a few seconds (no Neo4j needed).
FUZZ_TARGETS := FuzzJSONLines FuzzCSV FuzzRecord
FUZZTIME ?= 10s
fuzz-smoke:
	@for t in $(FUZZ_TARGETS); do \
	  go test ./ingest/readcheck -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

## generate: regenerate the GraphQL executor after changing schema/*.graphqls.
generate:
	go tool gqlgen generate

## bench: load scale 10 and measure; writes bench/results/*.json.
bench: build
	go run ./bench $(BENCH_FLAGS)

clean:
	rm -rf bin build neo4j/target

## bench-browser: only the browser part of the bench at scale 1 (issue 12's target): time to
## first markers (p50/p95, cold and warm) and the map page's weight on the wire.
.PHONY: bench-browser
bench-browser: build
	go run ./bench -scale 1 -only browser $(BENCH_FLAGS)

## screenshots: every page of the site in en, fr and de at desktop and phone size, with the
## demo data of scale 1, as PNGs with an index.html in test-artifacts/screenshots (not committed).
.PHONY: screenshots
screenshots: build
	go run ./bench -scale 1 -only screenshots $(BENCH_FLAGS)
