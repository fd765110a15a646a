"""Constants, the valid base project, the Case of one fuzz run and small file helpers."""
import os
import re
import shutil


FIXED_SEED = 20261201
BUILD_TIMEOUT = 20          # seconds for a `vcc build`; longer is a hang
SEARCH_TIMEOUT = 10         # seconds for a `vcc search`
CHECK_DEADLINE = 4          # --deadline of `vcc check --external` (seconds for all links)
CHECK_CURL_TIMEOUT = 2      # --timeout of `vcc check --external` (seconds per request)
CHECK_TIMEOUT = 30          # seconds for a `vcc check --external` run; longer is a hang
SECRET_ENV = "VCC_FUZZ_SECRET"   # environment variable holding the case's secret marker (for /proc/self/environ)
MEMORY_LIMIT = 6 << 30      # address-space cap per vcc process, so a bomb cannot take the machine
LOCATION = re.compile(r"\S+:\d+(:\d+)?: ")
HELPER = re.compile(r"(^|/)\.[^/]*\.vcc-")   # vcc's staging/old folders beside an output folder
TRAPS = ("Fatal error", "Illegal instruction", "Segmentation fault", "Program crashed", "Current stack trace")
ATTRIBUTE_URL = re.compile(rb'(?:href|src)="([^"]*)"', re.I)
BAD_SCHEMES = (b"javascript:", b"vbscript:", b"data:")


# ---- The valid base project ------------------------------------------------------------------

SITE_YML = ("title: Fuzz-Wissensbasis\ndescription: Testseite\npublisher: Fuzz\n"
            "base_url: https://vcc.example.org\nlanguage: de\nallow_raw_html: false\n")
BASE = {
    "site.yml": SITE_YML,
    "content/index.md": "---\ntitle: Start\nsummary: Startseite.\n---\nWillkommen. Siehe [Impressum](impressum.md).\n",
    "content/impressum.md": "---\ntitle: Impressum\nsummary: Anbieter.\n---\n## Anbieter\n\nText.\n\n## Kontakt\n\nMehr.\n",
    **{f"content/kommunen/{key}.md": f'---\nname: {name}\nofficial_name: Stadt {name}\nags: "{ags}"\n'
       f"website: https://www.{key}.de\n---\n{name}.\n"
       for key, name, ags in [("offenbach", "Offenbach", "06413000"), ("marburg", "Marburg", "06534014"), ("fulda", "Fulda", "06631009")]},
    "content/projekte/godonu.md": "---\ntitle: GoDoNu\nacronym: GoDoNu\nlead: marburg\npartners: [offenbach, fulda]\n"
                                  "status: laufend\nstart: 2024-03-01\nsummary: Nutzungsanalyse.\n---\nProjekttext.\n",
    "content/blaupausen/posteingang.md": (
        "---\ntitle: Digitaler Posteingang\nsummary: Briefe werden gescannt.\nmunicipalities: [offenbach, fulda]\n"
        "themes: [Digitale Verwaltung, E-Akte]\nmaturity: im-betrieb\nin_operation: [{municipality: offenbach, since: 2023-04-01}]\n"
        "license: CC-BY-4.0\n"
        "contact: {name: Stabsstelle, email: digital@example.org}\nupdated: 2024-05-14\n"
        "prerequisites: [Ein E-Akten-System]\nadopted_by:\n  - {municipality: marburg, since: 2024-09-01, status: Pilot}\n"
        "related: [prozesse]\nattachments:\n  - {title: Checkliste, path: checkliste.txt}\n---\n"
        "## Ausgangslage\n\nPapier. Siehe [Prozesse](prozesse.md#die-methode).\n\n## Umsetzung\n\n1. Scannen\n2. Leiten\n"),
    "content/blaupausen/checkliste.txt": "Checkliste\n",
    "content/blaupausen/prozesse.md": (
        "---\ntitle: Prozesse visualisieren\nsummary: BPMN im Amt.\nmunicipalities: [marburg]\nthemes: [Prozesse]\n"
        "maturity: pilot\nlicense: DL-DE-BY-2.0\ncontact: {name: Team, url: https://example.org/kontakt}\n"
        "updated: 2023-11-02\nrelated: [posteingang]\n---\n## Die Methode\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"),
    "content/blaupausen/termine.md": (
        "---\ntitle: Online-Terminvergabe\nsummary: Termine online.\nmunicipalities: [fulda]\nthemes: [Onlinedienste]\n"
        "maturity: idee\nlicense: CC-BY-4.0\ncontact: {name: Bürgerbüro, email: termine@example.org}\n"
        "updated: 2024-01-10\n---\nText mit ~~alt~~ und Fußnote[^1].\n\n[^1]: Die Fußnote.\n"),
    "content/berichte/zwischenbericht.md": (
        "---\ntitle: Zwischenbericht\nsummary: Erste Erkenntnisse.\nproject: godonu\nreport_type: Zwischenbericht\n"
        "published: 2024-10-21\nauthors: [Projektteam]\n---\n## Beobachtungen\n\n"
        "Siehe [Posteingang](../blaupausen/posteingang.md).\n"),
    "content/veranstaltungen/forum.md": (
        "---\ntitle: Digitalforum\nsummary: Ein Tag mit Vorträgen.\nstart: \"2023-11-16T09:00\"\nend: \"2023-11-16T17:00\"\n"
        "status: findet-statt\norganiser: offenbach\nplace: {name: Rathaus, address: \"Berliner Straße 100, 63065 Offenbach\"}\n"
        "registration: {url: https://example.org/anmeldung, deadline: 2023-11-01}\nparticipants: 170\nreport: zwischenbericht\n"
        "video: {title: Eindrücke, url: https://video.example.org/forum}\nprogramme:\n"
        "  - {title: Posteingang digital, kind: Vortrag, start: \"09:30\", end: \"10:15\", room: Saal 1,\n"
        "     speakers: [{name: Anna Beispiel, municipality: fulda}, {name: Ben Muster, organisation: Hochschule}],\n"
        "     blueprints: [posteingang], projects: [godonu], courses: [grundlagen], themes: [E-Akte]}\n"
        "  - {title: Prozesse zeichnen, kind: Workshop, start: \"10:30\", end: \"12:00\", blueprints: [prozesse]}\n"
        "---\nDas Forum.\n"),
    "content/daten/zahlen.csv": "monat,dienst,aufrufe,quote\n2024-01,Parken,1092,0.5\n2024-02,\"Hund, Steuer\",971,0.25\n",
    "content/daten/zahlen.md": (
        "---\ntitle: Nutzungszahlen\nsummary: Aufrufe je Monat.\nfile: zahlen.csv\nlicense: DL-DE-BY-2.0\nsource: Statistik\n"
        "period: {start: 2024-01-01, end: 2024-02-29}\npublisher: marburg\nproject: godonu\nschema:\n  fields:\n"
        "    - {name: monat, type: yearmonth, title: Monat, constraints: {required: true}}\n"
        "    - {name: dienst, type: string, title: Dienst}\n"
        "    - {name: aufrufe, type: integer, title: Aufrufe, unit: Anzahl, constraints: {minimum: 0}}\n"
        "    - {name: quote, type: number, title: Quote}\n---\n"
        "```diagramm\ndaten: zahlen\nart: balken\nx: monat\nwerte: aufrufe\ngruppen: dienst\ntitel: Aufrufe\n```\n"),
    "content/kompetenzcluster/dienste.md": (
        "---\ntitle: Onlinedienste\nsummary: Dienste online.\nlead: fulda\nmembers: [{municipality: marburg, role: Partnerin}]\n"
        "contacts: [{name: Team, email: team@example.org}]\nthemes: [Onlinedienste]\n---\nDer Cluster.\n"),
    "content/qualifizierung/grundlagen/index.md": (
        "---\ntitle: Grundlagen\nsummary: Einstiegskurs.\naudience: Beschäftigte\nlearning_outcomes: [Prozesse beschreiben]\n"
        "workload: 8 Stunden\nlicense: CC-BY-SA-4.0\n---\nKurstext.\n"),
    **{f"content/qualifizierung/grundlagen/0{n}-{key}.md": f"---\ntitle: {key.title()}\norder: {n}\nduration: {n}0 Minuten\n"
       f"learning_objectives: [Ablauf zeichnen]\n---\n## Einstieg\n\nText.\n" for n, key in [(1, "prozesse"), (2, "daten")]},
}
MD_FILES = sorted(p for p in BASE if p.endswith(".md"))
IDS = ["offenbach", "marburg", "fulda", "godonu", "posteingang", "prozesse", "termine", "zwischenbericht", "grundlagen", "forum", "zahlen", "dienste"]
PAGE = "---\ntitle: Seite\n---\nText.\n"
HOSTILE_URLS = ["javascript:alert(1)", "//evil.example/x", "../../../etc/passwd", "data:text/html,<script>alert(1)</script>",
                "www.fulda.de", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "vbscript:x", "file:///etc/passwd",
                "https://exa mple.org/\"><script>", "", "#", "http://", "https://", "mailto:", "\u202ehttps://x"]


class Case:
    """One fuzz case: where it lives, what was mutated and how vcc is to be called."""

    def __init__(self, seed, index, root):
        self.seed, self.index, self.root = seed, index, root
        self.proj = os.path.join(root, "work", "proj")
        self.output = "public"       # --output, relative to the project folder
        self.odd_output = False      # an --output that must be refused (exit 2, nothing touched)
        self.search_runs = []        # (argument list, kind) for `vcc search`; kind "query" or "damaged"
        self.check_runs = []         # (argument list, expectation) for `vcc check --external`
        self.mutations, self.families = [], []
        # A string that exists only outside the project, in its hidden files and in vcc's environment:
        # it must never reach the output, stdout or stderr.
        self.marker = f"VccFuzzGeheim{seed}q{index}Z"
        self.benign = 0              # mutations after which the build must still exit 0
        self.refusals = []           # labels (`site.yml:`, `content/x.png:`) an error must name
        self.top_folder_not_folder = None   # "content" or "templates" made a link to a non-folder or a FIFO
        self.added_content = {}      # content-relative path -> bytes, files of the content_files family
        self.server = None           # CountingServer of the external_links family
        self.url_marker = f"vccfzurl{seed}x{index}q"   # in every URL of the external_links family

    @property
    def env(self):
        return {SECRET_ENV: self.marker}

    @property
    def build_args(self):
        return ["build"] + (["--output", self.output] if self.output != "public" else [])


def write(path, data):
    """Writes str (UTF-8, lone surrogates become raw bytes) or bytes to a str or bytes path."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)


def read_fm(path):
    """Splits a base Markdown file into (front matter lines, body)."""
    with open(path, "rb") as f:
        parts = f.read().decode("utf-8", "surrogateescape").split("---\n", 2)
    if len(parts) < 3:  # An earlier mutation of this case broke the front matter already.
        return [], parts[-1]
    return parts[1].splitlines(), parts[2]


def join_fm(lines, body):
    return ("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8", "surrogateescape")


def set_key(lines, key, value, in_place=False):
    """Drops `key` and its indented continuation lines, then puts `key: value` at its place or at the end."""
    out, skipping, where = [], False, None
    for line in lines:
        if line.startswith(key + ":"):
            skipping, where = True, len(out)
        elif not (skipping and line[:1] in (" ", "\t")):
            skipping = False
            out.append(line)
    out.insert(where if in_place and where is not None else len(out), f"{key}: {value}")
    return out


def remove(path):
    if os.path.islink(path) or os.path.isfile(path) or (os.path.exists(path) and not os.path.isdir(path)):
        os.remove(path)
    elif os.path.isdir(path):
        shutil.rmtree(path)
