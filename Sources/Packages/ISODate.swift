/// A calendar date from an ISO 8601 text (`YYYY-MM-DD`, anything after the day ignored), for the
/// timestamps of a package.
struct ISODate: Equatable {
    let year: Int
    let month: Int
    let day: Int

    /// `YYYY-MM-DD`.
    var text: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Nil unless `text` starts with a valid date (month 1...12, day 1...31; the day is not
    /// checked against the month, which only a calendar could do).
    init?(_ text: String) {
        let characters = Array(text.utf8.prefix(10))
        guard characters.count == 10, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in characters[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }
}
