import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Events: each wrong front-matter value is an error (or warning) in German at its line and
/// column; the calendar text folds, escapes and keeps Berlin's offsets; sites without events
/// get no calendar files.
@Suite("Events")
struct EventTests {
    static let city = "---\nname: Offenbach\nofficial_name: Stadt Offenbach am Main\nags: \"06413000\"\nwebsite: https://www.offenbach.de\n---\n"
    static let blueprint = Fixtures.blueprint().replacingOccurrences(of: "[marburg]", with: "[offenbach]")

    /// An event whose lines are: 2 title, 3 summary, 4 start, 5 end, 6 status, 7 organiser, 8 place, then `extra`.
    static func event(start: String = "\"2023-11-16T09:00\"", end: String = "\"2023-11-16T17:00\"", status: String = "findet-statt",
                      organiser: String = "offenbach", extra: String = "") -> String {
        "---\ntitle: Digitalforum\nsummary: Ein Tag mit Vorträgen.\nstart: \(start)\nend: \(end)\nstatus: \(status)\norganiser: \(organiser)\n"
            + "place: {name: Rathaus}\n" + extra + (extra.isEmpty ? "" : "\n") + "---\nText.\n"
    }

    struct Row: CustomStringConvertible, Sendable {
        var name: String
        var file: String
        var severity: Diagnostic.Severity = .error
        var fragment: String
        var line: Int
        var column: Int
        var description: String { name }
    }

    static let rows: [Row] = [
        Row(name: "a date without a time", file: event(start: "2023-11-16"), fragment: "`start` braucht eine Uhrzeit", line: 4, column: 8),
        Row(name: "an impossible date", file: event(end: "\"2023-02-30T17:00\""), fragment: "den 30. Februar gibt es nicht", line: 5, column: 6),
        Row(name: "an impossible time", file: event(start: "\"2023-11-16T25:00\""), fragment: "`25:00` ist keine Uhrzeit", line: 4, column: 8),
        Row(name: "the hour the clocks skip", file: event(start: "\"2024-03-31T02:30\"", end: "\"2024-03-31T12:00\""),
            fragment: "2:30 Uhr gibt es am 31. März 2024 nicht", line: 4, column: 8),
        Row(name: "end before start", file: event(end: "\"2023-11-16T08:00\""), fragment: "`end` (2023-11-16T08:00) liegt nicht nach `start`",
            line: 5, column: 6),
        Row(name: "an unknown status", file: event(status: "abgesagtt"), fragment: "`status: abgesagtt` ist kein erlaubter Wert", line: 6, column: 9),
        Row(name: "an unknown organiser", file: event(organiser: "offenbch"), fragment: "`organiser` verweist auf `offenbch`", line: 7, column: 12),
        Row(name: "a session that ends before it starts",
            file: event(extra: "programme:\n  - {title: KI im Amt, kind: Vortrag, start: \"10:00\", end: \"09:00\"}"),
            fragment: "`end` (09:00) liegt nicht nach `start` (10:00)", line: 10, column: 60),
        Row(name: "an unknown session kind", file: event(extra: "programme:\n  - {title: KI im Amt, kind: Vortag}"),
            fragment: "`kind: Vortag` ist keine Art von Programmpunkt", line: 10, column: 30),
        Row(name: "a session about an unknown blueprint",
            file: event(extra: "programme:\n  - title: KI im Amt\n    kind: Vortrag\n    blueprints: [posteingnag]"),
            fragment: "`blueprints` verweist auf `posteingnag`, aber es gibt keine Blaupause", line: 12, column: 18),
        Row(name: "a speaker from an unknown municipality",
            file: event(extra: "programme:\n  - title: KI im Amt\n    kind: Vortrag\n    speakers: [{name: Anna, municipality: marbrug}]"),
            fragment: "`municipality` verweist auf `marbrug`", line: 12, column: 43),
        Row(name: "a session outside the event", file: event(extra: "programme:\n  - {title: Abendessen, kind: Pause, start: \"19:00\"}"),
            severity: .warning, fragment: "liegt außerhalb der Veranstaltung", line: 10, column: 5),
        Row(name: "a video file without captions", file: event(extra: "video: {title: Eindrücke, file: eindruecke.mp4}"),
            fragment: "Das Video `eindruecke.mp4` hat keine Untertitel", line: 9, column: 8),
        Row(name: "captions that are not WebVTT", file: event(extra: "video: {title: Eindrücke, file: e.mp4, captions: e.srt}"),
            fragment: "`video.captions` muss eine WebVTT-Datei", line: 9, column: 50),
        Row(name: "a video at an insecure address", file: event(extra: "video: {title: Eindrücke, url: \"http://video.example.org/1\"}"),
            fragment: "`video.url`", line: 9, column: 32),
        Row(name: "a registration deadline after the start",
            file: event(extra: "registration: {url: \"https://example.org/anmeldung\", deadline: 2023-12-01}"),
            fragment: "Der Anmeldeschluss (2023-12-01) liegt nach dem Beginn", line: 9, column: 15),
    ]

    @Test("each problem is reported in German at its line and column", arguments: rows)
    func reported(_ row: Row) throws {
        let site = try InlineSite(["content/kommunen/offenbach.md": Self.city, "content/blaupausen/posteingang.md": Self.blueprint,
                                   "content/veranstaltungen/forum.md": row.file])
        defer { site.remove() }
        let built = try site.build()
        let found = try #require(built.diagnostics.first { $0.message.contains(row.fragment) }, "\(built.diagnostics.map(\.description))")
        #expect(found.severity == row.severity)
        #expect(found.location.file == "content/veranstaltungen/forum.md")
        #expect((found.location.line, found.location.column) == (row.line, row.column), "\(found)")
    }

    @Test("a well-formed event builds its page and calendar files without problems")
    func wellFormed() throws {
        let site = try InlineSite(["content/kommunen/offenbach.md": Self.city, "content/blaupausen/posteingang.md": Self.blueprint,
                                   "content/veranstaltungen/forum.md": Self.event(extra: """
                                   programme:
                                     - {title: Posteingang, kind: Vortrag, start: "09:30", end: "10:00", blueprints: [posteingang], speakers: [{name: Anna, municipality: offenbach}]}
                                   """)])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.diagnostics.isEmpty, "\(built.diagnostics.map(\.description))")
        let calendar = try #require(built.text("veranstaltungen/forum/forum.ics"))
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count == 2, "one appointment for the event")
        let programme = try #require(built.text("veranstaltungen/forum/forum-programm.ics"))
        #expect(programme.contains("DTSTART;TZID=Europe/Berlin:20231116T093000\r\n"))
        #expect(programme.components(separatedBy: "BEGIN:VEVENT").count == 3, "the event and its session")
        #expect(built.text("veranstaltungen/kalender.ics") != nil)
        #expect(built.text("blaupausen/posteingang/index.html")?.contains("/veranstaltungen/forum/#beitrag-posteingang") == true)
        #expect(built.text("kommunen/offenbach/index.html")?.contains("Beiträge auf Veranstaltungen") == true)
    }

    @Test("a site without events writes no calendar files")
    func noEventsNoCalendars() throws {
        let site = try InlineSite(["content/kommunen/offenbach.md": Self.city])
        defer { site.remove() }
        let built = try site.build()
        #expect(!built.files.keys.contains { $0.hasSuffix(".ics") })
    }

    @Test("long lines fold at 75 octets, never inside a UTF-8 sequence")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "Äpfel und Öl ", count: 12)
        let folded = ICalendarText.folded(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count > 2)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(pieces.first! + pieces.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        #expect(ICalendarText.folded("SUMMARY:kurz") == "SUMMARY:kurz")
    }

    @Test("TEXT escapes backslash, semicolon, comma and line breaks, and drops control characters")
    func escaping() {
        #expect(ICalendarText.escaped("a,b;c\\d\ne\r\nf\u{7}g") == "a\\,b\\;c\\\\d\\ne\\nfg")
        var text = ICalendarText()
        text.text("SUMMARY", "Eins, zwei")
        text.raw("URL", "https://example.org/a\nb")
        #expect(text.content == "SUMMARY:Eins\\, zwei\r\nURL:https://example.org/ab\r\n")
    }

    @Test("Berlin's offset follows the last Sundays of March and October", arguments: [
        ("2023-11-16T09:00", "2023-11-16T09:00:00+01:00"), ("2026-06-18T10:00", "2026-06-18T10:00:00+02:00"),
        ("2024-03-31T01:59", "2024-03-31T01:59:00+01:00"), ("2024-03-31T03:00", "2024-03-31T03:00:00+02:00"),
        ("2024-10-27T02:30", "2024-10-27T02:30:00+02:00"), ("2024-10-27T03:00", "2024-10-27T03:00:00+01:00"),
    ])
    func offsets(_ local: String, _ expected: String) throws {
        #expect(try #require(EventDateTime(iso: local)).isoWithOffset == expected)
    }

    @Test("the time zone in the calendar names the same changes")
    func timeZone() {
        let zone = ICalendarText.berlinTimeZone.joined(separator: "\n")
        #expect(zone.contains("DTSTART:19700329T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        #expect(zone.contains("DTSTART:19701025T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
        #expect(EventDateTime.lastSunday(month: 3, year: 1970) == 29 && EventDateTime.lastSunday(month: 10, year: 1970) == 25)
    }
}
