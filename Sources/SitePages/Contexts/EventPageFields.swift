/// `{{event.…}}`: an event with its programme as a timetable.
struct EventPageFields: Encodable {
    struct Event: Encodable {
        /// ISO 8601 with offset, for `<time datetime>`.
        var start: String
        var end: String
        /// `Donnerstag, 16. November 2023, 9:00 bis 17:00 Uhr`.
        var when: String
        var status: String
        var statusKey: String
        /// Abgesagt or verschoben: the page says so at the top.
        var statusNotice: String?
        /// Whether the event is off (abgesagt): no registration, no calendar entry offered.
        var isCancelled: Bool
        /// Over by the site's day (see EventDirectory.today): a planned event then "Hat stattgefunden".
        var isPast: Bool
        var place: Place?
        var online: String?
        var organiser: NamedLink
        var registration: Registration?
        /// `170`.
        var participants: String?
        /// `16 Programmpunkte, 22 Mitwirkende`.
        var programmeSummary: String?
        var report: NamedLink?
        /// The event's calendar file.
        var calendarURL: String
        /// The event and each timed session as entries of their own; nil without timed sessions.
        var programmeCalendarURL: String?
        var days: [Day]
        var video: Video?
    }
    struct Place: Encodable {
        var name: String
        var address: String?
    }
    struct Registration: Encodable {
        var url: String?
        var email: String?
        var deadline: String?
        var deadlineLabel: String?
    }
    /// One day of the programme (an event over several days has a heading per day).
    struct Day: Encodable {
        var date: String
        /// `Donnerstag, 16. November 2023`; nil for a one-day event.
        var label: String?
        var sessions: [Session]
    }
    struct Session: Encodable {
        var anchor: String
        var title: String
        var kind: String
        var start: String?
        var startLabel: String?
        var end: String?
        var endLabel: String?
        var room: String?
        var summary: String?
        var speakers: [SpeakerItem]
        var themes: [ThemeLink]
        var attachments: [PageLink]
        /// The blueprints, projects and courses the session is about.
        var topics: [NamedLink]
    }
    struct SpeakerItem: Encodable {
        var name: String
        /// The organisation in words, or the municipality's name (linked).
        var affiliation: String?
        var affiliationURL: String?
    }
    struct Video: Encodable {
        var title: String
        /// A file of the site, with its captions and poster.
        var file: String?
        var mediaType: String?
        var captions: String?
        var poster: String?
        /// An address at a provider, only linked; `host` names the provider in the notice.
        var url: String?
        var host: String?
    }
    var event: Event
}

/// A session about the page's document (on blueprint, project and municipality pages).
struct SessionLink: Encodable {
    var title: String
    /// The session's place in the event's timetable.
    var url: String
    var kind: String
    var event: String
    var date: String
    var dateLabel: String
    /// `Anna Beispiel (Offenbach am Main), Ben Muster`.
    var speakers: String?
}
