import Foundation
public import SiteModel
public import SiteSnapshot

/// `/katalog/katalog.json`: every content type as JSON for programs (portals, other sites,
/// scripts), described by the JSON Schema `/katalog/katalog.schema.json` beside it. Keys sorted,
/// dates and ids from the content, so the file is deterministic.
public struct ContentDataJSON: SiteOutput {
    public init() {}

    public static let path = "katalog/katalog.json"
    public static let schemaPath = "katalog/katalog.schema.json"

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        [.generatedFile(Self.path), .generatedFile(Self.schemaPath)]
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        let data = Collector(site: site, packages: ledger.packages).contentData()
        try sink.accept(OutputFile(path: Self.path, contents: SortedJSON.bytes(data)))
        try sink.accept(OutputFile(path: Self.schemaPath, text: ContentDataSchema.json(id: site.addresses.absoluteDownload(Self.schemaPath))))
    }
}

extension ContentDataJSON {
    /// The content of one build as ``ContentData``.
    private struct Collector {
        let site: SiteSnapshot
        let packages: [URLPath: PackageDownload]

        private var configuration: SiteConfiguration { site.configuration }
        private var directory: SiteDirectory { site.directory }
        private var links: LinkResolver { site.links }

        private func address(_ url: URLPath) -> String { site.addresses.absolute(url) }

        private func license(_ license: License) -> ContentData.License {
            ContentData.License(spdx: license.spdx, name: license.name, url: license.url)
        }

        /// An attachment with the address it is downloaded from; one that is no file (an error on
        /// the blueprint's page) is left out.
        private func attachment(of entry: RouteTable.Entry, _ attachment: Attachment) -> ContentData.File? {
            switch links.resolveAttachment(attachment.path, from: entry.document) {
            case .file(let contentPath, _):
                return .init(title: attachment.title, path: attachment.path, url: address(site.addresses.contentFile(contentPath)))
            case .external: return .init(title: attachment.title, path: attachment.path, url: attachment.path)
            case .notAFile: return nil
            }
        }

        func contentData() -> ContentData {
            let routes = directory.routes
            var newest: ContentDate?
            func entries<T>(_ kind: ContentKind, _ make: (RouteTable.Entry) -> T?) -> [T] { routes.entries(of: kind).compactMap(make) }
            let blueprints: [ContentData.Blueprint] = entries(.blueprint) { entry in
                guard case .blueprint(let b) = entry.document.metadata else { return nil }
                newest = max(newest ?? b.updated, b.updated)
                return ContentData.Blueprint(
                    id: entry.document.id, title: entry.document.title, summary: b.summary, url: address(entry.url),
                    markdown: site.addresses.absoluteDownload(entry.markdownPath),
                    package: packages[entry.url].map { _ in site.addresses.absoluteDownload(entry.packagePath) },
                    maturity: b.maturity.rawValue, license: license(b.license), municipalities: b.municipalities.map(\.id),
                    themes: b.themes, updated: b.updated.iso,
                    contact: .init(b.contact),
                    adoptedBy: b.adoptedBy.map { .init(municipality: $0.municipality, name: $0.name, ags: $0.ags, since: $0.since?.iso, status: $0.status?.rawValue) },
                    related: b.related.map(\.id), prerequisites: b.prerequisites, effort: b.effort,
                    attachments: (b.attachments + b.documents).compactMap { attachment(of: entry, $0) },
                    costs: b.costs.map { .init(oneOff: $0.oneOff, yearly: $0.yearly, note: $0.note) },
                    products: b.products.map { .init(name: $0.name, openSource: $0.isOpenSource, license: $0.license, url: $0.url) },
                    legalBasis: b.legalBasis,
                    suitableFor: b.suitableFor.map { .init(min: $0.minimum, max: $0.maximum) }, project: b.project?.id,
                    inOperation: b.inOperation.map { .init(municipality: $0.municipality, since: $0.since?.iso) })
            }
            let reports: [ContentData.Report] = entries(.report) { entry in
                guard case .report(let r) = entry.document.metadata else { return nil }
                newest = max(newest ?? r.published, r.published)
                return .init(id: entry.document.id, title: entry.document.title, summary: r.summary, url: address(entry.url),
                             project: r.project.id, reportType: r.reportType, published: r.published.iso, authors: r.authors,
                             license: r.license.map(license))
            }
            let courses: [ContentData.Course] = entries(.course) { entry in
                guard case .course(let c) = entry.document.metadata else { return nil }
                let modules: [ContentData.Module] = (directory.modulesByCourse[entry.document.contentFolder] ?? []).compactMap { module in
                    guard case .module(let m) = module.document.metadata else { return nil }
                    return .init(id: module.document.id, title: module.document.title, url: address(module.url), order: m.order,
                                 duration: m.duration, learningObjectives: m.learningObjectives)
                }
                return .init(id: entry.document.id, title: entry.document.title, summary: c.summary, url: address(entry.url),
                             audience: c.audience, workload: c.workload, license: license(c.license), learningOutcomes: c.learningOutcomes,
                             modules: modules)
            }
            let projects: [ContentData.Project] = entries(.project) { entry in
                guard case .project(let p) = entry.document.metadata else { return nil }
                return .init(id: entry.document.id, title: entry.document.title, acronym: p.acronym, url: address(entry.url), lead: p.lead.id,
                             partners: p.partners.map(\.id), status: p.status, start: p.start.iso, end: p.end?.iso, funding: p.funding,
                             summary: p.summary)
            }
            let municipalities: [ContentData.Municipality] = entries(.municipality) { entry in
                guard case .municipality(let m) = entry.document.metadata else { return nil }
                return .init(id: entry.document.id, name: entry.document.title, officialName: m.officialName, ags: m.ags,
                             website: m.website, url: address(entry.url), summary: m.summary, population: m.population,
                             contact: m.contact.map(ContentData.Contact.init))
            }
            return ContentData(
                schema: site.addresses.absoluteDownload(ContentDataJSON.schemaPath), title: configuration.title, description: configuration.description,
                url: address(.root), publisher: configuration.publisher.isEmpty ? nil : .init(name: configuration.publisher, url: address(.root)),
                modified: newest?.iso, blueprints: blueprints, reports: reports, courses: courses,
                projects: projects, municipalities: municipalities)
        }
    }
}

