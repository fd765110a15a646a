import Foundation
public import MarkdownRendering
public import SiteModel
public import SiteSnapshot

/// Every course's material as a package (`/qualifizierung/<kurs>/<kurs>-material.zip`), so a
/// municipality can run the course in-house: the course and each module as OpenDocument text
/// (`01-<modul>.odt`, in the course's order) and as one HTML page, `NACHWEIS.txt` with source,
/// licence and attribution, and the Markdown sources in `technik/`.
public struct CourseMaterialPackages: SiteOutput {
    public let markdown: MarkdownRenderer

    public init(markdown: MarkdownRenderer) {
        self.markdown = markdown
    }

    public var step: String { "Nachnutzungspakete" }

    /// Where a course's material is published.
    public static func path(of course: RouteTable.Entry) -> String {
        String(course.url.rawValue.dropFirst()) + course.fileStem + "-material.zip"
    }

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        directory.routes.entries(of: .course).map {
            OutputClaim(Self.path(of: $0), by: .generated("das Kursmaterial von \($0.document.sourcePath)"))
        }
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        for course in site.routes.entries(of: .course) {
            guard case .course(let c) = course.document.metadata else { continue }
            let bytes = try archive(course, c, site: site)
            try sink.accept(OutputFile(path: Self.path(of: course), contents: bytes))
            ledger.packages[course.url] = PackageDownload(
                url: site.addresses.download(Self.path(of: course)), sizeLabel: ReusePackages.size(bytes.count),
                contentsLabel: "Kurs und \(modules(of: course, site).count) Module als ODT, HTML, Markdown, Nachweis", byteCount: bytes.count)
        }
    }

    private func modules(of course: RouteTable.Entry, _ site: SiteSnapshot) -> [RouteTable.Entry] {
        site.directory.modulesByCourse[course.document.contentFolder] ?? []
    }

    private func archive(_ course: RouteTable.Entry, _ c: Course, site: SiteSnapshot) throws -> [UInt8] {
        let id = course.fileStem
        var zip = ZipArchive(date: (1980, 1, 1))
        let pageURL = site.addresses.absolute(course.url)
        let publisher = site.configuration.publisher.isEmpty ? site.configuration.title : site.configuration.publisher
        let attribution = Attribution.text(title: course.document.title, authors: [publisher], sourceURL: pageURL, license: c.license)
        var html = ""
        var entries: [(name: String, document: ReuseDocument, source: String)] = []
        let documents = [course] + modules(of: course, site)
        for (index, entry) in documents.enumerated() {
            let document = entry.document
            let resolve = { (destination: String) -> String in
                if case .rewritten(let url, _) = site.links.resolve(destination, from: document) { return site.addresses.absolute(href: url) }
                return destination
            }
            let (body, blocks) = markdown.parse(document.body, file: document.sourcePath, firstLine: document.bodyFirstLine) { parsed in
                (parsed.render(titleToDrop: document.title) { destination in
                    if case .rewritten(let url, _) = site.links.resolve(destination, from: document) {
                        return .rewritten(site.addresses.absolute(href: url), anchorCheck: nil)
                    }
                    return .unchanged
                }.html, parsed.outline(titleToDrop: document.title, resolve: resolve))
            }
            var facts = [ReuseFact(label: "Kurs", value: course.document.title), ReuseFact(label: "Lizenz", value: "\(c.license.name) (\(c.license.url))")]
            if case .module(let m) = document.metadata {
                facts += [ReuseFact(label: "Dauer", value: m.duration), ReuseFact(label: "Lernziele", value: m.learningObjectives.joined(separator: "; "))]
            } else {
                facts += [ReuseFact(label: "Zielgruppe", value: c.audience), ReuseFact(label: "Aufwand", value: c.workload),
                          ReuseFact(label: "Lernergebnisse", value: c.learningOutcomes.joined(separator: "; "))]
            }
            let reuse = ReuseDocument(title: document.title, summary: document.summary ?? c.summary, facts: facts, blocks: blocks,
                                      attribution: attribution, sourceURL: site.addresses.absolute(entry.url),
                                      date: "", language: site.configuration.language)
            // Modules keep a number in front, in the course's order, unless their name has one (`01-prozesse`).
            let name = index == 0 ? id : entry.fileStem.first?.isNumber == true ? entry.fileStem : String(format: "%02d-", index) + entry.fileStem
            // The whole source with its front matter, for another vcc site; read once, for this package only.
            let source = site.files.take(document.contentPath).map { String(decoding: $0, as: UTF8.self) } ?? document.body
            entries.append((name, reuse, source))
            html += "<section id=\"\(XMLText.escaped(name))\"><h2>\(XMLText.escaped(document.title))</h2>\n" + body + "</section>\n"
        }
        var notice = ReuseNotice(title: course.document.title, authors: [publisher], sourceURL: pageURL, licenseName: c.license.name,
                                 licenseURL: c.license.url, conditions: c.license.conditions, attribution: attribution, version: "",
                                 reportAdoption: [])
        notice.subject = ("das Kursmaterial", "zum Kurs")
        notice.contents = ["Inhalt des Pakets: der Kurs und jedes Modul als OpenDocument-Text (.odt, bearbeitbar in LibreOffice",
                           "und Word, in der Reihenfolge des Kurses nummeriert), alles zusammen als HTML-Seite zum Lesen; im Ordner",
                           "technik/ die Markdown-Quellen und das Stylesheet der HTML-Seite."]
        try zip.add(path: "NACHWEIS.txt", contents: Array(notice.text.utf8))
        for entry in entries {
            try zip.add(path: entry.name + ".odt", contents: OpenDocumentText.file(for: entry.document), compress: false)
        }
        let overview = ReuseDocument(title: course.document.title, summary: c.summary, facts: entries[0].document.facts, blocks: [],
                                     attribution: attribution, sourceURL: pageURL, date: "", language: site.configuration.language)
        try zip.add(path: id + ".html", contents: Array(StandaloneHTML.page(for: overview, body: html).utf8))
        try zip.add(path: StandaloneHTML.stylesheetPath, contents: Array(StandaloneHTML.stylesheet.utf8))
        for entry in entries {
            try zip.add(path: PackageLayout.technicalFolder + entry.name + ".md", contents: Array(entry.source.utf8))
        }
        return zip.bytes()
    }
}
