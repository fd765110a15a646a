/// The reuse package of a blueprint (`/blaupausen/<id>/<id>.zip`): everything another
/// municipality needs to take it over, in a form it can edit.
///
/// Contents: the blueprint as OpenDocument text (the document standard of German public
/// administration, opens in LibreOffice and Word), the same as a standalone HTML page with its
/// stylesheet, the Markdown with its front matter and absolute links (to drop into another vcc
/// site), every attachment and template, and `NACHWEIS.txt` with source, licence and attribution.
/// Entries have a fixed order and the date of the blueprint's version, so the package is
/// byte-identical from build to build.
public struct ReusePackage: Sendable {
    /// A file the package carries as it is (attachment or template), by its path in the package.
    public struct File: Sendable {
        public var path: String
        public var contents: [UInt8]
        public init(path: String, contents: [UInt8]) { self.path = path; self.contents = contents }
    }

    /// The blueprint's id, used for the file names inside (`<id>.odt`, `<id>.html`, `<id>.md`).
    public var id: String
    public var document: ReuseDocument
    /// The Markdown source with links made absolute.
    public var markdown: [UInt8]
    /// The blueprint's body as HTML with absolute links (rendered by the site's Markdown renderer).
    public var bodyHTML: String
    public var files: [File]
    public var notice: ReuseNotice
    /// The blueprint's publiccode.yml, when it names software.
    public var publiccode: [UInt8]?

    public init(id: String, document: ReuseDocument, markdown: [UInt8], bodyHTML: String, files: [File], notice: ReuseNotice) {
        self.id = id; self.document = document; self.markdown = markdown; self.bodyHTML = bodyHTML
        self.files = files; self.notice = notice
    }

    /// What the package contains, in words for the download link ("ODT, HTML, Markdown, 2 Anhänge").
    public var contentsLabel: String {
        var parts = ["ODT", "HTML", "Markdown"]
        if !files.isEmpty { parts.append(files.count == 1 ? "1 Anhang" : "\(files.count) Anhänge") }
        if publiccode != nil { parts.append("publiccode.yml") }
        return parts.joined(separator: ", ") + ", Nachweis"
    }

    /// The ZIP file.
    public func archive() throws -> [UInt8] {
        let parts = document.date.split(separator: "-").compactMap { Int($0) }
        var zip = ZipArchive(date: (parts.count == 3 ? parts[0] : 1980, parts.count == 3 ? parts[1] : 1, parts.count == 3 ? parts[2] : 1))
        do {
            try zip.add(path: "NACHWEIS.txt", contents: Array(notice.text.utf8))
            try zip.add(path: id + ".odt", contents: OpenDocumentText.file(for: document), compress: false)
            try zip.add(path: id + ".html", contents: Array(StandaloneHTML.page(for: document, body: bodyHTML).utf8))
            try zip.add(path: StandaloneHTML.stylesheetName, contents: Array(StandaloneHTML.stylesheet.utf8))
            try zip.add(path: id + ".md", contents: markdown)
            if let publiccode { try zip.add(path: Self.publiccodeName, contents: publiccode) }
            // Every file goes in: the caller keeps names unique (see `generatedNames`), and a
            // name twice is refused by ZipArchive rather than dropped, so the count on the page holds.
            for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
                try zip.add(path: file.path, contents: file.contents)
            }
        } catch {
            throw error
        }
        return zip.bytes()
    }

    /// The names of the files the package writes itself, at its root, with what each holds in the
    /// accusative ("den Nachweis"), for the error when an attachment would take one of them.
    public static func generatedNames(id: String, withPubliccode: Bool) -> [String: String] {
        var names = [
            "NACHWEIS.txt": "den Nachweis", id + ".odt": "die Blaupause als OpenDocument-Text",
            id + ".html": "die Blaupause als HTML-Seite", id + ".md": "die Blaupause als Markdown",
            StandaloneHTML.stylesheetName: "das Stylesheet der HTML-Seite",
        ]
        if withPubliccode { names[publiccodeName] = "die publiccode.yml der Software" }
        return names
    }

    /// The name Open CoDE looks for, at the root of the package as in a repository.
    public static let publiccodeName = "publiccode.yml"
}

/// `NACHWEIS.txt`: where the blueprint comes from, under which licence, how to cite it, and how
/// to tell its authors about the takeover.
public struct ReuseNotice: Sendable {
    public var title: String
    public var authors: [String]
    public var sourceURL: String
    public var licenseName: String
    public var licenseURL: String
    public var conditions: String
    public var attribution: String
    public var version: String
    /// How to report the adoption (mail address or issue link), when the site offers one.
    public var reportAdoption: [String]

    public init(title: String, authors: [String], sourceURL: String, licenseName: String, licenseURL: String, conditions: String,
                attribution: String, version: String, reportAdoption: [String]) {
        self.title = title; self.authors = authors; self.sourceURL = sourceURL; self.licenseName = licenseName
        self.licenseURL = licenseURL; self.conditions = conditions; self.attribution = attribution; self.version = version
        self.reportAdoption = reportAdoption
    }

    /// The file's text (UTF-8, CRLF-free, readable in any editor).
    public var text: String {
        var lines = [
            "Nachweis zur Blaupause „\(title)“", "",
            "Titel:      \(title)",
            "Urheber:    \(authors.joined(separator: ", "))",
            "Quelle:     \(sourceURL)",
            "Stand:      \(version)",
            "Lizenz:     \(licenseName)" + (licenseURL.isEmpty ? "" : " – \(licenseURL)"), "",
            conditions, "",
            "Quellenangabe bei Nachnutzung:",
            attribution, "",
        ]
        if reportAdoption.isEmpty {
            lines.append("Bitte teilen Sie den Urhebern mit, wenn Sie die Blaupause nachnutzen.")
        } else {
            lines.append("Nachnutzung melden (die Urheber freuen sich über jede Rückmeldung):")
            lines += reportAdoption.map { "  " + $0 }
        }
        lines += ["", "Inhalt des Pakets: die Blaupause als OpenDocument-Text (.odt, bearbeitbar in LibreOffice und Word),",
                  "als HTML-Seite zum Lesen, als Markdown mit Front Matter für eine eigene vcc-Wissensbasis,",
                  "dazu Anhänge und Vorlagen.", ""]
        return lines.joined(separator: "\n")
    }
}
