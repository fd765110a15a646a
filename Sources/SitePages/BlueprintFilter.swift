import SiteModel

/// One filter of the blueprint lists. Its raw value is the prefix of its keys (`reifegrad:pilot`),
/// which the browser also uses as the name of the filter's URL parameter (`?reifegrad=pilot`).
enum BlueprintFilter: String, CaseIterable, Sendable {
    case maturity = "reifegrad"
    /// The municipalities that developed the blueprint.
    case developedBy = "kommune"
    /// The municipalities that run it in regular operation, developers and adopters alike.
    case runningIn = "einsatz"
    /// How many municipalities run it at least (thresholds, so a reader can ask for proven solutions).
    case operationCount = "betrieb"
    /// "Passt zu unserer Größe": size bands against `suitable_for`.
    case size = "groesse"
    case costs = "kosten"
    case openSource = "open-source"
    case theme = "thema"
    case project = "projekt"

    /// The filter's heading beside the list.
    var title: String {
        switch self {
        case .maturity: "Reifegrad"
        case .developedBy: "Entwickelt von"
        case .runningIn: "Im Einsatz bei"
        case .operationCount: "Anzahl Kommunen im Betrieb"
        case .size: "Passt zu unserer Größe"
        case .costs: "Laufende Kosten"
        case .openSource: "Open Source"
        case .theme: "Thema"
        case .project: "Projekt"
        }
    }

    /// The folder of the filter's value pages under `/blaupausen/`; nil for themes, whose pages are `/themen/<thema>/`.
    var pathSegment: String? {
        switch self {
        case .maturity: "reifegrad"
        case .developedBy: "kommune"
        case .runningIn: "im-einsatz"
        case .operationCount: "im-betrieb-bei"
        case .size: "groesse"
        case .costs: "kosten"
        case .openSource: "open-source"
        case .theme: nil
        case .project: "projekt"
        }
    }

    /// Where all values of a filter that shows only some are listed.
    var overview: URLPath {
        switch self {
        case .maturity: URLPath("/reifegrade/")
        case .developedBy, .runningIn: URLPath("/kommunen/")
        case .theme: URLPath("/themen/")
        case .project: URLPath("/projekte/")
        case .operationCount, .size, .costs, .openSource: URLPath("/blaupausen/")
        }
    }
}
