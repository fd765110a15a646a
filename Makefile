# The two commands of the quick start: `make site` builds public/, `make test` runs every test.
.PHONY: site test swift-test e2e-test js-test

site:
	scripts/install-deps.sh build
	swift build -c release --product vcc
	.build/release/vcc build

test: swift-test js-test e2e-test

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
