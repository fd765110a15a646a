public import SiteModel
public import SiteSnapshot

/// Calendar files (RFC 5545): one beside each event's page with the event as one entry (its
/// programme in the description: "In den Kalender eintragen" adds one appointment, not seventeen),
/// a `-programm.ics` beside it where sessions have times, with each session as a VEVENT of its own
/// related to the event, and `veranstaltungen/kalender.ics` with every event, for subscribing.
/// Times carry `TZID=Europe/Berlin` with its VTIMEZONE.
///
/// UIDs derive from the page address, so they stay from build to build; DTSTAMP is the build's
/// day from the content (see ``EventDirectory/today(sourceDate:)``), never the clock.
public struct EventCalendar: SiteOutput {
    public init() {}

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        let events = directory.events.events
        guard !events.isEmpty else { return [] }
        return events.flatMap { entry in
            [OutputClaim(EventCalendarPaths.eventFile(entry), by: .generated("der Kalender von \(entry.document.sourcePath)"))]
                + (Self.hasTimedSessions(entry)
                   ? [OutputClaim(EventCalendarPaths.programmeFile(entry), by: .generated("der Programmkalender von \(entry.document.sourcePath)"))]
                   : [])
        } + [.generatedFile(EventCalendarPaths.all)]
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        let events = site.directory.events.events
        guard !events.isEmpty else { return }
        let stamp = site.directory.events.today(sourceDate: site.fallbackDate).iso.replacingOccurrences(of: "-", with: "") + "T000000Z"
        var all: [String] = []
        for entry in events {
            guard let event = EventDirectory.event(entry) else { continue }
            let components = self.components(of: event, entry: entry, site: site, stamp: stamp)
            all.append(components[0])
            try sink.accept(OutputFile(path: EventCalendarPaths.eventFile(entry),
                                       text: calendar(name: entry.document.title, components: [components[0]])))
            if components.count > 1 {
                try sink.accept(OutputFile(path: EventCalendarPaths.programmeFile(entry),
                                           text: calendar(name: entry.document.title + ": Programm", components: components)))
            }
        }
        try sink.accept(OutputFile(path: EventCalendarPaths.all, text: calendar(name: site.configuration.title + ": Veranstaltungen", components: all)))
    }

    private func calendar(name: String, components: [String]) -> String {
        var head = ICalendarText()
        head.line("BEGIN:VCALENDAR")
        head.raw("VERSION", "2.0")
        head.raw("PRODID", "-//vcc//Wissensbasis//DE")
        head.raw("CALSCALE", "GREGORIAN")
        head.raw("METHOD", "PUBLISH")
        head.text("X-WR-CALNAME", name)
        head.raw("X-WR-TIMEZONE", "Europe/Berlin")
        ICalendarText.berlinTimeZone.forEach { head.line($0) }
        var tail = ICalendarText()
        tail.line("END:VCALENDAR")
        return head.content + components.joined() + tail.content
    }

    /// The event's VEVENT and one per session with a time.
    private func components(of event: Event, entry: RouteTable.Entry, site: SiteSnapshot, stamp: String) -> [String] {
        let uid = Self.uid(of: entry, site: site)
        let page = site.addresses.absolute(entry.url)
        let place = [event.place?.name, event.place?.address].compactMap { $0 }.joined(separator: ", ")
        var main = ICalendarText()
        main.line("BEGIN:VEVENT")
        main.text("UID", uid)
        main.raw("DTSTAMP", stamp)
        main.raw("DTSTART;TZID=Europe/Berlin", event.start.icsLocal)
        main.raw("DTEND;TZID=Europe/Berlin", event.end.icsLocal)
        main.text("SUMMARY", entry.document.title)
        let timetable = event.programme.compactMap { session in
            session.start.map { $0.germanClock + " " + session.kind.rawValue + ": " + session.title }
        }
        main.text("DESCRIPTION", event.summary + (timetable.isEmpty ? "" : "\n\nProgramm:\n" + timetable.joined(separator: "\n")) + "\n\n" + page)
        if !place.isEmpty || event.online != nil { main.text("LOCATION", place.isEmpty ? "Online: " + (event.online ?? "") : place) }
        main.raw("URL", page)
        main.raw("STATUS", event.status.iCalendar)
        if !event.themes.isEmpty { main.raw("CATEGORIES", event.themes.map(ICalendarText.escaped).joined(separator: ",")) }
        main.line("END:VEVENT")
        var out = [main.content]
        for session in event.programme {
            guard let start = session.start else { continue }
            var item = ICalendarText()
            item.line("BEGIN:VEVENT")
            item.text("UID", session.anchor + "." + uid)
            item.raw("DTSTAMP", stamp)
            item.raw("DTSTART;TZID=Europe/Berlin", start.icsLocal)
            if let end = session.end { item.raw("DTEND;TZID=Europe/Berlin", end.icsLocal) }
            item.text("SUMMARY", session.kind.rawValue + ": " + session.title)
            let speakers = session.speakers.map { $0.name + ($0.organisation.map { " (\($0))" } ?? "") }.joined(separator: ", ")
            let description = [session.summary, speakers.isEmpty ? nil : "Mit " + speakers, "Teil von „\(entry.document.title)“", page + "#" + session.anchor]
            item.text("DESCRIPTION", description.compactMap { $0 }.joined(separator: "\n"))
            let location = [session.room, place.isEmpty ? nil : place].compactMap { $0 }.joined(separator: ", ")
            if !location.isEmpty { item.text("LOCATION", location) }
            item.raw("URL", page + "#" + session.anchor)
            item.raw("STATUS", event.status.iCalendar)
            item.text("RELATED-TO", uid)
            item.line("END:VEVENT")
            out.append(item.content)
        }
        return out
    }

    /// Whether a programme calendar is written for the event.
    public static func hasTimedSessions(_ entry: RouteTable.Entry) -> Bool {
        EventDirectory.event(entry)?.programme.contains { $0.start != nil } ?? false
    }

    /// `veranstaltungen.digitalforum-2023@kb.example.org`: the page's path at the site's host,
    /// the same in every build and file.
    static func uid(of entry: RouteTable.Entry, site: SiteSnapshot) -> String {
        let path = entry.url.rawValue.split(separator: "/").joined(separator: ".")
        let base = site.configuration.baseURL
        let host = base.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        return path + "@" + (host.isEmpty ? "vcc.invalid" : host)
    }
}
