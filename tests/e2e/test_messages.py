"""Messages staff read: German, in one voice, complete; a draft never blocks publishing."""
import shutil

from conftest import REPO, copy_sample_settings, run_vcc

SUBCOMMANDS = ["build", "serve", "search", "theme", "schema", "check", "new", "init"]
ENGLISH = ["USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "OVERVIEW:", "Show help information.", "Show the version.",
           "for detailed help", "(default: "]


def sample_copy(tmp_path):
    project = tmp_path / "projekt"
    shutil.copytree(REPO / "content", project / "content")
    copy_sample_settings(project)
    return project


def broken_draft(project):
    """A draft with a non-breaking space copied from Word and a date that does not exist."""
    draft = project / "content" / "blaupausen" / "entwurf-scanstrasse.md"
    draft.write_text(
        "---\ntitle: Scan\u00a0straße\nsummary: Noch in Arbeit.\nmunicipalities: [marburg]\nthemes: [Digitale Verwaltung]\n"
        "maturity: idee\nlicense: CC-BY-4.0\ncontact: {name: Stabsstelle, email: digital@example.org}\n"
        "updated: 2024-02-30\ndraft: true\n---\nText.\n", encoding="utf-8")
    return draft


def test_help_of_every_subcommand_is_german(vcc):
    for arguments in [["--help"], ["help"]] + [[name, "--help"] for name in SUBCOMMANDS]:
        result = run_vcc(vcc, *arguments)
        assert result.returncode == 0, (arguments, result.stderr)
        for phrase in ENGLISH:
            assert phrase not in result.stdout, (arguments, phrase, result.stdout)
        assert "AUFRUF:" in result.stdout and "Diese Hilfe zeigen." in result.stdout, (arguments, result.stdout)


def test_usage_error_is_german(vcc):
    result = run_vcc(vcc, "build", "--no-such-flag")
    assert result.returncode == 2
    assert "Unbekannte Option '--no-such-flag'" in result.stderr and "Error:" not in result.stderr, result.stderr


def test_new_with_a_name_too_long_for_a_file_suggests_a_shorter_one(vcc, tmp_path):
    project = sample_copy(tmp_path)
    name = " ".join(["Digitaler Posteingang mit Scanstraße"] * 9)  # about 330 characters
    result = run_vcc(vcc, "new", "blaupause", name, "--source", str(project))
    assert result.returncode == 2, result.stderr
    assert "The file name is invalid" not in result.stderr
    assert "Der Name ist zu lang für einen Dateinamen" in result.stderr, result.stderr
    assert 'vcc new blaupause "Digitaler Posteingang mit Scanstraße' in result.stderr, result.stderr
    assert not [p for p in (project / "content" / "blaupausen").iterdir() if p.name.startswith("digitaler-posteingang-mit")]


def test_a_broken_draft_is_a_warning_and_the_rest_is_built(vcc, tmp_path):
    project = sample_copy(tmp_path)
    broken_draft(project)
    out = tmp_path / "public"
    result = run_vcc(vcc, "build", "--source", str(project), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "content/blaupausen/entwurf-scanstrasse.md:2:" in result.stderr, result.stderr
    assert "geschütztes Leerzeichen (U+00A0), oft aus Word kopiert" in result.stderr
    assert "Entwurf" in result.stderr and "0 Fehler" in result.stderr, result.stderr
    assert (out / "index.html").exists()
    assert not (out / "blaupausen" / "entwurf-scanstrasse").exists()


def test_a_broken_draft_stops_the_build_with_drafts(vcc, tmp_path):
    project = sample_copy(tmp_path)
    broken_draft(project)
    result = run_vcc(vcc, "build", "--drafts", "--source", str(project), "--output", str(tmp_path / "public"))
    assert result.returncode == 1, result.stderr
    assert "content/blaupausen/entwurf-scanstrasse.md:2:" in result.stderr
    assert "error" in result.stderr or "Fehler" in result.stderr
