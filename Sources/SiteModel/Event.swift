/// Whether an event takes place as announced.
public enum EventStatus: String, Sendable, Hashable, CaseIterable {
    case geplant, findetStatt = "findet-statt", verschoben, abgesagt

    /// The label shown to readers.
    public var label: String {
        switch self {
        case .geplant: "Geplant"
        case .findetStatt: "Findet statt"
        case .verschoben: "Verschoben"
        case .abgesagt: "Abgesagt"
        }
    }

    /// schema.org's `eventStatus` (a postponed event has no new date yet; a planned one is scheduled).
    public var schemaOrg: String {
        switch self {
        case .geplant, .findetStatt: "https://schema.org/EventScheduled"
        case .verschoben: "https://schema.org/EventPostponed"
        case .abgesagt: "https://schema.org/EventCancelled"
        }
    }

    /// iCalendar's `STATUS` of a VEVENT (RFC 5545, 3.8.1.11).
    public var iCalendar: String {
        switch self {
        case .geplant, .verschoben: "TENTATIVE"
        case .findetStatt: "CONFIRMED"
        case .abgesagt: "CANCELLED"
        }
    }
}

/// Where an event takes place on site.
public struct EventPlace: Sendable, Hashable {
    public var name: String
    /// Street, postcode and town in one line.
    public var address: String?
    public init(name: String, address: String?) { self.name = name; self.address = address }
}

/// How to register: a web form or an e-mail address, and until when.
public struct EventRegistration: Sendable, Hashable {
    public var url: String?
    public var email: String?
    public var deadline: ContentDate?
    public init(url: String?, email: String?, deadline: ContentDate?) { self.url = url; self.email = email; self.deadline = deadline }
}

/// Someone who speaks in a session: from an organisation named in words, or from a
/// municipality of the cooperation by its id (its page then lists the session).
public struct Speaker: Sendable, Hashable {
    public var name: String
    public var organisation: String?
    public var municipality: Reference?
    public init(name: String, organisation: String?, municipality: Reference?) {
        self.name = name; self.organisation = organisation; self.municipality = municipality
    }
}

/// The kinds of programme items.
public enum SessionKind: String, Sendable, Hashable, CaseIterable {
    case vortrag = "Vortrag", workshop = "Workshop", podium = "Podium", impulsvortrag = "Impulsvortrag", ausstellung = "Ausstellung"
    case diskussion = "Diskussion", pause = "Pause", sonstiges = "Sonstiges"
}

/// One item of an event's programme: a talk, a workshop, a panel, an exhibit.
public struct EventSession: Sendable, Hashable {
    public var title: String
    public var kind: SessionKind
    public var start: EventDateTime?
    public var end: EventDateTime?
    public var room: String?
    public var summary: String?
    public var speakers: [Speaker] = []
    public var themes: [String] = []
    /// Slides and other files, relative to the event's Markdown file or https addresses.
    public var attachments: [Attachment] = []
    /// What the session is about, by id: checked like every other reference.
    public var blueprints: [Reference] = []
    public var projects: [Reference] = []
    public var courses: [Reference] = []
    /// The session's anchor on the event page and part of its calendar UID: `programm-3`.
    public var anchor: String
    public init(title: String, kind: SessionKind, anchor: String) {
        self.title = title; self.kind = kind; self.anchor = anchor
    }
}

/// A video of an event, without tracking: a file of the site with WebVTT captions, or an
/// address at a provider, only ever linked (never embedded) and with a notice that the
/// provider receives data.
public struct EventVideo: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// Files relative to the event's Markdown file.
        case file(path: String, captions: String, poster: String?)
        /// An https address at a video platform.
        case external(url: String)
    }
    public var title: String
    public var source: Source
    /// Where the block is written, for messages about its files.
    public var location: SourceLocation
    public init(title: String, source: Source, location: SourceLocation) {
        self.title = title; self.source = source; self.location = location
    }
}

/// An event of the cooperation (a Digitalforum, a workshop day) with its programme.
public struct Event: Sendable, Hashable {
    public var summary: String
    public var start: EventDateTime
    public var end: EventDateTime
    public var place: EventPlace?
    /// The address of an online event (or of the stream of a hybrid one).
    public var online: String?
    /// A municipality or a project, by id.
    public var organiser: Reference
    public var status: EventStatus
    public var registration: EventRegistration?
    public var themes: [String] = []
    public var programme: [EventSession] = []
    /// After the event: how many took part, and the report that looks back.
    public var participants: Int?
    public var report: Reference?
    public var video: EventVideo?

    public init(summary: String, start: EventDateTime, end: EventDateTime, organiser: Reference, status: EventStatus) {
        self.summary = summary; self.start = start; self.end = end; self.organiser = organiser; self.status = status
    }

    /// Every speaker once, in the order of the programme.
    public var speakers: [Speaker] {
        var seen: Set<String> = []
        return programme.flatMap(\.speakers).filter { seen.insert($0.name).inserted }
    }
}
