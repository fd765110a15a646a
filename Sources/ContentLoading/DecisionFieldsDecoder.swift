import SiteModel
import Yams

/// The optional blueprint fields a municipality needs to decide on a takeover (costs, products,
/// legal basis, templates, suitable size, project) and the adoption entries, validated like the
/// required ones: every problem at its line and column, with a hint.
enum DecisionFieldsDecoder {
    /// The decision fields of one blueprint, read before its required fields are checked, so that
    /// their problems are reported even when a required field is missing.
    struct Fields {
        var costs: Costs?
        var products: [Product]
        var legalBasis: [String]
        var documents: [Attachment]
        var suitableFor: PopulationRange?
        var project: Reference?
        var software: Software?

        func apply(to blueprint: inout Blueprint) {
            blueprint.costs = costs
            blueprint.products = products
            blueprint.legalBasis = legalBasis
            blueprint.documents = documents
            blueprint.suitableFor = suitableFor
            blueprint.project = project
            blueprint.software = software
        }
    }

    static func decode(from f: inout FrontMatterFields) -> Fields {
        Fields(costs: costs(&f), products: products(&f), legalBasis: f.strings("legal_basis"),
               documents: MetadataDecoder.attachmentList(&f, key: "documents"), suitableFor: population(&f),
               project: f.references("project").first, software: SoftwareDecoder.decode(from: &f))
    }

    private static func costs(_ f: inout FrontMatterFields) -> Costs? {
        guard let node = f.value("costs") else { return nil }
        guard node.mapping != nil else {
            f.error("`costs` braucht `one_off`, `yearly` und/oder `note`.", at: node,
                    hint: "Schreibe `costs: {one_off: 12000, yearly: 2500, note: \"Lizenzen, ohne Personal\"}` (Euro, ganze Zahlen).")
            return nil
        }
        let oneOff = euros(node["one_off"], key: "costs.one_off", &f)
        let yearly = euros(node["yearly"], key: "costs.yearly", &f)
        let note = node["note"]?.scalar?.string
        reportUnknown(in: node, allowed: ["one_off", "yearly", "note"], field: "costs", &f)
        if node["one_off"] == nil && node["yearly"] == nil && note == nil {
            f.error("`costs` ist leer.", at: node, hint: "Gib `one_off` (einmalig) oder `yearly` (jährlich) in Euro an.")
            return nil
        }
        return Costs(oneOff: oneOff, yearly: yearly, note: note)
    }

    private static func euros(_ node: Node?, key: String, _ f: inout FrontMatterFields) -> Int? {
        guard let node else { return nil }
        let text = (node.scalar?.string ?? "").replacingOccurrences(of: "_", with: "")
        guard let amount = Int(text), amount >= 0, amount <= 1_000_000_000 else {
            f.error("`\(key)` muss ein Betrag in ganzen Euro sein, ist aber `\(node.scalar?.string ?? node.kindDescription)`.", at: node,
                    hint: "Schreibe nur die Zahl ohne Punkt und ohne €, zum Beispiel `\(key.split(separator: ".").last ?? ""): 12000`.")
            return nil
        }
        return amount
    }

    private static func products(_ f: inout FrontMatterFields) -> [Product] {
        f.nodes("products", required: false, example: "[{name: Paperless-ngx, open_source: true, license: GPL-3.0-or-later}]")
            .compactMap { node in
                if let name = node.scalar?.string, !name.isEmpty { return Product(name: name, isOpenSource: nil, license: nil, url: nil) }
                guard node.mapping != nil, let name = node["name"]?.scalar?.string, !name.isEmpty else {
                    f.error("Ein Eintrag in `products` braucht `name`.", at: node,
                            hint: "Schreibe `- {name: Paperless-ngx, open_source: true, license: GPL-3.0-or-later}`.")
                    return nil
                }
                var openSource: Bool?
                if let flag = node["open_source"] {
                    switch flag.scalar?.string.lowercased() {
                    case "true", "yes", "ja": openSource = true
                    case "false", "no", "nein": openSource = false
                    default: f.error("`open_source` muss `true` oder `false` sein.", at: flag)
                    }
                }
                let url = node["url"]?.scalar?.string
                if let url, let problem = WebAddress.problem(with: url, allowing: WebAddress.webSchemes) {
                    f.error("`products.url`: " + problem.message, at: node["url"], hint: problem.hint)
                }
                reportUnknown(in: node, allowed: ["name", "open_source", "license", "url"], field: "products", &f)
                return Product(name: name, isOpenSource: openSource, license: node["license"]?.scalar?.string,
                               url: url.flatMap { WebAddress.problem(with: $0, allowing: WebAddress.webSchemes) == nil ? $0 : nil })
            }
    }

    private static func population(_ f: inout FrontMatterFields) -> PopulationRange? {
        guard let node = f.value("suitable_for") else { return nil }
        func inhabitants(_ key: String) -> Int? {
            guard let value = node[key] else { return nil }
            guard let number = Int((value.scalar?.string ?? "").replacingOccurrences(of: "_", with: "")), number >= 0 else {
                f.error("`suitable_for.\(key)` muss eine Einwohnerzahl sein.", at: value, hint: "Zum Beispiel `\(key): 20000`.")
                return nil
            }
            return number
        }
        guard node.mapping != nil else {
            f.error("`suitable_for` braucht `min` und/oder `max` (Einwohnerzahl).", at: node,
                    hint: "Schreibe `suitable_for: {min: 5000, max: 150000}`.")
            return nil
        }
        let range = PopulationRange(minimum: inhabitants("min"), maximum: inhabitants("max"))
        reportUnknown(in: node, allowed: ["min", "max"], field: "suitable_for", &f)
        if let low = range.minimum, let high = range.maximum, low > high {
            f.error("`suitable_for`: `min` (\(low)) ist größer als `max` (\(high)).", at: node)
            return nil
        }
        return range.minimum == nil && range.maximum == nil ? nil : range
    }

    /// Adoption entries: `{municipality: id}` for the cooperation, `{name: …, ags: "06…"}` for others.
    static func adoptions(_ f: inout FrontMatterFields) -> [Adoption] {
        let entries = adoptionEntries(&f)
        var seen: Set<String> = []
        for entry in entries {
            let key = entry.municipality ?? entry.ags ?? entry.name ?? ""
            if !key.isEmpty, !seen.insert(key).inserted {
                f.warning(at: entry.location ?? f.startLocation, "`adopted_by` nennt `\(key)` zweimal; die Nachnutzung zählt nur einmal.",
                          hint: "Lösche einen der beiden Einträge oder ändere dort `status` und `since`.")
            }
        }
        var counted: Set<String> = []
        return entries.filter { entry in
            let key = entry.municipality ?? entry.ags ?? entry.name ?? ""
            return key.isEmpty || counted.insert(key).inserted
        }
    }

    private static func adoptionEntries(_ f: inout FrontMatterFields) -> [Adoption] {
        f.nodes("adopted_by", required: false, example: "[{municipality: fulda, since: 2024-01-01, status: pilot}]").compactMap { node in
            let location = f.location(of: node)
            if let id = node.scalar?.string {
                return Adoption(municipality: id, since: nil, status: nil, location: location)
            }
            guard node.mapping != nil else {
                f.error("Ein Eintrag in `adopted_by` muss eine Kennung oder `{municipality: …}` sein.", at: node)
                return nil
            }
            let id = node["municipality"]?.scalar?.string
            let name = node["name"]?.scalar?.string
            let ags = node["ags"]?.scalar?.string
            if id == nil && name == nil {
                f.error("Ein Eintrag in `adopted_by` hat weder `municipality` noch `name`.", at: node,
                        hint: "Für eine Stadt der Kooperation `- {municipality: fulda, …}`, für andere `- {name: Gemeinde X, ags: \"06……\", …}`.")
                return nil
            }
            if id == nil {
                if let ags {
                    if ags.count != 8 || !ags.allSatisfy(\.isASCIIDigit) {
                        f.error("`ags` muss der achtstellige Amtliche Gemeindeschlüssel sein, ist aber `\(ags)`.", at: node["ags"],
                                hint: "Schreibe ihn in Anführungszeichen, damit die führende Null bleibt: `ags: \"06435014\"`.")
                    }
                } else {
                    f.error("Eine Kommune außerhalb der Kooperation braucht ihren Amtlichen Gemeindeschlüssel `ags`.", at: node,
                            hint: "Ergänze `ags: \"06……\"` (acht Ziffern, zu finden im Gemeindeverzeichnis von Destatis).")
                }
            }
            let since = node["since"].flatMap { f.date(in: $0, key: "since") }
            var status: AdoptionStatus?
            if let statusNode = node["status"], let text = statusNode.scalar?.string {
                status = AdoptionStatus(rawValue: text.lowercased())
                if status == nil {
                    let allowed = AdoptionStatus.allCases.map(\.rawValue)
                    let suggestion = EditDistance.closest(to: text.lowercased(), among: allowed).map { " Meintest du `\($0)`?" } ?? ""
                    f.error("`status: \(text)` ist kein bekannter Stand der Nachnutzung.", at: statusNode,
                            hint: "Erlaubt: " + allowed.joined(separator: ", ") + "." + suggestion)
                }
            }
            let contact = node["contact"].flatMap { ContactDecoder.contact(in: $0, key: "adopted_by.contact", &f) }
            reportUnknown(in: node, allowed: ["municipality", "name", "ags", "since", "status", "contact"], field: "adopted_by", &f)
            return Adoption(municipality: id, name: name, ags: ags, since: since, status: status, contact: contact, location: location)
        }
    }

    /// Warnings for keys inside a nested mapping that vcc does not know.
    static func reportUnknown(in node: Node, allowed: [String], field: String, _ f: inout FrontMatterFields) {
        for (key, _) in node.mapping ?? [:] {
            guard let name = key.scalar?.string, !allowed.contains(name) else { continue }
            let suggestion = EditDistance.closest(to: name, among: allowed).map { "Meintest du `\($0)`?" }
            f.warning("Unbekanntes Feld `\(name)` in `\(field)` wird ignoriert.", at: key,
                      hint: suggestion ?? "Erlaubt: " + allowed.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
