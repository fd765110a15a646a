"""The vcc command as CI and staff use it: exit codes, determinism, error reports, safe output."""
import filecmp
import re
import hashlib
import os
import pathlib
import shutil

from conftest import REPO, copy_sample_settings, run_vcc


def tree_digest(folder: pathlib.Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_help_and_version_exit_zero(vcc):
    assert run_vcc(vcc, "--help").returncode == 0
    version = run_vcc(vcc, "--version")
    assert version.returncode == 0 and version.stdout.strip()
    assert "--base-url" in run_vcc(vcc, "build", "--help").stdout


def test_usage_errors_exit_two(vcc, tmp_path):
    assert run_vcc(vcc, "build", "--no-such-flag").returncode == 2
    assert run_vcc(vcc, "build", "--source", str(tmp_path / "missing")).returncode == 2
    assert run_vcc(vcc, "build", "--base-url", "ftp:/x", "--source", str(REPO)).returncode == 2
    # A folder without content/ is an environment problem, not a content error.
    assert run_vcc(vcc, "build", "--source", str(tmp_path)).returncode == 2


def test_two_builds_are_byte_identical(vcc, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        result = run_vcc(vcc, "build", "--source", str(REPO), "--output", str(out))
        assert result.returncode == 0, result.stderr
    digest_a, digest_b = tree_digest(a), tree_digest(b)
    assert len(digest_a) > 50
    assert digest_a == digest_b


def test_broken_content_reports_all_problems_and_keeps_output(vcc, tmp_path):
    project = tmp_path / "projekt"
    shutil.copytree(REPO / "content", project / "content")
    copy_sample_settings(project)
    out = project / "public"
    assert run_vcc(vcc, "build", "--source", str(project)).returncode == 0
    before = tree_digest(out)

    broken_yaml = project / "content" / "blaupausen" / "ki-checkliste.md"
    text = broken_yaml.read_text(encoding="utf-8")
    broken_yaml.write_text(text.replace("maturity: pilot", "maturity: [pilot"), encoding="utf-8")
    missing_field = project / "content" / "berichte" / "godonu-zwischenbericht.md"
    lines = [l for l in missing_field.read_text(encoding="utf-8").splitlines(keepends=True) if not l.startswith("published:")]
    missing_field.write_text("".join(lines), encoding="utf-8")

    result = run_vcc(vcc, "build", "--source", str(project))
    assert result.returncode == 1, result.stderr
    assert "content/blaupausen/ki-checkliste.md:" in result.stderr
    assert "content/berichte/godonu-zwischenbericht.md:" in result.stderr
    assert "`published`" in result.stderr
    # file:line:col: error: for the YAML problem
    assert any(l.split(": error:")[0].count(":") >= 2 for l in result.stderr.splitlines()
               if "ki-checkliste.md" in l and "error" in l)
    assert tree_digest(out) == before
    assert sorted(p.name for p in project.iterdir() if not p.name.endswith(".vcc-sperre")) == ["content", "logo-dunkel.svg", "logo.svg", "public", "site.yml"], \
        "no staging left behind"


def test_folder_with_only_markdown_builds_with_default_theme(vcc, tmp_path):
    (tmp_path / "content" / "notizen").mkdir(parents=True)
    (tmp_path / "content" / "start.md").write_text("# Willkommen\n\nEin Text mit [Link](notizen/a.md).\n", encoding="utf-8")
    (tmp_path / "content" / "notizen" / "a.md").write_text("Notiz ohne Front Matter.\n", encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(tmp_path))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "public" / "start" / "index.html").read_text(encoding="utf-8")
    assert '<h1>Willkommen</h1>' in page and 'href="/notizen/a/"' in page
    assert list((tmp_path / "public" / "assets").glob("*/style.css"))
    assert (tmp_path / "public" / "404.html").exists()


def test_base_url_option_overrides_site_yml(vcc, tmp_path):
    out = tmp_path / "out"
    result = run_vcc(vcc, "build", "--source", str(REPO), "--output", str(out), "--base-url", "https://example.org/kb/")
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="/kb/assets/[0-9a-f]{12}/style\.css"', home), "assets under the base path, fingerprinted"
    assert "https://example.org/kb/blaupausen/" in (out / "sitemap.xml").read_text(encoding="utf-8")


def whole_tree(folder: pathlib.Path) -> dict:
    """Every entry below `folder` (files by content, folders and links by kind), for 'nothing touched' checks."""
    entries = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            entries[key] = "link:" + os.readlink(path)
        elif path.is_file():
            entries[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            entries[key] = "folder"
    return entries


def sample_copy(root: pathlib.Path) -> pathlib.Path:
    project = root / "projekt"
    shutil.copytree(REPO / "content", project / "content")
    copy_sample_settings(project)
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "nachbarprojekt").mkdir()
    (root / "nachbarprojekt" / "wichtig.txt").write_text("nicht löschen", encoding="utf-8")
    return project


def test_output_that_holds_the_users_files_is_refused_and_nothing_is_touched(vcc, tmp_path):
    project = sample_copy(tmp_path)
    (project / "fremd").mkdir()
    (project / "fremd" / "notiz.txt").write_text("eigene Datei", encoding="utf-8")
    before = whole_tree(tmp_path)
    for output in [".", "..", "content", "content/blaupausen", "templates", "fremd", "site.yml"]:
        result = run_vcc(vcc, "build", "--output", output, cwd=project)
        assert result.returncode == 2, (output, result.stderr)
        assert "Nichts wurde verändert" in result.stderr, result.stderr
        assert whole_tree(tmp_path) == before, f"--output {output} changed files"
    # A folder vcc wrote itself (its marker inside) is replaced; an empty folder may be filled.
    (project / "leer").mkdir()
    assert run_vcc(vcc, "build", "--output", "leer", cwd=project).returncode == 0
    assert (project / "leer" / ".vcc-ausgabe").exists()
    assert run_vcc(vcc, "build", "--output", "leer", cwd=project).returncode == 0


def test_concurrent_builds_into_one_output_never_lose_files(vcc, tmp_path):
    import subprocess
    project = sample_copy(tmp_path)
    assert run_vcc(vcc, "build", cwd=project).returncode == 0
    expected = tree_digest(project / "public")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    for _ in range(3):
        runs = [subprocess.Popen([vcc, "build"], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(4)]
        outcomes = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
        for code, stderr in outcomes:
            assert code == 0 or (code == 2 and "Ein anderer vcc-Build" in stderr), stderr
        assert any(code == 0 for code, _ in outcomes)
        assert tree_digest(project / "public") == expected


def test_a_build_killed_at_any_moment_leaves_a_complete_site(vcc, tmp_path):
    import signal
    import subprocess
    import time
    project = sample_copy(tmp_path)
    assert run_vcc(vcc, "build", cwd=project).returncode == 0
    expected = tree_digest(project / "public")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    for delay in [0.0, 0.02, 0.05, 0.08, 0.12, 0.2, 0.3]:
        run = subprocess.Popen([vcc, "build"], cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert tree_digest(project / "public") == expected, f"killed after {delay} s"
        # A failing build after the kill keeps the site too.
        broken = project / "content" / "kaputt.md"
        broken.write_text("---\ntitle: [\n---\n", encoding="utf-8")
        assert run_vcc(vcc, "build", cwd=project).returncode == 1
        broken.unlink()
        assert tree_digest(project / "public") == expected


def test_a_municipality_id_in_other_letter_case_is_a_content_error_not_a_write_failure(vcc, tmp_path):
    """Found by the fuzzer: `FULDA` beside `fulda` made two filter pages at one address, and the
    writer refused with exit 2 and no place; it must be exit 1 at the blueprint's line."""
    (tmp_path / "content" / "kommunen").mkdir(parents=True)
    (tmp_path / "content" / "blaupausen").mkdir(parents=True)
    (tmp_path / "content" / "kommunen" / "fulda.md").write_text(
        '---\nname: Fulda\nofficial_name: Stadt Fulda\nags: "06631009"\nwebsite: https://www.fulda.de\n---\nFulda.\n', encoding="utf-8")
    blueprint = ("---\ntitle: {title}\nsummary: Ein Satz.\nmunicipalities: [{city}]\nthemes: [Digitale Verwaltung]\nmaturity: pilot\n"
                 "license: CC-BY-4.0\ncontact: {{name: Amt, email: amt@example.org}}\nupdated: 2024-05-01\n---\nText.\n")
    (tmp_path / "content" / "blaupausen" / "a.md").write_text(blueprint.format(title="A", city="FULDA"), encoding="utf-8")
    (tmp_path / "content" / "blaupausen" / "b.md").write_text(blueprint.format(title="B", city="fulda"), encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.returncode == 1, result.stderr
    assert "content/blaupausen/a.md:4:" in result.stderr and "`FULDA`" in result.stderr


def without_proc(*command):
    """`command` in a private mount namespace with /proc unmounted, as in a chroot without /proc (needs root)."""
    import shlex
    import subprocess
    line = "umount -l /proc && exec " + " ".join(shlex.quote(str(part)) for part in command)
    return subprocess.run(["unshare", "-m", "sh", "-c", line], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))


def test_arguments_are_read_without_proc_mounted(vcc, tmp_path):
    import pytest
    probe = without_proc("test", "!", "-e", "/proc/self/cmdline")
    if shutil.which("unshare") is None or probe.returncode != 0:
        pytest.skip("needs unshare and root to unmount /proc in a mount namespace: " + probe.stderr)
    assert run_vcc(vcc, "init", str(tmp_path / "site")).returncode == 0
    result = without_proc(vcc, "build", "--source", tmp_path / "site", "--output", tmp_path / "out")
    assert result.returncode == 0, result.stdout[:300] + result.stderr
    assert "USAGE" not in result.stdout, "vcc printed its help instead of building"
    assert (tmp_path / "out" / "index.html").is_file(), "the build (with the built-in theme) ran"
    usage = without_proc(vcc, "build", "--gibt-es-nicht")
    assert usage.returncode == 2, usage.stdout + usage.stderr
