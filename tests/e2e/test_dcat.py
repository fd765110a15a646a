"""The DCAT-AP.de 3.0 catalogue against the SHACL shapes GovData uses (PyPI pyshacl; shapes in tests/fixtures)."""
import pathlib
import shutil

import pyshacl
import pytest
import rdflib

from conftest import REPO, copy_sample_settings, run_vcc

SHAPES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "dcat-ap-de-3.0"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def shapes():
    graph = rdflib.Graph()
    for name in ("dcat-ap-3.0.0-SHACL.ttl", "dcat-ap-SHACL-DE.ttl", "dcat-ap-spec-german-additions.ttl", "dcat-ap-de-deprecated.ttl"):
        graph.parse(SHAPES / name, format="turtle")
    return graph


def validate(data, shapes):
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return conforms, report


@pytest.mark.parametrize("name,syntax", [("dcat.ttl", "turtle"), ("dcat.rdf", "xml")])
def test_the_catalogue_conforms_with_one_dataset_per_blueprint(sample_site, shapes, name, syntax):
    data = rdflib.Graph().parse(sample_site / "katalog" / name, format=syntax)
    conforms, report = validate(data, shapes)
    assert conforms, report
    assert "deprecated" not in report.lower() and "veraltet" not in report.lower()
    datasets = set(data.subjects(rdflib.RDF.type, DCAT.Dataset))
    blueprints = [p for p in (REPO / "content" / "blaupausen").glob("*.md") if p.name != "index.md"]
    figures = [p for p in (REPO / "content" / "daten").glob("*.md") if p.name != "index.md"]
    assert len(datasets) == len(blueprints) + len(figures)
    for dataset in datasets:
        distributions = list(data.objects(dataset, DCAT.distribution))
        assert len(distributions) >= (1 if "/daten/" in str(dataset) else 2), dataset
        for distribution in distributions:
            assert str(data.value(distribution, DCT.license)).startswith("http://dcat-ap.de/def/licenses/")
            assert data.value(distribution, DCAT.byteSize) is not None


def test_a_catalogue_with_a_dataset_without_title_or_a_distribution_without_licence_is_rejected(sample_site, shapes):
    data = rdflib.Graph().parse(sample_site / "katalog" / "dcat.ttl", format="turtle")
    dataset = next(iter(data.subjects(rdflib.RDF.type, DCAT.Dataset)))
    without_title = rdflib.Graph() + data
    without_title.remove((dataset, DCT.title, None))
    assert not validate(without_title, shapes)[0]
    distribution = next(iter(data.subjects(rdflib.RDF.type, DCAT.Distribution)))
    without_licence = rdflib.Graph() + data
    without_licence.remove((distribution, DCT.license, None))
    assert not validate(without_licence, shapes)[0]


def test_titles_with_quotes_umlauts_and_markup_survive_both_syntaxes(vcc, tmp_path):
    project = tmp_path / "projekt"
    shutil.copytree(REPO / "content", project / "content")
    copy_sample_settings(project)
    blueprint = project / "content" / "blaupausen" / "ki-checkliste.md"
    title = 'Prüfliste "KI" <Entwurf> & Übersicht \\ Ende'
    text = blueprint.read_text(encoding="utf-8").replace("title: Checkliste für KI-Anwendungsfälle", "title: '" + title.replace("'", "''") + "'")
    blueprint.write_text(text, encoding="utf-8")
    assert run_vcc(vcc, "build", "--source", str(project)).returncode == 0
    for name, syntax in (("dcat.ttl", "turtle"), ("dcat.rdf", "xml")):
        data = rdflib.Graph().parse(project / "public" / "katalog" / name, format=syntax)
        assert any(str(o) == title for o in data.objects(None, DCT.title)), name


def test_a_data_set_is_a_dataset_with_its_period_and_a_csv_distribution_conforming_to_its_schema(sample_site, shapes):
    data = rdflib.Graph().parse(sample_site / "katalog" / "dcat.ttl", format="turtle")
    dataset = rdflib.URIRef("https://vcc.example.org/daten/nutzungszahlen/#datensatz")
    assert (dataset, rdflib.RDF.type, DCAT.Dataset) in data
    period = data.value(dataset, DCT.temporal)
    assert str(data.value(period, DCAT.startDate)) == "2024-01-01" and str(data.value(period, DCAT.endDate)) == "2024-12-31"
    (distribution,) = data.objects(dataset, DCAT.distribution)
    assert str(data.value(distribution, DCAT.mediaType)) == "https://www.iana.org/assignments/media-types/text/csv"
    assert str(data.value(distribution, DCAT.downloadURL)) == "https://vcc.example.org/daten/nutzungszahlen.csv"
    assert str(data.value(distribution, DCT.conformsTo)) == "https://vcc.example.org/daten/nutzungszahlen.schema.json"
    assert str(data.value(distribution, DCT.license)) == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
    assert (sample_site / "daten" / "nutzungszahlen.schema.json").is_file()
    # The shapes check what the catalogue writes: a period without its class, or a schema or
    # media type given as text instead of an address, is a violation.
    for subject, predicate, value in ((period, rdflib.RDF.type, None), (distribution, DCT.conformsTo, rdflib.Literal("Table Schema")),
                                      (distribution, DCAT.mediaType, rdflib.Literal("text/csv"))):
        broken = rdflib.Graph() + data
        broken.remove((subject, predicate, None))
        if value is not None:
            broken.add((subject, predicate, value))
        assert not validate(broken, shapes)[0], predicate
