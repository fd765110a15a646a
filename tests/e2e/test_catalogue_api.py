"""The JSON API /katalog/katalog.json against the JSON Schema published beside it (PyPI jsonschema)."""
import copy
import json

import jsonschema


def load(site):
    document = json.loads((site / "katalog" / "katalog.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "katalog" / "katalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return document, jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_catalogue_validates_against_its_schema_and_holds_every_content_type(sample_site):
    document, validator = load(sample_site)
    assert [error.message for error in validator.iter_errors(document)] == []
    assert document["$schema"] == "https://vcc.example.org/katalog/katalog.schema.json"
    assert document["publisher"]["name"] and document["modified"]
    for key, minimum in (("blueprints", 10), ("reports", 4), ("courses", 1), ("projects", 6), ("municipalities", 6)):
        assert len(document[key]) >= minimum, key
    blueprint = next(b for b in document["blueprints"] if b["id"] == "posteingang-digitalisieren")
    assert blueprint["package"].endswith("/posteingang-digitalisieren.zip") and blueprint["markdown"].endswith(".md")
    assert blueprint["contact"]["email"] and blueprint["costs"]["oneOff"] > 0
    assert {a.get("status") for a in blueprint["adoptedBy"]} <= {"interessiert", "in-vorbereitung", "pilot", "im-betrieb", "beendet", None}
    assert document["courses"][0]["modules"][0]["order"] >= 1


def test_the_schema_rejects_broken_copies(sample_site):
    document, validator = load(sample_site)
    broken = []
    a = copy.deepcopy(document); del a["blueprints"][0]["title"]; broken.append(a)
    b = copy.deepcopy(document); b["municipalities"][0]["ags"] = "6413000"; broken.append(b)
    c = copy.deepcopy(document); c["blueprints"][0]["maturity"] = "fertig"; broken.append(c)
    d = copy.deepcopy(document); d["reports"][0]["published"] = "21.10.2024"; broken.append(d)
    for copy_ in broken:
        assert list(validator.iter_errors(copy_)), "a broken copy must be rejected"
