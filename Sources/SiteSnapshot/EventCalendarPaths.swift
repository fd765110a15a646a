public import SiteModel

/// Where the calendar files are written: one beside each event's page, one for all events to subscribe to.
public enum EventCalendarPaths {
    /// `veranstaltungen/kalender.ics`: every event (one entry each), for calendar subscriptions.
    public static let all = SiteSection.events.rawValue + "/kalender.ics"

    /// `veranstaltungen/digitalforum-2023/digitalforum-2023.ics`.
    public static func eventFile(_ entry: RouteTable.Entry) -> String {
        String(entry.url.rawValue.dropFirst()) + entry.fileStem + ".ics"
    }

    /// `veranstaltungen/digitalforum-2023/digitalforum-2023-programm.ics`: the event and each timed
    /// session as an entry of its own, for those who want the programme in their calendar.
    public static func programmeFile(_ entry: RouteTable.Entry) -> String {
        String(entry.url.rawValue.dropFirst()) + entry.fileStem + "-programm.ics"
    }
}
