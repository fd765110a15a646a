import SiteModel
import Yams

/// The optional `software:` block of a blueprint, from which vcc writes a publiccode.yml for Open
/// CoDE: every value checked against the publiccode.yml 0.4 vocabulary, each problem at its line.
enum SoftwareDecoder {
    /// Licences from vcc's table that are made for software, so a blueprint's own can stand in.
    static let softwareLicenses: Set<String> = ["EUPL-1.2", "MIT", "Apache-2.0", "GPL-3.0-or-later", "AGPL-3.0-or-later"]
    static let keys = ["repository", "status", "type", "platforms", "maintenance", "contact", "license", "features", "categories", "until"]
    private static let example = "software: {repository: https://gitlab.opencode.de/stadt/posteingang, status: stable, "
        + "type: standalone/web, platforms: [web], maintenance: internal}"

    static func decode(from f: inout FrontMatterFields) -> Software? {
        guard let node = f.value("software") else { return nil }
        guard node.mapping != nil else {
            f.error("`software` beschreibt die Software zur Blaupause für Open CoDE.", at: node, hint: "Schreibe `\(example)`.")
            return nil
        }
        for (key, _) in node.mapping ?? [:] {
            guard let name = key.scalar?.string, !keys.contains(name) else { continue }
            let suggestion = EditDistance.closest(to: name, among: keys).map { "Meintest du `\($0)`?" }
            f.warning("Unbekanntes Feld `\(name)` in `software` wird ignoriert.", at: key,
                      hint: suggestion ?? "Erlaubt: " + keys.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        let repository = self.repository(node["repository"], in: node, &f)
        let status = choice(node["status"], key: "status", of: Software.Status.self, in: node, &f)
        let kind = choice(node["type"], key: "type", of: Software.Kind.self, in: node, &f)
        let maintenance = choice(node["maintenance"], key: "maintenance", of: Software.Maintenance.self, in: node, &f)
        let platforms = strings(node["platforms"], key: "platforms", &f)
        if node["platforms"] != nil, platforms.isEmpty {
            f.error("`software.platforms` ist leer.", at: node["platforms"], hint: "Zum Beispiel `platforms: [web]` oder `[linux, windows]`.")
        } else if node["platforms"] == nil {
            f.error("`software` braucht `platforms`.", at: node, hint: "Zum Beispiel `platforms: [web]` oder `[linux, windows]`.")
        }
        let features = strings(node["features"], key: "features", &f)
        for feature in features where feature.count > 100 {
            f.error("Ein Eintrag in `software.features` ist \(feature.count) Zeichen lang; publiccode.yml erlaubt 100.",
                    at: node["features"], hint: "Kürze ihn auf eine Zeile, was die Software kann.")
        }
        let categories = strings(node["categories"], key: "categories", &f)
        if categories.isEmpty {
            f.error("`software` braucht `categories` aus der Liste von publiccode.yml.", at: node["categories"] ?? node,
                    hint: "Zum Beispiel `categories: [document-management, workflow-management]`.")
        }
        for category in categories where !Software.categoryVocabulary.contains(category) {
            let suggestion = EditDistance.closest(to: category, among: Software.categoryVocabulary.sorted()).map { "Meintest du `\($0)`? " } ?? ""
            f.error("`\(category)` ist keine Kategorie von publiccode.yml.", at: node["categories"],
                    hint: suggestion + "Die Liste steht unter https://yml.publiccode.tools/categories-list.html.")
        }
        let license = node["license"]?.scalar?.string
        if let license, !isLicenseExpression(license) {
            f.error("`software.license: \(license)` ist keine SPDX-Lizenzangabe.", at: node["license"],
                    hint: "Zum Beispiel `EUPL-1.2`, `MIT`, `GPL-3.0-or-later` oder `Apache-2.0 OR MIT`.")
        }
        let contact = node["contact"].flatMap { contactNode -> Contact? in
            guard let name = contactNode["name"]?.scalar?.string, !name.isEmpty else {
                f.error("`software.contact` braucht `name` (und `email` oder `url`).", at: contactNode,
                        hint: "Ohne `contact` gilt der Kontakt der Blaupause.")
                return nil
            }
            let email = contactNode["email"]?.scalar?.string
            if let email, !MetadataDecoder.isMailAddress(email) {
                f.error("`software.contact.email` ist keine E-Mail-Adresse: `\(email)`.", at: contactNode["email"])
                return nil
            }
            return Contact(name: name, email: email, url: contactNode["url"]?.scalar?.string)
        }
        var until: ContentDate?
        if maintenance == .contract {
            if contact == nil {
                f.error("Bei `maintenance: contract` nennt `software.contact` den Dienstleister.", at: node["maintenance"],
                        hint: "Ergänze `contact: {name: Firma GmbH, email: …}` und `until: 2027-12-31`.")
            }
            if let date = ContentDate(iso: node["until"]?.scalar?.string ?? "") {
                until = date
            } else {
                f.error("Bei `maintenance: contract` braucht `software` das Vertragsende `until` (JJJJ-MM-TT).",
                        at: node["until"] ?? node["maintenance"], hint: "Zum Beispiel `until: 2027-12-31`.")
            }
        }
        guard let repository, let status, let kind, let maintenance, !platforms.isEmpty, !categories.isEmpty,
              categories.allSatisfy(Software.categoryVocabulary.contains) else { return nil }
        guard maintenance != .contract || (contact != nil && until != nil) else { return nil }
        var software = Software(repository: repository, status: status, kind: kind, platforms: platforms, maintenance: maintenance,
                                contact: contact, license: license, features: features, categories: categories)
        software.contractUntil = until
        return software
    }

    private static func repository(_ value: Node?, in block: Node, _ f: inout FrontMatterFields) -> String? {
        guard let value else {
            f.error("`software` braucht `repository`, die Adresse des Quellcodes.", at: block,
                    hint: "Zum Beispiel `repository: https://gitlab.opencode.de/stadt/posteingang`.")
            return nil
        }
        let text = value.scalar?.string ?? ""
        if let problem = WebAddress.problem(with: text, allowing: WebAddress.webSchemes) {
            f.error("`software.repository`: " + problem.message, at: value, hint: problem.hint)
            return nil
        }
        return text
    }

    private static func choice<Value: RawRepresentable & CaseIterable>(
        _ value: Node?, key: String, of type: Value.Type, in block: Node, _ f: inout FrontMatterFields
    ) -> Value? where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        guard let value else {
            f.error("`software` braucht `\(key)`.", at: block, hint: "Erlaubt: " + allowed.joined(separator: ", ") + ".")
            return nil
        }
        let text = value.scalar?.string ?? ""
        if let found = Value(rawValue: text) { return found }
        let suggestion = EditDistance.closest(to: text, among: allowed).map { " Meintest du `\($0)`?" } ?? ""
        f.error("`software.\(key): \(text)` ist kein Wert, den publiccode.yml kennt.", at: value,
                hint: "Erlaubt: " + allowed.joined(separator: ", ") + "." + suggestion)
        return nil
    }

    private static func strings(_ value: Node?, key: String, _ f: inout FrontMatterFields) -> [String] {
        guard let value else { return [] }
        if let text = value.scalar?.string { return text.isEmpty ? [] : [text] }
        guard let items = value.sequence else {
            f.error("`software.\(key)` muss eine Liste sein.", at: value, hint: "Zum Beispiel `\(key): [web]`.")
            return []
        }
        return items.compactMap { $0.scalar?.string }.filter { !$0.isEmpty }
    }

    /// SPDX ids joined by AND, OR or WITH: what publiccode.yml's `legal.license` takes.
    static func isLicenseExpression(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else { return false }
        for (index, part) in parts.enumerated() {
            if index % 2 == 1 {
                guard ["AND", "OR", "WITH"].contains(part) else { return false }
            } else {
                guard !part.isEmpty, part.utf8.allSatisfy({ byte in
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2E || byte == 0x2D || byte == 0x2B
                }) else { return false }
            }
        }
        return true
    }
}
