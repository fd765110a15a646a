"""Headless Chromium for the e2e tests and scripts/component-screenshots.py (no pytest needed here):
starting it, emulating a viewport and a colour scheme, waiting for search results, measuring overflow,
the page background and PNG captures through the DevTools protocol."""
import base64
import contextlib
import shutil


def new_chromium():
    """Headless Chromium through Selenium, with a 1280×900 window and the browser console recorded."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(30)
    return browser


@contextlib.contextmanager
def viewport(driver, width, height=800, mobile=True):
    """A viewport of width×height CSS px (a phone's when mobile); the window's own size comes back afterwards."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@contextlib.contextmanager
def color_scheme(driver, scheme):
    """prefers-color-scheme: 'light' or 'dark' until the block ends."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


def wait_for_search_results(driver, timeout=10):
    """On /suche/?q=…: waits until the search script has written its status and at least one result."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-status]").text.strip() != ""
        and d.find_elements(By.CSS_SELECTOR, "[data-results] a.result-title"))


# Measures the page and names the element that sticks out furthest on the right (the innermost one when
# an element and its parent end at the same place): the selector, its width and where it ends. Content
# inside a box that clips or scrolls sideways (a wide table) does not count – only that box does.
# Also lists headings whose text is wider than their own box (cut or running into their neighbour),
# except those hidden on purpose for screen readers.
OVERFLOW_JS = r"""
const root = document.documentElement, limit = root.clientWidth;
const clips = el => getComputedStyle(el).overflowX !== 'visible';
function insideClippingBox(el) {
  for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement)
    if (clips(p)) return true;
  return false;
}
function selector(el) {
  const parts = [];
  for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
    let s = e.tagName.toLowerCase();
    if (e.id) { parts.unshift(s + '#' + e.id); break; }
    if (e.classList.length) s += '.' + [...e.classList].join('.');
    parts.unshift(s);
  }
  return parts.join(' > ');
}
let worst = null;
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  const width = clips(el) ? r.width : Math.max(r.width, el.scrollWidth);
  const right = r.left + width;
  if (right <= limit + 0.5 || insideClippingBox(el)) continue;
  if (!worst || right > worst.right + 0.5 || (right >= worst.right - 0.5 && worst.el.contains(el)))
    worst = {el, selector: selector(el), width: Math.round(width), right: Math.round(right)};
}
const cut = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  // A heading clipped on purpose (the visually-hidden pattern, for screen readers only) is not cut.
  .filter(h => h.getClientRects().length && getComputedStyle(h).clip === 'auto' && h.scrollWidth > h.clientWidth + 1)
  .map(h => ({selector: selector(h), width: h.scrollWidth, box: h.clientWidth}));
return {scrollWidth: root.scrollWidth, clientWidth: limit, innerWidth: window.innerWidth,
        worst: worst && {selector: worst.selector, width: worst.width, right: worst.right}, cut};
"""

# The colour the page is painted with behind the content: the body's background, else the root's
# (CSS propagates it to the canvas), else the canvas colour of the used colour scheme.
BACKGROUND_JS = r"""
const transparent = c => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
for (const el of [document.body, document.documentElement]) {
  const c = getComputedStyle(el).backgroundColor;
  if (!transparent(c)) return c;
}
return getComputedStyle(document.documentElement).colorScheme.includes('dark') ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)';
"""


def relative_luminance(css_color):
    """WCAG relative luminance (0 black … 1 white) of a computed 'rgb(r, g, b)' or 'rgba(r, g, b, a)'."""
    inside = css_color[css_color.index("(") + 1:css_color.rindex(")")]
    r, g, b = (float(part) / 255 for part in inside.replace("/", ",").split(",")[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def capture_png(driver, clip=None):
    """PNG bytes of the whole page (clip None) or of {x, y, width, height} in page CSS px, at scale 1."""
    if clip is None:
        size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        # Chromium cannot paint a texture higher than 16384 px; longer pages are cut there.
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 16384)}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {**{k: round(v) for k, v in clip.items()}, "scale": 1}})
    return base64.b64decode(shot["data"])
