/// A licence municipalities use for what they share, decided once: its German name, the text to
/// link, what it asks of whoever takes the work over, and its URI in the DCAT-AP.de licence
/// vocabulary (`http://dcat-ap.de/def/licenses/…`). Pages, packages and catalogues all read it
/// from here instead of mapping SPDX ids again.
public struct License: Sendable, Hashable {
    /// The SPDX id written in front matter (`CC-BY-4.0`).
    public let spdx: String
    /// The licence's German name.
    public let name: String
    /// The short form used in attributions (`CC BY 4.0`).
    public let shortName: String
    /// The licence text (German where there is an official one).
    public let url: String
    /// Whether reusers must name the authors (CC BY, DL-DE-BY, EUPL, MIT, …).
    public let requiresAttribution: Bool
    /// Whether reusers may change the work (all licences in the table do; ND licences are not in it).
    public let allowsAdaptation: Bool
    /// Whether adaptations must be shared under the same licence (SA, GPL, AGPL, EUPL).
    public let isCopyleft: Bool
    /// The licence in the DCAT-AP.de vocabulary, which has no entries of its own for EUPL, MIT and AGPL.
    public let dcatURI: String

    /// The licences of the table, by SPDX id.
    public static let known: [String: License] = Dictionary(uniqueKeysWithValues: table.map { ($0.spdx, $0) })

    /// The licence of an SPDX id, when vcc knows it.
    public static func named(_ spdx: String) -> License? { known[spdx] }

    private static let vocabulary = "http://dcat-ap.de/def/licenses/"

    /// The licence as AMB (the metadata profile OER portals harvest) accepts it: Creative Commons,
    /// GNU, Apache, MIT or BSD addresses only; nil for the others (Datenlizenz Deutschland, EUPL),
    /// whose works those portals do not take as open educational resources.
    public var ambURI: String? {
        if spdx == "MIT" { return "https://opensource.org/licenses/MIT" }
        let accepted = ["https://creativecommons.org/licenses/", "https://creativecommons.org/publicdomain/",
                        "https://www.gnu.org/licenses/", "https://www.apache.org/licenses/"]
        return accepted.contains(where: url.hasPrefix) ? url : nil
    }

    private static let table: [License] = [
        License(spdx: "CC-BY-4.0", name: "Creative Commons Namensnennung 4.0 International", shortName: "CC BY 4.0",
                url: "https://creativecommons.org/licenses/by/4.0/deed.de", requiresAttribution: true, allowsAdaptation: true,
                isCopyleft: false, dcatURI: vocabulary + "cc-by/4.0"),
        License(spdx: "CC-BY-SA-4.0", name: "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 International",
                shortName: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/deed.de", requiresAttribution: true,
                allowsAdaptation: true, isCopyleft: true, dcatURI: vocabulary + "cc-by-sa/4.0"),
        License(spdx: "CC0-1.0", name: "Creative Commons Zero 1.0 Universell (Verzicht auf Rechte)", shortName: "CC0 1.0",
                url: "https://creativecommons.org/publicdomain/zero/1.0/deed.de", requiresAttribution: false, allowsAdaptation: true,
                isCopyleft: false, dcatURI: vocabulary + "cc-zero"),
        License(spdx: "DL-DE-BY-2.0", name: "Datenlizenz Deutschland – Namensnennung – Version 2.0", shortName: "dl-de/by-2-0",
                url: "https://www.govdata.de/dl-de/by-2-0", requiresAttribution: true, allowsAdaptation: true,
                isCopyleft: false, dcatURI: vocabulary + "dl-by-de/2.0"),
        License(spdx: "DL-DE-ZERO-2.0", name: "Datenlizenz Deutschland – Zero – Version 2.0", shortName: "dl-de/zero-2-0",
                url: "https://www.govdata.de/dl-de/zero-2-0", requiresAttribution: false, allowsAdaptation: true,
                isCopyleft: false, dcatURI: vocabulary + "dl-zero-de/2.0"),
        License(spdx: "EUPL-1.2", name: "Europäische Öffentliche Lizenz (EUPL) 1.2", shortName: "EUPL 1.2",
                url: "https://eupl.eu/1.2/de/", requiresAttribution: true, allowsAdaptation: true,
                isCopyleft: true, dcatURI: vocabulary + "other-opensource"),
        License(spdx: "MIT", name: "MIT-Lizenz", shortName: "MIT", url: "https://opensource.org/license/mit",
                requiresAttribution: true, allowsAdaptation: true, isCopyleft: false, dcatURI: vocabulary + "other-opensource"),
        License(spdx: "Apache-2.0", name: "Apache-Lizenz 2.0", shortName: "Apache 2.0", url: "https://www.apache.org/licenses/LICENSE-2.0",
                requiresAttribution: true, allowsAdaptation: true, isCopyleft: false, dcatURI: vocabulary + "apache"),
        License(spdx: "GPL-3.0-or-later", name: "GNU General Public License 3.0 oder später", shortName: "GPL 3.0+",
                url: "https://www.gnu.org/licenses/gpl-3.0.html", requiresAttribution: true, allowsAdaptation: true,
                isCopyleft: true, dcatURI: vocabulary + "gpl/3.0"),
        License(spdx: "AGPL-3.0-or-later", name: "GNU Affero General Public License 3.0 oder später", shortName: "AGPL 3.0+",
                url: "https://www.gnu.org/licenses/agpl-3.0.html", requiresAttribution: true, allowsAdaptation: true,
                isCopyleft: true, dcatURI: vocabulary + "other-opensource"),
    ]

    /// What the licence asks of a municipality that takes the work over, in one German sentence.
    public var conditions: String {
        var parts: [String] = []
        parts.append(requiresAttribution ? "Nachnutzung erlaubt, wenn die Urheber und die Quelle genannt werden"
                                         : "Nachnutzung ohne Bedingungen erlaubt, eine Quellenangabe ist dennoch freundlich")
        if allowsAdaptation { parts.append(isCopyleft ? "Bearbeitungen müssen unter derselben Lizenz weitergegeben werden"
                                                      : "Bearbeitungen sind erlaubt") }
        return parts.joined(separator: "; ") + "."
    }
}
