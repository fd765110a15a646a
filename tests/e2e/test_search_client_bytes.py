"""What a cold query makes the browser download of the search client: the modules are served without
comment lines and indentation, and the compound splitter loads only for a query that needs it; the
compacted client still answers in Chromium."""
import pathlib

SEARCH = """
const done = arguments[arguments.length - 1];
const [engineURL, query] = arguments;
import(engineURL).then(async ({ createSearch }) => {
  const engine = await createSearch("/suche/index/");
  const answer = await engine.search(query, { limit: 3 });
  done({ urls: answer.results.map((r) => r.url.split("#")[0]),
         loaded: performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname) });
}, (e) => done({ error: String(e) }));
"""


def engine_url(sample_site):
    return "/" + str(next((sample_site / "assets").glob("*/search/engine.js")).relative_to(sample_site))


def search_cold(driver, served_site, sample_site, query):
    driver.get(served_site + "/datenschutz/")
    answer = driver.execute_async_script(SEARCH, engine_url(sample_site), query)
    assert "error" not in answer, answer
    return answer


def test_the_served_modules_have_no_comment_lines_or_indentation(sample_site):
    modules = list((sample_site / "assets").glob("*/search/*.js"))
    assert len(modules) > 10
    for module in modules:
        lines = module.read_text(encoding="utf-8").splitlines()
        assert not [line for line in lines if line.startswith(("//", "/*", " ", "\t")) or not line], module.name
    written = sum(p.stat().st_size for p in (pathlib.Path(__file__).parents[2] / "Sources/SearchIndexing/Client").glob("*.js"))
    assert sum(m.stat().st_size for m in modules) * 5 <= written * 4


def test_a_common_word_does_not_load_the_compound_splitter(driver, served_site, sample_site):
    # "Verwaltung" is on more than 10 pages: no split is needed.
    answer = search_cold(driver, served_site, sample_site, "Verwaltung")
    assert answer["urls"], answer
    assert any(path.endswith("/search/search-engine.js") for path in answer["loaded"])
    assert not any(path.endswith("/compound-query-splitter.js") for path in answer["loaded"]), answer["loaded"]


def test_a_word_the_index_does_not_know_loads_the_splitter_and_finds_its_parts(driver, served_site, sample_site):
    # "Routinetätigkeiten" is no term of the index; its parts find the RPA blueprint.
    answer = search_cold(driver, served_site, sample_site, "Routinetätigkeiten")
    assert answer["urls"][:1] == ["/blaupausen/rpa-routineaufgaben/"], answer
    assert any(path.endswith("/compound-query-splitter.js") for path in answer["loaded"])
