public import SiteModel

/// Where the calendar files are written: one beside each event's page, one for all events to subscribe to.
public enum EventCalendarPaths {
    /// `veranstaltungen/kalender.ics`: every event and session, for calendar subscriptions.
    public static let all = SiteSection.events.rawValue + "/kalender.ics"

    /// `veranstaltungen/digitalforum-2023/digitalforum-2023.ics`.
    public static func eventFile(_ entry: RouteTable.Entry) -> String {
        String(entry.url.rawValue.dropFirst()) + entry.fileStem + ".ics"
    }
}
