"""Events (content/veranstaltungen/): the calendar files parse with two iCalendar libraries and
round-trip, with Berlin's offsets in winter and summer; the event page's schema.org Event has the
properties search engines need; the timetable reads at 320 and 1280 px without sideways scrolling
and without axe-core findings; /veranstaltungen/ lists upcoming before past; the sessions are
findable and listed on the pages of what they are about."""
import datetime
import json
import os
import pathlib
import re

import icalendar
import pytest
import vobject

from browser import OVERFLOW_JS, capture_png, viewport
from conftest import REPO, run_axe, run_vcc

FORUM = "/veranstaltungen/digitalforum-2023/"
EVENTS = "/veranstaltungen/"
BERLIN_WINTER = datetime.timedelta(hours=1)
BERLIN_SUMMER = datetime.timedelta(hours=2)


def calendar_files(site):
    files = sorted(site.glob("veranstaltungen/**/*.ics"))
    assert len(files) >= 4, files  # three events and the subscription calendar
    return files


def newest_content_date():
    """The newest `updated`/`published` of the sample: the day DTSTAMP takes (never the clock)."""
    dates = []
    for path in (REPO / "content").rglob("*.md"):
        dates += re.findall(r"^(?:updated|published): (\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8"), re.M)
    return max(dates)


def test_calendar_lines_are_crlf_and_folded_at_75_octets_without_splitting_characters(sample_site):
    for path in calendar_files(sample_site):
        data = path.read_bytes()
        assert data.endswith(b"\r\n"), path
        lines = data.split(b"\r\n")[:-1]
        assert b"\n" not in b"".join(lines), f"{path}: a bare LF"
        for line in lines:
            assert len(line) <= 75, f"{path}: {len(line)} octets: {line!r}"
            line.decode("utf-8")  # raises when a fold split a UTF-8 sequence
        assert any(line.startswith(b" ") for line in lines), f"{path}: nothing folded (the descriptions are long)"


def test_every_calendar_parses_round_trips_and_imports_into_vobject(sample_site):
    for path in calendar_files(sample_site):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events = calendar.walk("VEVENT")
        again = icalendar.Calendar.from_ical(calendar.to_ical()).walk("VEVENT")

        def facts(items):
            return [(str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND") if "DTEND" in e else None, str(e["SUMMARY"]),
                     str(e.get("DESCRIPTION", "")), str(e["STATUS"])) for e in items]

        assert facts(events) == facts(again), path
        second = vobject.readOne(path.read_text(encoding="utf-8"))
        assert [str(v.uid.value) for v in second.vevent_list] == [str(e["UID"]) for e in events], path
        assert [v.dtstart.value for v in second.vevent_list] == [e.decoded("DTSTART") for e in events], path
        assert len({str(e["UID"]) for e in events}) == len(events), f"{path}: UIDs repeat"
        assert {str(e["DTSTAMP"].dt.date()) for e in events} == {newest_content_date()}, path
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"


def test_times_carry_berlins_offset_in_winter_and_summer(sample_site):
    forum = icalendar.Calendar.from_ical((sample_site / "veranstaltungen/digitalforum-2023/digitalforum-2023.ics").read_bytes())
    main = forum.walk("VEVENT")[0]
    start = main.decoded("DTSTART")
    assert (start.replace(tzinfo=None), start.utcoffset()) == (datetime.datetime(2023, 11, 16, 9, 0), BERLIN_WINTER)
    assert main["STATUS"] == "CONFIRMED"
    assert main["DESCRIPTION"].startswith("Ein Tag mit 16 Vorträgen, Workshops und Ausstellungen")  # commas escaped and back
    assert len(forum.walk("VEVENT")) == 1  # "In den Kalender eintragen" adds one appointment
    assert "Programm:\n9:00 Impulsvortrag: " in str(main["DESCRIPTION"])
    programme = icalendar.Calendar.from_ical(
        (sample_site / "veranstaltungen/digitalforum-2023/digitalforum-2023-programm.ics").read_bytes())
    assert len(programme.walk("VEVENT")) == 17  # the event and its 16 sessions
    assert programme.walk("VEVENT")[0]["UID"] == main["UID"]
    assert all(e["RELATED-TO"] == main["UID"] for e in programme.walk("VEVENT")[1:])
    cancelled = icalendar.Calendar.from_ical(
        (sample_site / "veranstaltungen/werkstatt-barrierefreiheit-2026/werkstatt-barrierefreiheit-2026.ics").read_bytes())
    first = cancelled.walk("VEVENT")[0]
    assert first.decoded("DTSTART").utcoffset() == BERLIN_SUMMER
    assert first.decoded("DTSTART").astimezone(datetime.timezone.utc).hour == 8
    assert {str(e["STATUS"]) for e in cancelled.walk("VEVENT")} == {"CANCELLED"}


def test_subscription_calendar_holds_every_event_file(sample_site):
    everything = icalendar.Calendar.from_ical((sample_site / "veranstaltungen/kalender.ics").read_bytes())
    uids = {str(e["UID"]) for e in everything.walk("VEVENT")}
    for path in calendar_files(sample_site):
        if path.name != "kalender.ics" and not path.name.endswith("-programm.ics"):
            assert {str(e["UID"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")} <= uids


def json_ld_event(site, page):
    html = (site / page.strip("/") / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    graph = [item for block in blocks for item in json.loads(block)["@graph"]]
    events = [item for item in graph if item.get("@type") == "Event"]
    assert len(events) == 1, graph
    return events[0]


def test_event_page_has_a_schema_org_event_with_its_sessions(sample_site):
    event = json_ld_event(sample_site, FORUM)
    for key in ("name", "startDate", "endDate", "eventStatus", "eventAttendanceMode", "location", "organizer", "subEvent"):
        assert key in event, key
    assert event["startDate"] == "2023-11-16T09:00:00+01:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place" and "Offenbach" in event["location"]["address"]["streetAddress"]
    assert event["organizer"]["name"] == "Offenbach am Main"
    assert len(event["subEvent"]) == 16
    speakers = {p["name"] for sub in event["subEvent"] for p in sub.get("performer", [])}
    assert len(speakers) == 22
    assert all(sub["@type"] == "Event" and sub["startDate"].endswith("+01:00") for sub in event["subEvent"])


def test_cancelled_and_hybrid_events_say_so_in_schema_org(sample_site):
    cancelled = json_ld_event(sample_site, "/veranstaltungen/werkstatt-barrierefreiheit-2026/")
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["startDate"] == "2026-06-18T10:00:00+02:00"
    planned = json_ld_event(sample_site, "/veranstaltungen/digitalforum-2027/")
    assert planned["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in planned["location"]} == {"Place", "VirtualLocation"}
    assert planned["offers"]["validThrough"] == "2027-11-04"


def test_events_list_puts_upcoming_before_past(sample_site):
    html = (sample_site / "veranstaltungen/index.html").read_text(encoding="utf-8")
    upcoming, past = html.index('id="gruppe-bevorstehend"'), html.index('id="gruppe-vergangen"')
    assert upcoming < past
    assert upcoming < html.index("digitalforum-2027/") < past < html.index("digitalforum-2023/")
    assert "kalender.ics" in html


def test_sessions_are_listed_where_they_belong_and_found_by_search(sample_site, vcc):
    blueprint = (sample_site / "blaupausen/nutzungs-dashboard/index.html").read_text(encoding="utf-8")
    assert 'href="/veranstaltungen/digitalforum-2023/#beitrag-ein-analyse-dashboard-fuer-onlinedienste"' in blueprint
    city = (sample_site / "kommunen/limburg/index.html").read_text(encoding="utf-8")
    assert "Eine Prozesslandkarte in 90 Minuten" in city
    project = (sample_site / "projekte/egovsad/index.html").read_text(encoding="utf-8")
    assert "Ein Analyse-Dashboard für Onlinedienste" in project
    course = (sample_site / "qualifizierung/digitale-verwaltung-grundlagen/index.html").read_text(encoding="utf-8")
    assert 'href="/veranstaltungen/digitalforum-2023/#beitrag-transformation-braucht-menschen-kompetenzen-im-amt-aufbauen"' in course
    for query in ("Prozesslandkarte", "Claudia Neumann"):
        found = json.loads(run_vcc(vcc, "search", "--site", str(sample_site), "--json", query).stdout)
        assert found["results"][0]["url"] == FORUM, found
        assert {"group": "type", "value": "Veranstaltung", "count": 1} in found["facets"]


SESSION_GEOMETRY_JS = r"""
return [...document.querySelectorAll('.timetable .session')].map(s => {
  const t = s.querySelector('.session-time').getBoundingClientRect();
  const b = s.querySelector('.session-title').getBoundingClientRect();
  return {timeLeft: t.left, timeBottom: t.bottom, timeTop: t.top, titleLeft: b.left, titleTop: b.top, titleWidth: b.width,
          visible: t.width > 0 && b.width > 0};
});"""


@pytest.mark.parametrize("width", [320, 1280])
def test_event_page_timetable_reads_at_width(driver, served_site, axe_source, width):
    with viewport(driver, width, 800, mobile=width < 600):
        driver.get(served_site + FORUM)
        overflow = driver.execute_script(OVERFLOW_JS)
        assert overflow["scrollWidth"] <= min(width, overflow["innerWidth"]), overflow
        sessions = driver.execute_script(SESSION_GEOMETRY_JS)
        assert len(sessions) == 16 and all(s["visible"] for s in sessions)
        for s in sessions:
            if width == 1280:  # a time column beside the sessions
                assert s["timeLeft"] < s["titleLeft"] and abs(s["timeTop"] - s["titleTop"]) < 12, s
            else:  # a list: the time above the title, the title the full width
                assert s["titleTop"] >= s["timeBottom"] - 1 and s["titleWidth"] >= 200, s
        shots = os.environ.get("VCC_SCREENSHOTS")
        if shots:
            pathlib.Path(shots).mkdir(parents=True, exist_ok=True)
            (pathlib.Path(shots) / f"veranstaltung-{width}.png").write_bytes(capture_png(driver))
        assert run_axe(driver, axe_source) == []


@pytest.mark.parametrize("width", [320, 1280])
def test_events_list_has_no_wcag_violations_and_fits(driver, served_site, axe_source, width):
    with viewport(driver, width, 800, mobile=width < 600):
        driver.get(served_site + EVENTS)
        overflow = driver.execute_script(OVERFLOW_JS)
        assert overflow["scrollWidth"] <= min(width, overflow["innerWidth"]), overflow
        assert run_axe(driver, axe_source) == []


def video_project(tmp_path, video):
    """The sample site with the forum's video replaced by `video` (a YAML flow mapping)."""
    import shutil
    project = tmp_path / "site"
    shutil.copytree(REPO / "content", project / "content")
    from conftest import copy_sample_settings
    copy_sample_settings(project)
    forum = project / "content/veranstaltungen/digitalforum-2023.md"
    text = forum.read_text(encoding="utf-8")
    forum.write_text(re.sub(r"^video: .*$", "video: " + video, text, count=1, flags=re.M), encoding="utf-8")
    return project, forum


def test_self_hosted_video_plays_with_captions_and_never_in_a_frame(vcc, tmp_path):
    project, forum = video_project(tmp_path, "{title: Eindrücke, file: eindruecke.webm, captions: eindruecke.vtt}")
    (forum.parent / "eindruecke.webm").write_bytes(b"\x1aE\xdf\xa3" + bytes(64))
    (forum.parent / "eindruecke.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen zum Digitalforum.\n", encoding="utf-8")
    result = run_vcc(vcc, "build", "--source", str(project))
    assert result.returncode == 0, result.stderr
    page = (project / "public/veranstaltungen/digitalforum-2023/index.html").read_text(encoding="utf-8")
    video = re.search(r"<video\b.*?</video>", page, re.S).group(0)
    source = re.search(r'<source src="([^"]+)" type="video/webm"', video).group(1)
    track = re.search(r'<track kind="captions" srclang="de" label="Deutsch" src="([^"]+)" default>', video).group(1)
    assert "<iframe" not in page
    # Both files are published where the page points.
    page_folder = project / "public/veranstaltungen/digitalforum-2023"
    for url in (source, track):
        target = (project / "public" / url.lstrip("/")) if url.startswith("/") else page_folder / url
        assert target.is_file(), url


def test_self_hosted_video_without_captions_fails_the_build_at_its_line(vcc, tmp_path):
    project, forum = video_project(tmp_path, "{title: Eindrücke, file: eindruecke.webm}")
    (forum.parent / "eindruecke.webm").write_bytes(b"\x1aE\xdf\xa3" + bytes(64))
    result = run_vcc(vcc, "build", "--source", str(project))
    assert result.returncode != 0
    line = next(n for n, text in enumerate(forum.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("video:"))
    assert re.search(rf"digitalforum-2023\.md:{line}:\d+: (Fehler|error).*Untertitel", result.stderr), result.stderr


def test_external_video_is_a_link_with_a_notice_about_the_provider(sample_site):
    page = (sample_site / "veranstaltungen/digitalforum-2023/index.html").read_text(encoding="utf-8")
    assert "<iframe" not in page and "<video" not in page
    assert 'href="https://video.example.org/digitalforum-2023-eindruecke"' in page
    notice = re.search(r'<div class="notice" role="note">.*?</div>', page, re.S).group(0)
    assert "video.example.org" in notice and "IP-Adresse" in notice


def test_event_pages_say_when_and_what_still_applies(sample_site):
    """The date and place stand under the heading; a past event "Hat stattgefunden" whatever its
    front matter says; a cancelled one offers neither registration nor a calendar entry; an
    upcoming one with registration has the button."""
    past = (sample_site / "veranstaltungen/digitalforum-2023/index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="event-when"><time datetime="2023-11-16T09:00:00\+01:00">Donnerstag, 16\. November 2023', past)
    assert "Hat stattgefunden" in past and "Findet statt" not in past
    assert "Jetzt anmelden" not in past
    cancelled = (sample_site / "veranstaltungen/werkstatt-barrierefreiheit-2026/index.html").read_text(encoding="utf-8")
    assert "Abgesagt" in cancelled
    assert "In den Kalender eintragen" not in cancelled and "<dt>Anmeldung</dt>" not in cancelled
    planned = (sample_site / "veranstaltungen/digitalforum-2027/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="button" href="https://[^"]+">Jetzt anmelden</a>', planned)
    assert "In den Kalender eintragen" in planned
    listing = (sample_site / "veranstaltungen/index.html").read_text(encoding="utf-8")
    assert re.search(r"Bevorstehende Veranstaltungen \(Stand: \d{1,2}\. \w+ \d{4}\)", listing)


def test_closed_disclosures_open_for_printing_and_close_after(driver, served_site):
    """Paper cannot open a disclosure: the chart tables behind "Die Zahlen als Tabelle" open on
    beforeprint and close again on afterprint."""
    driver.get(served_site + "/daten/nutzungszahlen/")
    # The page's own tools (share, print) stay a closed menu on paper too.
    closed = "return [...document.querySelectorAll('main details')].filter(d => !d.open && !d.closest('.page-tools')).length"
    before = driver.execute_script(closed)
    assert before >= 1
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert driver.execute_script(closed) == 0
    driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert driver.execute_script(closed) == before
    # Numbers in the data tables are right-aligned (table.data's left alignment must not win).
    aligns = driver.execute_script("return [...document.querySelectorAll('table.data td.number')].map(c => getComputedStyle(c).textAlign)")
    assert aligns and set(aligns) == {"right"}, set(aligns)
