# Precis: `make run` starts the server, `make test` runs every test. Both install what a fresh
# Debian machine is missing first (apt packages; Swift itself must be on the PATH).

SWIFT       ?= swift
PYTHON      ?= /usr/bin/python3
ARGS        ?=
APT_PACKAGES = pkg-config libxml2-dev libprotobuf-c-dev protobuf-c-compiler protobuf-compiler python3 python3-protobuf \
               python3-pytest gcc make valgrind
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps build release run test test-swift test-release smoke test-python test-c proto check-proto fuzz clean

FUZZ_SECONDS ?= 60
FUZZ_FLAGS   = -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
               -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld

help:
	@echo "make run          install what is missing, build precisd (release) and run it (ARGS='--port 7450 ...')"
	@echo "make test         install what is missing, check generated code, build, run Swift, Python and C tests"
	@echo "make proto        regenerate the C, Swift and Python code from Proto/"
	@echo "make check-proto  fail if the committed generated code is stale"
	@echo "make release      build precisd, precis, precis-bench (release) into .build/release"
	@echo "make smoke        end-to-end smoke of the release binaries (scripts/smoke-release.sh)"
	@echo "make test-release the CLI's property tests and the miscompile check, built with -c release"
	@echo "make fuzz         run the libFuzzer targets (wire, engine, client, jsonl) FUZZ_SECONDS each (default 60)"
	@echo "make deps         install the Debian packages that are missing (every target does this first)"
	@echo "make build        debug build of everything"
	@echo "make test-swift   the Swift test suites (debug)"
	@echo "make test-python  the Python clients' pytest suite against a real precisd"
	@echo "make test-c       the C client's tests under valgrind"
	@echo "make clean        remove the build directories"

deps:
	@command -v $(SWIFT) >/dev/null || { echo "Swift is not on the PATH: install Swift 6.1 or newer (swift.org/install)"; exit 1; }
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product precisd
	$(SWIFT) build -c release --product precis
	$(SWIFT) build -c release --product precis-bench

run: release
	exec .build/release/precisd $(ARGS)

proto: deps
	dev/generate-proto.sh

check-proto: deps
	dev/check-generated-code.sh

test: deps check-proto test-swift test-python test-c smoke test-release

test-swift: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# What users run: the release binaries, end to end (every subcommand and output mode, the exit
# codes, a few seconds of precis-bench).
smoke: release
	scripts/smoke-release.sh .build/release

# Suites whose bugs only show with optimization on, built in the release configuration (in a
# scratch path of their own, so the shipped binaries above are built without -enable-testing).
RELEASE_TEST_FLAGS = -c release --scratch-path .build-release-tests -Xswiftc -enable-testing
test-release: deps
	$(SWIFT) build $(RELEASE_TEST_FLAGS) --build-tests
	$(SWIFT) test $(RELEASE_TEST_FLAGS) --skip-build --filter PrecisCLITests

# The Python package's pytest suite (sync and asyncio clients, and test_interop.py's checks)
# against a real precisd started by the tests.
test-python: deps
	$(SWIFT) build --product precisd
	PRECISD=$(CURDIR)/.build/debug/precisd $(PYTHON) -m pytest -q -p no:cacheprovider Clients/python/tests

# The C client (Clients/c) built with gcc on libprotobuf-c, run against a real precisd under
# valgrind (a leak or an invalid read fails it).
test-c: deps
	$(SWIFT) build --product precisd
	$(MAKE) -C Clients/c test PRECISD=$(CURDIR)/.build/debug/precisd

# libFuzzer with AddressSanitizer: frames and messages (fuzz-wire), parse/summarize/extract on
# any valid UTF-8 (fuzz-engine), what a server sends a client (fuzz-client) and `precis --jsonl`
# input (fuzz-jsonl). New inputs go to .build-fuzz/corpus; the seeds are Fuzz/corpus
# (dev/make-fuzz-corpus.py). A crash leaves its input as ./crash-* and fails the target.
fuzz: deps
	PRECIS_FUZZ=1 $(SWIFT) build $(FUZZ_FLAGS) --product fuzz-wire
	PRECIS_FUZZ=1 $(SWIFT) build $(FUZZ_FLAGS) --product fuzz-engine
	PRECIS_FUZZ=1 $(SWIFT) build $(FUZZ_FLAGS) --product fuzz-client
	PRECIS_FUZZ=1 $(SWIFT) build $(FUZZ_FLAGS) --product fuzz-jsonl
	mkdir -p .build-fuzz/corpus/wire .build-fuzz/corpus/engine .build-fuzz/corpus/client .build-fuzz/corpus/jsonl
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/fuzz-wire .build-fuzz/corpus/wire Fuzz/corpus/wire \
		-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/fuzz-engine .build-fuzz/corpus/engine Fuzz/corpus/engine \
		-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=8192
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/fuzz-client .build-fuzz/corpus/client Fuzz/corpus/client \
		-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/fuzz-jsonl .build-fuzz/corpus/jsonl Fuzz/corpus/jsonl \
		-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=16384

clean:
	rm -rf .build .build-fuzz .build-release-tests
