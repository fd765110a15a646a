import SiteModel

/// A `publiccode.yml` (standard version 0.4), the file Open CoDE's software directory and other
/// catalogues of public software read: written for a blueprint that names its software.
///
/// Every string is written double-quoted with YAML escapes, so no title or description can
/// change the structure; keys come in the standard's order, so the file is the same every build.
struct PubliccodeYAML: Sendable {
    var software: Software
    var name: String
    /// The blueprint's page, as `landingURL` and documentation.
    var pageURL: String
    var releaseDate: String?
    var summary: String
    /// The blueprint's text (Markdown, which publiccode.yml allows there), for `longDescription`.
    var bodyText: String
    /// The software's licence (its own, or the blueprint's when that is a software licence).
    var license: String
    var contact: Contact
    var language: String

    /// publiccode.yml's bounds for `shortDescription` and `longDescription`, in characters.
    static let shortDescriptionLimit = 150
    static let longDescriptionRange = 150...10_000

    init(software: Software, name: String, pageURL: String, releaseDate: String?, summary: String, bodyText: String,
                license: String, contact: Contact, language: String) {
        self.software = software; self.name = name; self.pageURL = pageURL; self.releaseDate = releaseDate
        self.summary = summary; self.bodyText = bodyText; self.license = license; self.contact = contact; self.language = language
    }

    /// The summary, cut at a word to the 150 characters publiccode.yml allows.
    var shortDescription: String {
        guard summary.count > Self.shortDescriptionLimit else { return summary }
        let cut = summary.prefix(Self.shortDescriptionLimit - 2)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    /// The summary and the blueprint's text, cut at a word to 10,000 characters; nil when shorter than 150.
    var longDescription: String? {
        var text = summary + "\n\n" + bodyText
        if text.count > Self.longDescriptionRange.upperBound {
            let cut = text.prefix(Self.longDescriptionRange.upperBound - 2)
            text = (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
        }
        return text.count >= Self.longDescriptionRange.lowerBound ? text : nil
    }

    /// The file, or nil when the blueprint's text is too short for `longDescription`.
    var text: String? {
        guard let longDescription else { return nil }
        let language = String(self.language.prefix(2)).lowercased()
        var lines = [
            "# publiccode.yml (Standard 0.4) für Open CoDE und andere Verzeichnisse öffentlicher Software.",
            "# Erzeugt von vcc aus der Blaupause " + YAMLText.quoted(pageURL).dropFirst().dropLast() + ".",
            "publiccodeYmlVersion: \"0.4\"",
            "name: " + YAMLText.quoted(name),
            "url: " + YAMLText.quoted(software.repository),
            "landingURL: " + YAMLText.quoted(pageURL),
        ]
        if let releaseDate, software.status != .concept { lines.append("releaseDate: " + YAMLText.quoted(releaseDate)) }
        lines.append("platforms:")
        lines += software.platforms.map { "  - " + YAMLText.quoted($0) }
        lines.append("categories:")
        lines += software.categories.map { "  - " + YAMLText.quoted($0) }
        lines += [
            "developmentStatus: " + YAMLText.quoted(software.status.rawValue),
            "softwareType: " + YAMLText.quoted(software.kind.rawValue),
            "description:",
            "  \(language):",
            "    shortDescription: " + YAMLText.quoted(shortDescription),
            "    longDescription: " + YAMLText.quoted(longDescription),
            "    documentation: " + YAMLText.quoted(pageURL),
            "    features:",
        ]
        lines += (software.features.isEmpty ? [name] : software.features).map { "      - " + YAMLText.quoted($0) }
        lines += ["legal:", "  license: " + YAMLText.quoted(license), "maintenance:", "  type: " + YAMLText.quoted(software.maintenance.rawValue)]
        switch software.maintenance {
        case .internal, .community:
            lines += ["  contacts:", "    - name: " + YAMLText.quoted(contact.name)]
            if let email = contact.email { lines.append("      email: " + YAMLText.quoted(email)) }
        case .contract:
            lines += ["  contractors:", "    - name: " + YAMLText.quoted(contact.name), "      until: " + YAMLText.quoted(software.contractUntil?.iso ?? "")]
            if let email = contact.email { lines.append("      email: " + YAMLText.quoted(email)) }
            if let url = contact.url { lines.append("      website: " + YAMLText.quoted(url)) }
        case .none:
            break
        }
        lines += ["localisation:", "  localisationReady: false", "  availableLanguages:", "    - " + YAMLText.quoted(language)]
        return lines.joined(separator: "\n") + "\n"
    }
}
