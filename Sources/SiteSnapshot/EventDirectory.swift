public import SiteModel

/// The facts about events other pages show: every event in time order, and the sessions about
/// each blueprint, project and course and by speakers of each municipality.
///
/// Made from the events alone: a site without events pays for one empty lookup.
public struct EventDirectory: Sendable {
    /// A session of an event, for the pages that list the sessions about them.
    public struct SessionEntry: Sendable {
        public let event: RouteTable.Entry
        public let session: EventSession
    }

    /// Every event, earliest first.
    public let events: [RouteTable.Entry]
    /// Id to the sessions that name the document, in time order.
    public let sessionsByBlueprint: [String: [SessionEntry]]
    public let sessionsByProject: [String: [SessionEntry]]
    public let sessionsByCourse: [String: [SessionEntry]]
    /// Municipality id to the sessions one of its people speaks in.
    public let sessionsByMunicipality: [String: [SessionEntry]]
    /// The newest `updated` or `published` date of the content, data sets included (nil without events: not needed).
    private let newestContentDate: ContentDate?

    init(routes: RouteTable) {
        events = routes.entries(of: .event).sorted { a, b in
            let (x, y) = (Self.event(a)?.start, Self.event(b)?.start)
            return x == y ? a.url < b.url : (x.map { y == nil || $0 < y! } ?? false)
        }
        var blueprints: [String: [SessionEntry]] = [:], projects: [String: [SessionEntry]] = [:]
        var courses: [String: [SessionEntry]] = [:], cities: [String: [SessionEntry]] = [:]
        for entry in events {
            guard let event = Self.event(entry) else { continue }
            for session in event.programme {
                let item = SessionEntry(event: entry, session: session)
                for id in Set(session.blueprints.map(\.id)) { blueprints[id, default: []].append(item) }
                for id in Set(session.projects.map(\.id)) { projects[id, default: []].append(item) }
                for id in Set(session.courses.map(\.id)) { courses[id, default: []].append(item) }
                for id in Set(session.speakers.compactMap(\.municipality?.id)) { cities[id, default: []].append(item) }
            }
        }
        sessionsByBlueprint = blueprints; sessionsByProject = projects; sessionsByCourse = courses; sessionsByMunicipality = cities
        newestContentDate = events.isEmpty ? nil
            : (routes.entries(of: .blueprint) + routes.entries(of: .report) + routes.entries(of: .dataset))
                .compactMap { SiteDirectory.date(of: $0.document) }.max()
    }

    /// The day that divides upcoming from past events: the later of `SOURCE_DATE_EPOCH` (the
    /// build's `sourceDate`) and the newest `updated`/`published` date of the content. Never the
    /// clock, so a build is the same whenever it runs; CI sets `SOURCE_DATE_EPOCH` to the commit's
    /// time, and a site rebuilt with each change moves events to „Vergangene“ as they pass.
    public func today(sourceDate: ContentDate) -> ContentDate {
        max(sourceDate, newestContentDate ?? sourceDate)
    }

    /// An event is upcoming until the end of its last day.
    public static func isUpcoming(_ event: Event, today: ContentDate) -> Bool { event.end.date >= today }

    /// The event of an entry, nil for any other kind.
    public static func event(_ entry: RouteTable.Entry) -> Event? {
        if case .event(let event) = entry.document.metadata { return event }
        return nil
    }
}
