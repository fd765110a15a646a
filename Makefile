# The two commands of the quick start: `make site` builds public/, `make test` runs every test.
.PHONY: site test swift-test e2e-test js-test fuzz-test bench
CORPUS ?= ../shared/corpora/gesetze.tar.xz

site:
	scripts/install-deps.sh build
	swift build -c release --product vcc
	.build/release/vcc build

test: swift-test js-test e2e-test fuzz-test

swift-test:
	scripts/install-deps.sh test
	swift build --product vcc
	swift test

js-test:
	scripts/install-deps.sh build
	swift build --product vcc
	VCC=$(CURDIR)/.build/debug/vcc node --test Sources/SearchIndexing/Client/

e2e-test:
	scripts/install-deps.sh test
	VCC=$(CURDIR)/.build/debug/vcc python3 -m pytest tests/e2e -q -p no:cacheprovider

# Generated hostile projects against the debug binary: a fixed seed, then a printed random one,
# for at most FUZZ_BUDGET seconds in all (tests/fuzz/README.md).
FUZZ_BUDGET ?= 150
fuzz-test:
	swift build --product vcc
	python3 tests/fuzz/fuzz.py --vcc $(CURDIR)/.build/debug/vcc --budget $(FUZZ_BUDGET)

# Not part of the quick start: speed against Hugo + Pagefind and search against Pagefind (several minutes).
bench:
	scripts/install-deps.sh bench
	swift build -c release --product vcc
	python3 bench/performance.py $(CORPUS)
	python3 bench/compare_search.py $(CORPUS)
