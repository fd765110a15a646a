/// The kinds of notice box a quote can become (GitHub calls them alerts): `> [!WARNUNG]` or
/// `> [!WARNING]` as the quote's first line. Each kind carries its German title and CSS class,
/// which the theme styles (`.notice-info` … `.notice-caution`).
enum NoticeKind: CaseIterable, Sendable {
    case info, tip, important, warning, caution

    /// The German marker, as the staff documentation shows it.
    var germanMarker: String {
        switch self {
        case .info: "HINWEIS"
        case .tip: "TIPP"
        case .important: "WICHTIG"
        case .warning: "WARNUNG"
        case .caution: "VORSICHT"
        }
    }

    /// GitHub's marker, so Markdown written for GitHub renders the same.
    var englishMarker: String {
        switch self {
        case .info: "NOTE"
        case .tip: "TIP"
        case .important: "IMPORTANT"
        case .warning: "WARNING"
        case .caution: "CAUTION"
        }
    }

    /// The title shown when the marker line gives none.
    var title: String {
        switch self {
        case .info: "Hinweis"
        case .tip: "Tipp"
        case .important: "Wichtig"
        case .warning: "Warnung"
        case .caution: "Vorsicht"
        }
    }

    /// The class beside `notice` on the box.
    var cssClass: String {
        switch self {
        case .info: "notice-info"
        case .tip: "notice-tip"
        case .important: "notice-important"
        case .warning: "notice-warning"
        case .caution: "notice-caution"
        }
    }

    /// The kind a marker names (`HINWEIS`, `note`, …: case does not matter); nil for any other word.
    init?(marker: String) {
        let upper = marker.uppercased()
        guard let kind = Self.allCases.first(where: { $0.germanMarker == upper || $0.englishMarker == upper }) else { return nil }
        self = kind
    }

    /// Every marker, German first, for the message about an unknown one.
    static var knownMarkers: String {
        (allCases.map(\.germanMarker) + allCases.map(\.englishMarker)).map { "[!\($0)]" }.joined(separator: ", ")
    }
}
