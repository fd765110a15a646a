"""publiccode.yml (standard 0.4) for blueprints that name their software, checked against the
standard's mandatory keys, vocabularies and length limits (docs/standard/schema.core.rst of
publiccodeyml/publiccode.yml at the 0.4 release)."""
import io
import re
import zipfile

import yaml

from conftest import run_vcc

STATUS = {"concept", "development", "beta", "stable", "obsolete"}
TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
         "standalone/other", "addon", "library", "configurationFiles"}
MAINTENANCE = {"internal", "contract", "community", "none"}


def problems(document):
    """What a publiccode.yml 0.4 lacks or gets wrong; empty when it meets the standard's rules."""
    found = []
    if document.get("publiccodeYmlVersion") != "0.4":
        found.append("publiccodeYmlVersion must be the string 0.4")
    for key in ("name", "url"):
        if not isinstance(document.get(key), str) or not document[key]:
            found.append(f"{key} missing")
    if not re.match(r"^https?://", document.get("url", "")):
        found.append("url is not a web address")
    for key in ("platforms", "categories"):
        if not isinstance(document.get(key), list) or not document[key]:
            found.append(f"{key} missing or empty")
    if document.get("developmentStatus") not in STATUS:
        found.append("developmentStatus not in the vocabulary")
    if document.get("softwareType") not in TYPES:
        found.append("softwareType not in the vocabulary")
    descriptions = document.get("description") or {}
    if not descriptions:
        found.append("description missing")
    for language, block in descriptions.items():
        short, long_, features = block.get("shortDescription"), block.get("longDescription"), block.get("features")
        if not isinstance(short, str) or not short or len(short) > 150:
            found.append(f"description.{language}.shortDescription missing or over 150 characters")
        if not isinstance(long_, str) or not 150 <= len(long_) <= 10000:
            found.append(f"description.{language}.longDescription not 150 to 10000 characters")
        if not isinstance(features, list) or not features:
            found.append(f"description.{language}.features missing")
    if not (document.get("legal") or {}).get("license"):
        found.append("legal.license missing")
    maintenance = document.get("maintenance") or {}
    if maintenance.get("type") not in MAINTENANCE:
        found.append("maintenance.type not in the vocabulary")
    if maintenance.get("type") in ("internal", "community") and not all(c.get("name") for c in maintenance.get("contacts") or [{}]):
        found.append("maintenance.contacts missing")
    if maintenance.get("type") == "contract" and not all(c.get("name") and re.match(r"^\d{4}-\d{2}-\d{2}$", str(c.get("until")))
                                                        for c in maintenance.get("contractors") or [{}]):
        found.append("maintenance.contractors missing")
    if "contractors" in maintenance and maintenance.get("type") != "contract":
        found.append("contractors only with maintenance.type contract")
    localisation = document.get("localisation") or {}
    if not isinstance(localisation.get("localisationReady"), bool) or not localisation.get("availableLanguages"):
        found.append("localisation incomplete")
    return found


def test_the_sample_blueprint_with_software_has_a_valid_publiccode_file_in_its_folder_and_package(sample_site):
    folder = sample_site / "blaupausen" / "nutzungs-dashboard"
    text = (folder / "publiccode.yml").read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    assert problems(document) == []
    assert document["name"] == "Nutzungsdashboard für Onlinedienste"
    assert document["legal"]["license"] == "EUPL-1.2"
    assert document["landingURL"] == "https://vcc.example.org/blaupausen/nutzungs-dashboard/"
    with zipfile.ZipFile(io.BytesIO((folder / "nutzungs-dashboard.zip").read_bytes())) as package:
        assert package.read("technik/publiccode.yml").decode("utf-8") == text
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="/blaupausen/nutzungs-dashboard/publiccode.yml" download' in page
    # Blueprints without software get none.
    assert not (sample_site / "blaupausen" / "posteingang-digitalisieren" / "publiccode.yml").exists()


def test_the_check_can_fail():
    good = {"publiccodeYmlVersion": "0.4", "name": "x", "url": "https://example.org/x.git", "platforms": ["web"],
            "categories": ["it-development"], "developmentStatus": "stable", "softwareType": "library",
            "description": {"de": {"shortDescription": "kurz", "longDescription": "l" * 150, "features": ["f"]}},
            "legal": {"license": "MIT"}, "maintenance": {"type": "none"},
            "localisation": {"localisationReady": False, "availableLanguages": ["de"]}}
    assert problems(good) == []
    for broken in ({**good, "publiccodeYmlVersion": 0.4}, {**good, "categories": []}, {**good, "developmentStatus": "fertig"},
                   {**good, "description": {"de": {**good["description"]["de"], "longDescription": "zu kurz"}}},
                   {**good, "maintenance": {"type": "internal"}}, {**good, "legal": {}}):
        assert problems(broken), broken


HOSTILE = """---
title: 'Fachverfahren "Meldewesen": Ablauf # 1 \\ 2 <script>'
summary: "Zeile eins: mit Doppelpunkt, # Raute, 'Apostroph' und \\"Zitat\\"; dazu ein Text, der lang genug ist, damit alles passt."
municipalities: [marburg]
themes: [Digitale Verwaltung]
maturity: pilot
license: CC-BY-4.0
contact: {name: "Amt: \\"IT\\"", email: it@example.org}
updated: 2024-05-01
software:
  repository: https://example.org/repo.git
  status: beta
  type: standalone/web
  platforms: [web]
  categories: [document-management]
  maintenance: contract
  contact: {name: "Firma: GmbH & Co. KG", email: firma@example.org}
  until: 2027-12-31
  license: "Apache-2.0 OR MIT"
---
## Ablauf

Der Text der Blaupause beschreibt den Ablauf in mehreren Sätzen, damit die lange Beschreibung
mindestens hundertfünfzig Zeichen hat: erst der Antrag, dann die Prüfung, dann der Bescheid.
"""

MUNICIPALITY = """---
name: Marburg
official_name: Universitätsstadt Marburg
ags: "06534014"
website: https://www.marburg.de
---
Marburg.
"""


def test_titles_with_yaml_syntax_survive_and_contract_maintenance_names_the_contractor(vcc, tmp_path):
    (tmp_path / "content" / "blaupausen").mkdir(parents=True)
    (tmp_path / "content" / "kommunen").mkdir(parents=True)
    (tmp_path / "content" / "kommunen" / "marburg.md").write_text(MUNICIPALITY, encoding="utf-8")
    (tmp_path / "content" / "blaupausen" / "meldewesen.md").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "public"
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(out))
    assert result.returncode == 0, result.stderr
    document = yaml.safe_load((out / "blaupausen" / "meldewesen" / "publiccode.yml").read_text(encoding="utf-8"))
    assert problems(document) == []
    assert document["name"] == 'Fachverfahren "Meldewesen": Ablauf # 1 \\ 2 <script>'
    assert document["maintenance"]["contractors"] == [{"name": "Firma: GmbH & Co. KG", "until": "2027-12-31", "email": "firma@example.org"}]
    assert "releaseDate" in document and document["legal"]["license"] == "Apache-2.0 OR MIT"


def test_a_wrong_software_block_is_an_error_at_its_line(vcc, tmp_path):
    (tmp_path / "content" / "blaupausen").mkdir(parents=True)
    (tmp_path / "content" / "kommunen").mkdir(parents=True)
    (tmp_path / "content" / "kommunen" / "marburg.md").write_text(MUNICIPALITY, encoding="utf-8")
    broken = HOSTILE.replace("status: beta", "status: stabil").replace("categories: [document-management]", "categories: [dokumente]")
    broken = broken.replace("  until: 2027-12-31\n", "").replace('  license: "Apache-2.0 OR MIT"\n', "")
    (tmp_path / "content" / "blaupausen" / "meldewesen.md").write_text(broken, encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.returncode == 1
    assert re.search(r"meldewesen\.md:12:\d+: error: `software\.status: stabil`", result.stderr), result.stderr
    assert "Meintest du `stable`?" in result.stderr
    assert "`dokumente` ist keine Kategorie von publiccode.yml" in result.stderr
    assert "Vertragsende `until`" in result.stderr
    assert "die Lizenz der Blaupause (`CC-BY-4.0`) ist keine Lizenz für Software" in result.stderr
