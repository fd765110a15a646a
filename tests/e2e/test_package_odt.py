"""Reuse packages: every blueprint's ZIP holds an ODF text document that LibreOffice opens and prints.

Layout checked: public/blaupausen/<id>/<id>.zip containing <id>.odt, <id>.html, <id>.md (with YAML
front matter), the attachments and NACHWEIS.txt. Needs LibreOffice and pdftotext
(Debian: libreoffice-writer-nogui, poppler-utils); the LibreOffice test is skipped without them.
"""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import time
import unicodedata
import xml.dom.minidom
import zipfile

import pytest

ODT_MEDIA_TYPE = b"application/vnd.oasis.opendocument.text"
# One LibreOffice start converts every document; a cold start takes a few seconds, each file well
# under one. The limit only guards against a hung LibreOffice.
CONVERSION_TIMEOUT = 120


def package_zips(site: pathlib.Path) -> list:
    zips = sorted(site.glob("blaupausen/*/*.zip"))
    assert zips, "keine Pakete unter public/blaupausen/<id>/<id>.zip gefunden"
    return zips


def member(archive: zipfile.ZipFile, blueprint_id: str, suffix: str) -> str:
    """The member <id><suffix> (at any folder depth), or the only member with that suffix."""
    names = [n for n in archive.namelist() if n.endswith(suffix) and not n.endswith("/")]
    exact = [n for n in names if pathlib.PurePosixPath(n).name == blueprint_id + suffix]
    chosen = exact or names
    assert len(chosen) == 1, f"{blueprint_id}.zip: erwartet genau eine {suffix}-Datei, gefunden {names}"
    return chosen[0]


def front_matter_title(markdown: str) -> str:
    match = re.match(r"\A---\r?\n(.*?)\r?\n---\r?\n", markdown, re.S)
    assert match, "Markdown des Pakets ohne Front Matter"
    title = re.search(r"^title:[ \t]*(.+?)[ \t]*$", match.group(1), re.M)
    assert title, "Front Matter ohne title:"
    value = title.group(1)
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


def first_level_two_heading(markdown: str):
    """Text of the first `## ` heading outside code fences, with inline Markdown removed; None if none."""
    body = re.sub(r"\A---\r?\n.*?\r?\n---\r?\n", "", markdown, count=1, flags=re.S)
    fence = None
    for line in body.splitlines():
        marker = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if marker:
            if fence is None:
                fence = marker.group(1)[0]
            elif marker.group(1)[0] == fence:
                fence = None
            continue
        if fence is None and line.startswith("## "):
            text = re.sub(r"\s+#+\s*$", "", line[3:]).strip()
            text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images keep their text
            return re.sub(r"[*_`]", "", text)
    return None


def normalised(text: str) -> str:
    """NFKC (PDF ligatures to letters) with all whitespace, line breaks included, as single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def unpack_documents(site: pathlib.Path, work: pathlib.Path) -> dict:
    """Writes each package's .odt to work/<id>.odt; returns {id: (odt path, title, first heading)}."""
    documents = {}
    for path in package_zips(site):
        blueprint_id = path.stem
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, f"{path.name}: beschädigter Eintrag"
            markdown = archive.read(member(archive, blueprint_id, ".md")).decode("utf-8")
            odt = work / f"{blueprint_id}.odt"
            odt.write_bytes(archive.read(member(archive, blueprint_id, ".odt")))
        documents[blueprint_id] = (odt, front_matter_title(markdown), first_level_two_heading(markdown))
    return documents


def test_every_package_document_is_a_well_formed_odf_package(sample_site, tmp_path):
    for blueprint_id, (odt, _, _) in unpack_documents(sample_site, tmp_path).items():
        assert zipfile.is_zipfile(odt), f"{blueprint_id}.odt ist kein ZIP-Archiv"
        with zipfile.ZipFile(odt) as document:
            assert document.testzip() is None, f"{blueprint_id}.odt: beschädigter Eintrag"
            first = document.infolist()[0]
            # ODF 1.2 part 3, 3.3: mimetype first, stored, no extra field, so the type shows in the first bytes.
            assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b""), blueprint_id
            assert document.read("mimetype") == ODT_MEDIA_TYPE, blueprint_id
            assert odt.read_bytes()[30:38 + len(ODT_MEDIA_TYPE)] == b"mimetype" + ODT_MEDIA_TYPE, blueprint_id
            for part in ("META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"):
                try:
                    xml.dom.minidom.parseString(document.read(part))
                except Exception as error:  # KeyError for a missing part, ExpatError for broken XML
                    pytest.fail(f"{blueprint_id}.odt: {part} fehlt oder ist kein wohlgeformtes XML: {error}")


def convert_to_pdf(documents: list, out: pathlib.Path, profile: pathlib.Path, timeout: int = CONVERSION_TIMEOUT):
    """One LibreOffice run for all documents, with its own profile so a running LibreOffice or a
    stale lock cannot interfere; on timeout the whole process group is killed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice hat nach {timeout} s nicht fertig konvertiert")
    assert process.returncode == 0, output
    return output


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice fehlt (Debian: apt-get install --no-install-recommends libreoffice-writer-nogui)")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext fehlt (Debian: apt-get install poppler-utils)")
def test_every_package_document_opens_in_libreoffice_with_title_and_first_heading(sample_site, tmp_path):
    work, pdfs = tmp_path / "odt", tmp_path / "pdf"
    work.mkdir()
    documents = unpack_documents(sample_site, work)
    output = convert_to_pdf([odt for odt, _, _ in documents.values()], pdfs, tmp_path / "profil")
    for blueprint_id, (_, title, heading) in documents.items():
        pdf = pdfs / f"{blueprint_id}.pdf"
        # LibreOffice exits 0 even when it cannot load a file; only the missing PDF tells.
        assert pdf.is_file(), f"{blueprint_id}.odt wurde nicht konvertiert:\n{output}"
        text = normalised(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                         text=True, check=True, timeout=60).stdout)
        assert normalised(title) in text, f"{blueprint_id}: Titel „{title}“ fehlt im PDF"
        if heading:
            assert normalised(heading) in text, f"{blueprint_id}: Überschrift „{heading}“ fehlt im PDF"


# Every editable file of every package in one LibreOffice run: 15 files of the sample site take
# about 2 s warm and under 20 s cold; the budget only guards against a hung LibreOffice.
EDITABLE_CONVERSION_BUDGET = 90


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice fehlt (Debian: apt-get install --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui)")
def test_every_odt_and_ods_of_every_package_converts_to_pdf(sample_site, tmp_path):
    work, pdfs = tmp_path / "dateien", tmp_path / "pdf"
    documents = []
    # The blueprints' reuse packages and the courses' material packages.
    courses = sorted(sample_site.glob("qualifizierung/*/*-material.zip"))
    assert courses, "keine Kursmaterial-Pakete gefunden"
    for path in package_zips(sample_site) + courses:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith((".odt", ".ods")):
                    # One folder per package and entry, so equal names of two packages cannot collide.
                    target = work / path.stem / name.replace("/", "__")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(name))
                    documents.append(target)
    assert any(d.suffix == ".ods" for d in documents) and len(documents) > len(package_zips(sample_site))
    names = [d.name for d in documents]
    assert len(names) == len(set(names)), "gleich benannte Dateien in zwei Paketen: --outdir würde eine überschreiben"
    start = time.monotonic()
    output = convert_to_pdf(documents, pdfs, tmp_path / "profil", timeout=EDITABLE_CONVERSION_BUDGET)
    missing = [d.name for d in documents if not (pdfs / (d.stem + ".pdf")).is_file()]
    # A missing .ods PDF usually means LibreOffice Calc is not installed (libreoffice-calc-nogui).
    assert not missing, f"nicht konvertiert: {missing}\n{output}"
    print(f"{len(documents)} Dateien in {time.monotonic() - start:.1f} s konvertiert")
