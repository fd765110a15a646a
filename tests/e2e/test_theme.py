"""`vcc theme export` and the repository's templates/: refusing to overwrite, --force, a sample site
that builds the same with and without its templates/ folder, and template warnings under `check --strict`."""
import re
import filecmp
import shutil

from conftest import REPO, copy_sample_settings, run_vcc


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
    copy_sample_settings(copy)
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


def test_every_variable_the_hand_written_template_guide_names_is_in_the_generated_reference():
    """docs/TEMPLATES.md §3-§5 are written by hand; each `page.title`-style name there must be a field §6 lists."""
    text = (REPO / "docs" / "TEMPLATES.md").read_text(encoding="utf-8")
    hand, generated = text.split("## 3.", 1)[1].split("## 6.", 1)
    fields = set()
    for section in generated.split("\n### "):
        stack = []
        for line in section.splitlines():
            match = re.match(r"( *)- `([^`]+)`", line)
            if match:
                stack = stack[:len(match.group(1)) // 2] + [match.group(2)]
                fields.add(".".join(stack))
    named = set(re.findall(r"\{\{[#^/]?([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9]*)+)\}\}", hand))
    named |= set(re.findall(r"`([a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+)`", hand))
    not_fields = {name for name in named if name.split(".")[-1] in {"mustache", "json", "yml", "md", "css", "js", "svg", "html", "xml"}}
    assert "page.title" in named and "blueprint.legalBasis" in named
    assert sorted(named - not_fields - fields - {"feedback.email"}) == []


def test_one_character_delimiters_are_refused_at_their_place_instead_of_crashing(vcc, tmp_path):
    """swift-mustache 2.1.1 stops with an illegal instruction on `{{=| |=}}|#a||/a|` (an empty section
    between one-character delimiters); vcc refuses such a template with a message and goes on."""
    assert run_vcc(vcc, "init", str(tmp_path)).returncode == 0
    partial = tmp_path / "templates" / "partials" / "extra.mustache"
    partial.parent.mkdir(parents=True)
    for source, line in [("{{=| |=}}|#a||/a|", 1), ("Text\n{{=<% %>=}}<%a%>\n<%=[ ]=%>[#a][/a]", 3), ("x {{=| ||=}}|$b||/b||", 1)]:
        partial.write_text(source, encoding="utf-8")
        result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
        assert result.returncode == 1, (source, result.returncode, result.stderr[-500:])
        assert f"templates/partials/extra.mustache:{line}:" in result.stderr + result.stdout, result.stderr
        assert "Trennzeichen aus nur einem Zeichen" in result.stderr + result.stdout
    partial.write_text("{{=<% %>=}}<%#a%><%/a%>", encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.returncode == 0, result.stderr[-800:]
