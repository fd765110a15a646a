import SiteModel

/// One part of a stacked adoption bar: an adoption status, or none given. The cases are in the
/// order of the stack, most advanced first, so what is really in use starts every bar.
enum AdoptionSeries: Hashable, CaseIterable {
    case status(AdoptionStatus)
    /// An adoption without `status`: shown, but not counted as any status.
    case unknown

    static let allCases: [AdoptionSeries] = [.status(.imBetrieb), .status(.pilot), .status(.inVorbereitung),
                                             .status(.interessiert), .status(.beendet), .unknown]

    init(_ status: AdoptionStatus?) { self = status.map(Self.status) ?? .unknown }

    /// The name in classes, pattern ids and filters: the status's own id.
    var key: String {
        switch self {
        case .status(let status): status.rawValue
        case .unknown: "ohne-angabe"
        }
    }

    /// The label readers see.
    var label: String {
        switch self {
        case .status(let status): status.label
        case .unknown: "Ohne Angabe"
        }
    }

    /// What the part means, for the legend.
    var explanation: String {
        switch self {
        case .status(let status): status.explanation
        case .unknown: "Zum Stand der Nachnutzung ist nichts eingetragen."
        }
    }
}
