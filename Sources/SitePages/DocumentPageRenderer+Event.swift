import SiteModel
import SiteSnapshot

/// An event's page: facts, the programme as a timetable grouped by day, and the video.
extension DocumentPageRenderer {
    func eventFields(_ event: Event, of entry: RouteTable.Entry, diagnostics: inout [Diagnostic]) -> EventPageFields {
        let addresses = contexts.addresses
        let references = contexts.directory.references(of: entry)
        let sessions = event.programme.enumerated().map { index, session in
            sessionFields(session, topics: index < references.sessionTopics.count ? references.sessionTopics[index] : [], of: entry,
                          diagnostics: &diagnostics)
        }
        let multiDay = event.start.date != event.end.date
        var days: [EventPageFields.Day] = []
        for (session, fields) in zip(event.programme, sessions) {
            let date = (session.start ?? event.start).date
            if days.last?.date != date.iso {
                days.append(.init(date: date.iso, label: multiDay ? date.germanWeekday + ", " + date.german : nil, sessions: []))
            }
            days[days.count - 1].sessions.append(fields)
        }
        let speakerCount = event.speakers.count
        let programmeSummary = event.programme.isEmpty ? nil
            : Self.count(event.programme.count, "Programmpunkt", "Programmpunkte")
                + (speakerCount == 0 ? "" : ", " + Self.count(speakerCount, "mitwirkende Person", "Mitwirkende"))
        let statusNotice: String? = switch event.status {
        case .abgesagt: "Diese Veranstaltung ist abgesagt."
        case .verschoben: "Diese Veranstaltung ist verschoben; der neue Termin steht noch nicht fest."
        case .geplant, .findetStatt: nil
        }
        // A planned event whose day has passed took place, whatever the front matter still says.
        let isPast = !EventDirectory.isUpcoming(event, today: contexts.directory.events.today(sourceDate: contexts.sourceDate))
        let tookPlace = isPast && (event.status == .geplant || event.status == .findetStatt)
        return EventPageFields(event: .init(
            start: event.start.isoWithOffset, end: event.end.isoWithOffset, when: Self.when(event),
            status: tookPlace ? "Hat stattgefunden" : event.status.label, statusKey: tookPlace ? "vergangen" : event.status.rawValue,
            statusNotice: statusNotice, isCancelled: event.status == .abgesagt, isPast: isPast,
            place: event.place.map { .init(name: $0.name, address: $0.address) }, online: event.online,
            organiser: contexts.link(references.organiser ?? ResolvedReference(id: event.organiser.id, entry: nil)),
            registration: event.registration.map {
                .init(url: $0.url, email: $0.email, deadline: $0.deadline?.iso, deadlineLabel: $0.deadline?.german)
            },
            participants: event.participants.map(GermanFormat.number), programmeSummary: programmeSummary,
            report: references.report.map(contexts.link),
            calendarURL: addresses.download(EventCalendarPaths.eventFile(entry)),
            programmeCalendarURL: event.programme.contains { $0.start != nil }
                ? addresses.download(EventCalendarPaths.programmeFile(entry)) : nil,
            days: days, video: event.video.flatMap { videoFields($0, of: entry, diagnostics: &diagnostics) }))
    }

    /// `1 Programmpunkt`, `16 Programmpunkte`.
    private static func count(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }

    /// `Donnerstag, 16. November 2023, 9:00 bis 17:00 Uhr`; across days both dates.
    static func when(_ event: Event) -> String {
        let (start, end) = (event.start, event.end)
        if start.date == end.date {
            return start.date.germanWeekday + ", " + start.date.german + ", " + start.germanClock + " bis " + end.germanClock + " Uhr"
        }
        return start.date.germanWeekday + ", " + start.german + " bis " + end.date.germanWeekday + ", " + end.german
    }

    private func sessionFields(_ session: EventSession, topics: [ResolvedReference], of entry: RouteTable.Entry,
                               diagnostics: inout [Diagnostic]) -> EventPageFields.Session {
        let addresses = contexts.addresses
        let directory = contexts.directory
        let speakers = session.speakers.map { speaker -> EventPageFields.SpeakerItem in
            let city = speaker.municipality.flatMap { directory.routes.entry(kind: .municipality, id: $0.id) }
            let affiliation = [speaker.organisation, city?.document.title].compactMap { $0 }.joined(separator: ", ")
            return .init(name: speaker.name, affiliation: affiliation.isEmpty ? nil : affiliation, affiliationURL: city.map { addresses.page($0.url) })
        }
        let attachments = session.attachments.compactMap { attachment in
            attachmentURL(attachment, of: entry, diagnostics: &diagnostics).map { PageLink(title: attachment.title, url: $0) }
        }
        return .init(
            anchor: session.anchor, title: session.title, kind: session.kind.rawValue,
            start: session.start?.isoWithOffset, startLabel: session.start?.germanClock,
            end: session.end?.isoWithOffset, endLabel: session.end?.germanClock, room: session.room, summary: session.summary,
            speakers: speakers, themes: contexts.themeLinks(session.themes),
            attachments: attachments, topics: topics.map(contexts.link))
    }

    /// The video's fields; a file that is not in content/ (the video, its captions or poster) is an error at the block.
    private func videoFields(_ video: EventVideo, of entry: RouteTable.Entry, diagnostics: inout [Diagnostic]) -> EventPageFields.Video? {
        switch video.source {
        case .external(let url):
            let host = url.split(separator: "/").dropFirst(1).first.map(String.init) ?? url
            return .init(title: video.title, url: url, host: host.hasPrefix("www.") ? String(host.dropFirst(4)) : host)
        case .file(let path, let captions, let poster):
            func file(_ path: String, _ what: String) -> String? {
                let attachment = Attachment(title: what, path: path, location: video.location)
                guard case .file(_, let href) = links.resolveAttachment(path, from: entry.document) else {
                    diagnostics.append(.error(at: video.location, "\(what) `\(path)` ist keine Datei neben der Veranstaltung.",
                                              hint: "Lege die Datei in den Ordner der Markdown-Datei und gib ihren Namen an, zum Beispiel `\(attachment.path.split(separator: "/").last ?? "")`."))
                    return nil
                }
                return href
            }
            let videoURL = file(path, "Das Video")
            let captionsURL = file(captions, "Die Untertitel")
            let posterURL = poster.flatMap { file($0, "Das Standbild") }
            guard let videoURL, let captionsURL else { return nil }
            return .init(title: video.title, file: videoURL, mediaType: MediaType.of(path).name, captions: captionsURL, poster: posterURL)
        }
    }

    /// The sessions of `list` as links into their events' timetables.
    func sessionLinks(_ list: [EventDirectory.SessionEntry]) -> [SessionLink] {
        list.map { item in
            let start = item.session.start ?? (EventDirectory.event(item.event)?.start)
            let speakers = item.session.speakers.map { $0.name + ($0.organisation.map { " (\($0))" } ?? "") }.joined(separator: ", ")
            return SessionLink(title: item.session.title, url: contexts.addresses.page(item.event.url) + "#" + item.session.anchor,
                               kind: item.session.kind.rawValue, event: item.event.document.title, date: start?.date.iso ?? "",
                               dateLabel: start?.date.german ?? "", speakers: speakers.isEmpty ? nil : speakers)
        }
    }
}
