extension ContentDate {
    /// Why `text`, written in the right form `YYYY-MM-DD`, is still no date ("den 30. Februar 2023
    /// gibt es nicht"); nil when it is a date or not in that form at all (then the form is the hint).
    public static func impossibility(ofISO text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              ContentDate(iso: text) == nil
        else { return nil }
        if year == 0 { return "ein Jahr 0 gibt es nicht (auf 1 v. Chr. folgt 1 n. Chr.)" }
        guard (1...12).contains(month) else { return "einen \(month). Monat gibt es nicht; das Jahr hat 12 Monate" }
        if day == 0 { return "einen 0. \(germanMonths[month - 1]) gibt es nicht" }
        let days = ContentDate.days(inMonth: month, year: year)
        if month == 2, day == 29 { return "den 29. Februar gibt es \(year) nicht, \(year) ist kein Schaltjahr" }
        return "den \(day). \(germanMonths[month - 1]) gibt es nicht, der \(germanMonths[month - 1]) hat \(days) Tage"
    }
}
