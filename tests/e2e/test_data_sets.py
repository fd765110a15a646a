"""Data sets, charts and competence clusters with the real binary: a CSV that does not fit its
description fails the build at file:line:column; the published CSV and its Data Package pass
`frictionless validate` (PyPI frictionless); every chart's table holds the CSV's numbers; the pages
of a data set, a cluster and the report with two charts reflow at 320 px and have no axe-core
violations; schema.org `Dataset` JSON-LD has what data set search asks for."""
import collections
import csv
import html.parser
import json
import shutil

import frictionless
import pytest
from selenium.webdriver.common.by import By

from browser import OVERFLOW_JS, color_scheme, viewport
from conftest import REPO, copy_sample_settings, run_axe, run_vcc

CSV = REPO / "content" / "daten" / "nutzungszahlen.csv"
PAGES = ["/daten/nutzungszahlen/", "/kompetenzcluster/onlinedienste/", "/berichte/godonu-zwischenbericht/",
         "/blaupausen/nutzungs-dashboard/", "/kompetenzcluster/", "/daten/", "/kommunen/marburg/", "/"]


def sample_project(tmp_path):
    project = tmp_path / "projekt"
    shutil.copytree(REPO / "content", project / "content")
    copy_sample_settings(project)
    return project


def build_with_csv(vcc, tmp_path, change):
    project = sample_project(tmp_path)
    path = project / "content" / "daten" / "nutzungszahlen.csv"
    # Bytes, so the file's CRLF line ends stay as written.
    path.write_bytes(change(path.read_bytes().decode("utf-8")).encode("utf-8"))
    return run_vcc(vcc, "build", "--source", str(project))


def test_a_wrong_value_fails_the_build_at_its_line_and_column(vcc, tmp_path):
    result = build_with_csv(vcc, tmp_path, lambda text: text.replace("2024-01,Gewerbeanmeldung,1092,", "2024-01,Gewerbeanmeldung,12.5,", 1))
    assert result.returncode != 0
    assert "content/daten/nutzungszahlen.csv:2:26: error: `12.5` in Spalte `aufrufe` ist keine ganze Zahl." in result.stderr


def test_a_row_missing_a_value_fails_the_build_at_the_row(vcc, tmp_path):
    result = build_with_csv(vcc, tmp_path, lambda text: text.replace("2024-01,Hundesteuer-Anmeldung,275,164,139,25", "2024-01,Hundesteuer-Anmeldung,275,164,139", 1))
    assert result.returncode != 0
    assert "content/daten/nutzungszahlen.csv:4:42: error: Die Zeile hat 5 Werte, die Kopfzeile 6 Spalten: es fehlt `abgebrochen`." in result.stderr


def test_a_described_column_the_csv_lacks_fails_the_build_at_the_description(vcc, tmp_path):
    result = build_with_csv(vcc, tmp_path, lambda text: text.replace("abgebrochen\r\n", "abbrueche\r\n", 1))
    assert result.returncode != 0
    assert "content/daten/nutzungszahlen.csv:1:43: error: Die Spalte `abbrueche` steht nicht in der Beschreibung" in result.stderr
    line = next(number for number, text in enumerate((REPO / "content/daten/nutzungszahlen.md").read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "- name: abgebrochen")
    assert f"content/daten/nutzungszahlen.md:{line}:13: error: Die Beschreibung nennt die Spalte `abgebrochen`, aber die Kopfzeile" in result.stderr


def test_a_chart_of_an_unknown_data_set_or_column_fails_at_the_block(vcc, tmp_path):
    project = sample_project(tmp_path)
    report = project / "content" / "berichte" / "godonu-zwischenbericht.md"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("werte: aufrufe\n", "werte: aufruf\n", 1).replace("daten: nutzungszahlen\nart: gestapelte", "daten: nutzungzahlen\nart: gestapelte", 1), encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(project))
    assert result.returncode != 0
    fences = [number for number, line in enumerate(report.read_text(encoding="utf-8").splitlines(), 1) if line == "```diagramm"]
    assert f"content/berichte/godonu-zwischenbericht.md:{fences[0]}:1: error: `werte: aufruf`: der Datensatz `nutzungszahlen` hat keine Spalte `aufruf`." in result.stderr
    assert f"content/berichte/godonu-zwischenbericht.md:{fences[1]}:1: error: `daten: nutzungzahlen`: es gibt keinen Datensatz" in result.stderr
    assert "Meintest du `nutzungszahlen`?" in result.stderr


def test_frictionless_validates_the_published_csv_against_its_description(sample_site, tmp_path):
    report = frictionless.validate(str(sample_site / "daten" / "nutzungszahlen.datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "note"])
    package = json.loads((sample_site / "daten" / "nutzungszahlen.datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "DL-DE-BY-2.0" and package["temporal"] == {"start": "2024-01-01", "end": "2024-12-31"}
    # The description really constrains the data: a copy with a text in a number column fails.
    copy = tmp_path / "kopie"
    shutil.copytree(sample_site / "daten", copy)
    broken = copy / "nutzungszahlen.csv"
    broken.write_text(broken.read_text(encoding="utf-8").replace(",1092,", ",viele,", 1), encoding="utf-8", newline="")
    assert not frictionless.validate(str(copy / "nutzungszahlen.datapackage.json")).valid


class Tables(html.parser.HTMLParser):
    """The cells of each chart's table (`table.chart-table`), row by row."""

    def __init__(self):
        super().__init__()
        self.tables, self.inside, self.cell = [], False, None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and "chart-table" in (dict(attrs).get("class") or ""):
            self.inside = True
            self.tables.append([])
        elif self.inside and tag == "tr":
            self.tables[-1].append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def german(number):
    return f"{number:,}".replace(",", ".")


def chart_tables(sample_site, page):
    parser = Tables()
    parser.feed((sample_site / page / "index.html").read_text(encoding="utf-8"))
    return parser.tables


def test_the_charts_tables_hold_the_numbers_of_the_csv(sample_site):
    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    services = list(dict.fromkeys(row["dienst"] for row in rows))
    months = sorted(set(row["monat"] for row in rows))
    lines, stacked = chart_tables(sample_site, "berichte/godonu-zwischenbericht")
    calls = {(row["monat"], row["dienst"]): int(row["aufrufe"]) for row in rows}
    assert lines[0] == ["Monat"] + services
    month_names = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
    for month, line in zip(months, lines[1:], strict=True):
        assert line == [f"{month_names[int(month[5:]) - 1]} {month[:4]}"] + [german(calls[(month, s)]) for s in services]
    sums = collections.defaultdict(lambda: [0, 0])
    for row in rows:
        sums[row["dienst"]][0] += int(row["abgeschickt"])
        sums[row["dienst"]][1] += int(row["abgebrochen"])
    assert stacked[0] == ["Onlinedienst", "Abgeschickte Anträge", "Abgebrochene Anträge"]
    assert stacked[1:] == [[s, german(sums[s][0]), german(sums[s][1])] for s in services]
    funnel = collections.defaultdict(lambda: [0, 0, 0])
    for row in rows:
        for index, column in enumerate(("aufrufe", "begonnen", "abgeschickt")):
            funnel[row["dienst"]][index] += int(row[column])
    blueprint_stacked, blueprint_funnel = chart_tables(sample_site, "blaupausen/nutzungs-dashboard")
    assert blueprint_stacked == stacked
    assert blueprint_funnel[0] == ["Onlinedienst", "Aufrufe", "Begonnene Anträge", "Abgeschickte Anträge"]
    assert blueprint_funnel[1:] == [[s] + [german(n) for n in funnel[s]] for s in services]


def structured_data(page_html):
    start = page_html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    return json.loads(page_html[start:page_html.index("</script>", start)])["@graph"]


def test_the_data_set_page_is_a_schema_org_dataset_and_the_cluster_an_organization(sample_site):
    graph = structured_data((sample_site / "daten" / "nutzungszahlen" / "index.html").read_text(encoding="utf-8"))
    dataset = next(item for item in graph if item.get("@type") == "Dataset")
    for key in ("name", "description", "license", "temporalCoverage", "distribution", "variableMeasured", "creator"):
        assert dataset.get(key), key
    assert dataset["temporalCoverage"] == "2024-01-01/2024-12-31"
    assert dataset["distribution"] == [{"@type": "DataDownload", "encodingFormat": "text/csv",
                                        "contentUrl": "https://vcc.example.org/daten/nutzungszahlen.csv"}]
    assert [v["propertyID"] for v in dataset["variableMeasured"]] == ["monat", "dienst", "aufrufe", "begonnen", "abgeschickt", "abgebrochen"]
    cluster = next(item for item in structured_data((sample_site / "kompetenzcluster" / "onlinedienste" / "index.html")
                                                    .read_text(encoding="utf-8")) if item.get("additionalType") == "Kompetenzcluster")
    assert cluster["@type"] == "Organization" and [m["name"] for m in cluster["member"]][0] == "Marburg"


def test_cluster_pages_list_what_belongs_to_them_and_cities_their_clusters(sample_site):
    cluster = (sample_site / "kompetenzcluster" / "onlinedienste" / "index.html").read_text(encoding="utf-8")
    for title in ("Nutzungsdashboard für Onlinedienste", "Online-Terminvergabe im Bürgerbüro", "GoDoNu – Nutzungsanalyse von Onlinediensten"):
        assert title in cluster
    marburg = (sample_site / "kommunen" / "marburg" / "index.html").read_text(encoding="utf-8")
    assert "Onlinedienste und Nutzungsanalyse" in marburg and "Leitet den Cluster" in marburg
    fulda = (sample_site / "kommunen" / "fulda" / "index.html").read_text(encoding="utf-8")
    assert "Rolle im Cluster: bringt die Online-Terminvergabe ein" in fulda
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert home.count('href="/kompetenzcluster/') >= 4


def test_a_cluster_named_with_a_typo_is_an_error_with_a_suggestion(vcc, tmp_path):
    project = sample_project(tmp_path)
    blueprint = project / "content" / "blaupausen" / "ki-checkliste.md"
    blueprint.write_text(blueprint.read_text(encoding="utf-8").replace("cluster: daten-und-ki", "cluster: daten-und-kl"), encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(project))
    assert result.returncode != 0
    assert "content/blaupausen/ki-checkliste.md:3:10: error: `cluster` verweist auf `daten-und-kl`, aber es gibt keinen Kompetenzcluster" in result.stderr
    assert "Meintest du `daten-und-ki`?" in result.stderr


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_data_set_cluster_and_chart_pages_reflow_and_have_no_wcag_violations(driver, served_site, axe_source, width, scheme):
    with viewport(driver, width, 900, mobile=width < 600), color_scheme(driver, scheme):
        for page in PAGES:
            driver.get(served_site + page)
            found = driver.execute_script(OVERFLOW_JS)
            assert found["scrollWidth"] <= found["clientWidth"], (page, found["worst"])
            assert run_axe(driver, axe_source) == [], page
            for disclosure in driver.find_elements(By.CSS_SELECTOR, "details.chart-data summary"):
                disclosure.click()
            found = driver.execute_script(OVERFLOW_JS)
            assert found["scrollWidth"] <= found["clientWidth"], (page, "open tables", found["worst"])
            assert run_axe(driver, axe_source) == [], (page, "open tables")
    driver.get(served_site + "/berichte/godonu-zwischenbericht/")
    assert len(driver.find_elements(By.CSS_SELECTOR, "figure.data-chart svg[role=img]")) == 2


def test_the_search_finds_data_sets_and_clusters_under_their_own_kind(sample_site):
    (folder,) = [path for path in (sample_site / "suche" / "index").iterdir() if path.is_dir()]
    facets = (folder / "facets.json").read_text(encoding="utf-8")
    assert '"Datensatz"' in facets and '"Kompetenzcluster"' in facets


def test_the_reuse_package_shows_the_chart_in_its_html_and_its_numbers_in_its_odt(sample_site):
    import zipfile
    with zipfile.ZipFile(sample_site / "blaupausen" / "nutzungs-dashboard" / "nutzungs-dashboard.zip") as archive:
        page = archive.read("nutzungs-dashboard.html").decode("utf-8")
        with zipfile.ZipFile(__import__("io").BytesIO(archive.read("nutzungs-dashboard.odt"))) as odt:
            text = odt.read("content.xml").decode("utf-8")
        stylesheet = archive.read("technik/stil.css").decode("utf-8")
    assert '<svg class="chart data-chart-svg"' in page and 'href="https://vcc.example.org/daten/nutzungszahlen/"' in page
    assert ".chart-line.chart-color-1" in stylesheet
    assert "daten: nutzungszahlen" not in text, "the ODT shows the chart's numbers, not its specification"
    assert "Begonnene Anträge 2024 – abgeschickt und abgebrochen (Anzahl)" in text and "3.780" in text


def test_vcc_new_writes_a_data_set_and_a_cluster_that_build_once_filled_in(vcc, tmp_path):
    assert run_vcc(vcc, "init", str(tmp_path)).returncode == 0
    for kind, title in (("datensatz", "Besuche im Bürgerbüro"), ("kompetenzcluster", "Smart City")):
        result = run_vcc(vcc, "new", kind, title, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    dataset = tmp_path / "content" / "daten" / "besuche-im-buergerbuero.md"
    cluster = tmp_path / "content" / "kompetenzcluster" / "smart-city.md"
    scaffold = dataset.read_text(encoding="utf-8")
    assert "«ausfüllen:" in scaffold and "Zum Beispiel [{name: monat, type: yearmonth, title: Monat}]" in scaffold
    unfilled = run_vcc(vcc, "build", cwd=tmp_path)
    assert unfilled.returncode == 1 and "content/daten/besuche-im-buergerbuero.md" in unfilled.stderr
    (tmp_path / "content" / "kommunen").mkdir()
    (tmp_path / "content" / "kommunen" / "beispielstadt.md").write_text(
        '---\nname: Beispielstadt\nofficial_name: Stadt Beispielstadt\nags: "06411000"\nwebsite: https://www.example.org\n---\nText.\n',
        encoding="utf-8")
    city = "beispielstadt"
    dataset.write_text(f"""---
title: Besuche im Bürgerbüro
summary: Wie viele Menschen das Bürgerbüro besuchen.
file: besuche.csv
license: CC-BY-4.0
source: Zählung am Eingang
period: {{start: 2024-01-01, end: 2024-02-29}}
schema: {{fields: [{{name: monat, type: yearmonth, title: Monat}}, {{name: besuche, type: integer, title: Besuche}}]}}
---
Gezählt am Eingang.

```diagramm
daten: besuche-im-buergerbuero
art: balken
x: monat
werte: besuche
titel: Besuche je Monat
```
""", encoding="utf-8")
    (dataset.parent / "besuche.csv").write_text("monat,besuche\n2024-01,310\n2024-02,290\n", encoding="utf-8")
    cluster.write_text(f"---\ntitle: Smart City\nsummary: Die Stadt von morgen.\nlead: {city}\nthemes: [Smart City]\n---\nText.\n", encoding="utf-8")
    built = run_vcc(vcc, "build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "public" / "daten" / "besuche-im-buergerbuero" / "index.html").read_text(encoding="utf-8")
    assert "<td class=\"number\">310</td>" in page
    assert (tmp_path / "public" / "kompetenzcluster" / "smart-city" / "index.html").is_file()


def test_blueprint_project_and_course_pages_link_their_cluster(sample_site):
    for page in ("blaupausen/nutzungs-dashboard", "projekte/godonu", "qualifizierung/digitale-verwaltung-grundlagen"):
        html_text = (sample_site / page / "index.html").read_text(encoding="utf-8")
        assert "<dt>Kompetenzcluster</dt><dd><a href=\"/kompetenzcluster/" in html_text, page


def test_the_publishing_city_and_the_project_list_their_data_sets(sample_site):
    """The data set names its publisher and project; both pages link back to it."""
    import re
    for page in ("kommunen/marburg/index.html", "projekte/godonu/index.html"):
        html = (sample_site / page).read_text(encoding="utf-8")
        section = re.search(r'<section aria-labelledby="datensaetze">.*?</section>', html, re.S)
        assert section and 'href="/daten/nutzungszahlen/"' in section.group(0), page
    assert 'aria-labelledby="datensaetze"' not in (sample_site / "projekte/egovsad/index.html").read_text(encoding="utf-8")


def test_a_cluster_lists_the_event_sessions_about_what_belongs_to_it(sample_site):
    """A session joins the cluster of the blueprints, projects and courses it is about: the dashboard
    talk (about nutzungs-dashboard, egovsad and godonu) appears once on the Onlinedienste cluster."""
    import re
    html = (sample_site / "kompetenzcluster/onlinedienste/index.html").read_text(encoding="utf-8")
    section = re.search(r'<section aria-labelledby="veranstaltungen">.*?</section>', html, re.S)
    assert section, "no sessions on the cluster page"
    links = re.findall(r'href="(/veranstaltungen/[^"]+)"', section.group(0))
    assert links.count("/veranstaltungen/digitalforum-2023/#beitrag-ein-analyse-dashboard-fuer-onlinedienste") == 1, links
