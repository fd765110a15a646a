#!/usr/bin/env python3
"""Screenshots of the default theme's components, in the light and the dark colour scheme.

usage: component-screenshots.py --site PUBLIC_DIR --out docs/img/komponenten [--timeout SECONDS]

Serves the built site on 127.0.0.1 (only while it runs, at most --timeout seconds in all) and, for each
row of COMPONENTS, opens the page at that width (a phone's below 800 px), finds the first element the
CSS selector matches and saves it with PAD px around it as NAME-hell.png and NAME-dunkel.png (PNG,
one pixel per CSS px). A selector that matches nothing visible is reported, not fatal.
Needs Chromium, chromedriver and Selenium, as the e2e tests do (scripts/install-deps.sh test).
"""
import argparse
import pathlib
import signal
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests" / "e2e"))
from browser import capture_png, color_scheme, new_chromium, viewport  # noqa: E402
from static_server import served_folder  # noqa: E402

BLUEPRINT = "/blaupausen/posteingang-digitalisieren/"

# (name, page, CSS selector, viewport width in CSS px)
COMPONENTS = [
    ("header-390", "/", "header.site-header", 390),
    ("header-1366", "/", "header.site-header", 1366),
    ("tag-maturity", BLUEPRINT, ".summary-list .tag-maturity", 390),
    ("tag-adoption", BLUEPRINT, ".summary-list .tag-adoption", 390),
    ("summary-list", BLUEPRINT, ".at-a-glance", 390),
    ("card", "/blaupausen/", ".card", 390),
    ("notice-warning", BLUEPRINT, ".notice-warning", 390),
    ("notice-info", BLUEPRINT, ".notice-info", 390),
    ("task-list", "/blaupausen/ki-checkliste/", ".task-list", 390),
    ("buttons", BLUEPRINT, ".actions", 390),
    ("phase-banner", "/", ".phase-banner", 390),
    ("site-notice", "/", ".site-notice", 390),
    ("footer", "/", "footer.site-footer", 390),
]
SCHEMES = {"light": "hell", "dark": "dunkel"}
PAD = 6  # CSS px around the element

# The first match's box in page coordinates, widened by the padding and kept inside the page; null when
# nothing matches or the match has no size (display: none).
BOX_JS = r"""
const el = document.querySelector(arguments[0]), pad = arguments[1];
if (!el) return null;
const r = el.getBoundingClientRect();
if (r.width === 0 || r.height === 0) return null;
const page = document.documentElement;
const x = Math.max(0, r.left + scrollX - pad), y = Math.max(0, r.top + scrollY - pad);
return {x, y,
        width: Math.min(r.right + scrollX + pad, page.scrollWidth) - x,
        height: Math.min(r.bottom + scrollY + pad, page.scrollHeight) - y};
"""


def shoot(driver, base, out):
    """Saves every component it finds; returns the lines for the ones it does not."""
    missing = []
    for name, path, selector, width in COMPONENTS:
        for scheme, suffix in SCHEMES.items():
            with viewport(driver, width, 900, mobile=width < 800), color_scheme(driver, scheme):
                driver.get(base + path)
                box = driver.execute_script(BOX_JS, selector, PAD)
                if box is None:
                    missing.append(f"{name}: nothing visible matches {selector} on {path} at {width} px")
                    break  # the other scheme will not find it either
                target = out / f"{name}-{suffix}.png"
                target.write_bytes(capture_png(driver, box))
                print(f"{target} ({round(box['width'])}×{round(box['height'])} px)")
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", required=True, type=pathlib.Path, help="the built site (vcc build's output)")
    parser.add_argument("--out", required=True, type=pathlib.Path, help="folder for the PNG files")
    parser.add_argument("--timeout", type=int, default=300, help="stop after this many seconds (default 300)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site}: no index.html; build the site first (vcc build --output {args.site})")
    args.out.mkdir(parents=True, exist_ok=True)

    def give_up(*_):
        raise TimeoutError(f"not done after {args.timeout} s")

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.timeout)
    driver = new_chromium()
    try:
        with served_folder(args.site) as base:
            missing = shoot(driver, base, args.out)
    finally:
        driver.quit()
        signal.alarm(0)
    for line in missing:
        print(f"missing: {line}", file=sys.stderr)
    print(f"{len(COMPONENTS) - len(missing)} of {len(COMPONENTS)} components saved in {args.out}")


if __name__ == "__main__":
    main()
