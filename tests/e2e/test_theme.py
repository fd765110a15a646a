"""`vcc theme export` and the repository's templates/: refusing to overwrite, --force, a sample site
that builds the same with and without its templates/ folder, and template warnings under `check --strict`."""
import filecmp
import shutil

from conftest import REPO, run_vcc


def test_export_writes_the_theme_refuses_to_overwrite_and_force_keeps_other_files(vcc, tmp_path):
    target = tmp_path / "theme"
    first = run_vcc(vcc, "theme", "export", str(target), "--source", str(REPO))
    assert first.returncode == 0, first.stderr
    assert (target / "base.mustache").is_file() and (target / "layouts" / "blueprint.mustache").is_file()
    assert (target / "assets" / "style.css").is_file()
    (target / "partials" / "card.mustache").write_text("geändert", encoding="utf-8")
    (target / "partials" / "eigenes.mustache").write_text("meins", encoding="utf-8")
    second = run_vcc(vcc, "theme", "export", str(target), "--source", str(REPO))
    assert second.returncode == 2 and "--force" in second.stderr
    assert (target / "partials" / "card.mustache").read_text(encoding="utf-8") == "geändert", "nothing may be written"
    forced = run_vcc(vcc, "theme", "export", str(target), "--force", "--source", str(REPO))
    assert forced.returncode == 0, forced.stderr
    assert (target / "partials" / "card.mustache").read_text(encoding="utf-8") != "geändert"
    assert (target / "partials" / "eigenes.mustache").read_text(encoding="utf-8") == "meins", "files vcc did not write stay"


def test_export_into_content_is_refused(vcc, tmp_path):
    (tmp_path / "content").mkdir()
    result = run_vcc(vcc, "theme", "export", str(tmp_path / "content" / "theme"), "--source", str(tmp_path))
    assert result.returncode == 2 and not (tmp_path / "content" / "theme").exists()


def differences(a, b):
    comparison = filecmp.dircmp(a, b)
    found = comparison.left_only + comparison.right_only + comparison.diff_files
    _, mismatch, errors = filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)
    found += mismatch + errors
    for sub in comparison.common_dirs:
        found += [f"{sub}/{name}" for name in differences(a / sub, b / sub)]
    return found


def test_the_sample_builds_the_same_without_its_templates_folder(vcc, tmp_path, sample_site):
    copy = tmp_path / "ohne-templates"
    shutil.copytree(REPO / "content", copy / "content")
    shutil.copy(REPO / "site.yml", copy / "site.yml")
    shutil.copy(REPO / "logo.svg", copy / "logo.svg")
    assert not (copy / "templates").exists()
    out = tmp_path / "public"
    result = run_vcc(vcc, "build", "--source", str(copy), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert differences(sample_site, out) == [".vcc-ausgabe"] or differences(sample_site, out) == []


def test_a_template_warning_is_an_error_under_check_strict(vcc, tmp_path):
    assert run_vcc(vcc, "init", str(tmp_path)).returncode == 0
    partial = tmp_path / "templates" / "partials" / "extra.mustache"
    partial.parent.mkdir(parents=True)
    partial.write_text('<link rel="stylesheet" href="{{site.basePath}}/assets/x.css">\n', encoding="utf-8")
    relaxed = run_vcc(vcc, "check", "--source", str(tmp_path))
    assert relaxed.returncode == 0, relaxed.stderr
    assert "templates/partials/extra.mustache:1: warning:" in relaxed.stderr + relaxed.stdout
    strict = run_vcc(vcc, "check", "--strict", "--source", str(tmp_path))
    assert strict.returncode == 1
    assert "templates/partials/extra.mustache:1: error:" in strict.stderr + strict.stdout
