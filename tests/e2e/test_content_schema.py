"""`vcc schema`: JSON Schemas of the content model, generated from the definitions the loader uses;
every sample file's front matter validates (PyPI jsonschema), broken copies are rejected."""
import copy
import json
import pathlib

import jsonschema
import yaml

from conftest import REPO, copy_sample_settings, run_vcc


class FrontMatterLoader(yaml.SafeLoader):
    """YAML as vcc reads it: dates stay text (vcc checks them as `JJJJ-MM-TT` itself)."""


FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.load(text[4:text.index("\n---", 3)], Loader=FrontMatterLoader) or {}


def kind_of(path):
    relative = path.relative_to(REPO / "content").parts
    folder = {"blaupausen": "blueprint", "berichte": "report", "projekte": "project", "kommunen": "municipality", "veranstaltungen": "event",
              "daten": "dataset", "kompetenzcluster": "cluster"}
    if len(relative) == 1:
        return "page"
    if relative[0] == "qualifizierung":
        return "course" if relative[-1] == "index.md" else "module"
    return folder[relative[0]]


def validators(vcc, tmp_path):
    result = run_vcc(vcc, "schema", str(tmp_path / "schema"))
    assert result.returncode == 0, result.stderr
    found = {}
    for path in (tmp_path / "schema").glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        found[path.name.split(".")[0]] = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return found


def test_every_sample_file_validates_against_the_schema_of_its_type(vcc, tmp_path):
    checks = validators(vcc, tmp_path)
    assert set(checks) == {"blueprint", "report", "course", "module", "project", "municipality", "page", "event", "dataset", "cluster"}
    files = [p for p in (REPO / "content").rglob("*.md") if p.name != "index.md" or "qualifizierung" in p.parts]
    seen = set()
    for path in files:
        kind = kind_of(path)
        seen.add(kind)
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in checks[kind].iter_errors(front_matter(path))]
        assert errors == [], path
    assert seen == set(checks)


def test_broken_copies_are_rejected(vcc, tmp_path):
    checks = validators(vcc, tmp_path)
    blueprint = front_matter(REPO / "content" / "blaupausen" / "posteingang-digitalisieren.md")
    municipality = front_matter(REPO / "content" / "kommunen" / "marburg.md")
    report = front_matter(next((REPO / "content" / "berichte").glob("*.md")))
    project = front_matter(next((REPO / "content" / "projekte").glob("*.md")))
    broken = []
    a = copy.deepcopy(blueprint); del a["summary"]; broken.append(("blueprint", a))
    b = copy.deepcopy(blueprint); b["maturity"] = "fertig"; broken.append(("blueprint", b))
    c = copy.deepcopy(blueprint); c["updated"] = "1.5.2024"; broken.append(("blueprint", c))
    d = copy.deepcopy(blueprint); d["license"] = "CC-BY-ND-4.0"; broken.append(("blueprint", d))
    e = copy.deepcopy(blueprint); e["unbekannt"] = 1; broken.append(("blueprint", e))
    f = copy.deepcopy(municipality); f["ags"] = "6534014"; broken.append(("municipality", f))
    g = copy.deepcopy(report); g["report_type"] = "Bericht"; broken.append(("report", g))
    h = copy.deepcopy(project); h["status"] = "fertig"; broken.append(("project", h))
    event = front_matter(REPO / "content" / "veranstaltungen" / "digitalforum-2023.md")
    i = copy.deepcopy(event); i["start"] = "2023-11-16"; broken.append(("event", i))
    j = copy.deepcopy(event); j["status"] = "findet statt"; broken.append(("event", j))
    k = copy.deepcopy(event); k["programme"][0]["kind"] = "Vortag"; broken.append(("event", k))
    for kind, item in broken:
        assert list(checks[kind].iter_errors(item)), (kind, item)


def test_the_build_enforces_the_same_report_types_and_project_statuses(vcc, tmp_path):
    shutil = __import__("shutil")
    shutil.copytree(REPO / "content", tmp_path / "content")
    copy_sample_settings(tmp_path)
    report = next((tmp_path / "content" / "berichte").glob("*.md"))
    text = report.read_text(encoding="utf-8")
    original = next(line for line in text.splitlines() if line.startswith("report_type:"))
    report.write_text(text.replace(original, "report_type: Bericht"), encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.returncode == 1
    assert "`report_type: Bericht` ist kein erlaubter Wert" in result.stderr and "Zwischenbericht" in result.stderr
