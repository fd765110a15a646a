"""`vcc init`, `vcc new`, placeholders, `vcc check --strict` and the CI recipes `vcc init` ships,
run the way GitLab and GitHub would run them (with the locally built vcc)."""
import os
import pathlib
import re
import shutil
import tempfile
import subprocess

import yaml

from conftest import REPO, run_vcc

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


def test_the_ci_recipes_build_the_sample_site_below_its_pages_sub_path(vcc, tmp_path):
    gitlab_lines, github_lines = recipe_commands()
    assert any("check --strict" in line for line in gitlab_lines) and any("check --strict" in line for line in github_lines)
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
        full_env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", SOURCE_DATE_EPOCH="1700000000", **env)
        for line in lines:
            result = subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=clone, env=full_env,
                                    capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, f"{name}: {line}\n{result.stderr}"
        home = (clone / "public" / "index.html").read_text(encoding="utf-8")
        assert 'href="/wissensbasis/blaupausen/"' in home, name
        assert (clone / "public" / "blaupausen" / "posteingang-digitalisieren" / "index.html").is_file()


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
