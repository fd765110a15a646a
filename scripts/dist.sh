#!/usr/bin/env bash
# make dist: vcc for Linux x86_64 as one self-contained file (Swift runtime and Foundation linked
# statically, cmark-gfm and libstemmer from the Debian packages' static libraries, the theme and
# the search client appended to the binary), in dist/vcc-linux-x86_64.tar.gz with a German LIESMICH.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
libs="$(mktemp -d)"
trap 'rm -rf "$libs"' EXIT
# A folder with only the static libraries, searched first: `-lcmark-gfm` then finds the .a, not the .so.
for lib in libcmark-gfm.a libcmark-gfm-extensions.a libstemmer.a; do
  ln -s "/usr/lib/x86_64-linux-gnu/$lib" "$libs/$lib"
done
swift build -c release --product vcc --static-swift-stdlib --scratch-path .build/dist -Xlinker -L"$libs"
rm -rf dist/stage && mkdir -p dist/stage
strip -o dist/stage/vcc .build/dist/release/vcc
python3 scripts/append-resources.py dist/stage/vcc .build/dist/release/vcc_Templating.resources .build/dist/release/vcc_SearchIndexing.resources
cp scripts/LIESMICH.txt dist/stage/LIESMICH.txt
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C dist/stage -czf dist/vcc-linux-x86_64.tar.gz vcc LIESMICH.txt
echo "dist/vcc-linux-x86_64.tar.gz: $(du -h dist/vcc-linux-x86_64.tar.gz | cut -f1)"
