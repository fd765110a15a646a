"""Issue 18, item 1: nothing from outside the project reaches the site.

Every file vcc reads for the output (site.yml, the logo, templates and their assets, Markdown,
attachments, images) goes through one reader that refuses symbolic links leaving the project,
links into its hidden folders (.git/, .env) and special files, with an error at the key's line.
"""
import json
import os
import re
import subprocess
import time
import urllib.request

import pytest

from conftest import run_vcc

SECRET = "VCC_TEST_SECRET_6d1f0c"


def project(tmp_path, site="title: Test\n"):
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yml").write_text(site, encoding="utf-8")
    (tmp_path / "content" / "index.md").write_text("---\ntitle: Start\n---\nHallo.\n", encoding="utf-8")
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    (outside / "secret.svg").write_text(f"<svg xmlns='http://www.w3.org/2000/svg'><!-- {SECRET} --></svg>", encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "secret.png").write_text(SECRET, encoding="utf-8")
    return tmp_path, outside


def published(out):
    """Every byte of the built site, to look for the secret."""
    if not out.exists():
        return ""
    return "".join(p.read_bytes().decode("latin-1") for p in out.rglob("*") if p.is_file() and not p.is_symlink())


def build(vcc, root, env=None):
    out = root / "public"
    result = run_vcc(vcc, "build", "--source", str(root), "--output", str(out), env=env)
    return result, out


def test_logo_linked_to_the_environment_is_refused_at_its_line(vcc, tmp_path):
    root, _ = project(tmp_path, "title: Test\nlogo: logo.svg\n")
    (root / "logo.svg").symlink_to("/proc/self/environ")
    result, out = build(vcc, root, env={"CI_JOB_TOKEN": SECRET})
    assert result.returncode == 1, result.stderr
    assert re.search(r"site\.yml:2:7: error: .*außerhalb des Projektordners", result.stderr), result.stderr
    assert SECRET not in published(out) and SECRET not in result.stderr


@pytest.mark.parametrize("target", ["secret.svg", "folder/secret.png"])
def test_logo_linked_outside_directly_or_through_a_linked_folder_is_refused(vcc, tmp_path, target):
    root, outside = project(tmp_path, f"title: Test\nlogo: {'linked/secret.png' if '/' in target else 'logo.svg'}\n")
    if "/" in target:
        (root / "linked").symlink_to(outside / "folder")
    else:
        (root / "logo.svg").symlink_to(outside / target)
    result, out = build(vcc, root)
    assert result.returncode == 1
    assert "site.yml:2:7: error:" in result.stderr and "außerhalb des Projektordners" in result.stderr
    assert SECRET not in published(out)


def test_content_links_leaving_the_project_or_into_git_are_errors_at_the_file(vcc, tmp_path):
    root, outside = project(tmp_path)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"url = https://gitlab-ci-token:{SECRET}@example.org/x.git", encoding="utf-8")
    (root / "content" / "passwd.txt").symlink_to("/etc/passwd")
    (root / "content" / "geheim.txt").symlink_to(outside / "secret.txt")
    (root / "content" / "ordner").symlink_to(outside / "folder")
    (root / "content" / "git.txt").symlink_to("../.git/config")
    (root / "content" / "seite.md").symlink_to(outside / "secret.txt")
    result, out = build(vcc, root)
    assert result.returncode == 1
    for name in ["passwd.txt", "geheim.txt", "ordner", "seite.md"]:
        assert re.search(rf"content/{name}:1:1: error: .*außerhalb des Projektordners", result.stderr), name
    assert re.search(r"content/git\.txt:1:1: error: .*versteckten Bereich", result.stderr)
    assert SECRET not in published(out)


def test_templates_linked_outside_are_refused(vcc, tmp_path):
    root, outside = project(tmp_path)
    (root / "templates" / "assets").mkdir(parents=True)
    (root / "templates" / "assets" / "geheim.css").symlink_to(outside / "secret.txt")
    (root / "templates" / "partials").symlink_to(outside / "folder")
    result, out = build(vcc, root)
    assert result.returncode == 1
    assert "templates/assets/geheim.css:1:1: error:" in result.stderr
    assert "templates/partials:1:1: error:" in result.stderr
    assert SECRET not in published(out)


def test_a_linked_templates_or_content_folder_outside_is_refused(vcc, tmp_path):
    root, outside = project(tmp_path)
    (outside / "tpl").mkdir()
    (outside / "tpl" / "base.mustache").write_text(SECRET, encoding="utf-8")
    (root / "templates").symlink_to(outside / "tpl")
    result, out = build(vcc, root)
    assert result.returncode == 1 and "templates:1:1: error:" in result.stderr
    assert SECRET not in published(out)


def test_special_files_are_errors_and_never_block_the_build(vcc, tmp_path):
    root, _ = project(tmp_path)
    os.mkfifo(root / "content" / "bericht.pdf")
    os.mkfifo(root / "content" / "seite.md")
    start = time.monotonic()
    result, _ = build(vcc, root)
    assert time.monotonic() - start < 30
    assert result.returncode == 1
    assert re.search(r"content/bericht\.pdf:1:1: error: .*keine gewöhnliche Datei", result.stderr)
    assert re.search(r"content/seite\.md:1:1: error: .*keine gewöhnliche Datei", result.stderr)


def test_links_inside_the_project_still_work_and_loops_stop(vcc, tmp_path):
    root, _ = project(tmp_path)
    (root / "shared").mkdir()
    (root / "shared" / "plan.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "content" / "dokumente").symlink_to("../shared")
    (root / "content" / "kreis").symlink_to("..")
    (root / "content" / "selbst").symlink_to(".")
    result, out = build(vcc, root)
    assert result.returncode == 0, result.stderr
    assert (out / "dokumente" / "plan.pdf").read_bytes() == b"%PDF-1.4\n"
    assert not (out / "kreis").exists() and not (out / "selbst").exists()
    assert "content/kreis:1:1: warning:" in result.stderr


def test_the_preview_refuses_a_page_replaced_by_a_link_to_an_outside_file(vcc, tmp_path):
    root, outside = project(tmp_path)
    page = root / "content" / "seite.md"
    page.write_text("---\ntitle: Seite\n---\nAlt.\n", encoding="utf-8")
    (outside / "page.md").write_text(f"---\ntitle: Seite\n---\n{SECRET}\n", encoding="utf-8")
    process = subprocess.Popen([vcc, "serve", "--source", str(root), "--port", "0", "--stop-after", "60"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", process.stdout.readline())
        assert match
        url = f"http://127.0.0.1:{match.group(1)}/seite/"

        def fetch():
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    return response.read().decode("utf-8")
            except urllib.error.HTTPError as error:
                return error.read().decode("utf-8")

        assert "Alt." in fetch()
        status_url = f"http://127.0.0.1:{match.group(1)}/__vcc/status"
        version = json.loads(urllib.request.urlopen(status_url, timeout=5).read())["version"]
        # Atomically replaced, as editors save: a link renamed over the page.
        link = root / "content" / ".seite.md.tmp"
        link.symlink_to(outside / "page.md")
        os.replace(link, page)
        deadline = time.monotonic() + 10
        status = {"version": version}
        while status["version"] == version and time.monotonic() < deadline:
            time.sleep(0.05)
            status = json.loads(urllib.request.urlopen(status_url, timeout=5).read())
        assert status["version"] != version, "the preview noticed the change"
        assert any("seite.md" in e and "außerhalb des Projektordners" in e for e in status["errors"]), status
        assert SECRET not in fetch() and "Alt." in fetch()
    finally:
        process.kill()
        process.wait(timeout=10)


def test_templates_that_are_no_folder_are_an_error_not_a_silent_fallback(vcc, tmp_path):
    root, outside = project(tmp_path)
    (root / "templates").write_text("kein Ordner", encoding="utf-8")
    result, _ = build(vcc, root)
    assert result.returncode == 1 and "templates:1:1: error: `templates` ist kein Ordner" in result.stderr, result.stderr
    (root / "templates").unlink()
    os.mkfifo(root / "templates")
    result, _ = build(vcc, root)
    assert result.returncode == 1 and "templates:1:1: error:" in result.stderr, result.stderr


def test_links_back_up_in_templates_are_not_followed_again_and_again(vcc, tmp_path):
    root, _ = project(tmp_path)
    (root / "templates" / "assets").mkdir(parents=True)
    (root / "templates" / "assets" / "extra.css").write_text("body{}", encoding="utf-8")
    for name in ["a", "b", "c"]:
        (root / "templates" / "assets" / name).symlink_to(".")
    start = time.monotonic()
    result, out = build(vcc, root)
    assert time.monotonic() - start < 30
    assert result.returncode == 0, result.stderr
    copies = [p for p in out.rglob("extra.css")]
    assert len(copies) == 1, copies
    assert "templates/assets/a:1:1: warning:" in result.stderr
