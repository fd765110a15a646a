public import SiteModel
public import SiteSnapshot

/// AMB records (the Allgemeines Metadatenprofil für Bildungsressourcen of DINI AG KIM, the
/// schema.org profile that German OER portals harvest) for every course and module: embedded in
/// their pages as JSON-LD, and published as `/qualifizierung/<kurs>/amb.json` plus a list of all
/// of them at `/qualifizierung/amb.json`.
public struct AMBRecords {
    private let site: SiteSnapshot

    public init(site: SiteSnapshot) { self.site = site }

    private var configuration: SiteConfiguration { site.configuration }
    private var directory: SiteDirectory { site.directory }

    private func address(_ url: URLPath) -> String { site.addresses.recordIdentifier(url) }

    /// The two-letter language code AMB takes (`de`, not `de-DE`).
    private var language: String { String(configuration.language.prefix(2)).lowercased() }

    /// The course a module belongs to: the `index.md` of its folder.
    func course(of module: RouteTable.Entry) -> RouteTable.Entry? {
        directory.references(of: module).course
    }

    /// The record of a course or module page; nil for other documents.
    public func record(for entry: RouteTable.Entry) -> JSONValue? {
        switch entry.document.metadata {
        case .course(let course):
            let modules = directory.modulesByCourse[entry.document.contentFolder] ?? []
            var record = base(entry, types: ["LearningResource", "Course"], license: course.license,
                              resourceTypes: course.learningResourceTypes.isEmpty ? [.kurs] : course.learningResourceTypes)
            record["description"] = .string(course.summary)
            if let free = course.isFreeOfCharge { record["isAccessibleForFree"] = .boolean(free) }
            if let level = course.educationalLevel {
                record["educationalLevel"] = [["type": "Concept", "id": .string(level.uri), "prefLabel": ["de": .string(level.label)]]]
            }
            if !modules.isEmpty {
                record["hasPart"] = .array(modules.map { ["id": .string(address($0.url)), "type": ["LearningResource"], "name": .string($0.document.title)] })
            }
            return record
        case .module(let module):
            guard let course = course(of: entry), case .course(let c) = course.document.metadata else { return nil }
            var record = base(entry, types: ["LearningResource"], license: c.license, resourceTypes: module.learningResourceTypes)
            record["isPartOf"] = [["id": .string(address(course.url)), "type": ["LearningResource", "Course"], "name": .string(course.document.title)]]
            if let summary = entry.document.summary { record["description"] = .string(summary) }
            return record
        default:
            return nil
        }
    }

    private func base(_ entry: RouteTable.Entry, types: [String], license: License, resourceTypes: [LearningResourceType]) -> JSONValue {
        let publisher: JSONValue = ["type": "Organization", "name": .string(configuration.publisher.isEmpty ? configuration.title : configuration.publisher)]
        var record: JSONValue = [
            "@context": ["https://w3id.org/kim/amb/context.jsonld", ["@language": .string(language)]],
            "id": .string(address(entry.url)), "type": .strings(types), "name": .string(entry.document.title),
            "inLanguage": [.string(language)], "creator": [publisher], "publisher": [publisher],
            "mainEntityOfPage": [["id": .string(address(entry.url)), "type": "WebContent"]],
        ]
        if let uri = license.ambURI { record["license"] = ["id": .string(uri)] }
        if !resourceTypes.isEmpty {
            record["learningResourceType"] = .array(resourceTypes.map { ["type": "Concept", "id": .string($0.uri), "prefLabel": ["de": .string($0.label)]] })
        }
        return record
    }

    /// Every course's record, and beside it its modules' records.
    func courses() -> [(course: RouteTable.Entry, record: JSONValue, modules: [JSONValue])] {
        directory.routes.entries(of: .course).compactMap { course in
            record(for: course).map { (course, $0, (directory.modulesByCourse[course.document.contentFolder] ?? []).compactMap(record(for:))) }
        }
    }
}
