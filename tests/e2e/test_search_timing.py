"""`vcc search --repeat N`: the measuring mode of bench/search_timing.py (median of the warm runs
on stderr, the answer unchanged on stdout)."""
import json

from conftest import run_vcc


def test_repeat_reports_the_median_and_keeps_the_answer(vcc, sample_site):
    once = run_vcc(vcc, "search", "--site", str(sample_site), "--json", "--", "Posteingang")
    timed = run_vcc(vcc, "search", "--site", str(sample_site), "--json", "--repeat", "5", "--", "Posteingang")
    assert timed.returncode == 0, timed.stderr
    assert json.loads(timed.stdout) == json.loads(once.stdout)
    assert "search() Median:" in timed.stderr and "über 4 Läufe" in timed.stderr, timed.stderr


def test_repeat_out_of_range_is_an_error_in_words(vcc, sample_site):
    result = run_vcc(vcc, "search", "--site", str(sample_site), "--repeat", "0", "--", "Posteingang")
    assert result.returncode != 0
    assert "--repeat muss zwischen 1 und 10000 liegen" in result.stderr, result.stderr
