"""The reuse package a clerk downloads: what it holds, and that it is the same in every build."""
import hashlib
import io
import re
import zipfile

from conftest import REPO, run_vcc


def packages(site):
    return sorted(site.glob("blaupausen/*/*.zip"))


def test_every_blueprint_has_a_package_with_odt_html_markdown_attachments_and_notice(sample_site):
    found = packages(sample_site)
    blueprints = [p for p in (REPO / "content" / "blaupausen").glob("*.md") if p.name != "index.md"]
    assert len(found) == len(blueprints) >= 4
    for path in found:
        blueprint_id = path.stem
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            names = archive.namelist()
            for expected in ("LIESMICH.html", "NACHWEIS.txt", f"{blueprint_id}.odt", f"{blueprint_id}.html",
                             f"technik/{blueprint_id}.md", "technik/stil.css"):
                assert expected in names, (path.name, names)
            notice = archive.read("NACHWEIS.txt").decode("utf-8")
            assert "Lizenz:" in notice and "Quellenangabe" in notice and "https://vcc.example.org/blaupausen/" in notice
            markdown = archive.read(f"technik/{blueprint_id}.md").decode("utf-8")
            assert markdown.startswith("---\n") and "title:" in markdown
            # Links to other pages are absolute; none points at another Markdown file of the site.
            assert not re.search(r"\]\((?!https?:|mailto:|#)[^)]*\.md[)#]", markdown), blueprint_id
            html = archive.read(f"{blueprint_id}.html").decode("utf-8")
            assert '<link rel="stylesheet" href="technik/stil.css">' in html and "<script" not in html
            source = (REPO / "content" / "blaupausen" / f"{blueprint_id}.md").read_text(encoding="utf-8")
            for attachment in re.findall(r"path: ([^,}\s]+)", source):
                # A file from outside the blueprint's folder is carried under anhaenge/ (see PackageLayout).
                assert attachment in names or "anhaenge/" + attachment.replace("../", "") in names, (blueprint_id, attachment, names)


def test_the_blueprint_page_links_its_package_with_size_and_contents(sample_site):
    page = (sample_site / "blaupausen" / "posteingang-digitalisieren" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'href="(/blaupausen/posteingang-digitalisieren/posteingang-digitalisieren\.zip)" download>(?:<span>)?'
                     r'Nachnutzungspaket herunterladen <span class="download-size">\(ZIP, (\d+) KB: ([^)]*)\)', page)
    assert link, "the package link with size and contents"
    size = (sample_site / link.group(1).lstrip("/")).stat().st_size
    assert abs(size / 1000 - int(link.group(2))) <= 1
    assert "ODT" in link.group(3) and "Anh" in link.group(3)


def test_packages_are_byte_identical_across_builds(vcc, tmp_path):
    digests = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert run_vcc(vcc, "build", "--source", str(REPO), "--output", str(out)).returncode == 0
        digests.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in packages(out)})
    assert digests[0] == digests[1] and len(digests[0]) >= 4


def test_the_packaged_markdown_builds_in_another_vcc_site(sample_site, vcc, tmp_path):
    """Another municipality unpacks the package into its own site, with its own cities: it builds, and
    the Markdown in technik/ finds its attachments one folder up, where they lie in the package."""
    site = tmp_path / "andere-kommune"
    (site / "content" / "blaupausen").mkdir(parents=True)
    (site / "content" / "kommunen").mkdir()
    for city in ("offenbach", "giessen"):
        (site / "content" / "kommunen" / f"{city}.md").write_text((REPO / "content" / "kommunen" / f"{city}.md").read_text(encoding="utf-8"), encoding="utf-8")
    with zipfile.ZipFile(sample_site / "blaupausen" / "posteingang-digitalisieren" / "posteingang-digitalisieren.zip") as archive:
        for name in archive.namelist():
            if name.endswith((".md", ".txt")) and name != "NACHWEIS.txt":
                target = site / "content" / "blaupausen" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    result = run_vcc(vcc, "build", "--source", str(site))
    assert result.returncode == 0, result.stderr
    markdown = (site / "content" / "blaupausen" / "technik" / "posteingang-digitalisieren.md").read_text(encoding="utf-8")
    assert "# related:" in markdown and "path: ../posteingang-checkliste.txt" in markdown
