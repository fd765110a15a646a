/// An iCalendar object (RFC 5545) as text: content lines ended by CRLF, folded at 75 octets
/// without splitting a UTF-8 sequence, TEXT values escaped; plus the one time zone vcc writes.
public struct ICalendarText: Sendable {
    private var lines: [String] = []

    public init() {}

    /// Adds `NAME:value` with `value` already in its property's format (dates, URIs, enumerations).
    public mutating func raw(_ name: String, _ value: String) {
        lines.append(name + ":" + Self.withoutControls(value))
    }

    /// Adds `NAME:value` with `value` escaped as TEXT.
    public mutating func text(_ name: String, _ value: String) {
        lines.append(name + ":" + Self.escaped(value))
    }

    /// `BEGIN:…` or `END:…` and other lines written as they are.
    public mutating func line(_ line: String) { lines.append(line) }

    /// The object: every line folded and ended by CRLF.
    public var content: String { lines.map { Self.folded($0) + "\r\n" }.joined() }

    /// TEXT as RFC 5545 (3.3.11) writes it: `\` `;` `,` escaped, line breaks as `\n`, other
    /// control characters dropped (they may not appear in a content line).
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Control characters removed from a value that is not TEXT (a URI from content).
    private static func withoutControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// The line split into pieces of at most 75 octets, each further piece starting with a space
    /// (RFC 5545, 3.1); a piece ends before a UTF-8 sequence that would not fit whole.
    public static func folded(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var length = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if length + size > 75 {
                out += "\r\n "
                length = 1
            }
            out.unicodeScalars.append(scalar)
            length += size
        }
        return out
    }

    /// Europe/Berlin with the EU rules since 1996 (the rules ``EventDateTime`` computes offsets by).
    public static let berlinTimeZone: [String] = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
