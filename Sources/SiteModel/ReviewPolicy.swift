/// `review:` in `site.yml`: when a blueprint counts as due for review, and whether that fails CI.
///
/// Staleness depends on the calendar, not on the content: by default `vcc check --strict` lists it
/// as a warning and still exits 0, so a pipeline does not break on a date. `strict: true` makes it
/// a gate like every other finding.
public struct ReviewPolicy: Sendable, Hashable {
    /// `after_months`: a blueprint whose `updated` lies at least this many whole months back is
    /// due for review. Valid: 1 to `maximumMonths`; default 24 (two years).
    public var afterMonths: Int
    /// `strict`: `vcc check --strict` fails on a blueprint due for review.
    public var strict: Bool

    /// The largest `after_months` the loader accepts (50 years).
    public static let maximumMonths = 600

    public init(afterMonths: Int = 24, strict: Bool = false) {
        self.afterMonths = afterMonths
        self.strict = strict
    }

    /// The whole months from `updated` to `today` (0 when `updated` is later).
    public static func monthsElapsed(from updated: ContentDate, to today: ContentDate) -> Int {
        var months = (today.year * 12 + today.month) - (updated.year * 12 + updated.month)
        if today.day < updated.day { months -= 1 }
        return max(0, months)
    }

    /// True when a blueprint last updated on `updated` is due for review on `today`.
    public func isDue(updated: ContentDate, today: ContentDate) -> Bool {
        Self.monthsElapsed(from: updated, to: today) >= afterMonths
    }
}
