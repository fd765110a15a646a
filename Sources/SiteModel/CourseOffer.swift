/// How a course is taken.
public enum CourseFormat: String, Sendable, Hashable, CaseIterable {
    case selbstlern, vorOrt = "vor-ort", online, inHouseMaterial = "in-house-material"

    /// The label shown to readers.
    public var label: String {
        switch self {
        case .selbstlern: "Zum Selbstlernen"
        case .vorOrt: "Vor Ort"
        case .online: "Online"
        case .inHouseMaterial: "Material für eigene Schulungen im Haus"
        }
    }
}

/// A date a course takes place, and where.
public struct CourseDate: Sendable, Hashable {
    public var date: ContentDate
    public var place: String?
    public init(date: ContentDate, place: String?) { self.date = date; self.place = place }
}
