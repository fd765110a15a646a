import Foundation
import SiteModel
import Yams

/// Decodes the front matter of each content kind into its typed model.
///
/// Every decoder reads all of its fields before giving up, so one run reports every missing or
/// wrong field of a file, not just the first.
enum MetadataDecoder {
    static func decode(_ kind: ContentKind, from fields: inout FrontMatterFields) -> DocumentMetadata? {
        switch kind {
        case .blueprint: blueprint(&fields).map(DocumentMetadata.blueprint)
        case .report: report(&fields).map(DocumentMetadata.report)
        case .course: course(&fields).map(DocumentMetadata.course)
        case .module: module(&fields).map(DocumentMetadata.module)
        case .project: project(&fields).map(DocumentMetadata.project)
        case .municipality: municipality(&fields).map(DocumentMetadata.municipality)
        case .page: .page(PlainPage(summary: fields.string("summary"), keywords: fields.strings("keywords")))
        case .dataset: DatasetDecoder.dataset(&fields).map(DocumentMetadata.dataset)
        case .cluster: ClusterDecoder.cluster(&fields).map(DocumentMetadata.cluster)
        case .event: EventDecoder.event(&fields).map(DocumentMetadata.event)
        }
    }

    static func blueprint(_ f: inout FrontMatterFields) -> Blueprint? {
        let summary = f.string("summary")
        let municipalities = f.references("municipalities")
        let themes = f.strings("themes")
        for theme in themes where Slug(theme).isEmpty {
            f.error("Das Thema `\(theme)` enthält keinen Buchstaben und keine Ziffer.", at: f.value("themes"),
                    hint: "Jedes Thema bekommt eine eigene Seite unter /themen/; nenne es mit Worten, zum Beispiel `Digitale Verwaltung`.")
        }
        let maturity = maturityValue(&f)
        let license = licenseValue(&f)
        let contact = contactValue(&f)
        let updated = f.date("updated")
        let prerequisites = f.strings("prerequisites")
        let effort = f.string("effort")
        let adoptedBy = DecisionFieldsDecoder.adoptions(&f)
        let related = f.references("related")
        let attachments = attachmentList(&f, key: "attachments")
        let decision = DecisionFieldsDecoder.decode(from: &f)
        let cluster = f.references("cluster").first
        // Checked on the block itself, so the message comes with the block's other problems.
        if let block = f.value("software"), block.mapping != nil, block["license"] == nil, let license,
           !SoftwareDecoder.softwareLicenses.contains(license.spdx) {
            f.error("`software` braucht `license`: die Lizenz der Blaupause (`\(license.spdx)`) ist keine Lizenz für Software.",
                    at: f.value("software"), hint: "Ergänze zum Beispiel `license: EUPL-1.2` im Block `software`.")
        }
        guard let summary, !municipalities.isEmpty, !themes.isEmpty, let maturity, let license, let contact, let updated
        else { return nil }
        var blueprint = Blueprint(summary: summary, municipalities: municipalities, themes: themes, maturity: maturity,
                                  license: license, contact: contact, updated: updated, prerequisites: prerequisites,
                                  effort: effort, adoptedBy: adoptedBy, related: related, attachments: attachments)
        decision.apply(to: &blueprint)
        blueprint.cluster = cluster
        blueprint.inOperation = OperationDecoder.operations(&f, developers: municipalities)
        OperationDecoder.checkMaturity(of: blueprint, &f)
        return blueprint
    }

    static func report(_ f: inout FrontMatterFields) -> Report? {
        let summary = f.string("summary")
        let project = f.references("project").first
        let reportType = f.choice("report_type")
        let published = f.date("published")
        let authors = f.strings("authors")
        let license = f.value("license") == nil ? nil : licenseValue(&f)
        guard let summary, let project, let reportType, let published, !authors.isEmpty else { return nil }
        var report = Report(summary: summary, project: project, reportType: reportType, published: published, authors: authors)
        report.license = license
        return report
    }

    static func course(_ f: inout FrontMatterFields) -> Course? {
        let summary = f.string("summary")
        let audience = f.string("audience")
        let outcomes = f.strings("learning_outcomes")
        let workload = f.string("workload")
        let license = licenseValue(&f)
        if let license, license.ambURI == nil {
            // AMB, the profile OER portals harvest, takes only these licences (see AMBRecords).
            f.warning("`license: \(license.spdx)`: OER-Portale übernehmen den Kurs nicht, denn ihr Metadatenprofil AMB nimmt nur "
                + "Creative-Commons-, GNU-, Apache-, MIT- und BSD-Lizenzen an.", at: f.value("license"),
                hint: "Für offene Bildungsmaterialien eignet sich CC-BY-4.0 oder CC-BY-SA-4.0.")
        }
        let level = vocabulary("educational_level", of: EducationalLevel.self, &f).first
        let types = vocabulary("learning_resource_type", of: LearningResourceType.self, &f)
        let offer = CourseOfferDecoder.decode(&f)
        let cluster = f.references("cluster").first
        guard let summary, let audience, !outcomes.isEmpty, let workload, let license else { return nil }
        var course = Course(summary: summary, audience: audience, learningOutcomes: outcomes, workload: workload, license: license)
        course.educationalLevel = level
        course.learningResourceTypes = types
        offer.apply(to: &course)
        course.cluster = cluster
        return course
    }

    static func module(_ f: inout FrontMatterFields) -> CourseModule? {
        let order = f.int("order")
        let objectives = f.strings("learning_objectives")
        let duration = f.string("duration")
        let types = vocabulary("learning_resource_type", of: LearningResourceType.self, &f)
        guard let order, !objectives.isEmpty, let duration else { return nil }
        var module = CourseModule(order: order, learningObjectives: objectives, duration: duration)
        module.learningResourceTypes = types
        return module
    }

    /// Values of a fixed vocabulary, written as one value or a list; unknown ones are errors with the allowed values.
    static func vocabulary<Value: RawRepresentable & CaseIterable>(
        _ key: String, of type: Value.Type, _ f: inout FrontMatterFields
    ) -> [Value] where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        return f.strings(key).compactMap { text in
            if let value = Value(rawValue: text) { return value }
            let suggestion = EditDistance.closest(to: text.lowercased(), among: allowed).map { " Meintest du `\($0)`?" } ?? ""
            f.error("`\(key): \(text)` ist kein erlaubter Wert.", at: f.value(key),
                    hint: "Erlaubt: " + allowed.joined(separator: ", ") + "." + suggestion)
            return nil
        }
    }

    static func project(_ f: inout FrontMatterFields) -> Project? {
        let acronym = f.string("acronym")
        let lead = f.references("lead").first
        let partners = f.references("partners")
        let status = f.choice("status")
        let start = f.date("start")
        let end = f.date("end")
        let funding = f.string("funding")
        let summary = f.string("summary")
        let cluster = f.references("cluster").first
        guard let acronym, let lead, let status, let start else { return nil }
        if let end, end < start {
            f.error("`end` (\(end)) liegt vor `start` (\(start)).", at: f.value("end"), hint: "Prüfe die beiden Daten.")
        }
        var project = Project(acronym: acronym, lead: lead, partners: partners, status: status, start: start,
                              end: end, funding: funding, summary: summary)
        project.cluster = cluster
        return project
    }

    static func municipality(_ f: inout FrontMatterFields) -> Municipality? {
        let official = f.string("official_name")
        let agsNode = f.value("ags")
        var ags: String?
        if let agsNode {
            let text = agsNode.scalar?.string ?? ""
            if text.count == 8, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
                ags = text
                if !text.hasPrefix("06") {
                    f.error("Der Gemeindeschlüssel `\(text)` gehört nicht zu Hessen.", at: agsNode,
                            hint: "Hessische Gemeindeschlüssel beginnen mit `06`.")
                }
            } else {
                f.error("`ags` muss der achtstellige Amtliche Gemeindeschlüssel sein, ist aber `\(text)`.", at: agsNode,
                        hint: "Schreibe ihn in Anführungszeichen, damit die führende Null bleibt: `ags: \"06534014\"`.")
            }
        } else {
            f.error("Pflichtfeld `ags` fehlt.", at: nil, hint: "Ergänze `ags: \"06……\"` (Amtlicher Gemeindeschlüssel).")
        }
        let website = f.string("website")
        if let website, let problem = WebAddress.problem(with: website, allowing: WebAddress.webSchemes) {
            f.error("`website`: " + problem.message, at: f.value("website"), hint: problem.hint)
        }
        let summary = f.string("summary")
        let population = f.int("population")
        if let population, !(1...20_000_000).contains(population) {
            f.error("`population` muss die Zahl der Einwohnerinnen und Einwohner sein, ist aber \(population).", at: f.value("population"),
                    hint: "Schreibe die Zahl ohne Punkte, zum Beispiel `population: 78000`.")
        }
        let contact = f.value("contact").flatMap { ContactDecoder.contact(in: $0, key: "contact", &f) }
        guard let official, let ags, let website else { return nil }
        var municipality = Municipality(officialName: official, ags: ags, website: website, summary: summary)
        municipality.population = population.flatMap { (1...20_000_000).contains($0) ? $0 : nil }
        municipality.contact = contact
        return municipality
    }

    // MARK: - Shared fields

    private static func maturityValue(_ f: inout FrontMatterFields) -> Maturity? {
        guard let text = f.string("maturity") else { return nil }
        if let maturity = Maturity(rawValue: text) ?? Maturity.formerNames[text] { return maturity }
        let allowed = Maturity.allCases.map(\.rawValue)
        let suggestion = EditDistance.closest(to: text, among: allowed).map { " Meintest du `\($0)`?" } ?? ""
        f.error("`maturity: \(text)` ist kein bekannter Reifegrad.", at: f.value("maturity"),
                hint: "Erlaubt: " + allowed.joined(separator: ", ") + "." + suggestion)
        return nil
    }

    static func licenseValue(_ f: inout FrontMatterFields) -> License? {
        guard let text = f.string("license") else { return nil }
        if let license = License.named(text) { return license }
        let known = License.known.keys.sorted()
        let suggestion = EditDistance.closest(to: text, among: known).map { " Meintest du `\($0)`?" } ?? ""
        f.error("`license: \(text)` ist keine Lizenz, die vcc kennt.", at: f.value("license"),
                hint: "Erlaubt (SPDX-Kennungen): " + known.joined(separator: ", ") + "." + suggestion)
        return nil
    }

    private static func contactValue(_ f: inout FrontMatterFields) -> Contact? {
        guard let node = f.value("contact") else {
            f.error("Pflichtfeld `contact` fehlt.", at: nil,
                    hint: "Ergänze `contact: {name: Stabsstelle Digitalisierung, email: digital@example.de}`.")
            return nil
        }
        return ContactDecoder.contact(in: node, key: "contact", &f)
    }

    /// `name@host.tld` without spaces, control characters or anything a `mailto:` link would read as more.
    static func isMailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || "?&#/\\:<>\"'".unicodeScalars.contains($0) }
    }

    static func attachmentList(_ f: inout FrontMatterFields, key: String) -> [Attachment] {
        f.nodes(key, required: false, example: "[{title: Checkliste, path: checkliste.pdf}]").compactMap { node in
            if let path = node.scalar?.string { return Attachment(title: path, path: path, location: f.location(of: node)) }
            guard let path = node["path"]?.scalar?.string else {
                f.error("Ein Anhang braucht `path`.", at: node, hint: "Schreibe `- {title: Checkliste, path: checkliste.pdf}`.")
                return nil
            }
            return Attachment(title: node["title"]?.scalar?.string ?? path, path: path, location: f.location(of: node["path"]))
        }
    }
}
