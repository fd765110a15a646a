#!/usr/bin/env bash
# make dist-test: the binary of `make dist` builds the sample site in a minimal Debian bookworm
# root (debootstrap --variant=minbase: no Swift, no -dev packages), also as a user with HOME=/, and
# `vcc --version` works there.
# The root is kept in DIST_ROOT_CACHE between runs (debootstrap downloads about 40 MB once).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v debootstrap > /dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap > /dev/null; }
[ -f dist/vcc-linux-x86_64.tar.gz ] || scripts/dist.sh
root="${DIST_ROOT_CACHE:-/var/cache/vcc-dist-test/bookworm-minbase}"
if [ ! -x "$root/bin/sh" ]; then
  rm -rf "$root.partial" && mkdir -p "$(dirname "$root")"
  timeout 900 debootstrap --variant=minbase bookworm "$root.partial" http://deb.debian.org/debian > /dev/null
  mv "$root.partial" "$root"
fi
# The root must not have Swift or the -dev packages: the test is that the binary needs neither.
if chroot "$root" sh -c 'ls /usr/lib/x86_64-linux-gnu/libcmark-gfm* /usr/lib/x86_64-linux-gnu/libstemmer* /usr/bin/swift* 2>/dev/null' | grep -q .; then
  echo "dist-test: the minimal root has cmark-gfm, libstemmer or Swift; it is not minimal" >&2; exit 1
fi
# A running Debian has /proc (Swift reads its command line from there); the chroot gets its own.
mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2> /dev/null || true' EXIT
work="$root/tmp/vcc-dist-test"
rm -rf "$work" && mkdir -p "$work/bin" "$work/site"
tar -xzf dist/vcc-linux-x86_64.tar.gz -C "$work/bin"
cp -r content site.yml logo.svg logo-dunkel.svg "$work/site/"
cp -r "$work/site" "$work/nobody" && chown -R 65534:65534 "$work/nobody"
version="$(chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin /tmp/vcc-dist-test/bin/vcc --version)"
echo "vcc --version in the minimal root: $version"
[ "$version" = "$(grep -o 'version = "[^"]*"' Sources/Commands/VCC.swift | cut -d'"' -f2)" ]
chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin SOURCE_DATE_EPOCH=1700000000 \
  /tmp/vcc-dist-test/bin/vcc build --source /tmp/vcc-dist-test/site --output /tmp/vcc-dist-test/site/public
site="$work/site/public"
for file in index.html blaupausen/posteingang-digitalisieren/index.html suche/index/current.json katalog/dcat.rdf; do
  [ -s "$site/$file" ] || { echo "dist-test: $file missing" >&2; exit 1; }
done
grep -q 'Posteingang' "$site/blaupausen/posteingang-digitalisieren/index.html"
ls "$site"/assets/*/style.css > /dev/null
# CI runners and containers: not root, and a HOME nobody can write (HOME=/). vcc then unpacks its
# resources into a temporary folder of its own (mode 0700) instead of dying on the cache.
rm -rf "$root/tmp/vcc-65534"
chroot "$root" setpriv --reuid=65534 --regid=65534 --clear-groups env -i HOME=/ PATH=/usr/bin:/bin SOURCE_DATE_EPOCH=1700000000 \
  /tmp/vcc-dist-test/bin/vcc build --source /tmp/vcc-dist-test/nobody --output /tmp/vcc-dist-test/nobody/public \
  || { echo "dist-test: vcc as a user with HOME=/ failed (exit $?)" >&2; exit 1; }
[ "$(stat -c '%a %u' "$root/tmp/vcc-65534")" = "700 65534" ] || { echo "dist-test: the temporary resource folder is not private" >&2; exit 1; }
diff -r -x .vcc-ausgabe "$work/nobody/public" "$site" > /dev/null || { echo "dist-test: the site built with HOME=/ differs" >&2; exit 1; }
rm -rf "$root/tmp/vcc-65534"
# The site of the static binary equals the one the development build makes.
if [ -x .build/debug/vcc ]; then
  expected="$(mktemp -d)"
  SOURCE_DATE_EPOCH=1700000000 .build/debug/vcc build --source . --output "$expected/public" > /dev/null 2>&1
  diff -r -x .vcc-ausgabe "$expected/public" "$site" > /dev/null || { echo "dist-test: the sites differ" >&2; rm -rf "$expected"; exit 1; }
  rm -rf "$expected"
fi
rm -rf "$work"
echo "dist-test: the single-file vcc builds the sample site in a minimal Debian root"
