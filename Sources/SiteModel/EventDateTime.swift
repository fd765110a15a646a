/// A wall-clock time in Europe/Berlin as staff write it (`2023-11-16T09:00`), with the UTC offset
/// the German rules give it: CET (+01:00) in winter, CEST (+02:00) from the last Sunday of March,
/// 02:00, to the last Sunday of October, 03:00 (the EU rules since 1996; the calendar files
/// describe the same rules in their VTIMEZONE, so pages, JSON-LD and calendars agree).
public struct EventDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: ContentDate
    public let hour: Int
    public let minute: Int

    public init(date: ContentDate, hour: Int, minute: Int) {
        self.date = date; self.hour = hour; self.minute = minute
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of `T` is taken too); nil when it is not a real
    /// date and time.
    public init?(iso text: String) {
        let separator = text.firstIndex { $0 == "T" || $0 == " " }
        guard let separator, let date = ContentDate(iso: String(text[..<separator])),
              let time = Self.time(String(text[text.index(after: separator)...])) else { return nil }
        self.init(date: date, hour: time.hour, minute: time.minute)
    }

    /// `HH:MM` (or `H:MM`), 00:00 to 23:59; nil otherwise.
    public static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    /// Minutes since 1970-01-01 00:00 of the wall clock (not UTC), for ordering and durations.
    public var localMinutes: Int { (date.daysSinceEpoch * 24 + hour) * 60 + minute }

    /// Minutes since 1970-01-01 00:00 UTC.
    public var utcMinutes: Int { localMinutes - utcOffsetMinutes }

    /// Whether the wall clock skips this time (the hour from 02:00 on the last Sunday of March).
    public var isSkippedBySummerTime: Bool {
        date.month == 3 && date.day == Self.lastSunday(month: 3, year: date.year) && hour == 2
    }

    /// +60 in winter, +120 in summer time. A time the autumn change makes ambiguous (02:00 to
    /// 02:59 on the last Sunday of October) is read as its first occurrence, in summer time, as
    /// RFC 5545 (3.3.5) reads it.
    public var utcOffsetMinutes: Int {
        let year = date.year
        let start = EventDateTime(date: ContentDate(iso: Self.iso(year, 3, Self.lastSunday(month: 3, year: year)))!, hour: 2, minute: 0)
        let end = EventDateTime(date: ContentDate(iso: Self.iso(year, 10, Self.lastSunday(month: 10, year: year)))!, hour: 3, minute: 0)
        return localMinutes >= start.localMinutes && localMinutes < end.localMinutes ? 120 : 60
    }

    /// The day of the month of the last Sunday of `month`.
    public static func lastSunday(month: Int, year: Int) -> Int {
        let last = ContentDate.days(inMonth: month, year: year)
        let days = ContentDate(iso: iso(year, month, last))!.daysSinceEpoch
        let weekday = ((days + 4) % 7 + 7) % 7  // 1970-01-01 was a Thursday; 0 is Sunday
        return last - weekday
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// `2023-11-16T09:00`, as written.
    public var iso: String { date.iso + "T" + clock }

    /// `09:00`.
    public var clock: String { Self.pad(hour, 2) + ":" + Self.pad(minute, 2) }

    /// `2023-11-16T09:00:00+01:00`: ISO 8601 with the offset (schema.org, `<time datetime>`).
    public var isoWithOffset: String {
        let offset = utcOffsetMinutes
        return date.iso + "T" + clock + ":00" + (offset >= 0 ? "+" : "-") + Self.pad(abs(offset) / 60, 2) + ":" + Self.pad(abs(offset) % 60, 2)
    }

    /// `20231116T090000`: an iCalendar local DATE-TIME (with `TZID=Europe/Berlin`).
    public var icsLocal: String {
        date.iso.replacingOccurrences(of: "-", with: "") + "T" + Self.pad(hour, 2) + Self.pad(minute, 2) + "00"
    }

    /// `9:00`, the German way of writing a time of day.
    public var germanClock: String { "\(hour):" + Self.pad(minute, 2) }

    /// `16. November 2023, 9:00 Uhr`.
    public var german: String { date.german + ", " + germanClock + " Uhr" }

    public var description: String { iso }

    public static func < (lhs: EventDateTime, rhs: EventDateTime) -> Bool { lhs.localMinutes < rhs.localMinutes }
}

extension ContentDate {
    /// The day of the week: 0 Sunday … 6 Saturday.
    public var weekday: Int { ((daysSinceEpoch + 4) % 7 + 7) % 7 }

    /// `Donnerstag`.
    public var germanWeekday: String {
        ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"][weekday]
    }
}
