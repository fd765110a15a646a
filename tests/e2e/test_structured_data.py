"""What search engines and portals read from each page: JSON-LD, meta description, Open Graph (extruct)."""
import json

import extruct


def test_extruct_finds_json_ld_and_open_graph_of_a_blueprint(sample_site):
    html = (sample_site / "blaupausen" / "posteingang-digitalisieren" / "index.html").read_text(encoding="utf-8")
    data = extruct.extract(html, base_url="https://vcc.example.org/blaupausen/posteingang-digitalisieren/",
                           syntaxes=["json-ld", "opengraph"], uniform=True)
    graph = data["json-ld"][0]["@graph"]
    blueprint = next(item for item in graph if item["@type"] == "CreativeWork")
    assert blueprint["name"] == "Digitaler Posteingang"
    assert blueprint["license"].startswith("https://creativecommons.org/licenses/by/4.0/")
    assert {creator["name"] for creator in blueprint["creator"]} == {"Offenbach am Main", "Gießen"}
    assert any(item["@type"] == "BreadcrumbList" for item in graph)
    og = data["opengraph"][0]
    assert og["og:title"] == "Digitaler Posteingang"
    assert og["og:url"] == "https://vcc.example.org/blaupausen/posteingang-digitalisieren/"
    # In extruct's uniform form og:type is reported as @type.
    assert og["og:locale"] == "de_DE" and og["@type"] == "article" and og["og:description"]


def test_every_page_has_parsing_json_ld_a_description_and_open_graph(sample_site):
    missing = []
    for page in sorted(sample_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        data = extruct.extract(html, syntaxes=["json-ld", "opengraph"], uniform=True)
        name = str(page.relative_to(sample_site))
        if not data["json-ld"] or "@graph" not in data["json-ld"][0]:
            missing.append((name, "json-ld"))
        if '<meta name="description" content="' not in html:
            missing.append((name, "description"))
        og = data["opengraph"][0] if data["opengraph"] else {}
        for key in ("og:title", "og:description", "og:url", "@type", "og:locale", "og:site_name"):
            if key not in og:
                missing.append((name, key))
    assert missing == []
