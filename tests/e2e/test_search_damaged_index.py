"""`vcc search` on a damaged index: exit 2 with "Der Suchindex ist beschädigt", quickly, in bounded memory, never a signal.

The damaged variants come from tests/damaged_search_index.py, which the browser engine's test
(Client/damaged-index.test.mjs) runs too, so both engines see the same corpus.
"""
import importlib.util
import os
import resource
import subprocess

import pytest

from conftest import REPO, run_vcc

_spec = importlib.util.spec_from_file_location("damaged_search_index", REPO / "tests" / "damaged_search_index.py")
damaged_search_index = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(damaged_search_index)

SECONDS = 10
# Address space of one `vcc search` (searching the sample site needs far less), so a variant that makes
# the engine allocate without bound fails here (as in tests/fuzz) instead of taking the machine.
MEMORY = 4 << 30


@pytest.fixture(scope="module")
def corpus(sample_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("damaged")
    return {v["name"]: v for v in damaged_search_index.write_variants(sample_site / "suche" / "index", out)}


def search(vcc, site, query):
    # No backtracer: a crash must end at once, not hang in it (as in tests/fuzz).
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    return subprocess.run([vcc, "search", "--site", str(site), "--", query], env=env, capture_output=True, text=True, timeout=SECONDS,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY)))


def test_the_intact_index_answers_the_corpus_query(vcc, sample_site, corpus):
    query = next(iter(corpus.values()))["query"]
    result = run_vcc(vcc, "search", "--site", str(sample_site), "--", query)
    assert result.returncode == 0, result.stderr
    assert "1. " in result.stdout, "the query finds results, so the damaged variants read postings and records"


@pytest.mark.parametrize("name", damaged_search_index.variant_names())
def test_a_damaged_index_is_reported_not_searched(vcc, corpus, name):
    variant = corpus[name]
    try:
        result = search(vcc, variant["site"], variant["query"])
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name} ({variant['description']}): no answer within {SECONDS} s")
    assert result.returncode == 2, f"{name} ({variant['description']}): exit {result.returncode}\n{result.stdout}{result.stderr}"
    assert "Der Suchindex ist beschädigt: " in result.stderr and "bitte neu bauen (vcc build)." in result.stderr, result.stderr
    assert "Treffer" not in result.stdout, result.stdout
