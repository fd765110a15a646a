import Foundation
import SiteModel

/// `/katalog/katalog.json`: every content type as JSON for programs (portals, other sites,
/// scripts), described by the JSON Schema `/katalog/katalog.schema.json` beside it. Keys sorted,
/// dates and ids from the content, so the file is deterministic.
struct CatalogueAPI {
    let configuration: SiteConfiguration
    let directory: SiteDirectory
    let links: LinkResolver
    let packages: [URLPath: BlueprintPackages.Download]

    static let path = "katalog/katalog.json"
    static let schemaPath = "katalog/katalog.schema.json"

    func files() -> [OutputFile] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(catalogue())) ?? Data("{}".utf8)
        return [OutputFile(path: Self.path, contents: Array(data) + [0x0A]),
                OutputFile(path: Self.schemaPath, text: CatalogueSchema.json(id: address(URLPath("/" + Self.schemaPath))))]
    }

    private func address(_ url: URLPath) -> String {
        configuration.baseURL.isEmpty ? directory.href(url) : configuration.absoluteURL(url)
    }

    private func license(_ spdx: String?) -> Catalogue.License? {
        spdx.map { id in Catalogue.License(spdx: id, name: License.named(id)?.name ?? id, url: License.named(id)?.url) }
    }

    /// An attachment with the address it is downloaded from; one that is no file (an error on
    /// the blueprint's page) is left out.
    private func attachment(of entry: RouteTable.Entry, _ attachment: Attachment) -> Catalogue.File? {
        switch links.resolveAttachment(attachment.path, from: entry.document) {
        case .file(let contentPath, _):
            let path = contentPath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? contentPath
            return .init(title: attachment.title, path: attachment.path, url: address(URLPath("/" + path)))
        case .external: return .init(title: attachment.title, path: attachment.path, url: attachment.path)
        case .notAFile: return nil
        }
    }

    private func catalogue() -> Catalogue {
        let routes = directory.routes
        var newest = ""
        func entries<T>(_ kind: ContentKind, _ make: (RouteTable.Entry) -> T?) -> [T] { routes.entries(of: kind).compactMap(make) }
        let blueprints: [Catalogue.Blueprint] = entries(.blueprint) { entry in
            guard case .blueprint(let b) = entry.document.metadata else { return nil }
            newest = max(newest, b.updated.iso)
            let name = entry.fileStem
            return Catalogue.Blueprint(
                id: entry.document.id, title: entry.document.title, summary: b.summary, url: address(entry.url),
                markdown: address(entry.url) + name + ".md", package: packages[entry.url].map { _ in address(entry.url) + name + ".zip" },
                maturity: b.maturity.rawValue, license: license(b.license)!, municipalities: b.municipalities.map(\.id),
                themes: b.themes, updated: b.updated.iso,
                contact: .init(name: b.contact.name, email: b.contact.email, url: b.contact.url),
                adoptedBy: b.adoptedBy.map { .init(municipality: $0.municipality, name: $0.name, ags: $0.ags, since: $0.since?.iso, status: $0.status?.rawValue) },
                related: b.related.map(\.id), prerequisites: b.prerequisites, effort: b.effort,
                attachments: (b.attachments + b.documents).compactMap { attachment(of: entry, $0) },
                costs: b.costs.map { .init(oneOff: $0.oneOff, yearly: $0.yearly, note: $0.note) },
                products: b.products.map { .init(name: $0.name, openSource: $0.isOpenSource, license: $0.license, url: $0.url) },
                legalBasis: b.legalBasis,
                suitableFor: b.suitableFor.map { .init(min: $0.minimum, max: $0.maximum) }, project: b.project?.id)
        }
        let reports: [Catalogue.Report] = entries(.report) { entry in
            guard case .report(let r) = entry.document.metadata else { return nil }
            newest = max(newest, r.published.iso)
            return .init(id: entry.document.id, title: entry.document.title, summary: r.summary, url: address(entry.url),
                         project: r.project.id, reportType: r.reportType, published: r.published.iso, authors: r.authors,
                         license: license(r.license))
        }
        let courses: [Catalogue.Course] = entries(.course) { entry in
            guard case .course(let c) = entry.document.metadata else { return nil }
            let modules: [Catalogue.Module] = (directory.modulesByCourse[entry.document.contentFolder] ?? []).compactMap { module in
                guard case .module(let m) = module.document.metadata else { return nil }
                return .init(id: module.document.id, title: module.document.title, url: address(module.url), order: m.order,
                             duration: m.duration, learningObjectives: m.learningObjectives)
            }
            return .init(id: entry.document.id, title: entry.document.title, summary: c.summary, url: address(entry.url),
                         audience: c.audience, workload: c.workload, license: license(c.license)!, learningOutcomes: c.learningOutcomes,
                         modules: modules)
        }
        let projects: [Catalogue.Project] = entries(.project) { entry in
            guard case .project(let p) = entry.document.metadata else { return nil }
            return .init(id: entry.document.id, title: entry.document.title, acronym: p.acronym, url: address(entry.url), lead: p.lead.id,
                         partners: p.partners.map(\.id), status: p.status, start: p.start.iso, end: p.end?.iso, funding: p.funding,
                         summary: p.summary)
        }
        let municipalities: [Catalogue.Municipality] = entries(.municipality) { entry in
            guard case .municipality(let m) = entry.document.metadata else { return nil }
            return .init(id: entry.document.id, name: entry.document.title, officialName: m.officialName, ags: m.ags,
                         website: m.website, url: address(entry.url), summary: m.summary)
        }
        return Catalogue(
            schema: address(URLPath("/" + Self.schemaPath)), title: configuration.title, description: configuration.description,
            url: address(.root), publisher: configuration.publisher.isEmpty ? nil : .init(name: configuration.publisher, url: address(.root)),
            modified: newest.isEmpty ? nil : newest, blueprints: blueprints, reports: reports, courses: courses,
            projects: projects, municipalities: municipalities)
    }
}
