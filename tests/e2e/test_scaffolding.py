"""`vcc init`, `vcc new`, placeholders, `vcc check --strict` and the CI recipes `vcc init` ships,
run the way GitLab and GitHub would run them (with the locally built vcc)."""
import json
import os
import pathlib
import re
import shutil
import tempfile
import subprocess
import time

import yaml

from conftest import REPO, copy_sample_settings, run_vcc

FILLED = {
    "summary": "Bauanträge werden digital eingereicht und geprüft.",
    "municipalities": "beispielstadt", "themes": "Digitale Verwaltung", "maturity": "pilot", "license": "CC-BY-4.0",
    "contact": "Bauamt", "email": "bauamt@example.org",
}


def fill(path, values):
    """Replaces every «ausfüllen: …» and «ergänzen: …» the way an author would."""
    text = path.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        key = line.split(":", 1)[0]
        if "«ausfüllen:" in line and key in values:
            line = re.sub(r'"«ausfüllen:[^»]*»"', values[key], line, count=1)
        if key == "contact":
            line = 'contact: {name: Bauamt, email: bauamt@example.org}'
        line = re.sub(r"«(ausfüllen|ergänzen):[^»]*»", "Angaben der Stadt Beispielstadt", line)
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_init_new_build_fill_in_build_and_check_strict(vcc, tmp_path):
    site = tmp_path / "x"
    assert run_vcc(vcc, "init", str(site)).returncode == 0
    for name in ("site.yml", "content/index.md", "content/impressum.md", "content/datenschutz.md", "content/barrierefreiheit.md",
                 ".gitignore", ".gitlab-ci.yml", ".github/workflows/pages.yml"):
        assert (site / name).is_file(), name
    again = run_vcc(vcc, "init", str(site))
    assert again.returncode == 2 and "nichts wurde geschrieben" in again.stderr
    # A fresh site builds, and the legal pages still to be completed are warnings.
    fresh = run_vcc(vcc, "build", cwd=site)
    assert fresh.returncode == 0, fresh.stderr
    assert "content/impressum.md:6:1: warning: Noch zu ergänzen" in fresh.stderr
    assert run_vcc(vcc, "check", "--strict", cwd=site).returncode == 1
    home = (site / "public" / "index.html").read_text(encoding="utf-8")
    assert 'href="/impressum/"' in home and 'href="/barrierefreiheit/"' in home

    created = run_vcc(vcc, "new", "blaupause", "Digitaler Bauantrag", cwd=site)
    assert created.returncode == 0, created.stderr
    assert run_vcc(vcc, "new", "kommune", "Beispielstadt", cwd=site).returncode == 0
    assert run_vcc(vcc, "new", "blaupause", "Digitaler Bauantrag", cwd=site).returncode == 2, "an existing file is never overwritten"
    blueprint = site / "content" / "blaupausen" / "digitaler-bauantrag.md"
    broken = run_vcc(vcc, "build", cwd=site)
    assert broken.returncode == 1
    assert re.search(r"content/blaupausen/digitaler-bauantrag\.md:5:\d+: error: Platzhalter noch nicht ausgefüllt", broken.stderr), broken.stderr
    assert "Platzhalter" in broken.stderr and "idee | pilot | im-betrieb" in broken.stderr

    fill(blueprint, FILLED)
    municipality = site / "content" / "kommunen" / "beispielstadt.md"
    fill(municipality, {"official_name": '"Stadt Beispielstadt"', "ags": '"06411000"', "website": "https://www.example.org"})
    for page in ("impressum.md", "datenschutz.md", "barrierefreiheit.md"):
        fill(site / "content" / page, {})
    built = run_vcc(vcc, "build", cwd=site)
    assert built.returncode == 0, blueprint.read_text(encoding="utf-8") + municipality.read_text(encoding="utf-8") + built.stderr
    checked = run_vcc(vcc, "check", "--strict", cwd=site)
    assert checked.returncode == 0, checked.stderr


def test_every_content_type_can_be_scaffolded_and_names_its_fields(vcc, tmp_path):
    assert run_vcc(vcc, "init", str(tmp_path)).returncode == 0
    for kind, path in (("bericht", "berichte/b.md"), ("kurs", "qualifizierung/k/index.md"), ("projekt", "projekte/p.md"),
                       ("seite", "s.md"), ("report", "berichte/r.md"), ("module", "qualifizierung/k/m.md")):
        name = path.split("/")[-1].replace(".md", "") if not path.endswith("index.md") else "k"
        result = run_vcc(vcc, "new", kind, name, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        text = (tmp_path / "content" / path).read_text(encoding="utf-8")
        assert text.startswith("---\n") and "«ausfüllen:" in text
    report = (tmp_path / "content" / "berichte" / "b.md").read_text(encoding="utf-8")
    assert "Zwischenbericht | Abschlussbericht" in report and "# license: CC-BY-4.0" in report
    unknown = run_vcc(vcc, "new", "rezept", "x", cwd=tmp_path)
    assert unknown.returncode == 2 and "blaupause, bericht" in unknown.stderr


def recipe_commands():
    """The shell lines of both CI recipes that build the site (not the lines that download vcc)."""
    gitlab = yaml.safe_load(open(REPO / "docs" / "deploy" / "gitlab-ci.yml", encoding="utf-8"))
    github = yaml.safe_load(open(REPO / "docs" / "deploy" / "github-pages.yml", encoding="utf-8"))
    gitlab_lines = gitlab["pages"]["script"]
    github_lines = [step["run"] for step in github["jobs"]["build"]["steps"] if "run" in step and "VCC_DOWNLOAD_URL" not in step["run"]]
    return gitlab_lines, github_lines


def test_the_recipes_vcc_init_ships_are_the_documented_ones(vcc, tmp_path):
    assert run_vcc(vcc, "init", str(tmp_path)).returncode == 0
    assert (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8") == (REPO / "docs" / "deploy" / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert (tmp_path / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8") == (REPO / "docs" / "deploy" / "github-pages.yml").read_text(encoding="utf-8")


TEN_YEARS_ON = str(int(time.time()) + 10 * 365 * 86400)


def test_the_ci_recipes_check_and_build_merge_requests_without_publishing():
    gitlab = yaml.safe_load(open(REPO / "docs" / "deploy" / "gitlab-ci.yml", encoding="utf-8"))
    github = yaml.safe_load(open(REPO / "docs" / "deploy" / "github-pages.yml", encoding="utf-8"))
    assert gitlab["pruefen"]["script"] == gitlab["pages"]["script"]
    assert gitlab["pruefen"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert gitlab["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert gitlab["pages"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert gitlab["pages"]["artifacts"]["when"] == "always", "the report reaches GitLab when the check fails"
    triggers = github[True] if True in github else github["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers and "push" in triggers
    assert github["jobs"]["deploy"]["if"] == "github.event_name != 'pull_request'"
    upload = [step for step in github["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload and upload[0]["if"] == "github.event_name != 'pull_request'"


def test_the_sample_site_passes_check_strict_ten_years_after_its_last_update(vcc, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, site / name)
    copy_sample_settings(site)
    env = dict(os.environ, SOURCE_DATE_EPOCH=TEN_YEARS_ON)
    checked = run_vcc(vcc, "check", "--strict", cwd=site, env=env)
    assert checked.returncode == 0, checked.stderr
    assert "warning: Die Blaupause wurde seit 1" in checked.stderr and " error: " not in checked.stderr, checked.stderr
    with open(site / "site.yml", "a", encoding="utf-8") as settings:
        settings.write("review: {after_months: 24, strict: true}\n")
    gated = run_vcc(vcc, "check", "--strict", cwd=site, env=env)
    assert gated.returncode == 1, gated.stderr
    errors = [line for line in gated.stderr.splitlines() if ": error: " in line]
    assert errors and all("nicht aktualisiert" in line for line in errors), gated.stderr
    assert run_vcc(vcc, "check", "--strict", cwd=site).returncode == 0, "in 2023 (before its updates) nothing is due"


def test_the_ci_recipes_build_the_sample_site_below_its_pages_sub_path(vcc, tmp_path):
    gitlab_lines, github_lines = recipe_commands()
    assert any("check --strict" in line for line in gitlab_lines) and any("check --strict" in line for line in github_lines)
    assert any("--format gitlab" in line for line in gitlab_lines) and any("--format github" in line for line in github_lines)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(vcc, bin_dir / "vcc")
    resources = [p for p in pathlib_parent(vcc).iterdir() if p.name.endswith(".resources")]
    for resource in resources:
        os.symlink(resource, bin_dir / resource.name)
    for name, lines, env in (
        ("gitlab", gitlab_lines, {"CI_PAGES_URL": "https://digitale-kommune.gitlab.io/wissensbasis"}),
        ("github", [line.replace("${{ steps.pages.outputs.base_url }}", "https://digitale-kommune.github.io/wissensbasis")
                    for line in github_lines], {}),
    ):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
        shutil.rmtree(clone / "public", ignore_errors=True)
        # Ten years on, the sample's blueprints are due for review: reported, never a failure.
        full_env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", SOURCE_DATE_EPOCH=TEN_YEARS_ON, **env)
        outputs = {}
        for line in lines:
            result = subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=clone, env=full_env,
                                    capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, f"{name}: {line}\n{result.stderr}"
            outputs[line] = result.stdout
        if name == "gitlab":
            assert_gitlab_code_quality_report(clone / "gl-code-quality-report.json")
        else:
            assert_github_workflow_commands(next(out for line, out in outputs.items() if "--format github" in line))
        home = (clone / "public" / "index.html").read_text(encoding="utf-8")
        assert 'href="/wissensbasis/blaupausen/"' in home, name
        assert (clone / "public" / "blaupausen" / "posteingang-digitalisieren" / "index.html").is_file()


def assert_gitlab_code_quality_report(path):
    """GitLab Code Quality: an array of objects with the fields GitLab reads, one per finding."""
    report = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(report, list) and report, "the sample's blueprints are due for review ten years on"
    for entry in report:
        assert set(entry) == {"description", "check_name", "fingerprint", "severity", "location"}, entry
        assert entry["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert entry["location"]["path"].startswith("content/") and (pathlib_parent(path) / entry["location"]["path"]).is_file()
        assert isinstance(entry["location"]["lines"]["begin"], int) and entry["location"]["lines"]["begin"] >= 1
        assert entry["description"] and entry["check_name"]
    assert len({entry["fingerprint"] for entry in report}) == len(report), "fingerprints tell findings apart"
    assert any("nicht aktualisiert" in entry["description"] and entry["severity"] == "minor" for entry in report)


def assert_github_workflow_commands(stdout):
    """GitHub workflow commands: `::warning file=…,line=…,col=…::message`, one finding a line."""
    lines = stdout.splitlines()
    assert lines, "the sample's blueprints are due for review ten years on"
    for line in lines:
        match = re.fullmatch(r"::(warning|error) file=(content/[^,:%]+),line=([1-9][0-9]*),col=([1-9][0-9]*)::(.+)", line)
        assert match, line
        assert "\n" not in match.group(5) and "%0AHinweis: " in match.group(5)
    assert any(line.startswith("::warning ") and "nicht aktualisiert" in line for line in lines)


def pathlib_parent(path):
    import pathlib
    return pathlib.Path(path).resolve().parent


def as_unprivileged(command):
    """`command` as user nobody when the tests run as root: should a refusal break, the system stays untouched."""
    if os.geteuid() == 0 and shutil.which("setpriv"):
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return command


def test_init_refuses_system_folders_and_the_home_folder(vcc, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home))
    for folder in ["/", "/etc", "/usr", "/var", "/proc", "/etc/vcc-test", "/dev", "/dev/shm", str(home)]:
        result = subprocess.run(as_unprivileged([vcc, "init", folder]), capture_output=True, text=True, timeout=60, env=env)
        assert result.returncode == 2, (folder, result.stderr)
        assert "legt vcc keine Website an" in result.stderr and ("Ordner des Systems" in result.stderr
                                                                or "Wurzelverzeichnis" in result.stderr
                                                                or "Benutzerordner" in result.stderr), (folder, result.stderr)
    assert list(home.iterdir()) == [], "nothing was written into the home folder"
    assert run_vcc(vcc, "init", str(home / "wissensbasis"), env={"HOME": str(home)}).returncode == 0, "a folder inside home is fine"
    if pathlib.Path("/dev/shm").is_dir():
        inside = pathlib.Path(tempfile.mkdtemp(dir="/dev/shm"))
        try:
            built = run_vcc(vcc, "init", str(inside / "wissensbasis"), env={"HOME": str(home)})
            assert built.returncode == 0, "a folder in /dev/shm (memory, used by CI and benchmarks) is fine: " + built.stderr
        finally:
            shutil.rmtree(inside)


def test_schema_keeps_edited_files_unless_forced(vcc, tmp_path):
    target = tmp_path / "schema"
    assert run_vcc(vcc, "schema", str(target)).returncode == 0
    again = run_vcc(vcc, "schema", str(target))
    assert again.returncode == 0, "unchanged files are rewritten silently: " + again.stderr
    edited = target / "page.schema.json"
    edited.write_text('{"eigene": "Änderung"}', encoding="utf-8")
    refused = run_vcc(vcc, "schema", str(target))
    assert refused.returncode == 2, refused.stderr
    assert "page.schema.json" in refused.stderr and "--force" in refused.stderr, refused.stderr
    assert edited.read_text(encoding="utf-8") == '{"eigene": "Änderung"}', "the edited file is kept"
    forced = run_vcc(vcc, "schema", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "eigene" not in edited.read_text(encoding="utf-8")


def test_the_hints_that_offer_vcc_init_name_a_folder_where_it_succeeds(vcc, tmp_path):
    site = tmp_path / "meine-wissensbasis"
    assert run_vcc(vcc, "init", str(site)).returncode == 0
    again = run_vcc(vcc, "init", str(site))
    assert again.returncode == 2 and "schon eine Website" in again.stderr
    suggested = re.search(r"hinweis: .*vcc init (\S+)", again.stderr).group(1)
    assert pathlib.Path(suggested) != site
    assert run_vcc(vcc, "init", suggested).returncode == 0, f"the hint's folder {suggested} is accepted"
    (site / "content" / "impressum.md").unlink()
    checked = run_vcc(vcc, "check", cwd=site)
    hint = next(line for line in checked.stderr.splitlines() if "content/impressum.md" in line and "vcc init" in line)
    command = re.search(r"`vcc init ([^`]+)`", hint).group(1)
    assert run_vcc(vcc, "init", command, cwd=site).returncode == 0, hint
    assert (site / command / "content" / "impressum.md").is_file()
