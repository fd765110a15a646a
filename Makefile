# The two commands of the quick start: `make site` builds public/, `make test` runs every test.
.PHONY: site test swift-test e2e-test js-test fuzz-test bench dist dist-test
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

# vcc as one self-contained Linux x86_64 file for staff and CI: dist/vcc-linux-x86_64.tar.gz.
dist:
	scripts/dist.sh

# That file builds the sample site in a minimal Debian root without Swift (debootstrap; needs root).
dist-test: dist
	scripts/dist-test.sh

# Not part of the quick start: speed against Hugo + Pagefind and search against Pagefind (several minutes).
bench:
	scripts/install-deps.sh bench
	swift build -c release --product vcc
	python3 bench/performance.py $(CORPUS)
	python3 bench/compare_search.py $(CORPUS)
