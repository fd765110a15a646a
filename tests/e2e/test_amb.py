"""AMB (DINI AG KIM's metadata profile for learning resources, harvested by OER portals) on every
course and module, validated with PyPI jsonschema against the official schema of version
20231019 (copied into tests/fixtures/amb-20231019 from dini-ag-kim/amb; CC0 1.0)."""
import copy
import json
import pathlib
import re

import jsonschema
from referencing import Registry, Resource

from conftest import REPO, run_vcc

SCHEMAS = REPO / "tests" / "fixtures" / "amb-20231019"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def validator():
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    entry = json.loads((SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(entry, registry=registry, format_checker=jsonschema.FormatChecker())


def amb_records(html):
    records = [json.loads(block) for block in SCRIPT.findall(html)]
    return [r for r in records if "https://w3id.org/kim/amb/context.jsonld" in (r.get("@context") or [])]


def test_every_course_and_module_page_carries_a_valid_amb_record(sample_site):
    check = validator()
    pages = sorted((sample_site / "qualifizierung").glob("*/**/index.html"))
    assert len(pages) >= 5, pages
    kinds = set()
    for page in pages:
        records = amb_records(page.read_text(encoding="utf-8"))
        assert len(records) == 1, page
        record = records[0]
        assert [e.message for e in check.iter_errors(record)] == [], page
        assert record["@context"][1] == {"@language": "de"} and record["inLanguage"] == ["de"]
        assert record["license"]["id"].startswith("https://creativecommons.org/licenses/by-sa/4.0/")
        assert record["id"] == "https://vcc.example.org/" + str(page.parent.relative_to(sample_site)) + "/"
        kinds.add(tuple(record["type"]))
        if "Course" in record["type"]:
            assert len(record["hasPart"]) == 4 and record["educationalLevel"][0]["id"].endswith("/level_10")
            assert record["learningResourceType"][0]["id"] == "https://w3id.org/kim/hcrt/course"
        else:
            assert record["isPartOf"][0]["id"].endswith("/qualifizierung/digitale-verwaltung-grundlagen/")
    assert kinds == {("LearningResource", "Course"), ("LearningResource",)}
    module = (sample_site / "qualifizierung" / "digitale-verwaltung-grundlagen" / "01-prozesse-verstehen" / "index.html")
    assert [t["id"] for t in amb_records(module.read_text(encoding="utf-8"))[0]["learningResourceType"]] == [
        "https://w3id.org/kim/hcrt/text", "https://w3id.org/kim/hcrt/drill_and_practice"]


def test_the_records_are_published_as_files_for_harvesters(sample_site):
    check = validator()
    course_page = sample_site / "qualifizierung" / "digitale-verwaltung-grundlagen" / "index.html"
    own = json.loads((course_page.parent / "amb.json").read_text(encoding="utf-8"))
    assert [e.message for e in check.iter_errors(own)] == []
    assert own == amb_records(course_page.read_text(encoding="utf-8"))[0]
    assert 'rel="describedby" type="application/ld+json"' in course_page.read_text(encoding="utf-8")
    listed = json.loads((sample_site / "qualifizierung" / "amb.json").read_text(encoding="utf-8"))
    assert len(listed) == 5 and all(not list(check.iter_errors(record)) for record in listed)


def test_the_schema_rejects_broken_records(sample_site):
    check = validator()
    record = json.loads((sample_site / "qualifizierung" / "digitale-verwaltung-grundlagen" / "amb.json").read_text(encoding="utf-8"))
    broken = []
    a = copy.deepcopy(record); del a["name"]; broken.append(a)
    b = copy.deepcopy(record); b["license"] = {"id": "http://dcat-ap.de/def/licenses/dl-by-de/2.0"}; broken.append(b)
    c = copy.deepcopy(record); c["type"] = ["Course"]; broken.append(c)
    d = copy.deepcopy(record); d["@context"] = "https://w3id.org/kim/amb/context.jsonld"; broken.append(d)
    for item in broken:
        assert list(check.iter_errors(item)), item


def test_a_course_under_a_licence_amb_does_not_take_builds_with_a_warning_that_says_why(vcc, tmp_path):
    folder = tmp_path / "content" / "qualifizierung" / "kurs"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("---\ntitle: Kurs\nsummary: Ein Kurs.\naudience: Alle\nlearning_outcomes: [Etwas]\n"
                                     "workload: 2 Stunden\nlicense: DL-DE-BY-2.0\n---\nText.\n", encoding="utf-8")
    (folder / "01-eins.md").write_text("---\ntitle: Eins\norder: 1\nduration: 1 Stunde\nlearning_objectives: [Etwas]\n---\nText.\n",
                                       encoding="utf-8")
    out = tmp_path / "public"
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert re.search(r"kurs/index\.md:7:\d+: warning: `license: DL-DE-BY-2\.0`: OER-Portale übernehmen den Kurs nicht", result.stderr)
    record = amb_records((out / "qualifizierung" / "kurs" / "index.html").read_text(encoding="utf-8"))[0]
    assert "license" not in record and not list(validator().iter_errors(record))
