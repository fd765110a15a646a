import SiteSnapshot
/// The reuse package of a blueprint (`/blaupausen/<id>/<id>.zip`): everything another
/// municipality needs to take it over, in a form it can edit.
///
/// Contents: `LIESMICH.html` („So gehen Sie vor“: what is in the package, the blueprint's steps,
/// whom to ask, how to report the adoption); the blueprint as OpenDocument text (the document
/// standard of German public administration, opens in LibreOffice and Word) with the same guide
/// as its first section, and as a standalone HTML page; every attachment and template, a text
/// (`.txt`) also as editable `.odt` and a table (`.csv`) as `.ods` beside it; `NACHWEIS.txt` with
/// source, licence and attribution; and in `technik/` what only a technician needs: the Markdown
/// with its front matter (to drop into another vcc site), the HTML's stylesheet and publiccode.yml.
/// Links between the files are relative, so they work offline. Entries have a fixed order and
/// the date of the blueprint's version, so the package is byte-identical from build to build.
public struct ReusePackage: Sendable {
    /// A file of the package by its path in the package (an attachment or template, or an editable copy).
    public struct File: Sendable {
        public var path: String
        public var contents: [UInt8]
        public init(path: String, contents: [UInt8]) { self.path = path; self.contents = contents }
    }

    /// The blueprint's id, used for the file names inside (`<id>.odt`, `<id>.html`, `technik/<id>.md`).
    public var id: String
    /// The blueprint, with the guide of `LIESMICH.html` as ``ReuseDocument/guide``.
    public var document: ReuseDocument
    /// The Markdown source, for `technik/`: links to other pages absolute, to packaged files relative.
    public var markdown: [UInt8]
    /// The blueprint's body as HTML (rendered by the site's Markdown renderer), linked like ``markdown``.
    public var bodyHTML: String
    /// The attachments and templates as the blueprint names them.
    public var files: [File]
    /// The editable OpenDocument copies of text and table attachments (see ``EditableCopy``).
    public var editableCopies: [File] = []
    public var notice: ReuseNotice
    /// The blueprint's publiccode.yml, when it names software.
    public var publiccode: [UInt8]?

    public init(id: String, document: ReuseDocument, markdown: [UInt8], bodyHTML: String, files: [File], notice: ReuseNotice) {
        self.id = id; self.document = document; self.markdown = markdown; self.bodyHTML = bodyHTML
        self.files = files; self.notice = notice
    }

    /// What the package contains, in words for the download link
    /// ("Anleitung, ODT, HTML, Markdown, 2 Anhänge (auch als ODT), Nachweis").
    public var contentsLabel: String {
        var parts = ["Anleitung", "ODT", "HTML", "Markdown"]
        if !files.isEmpty {
            var attachments = files.count == 1 ? "1 Anhang" : "\(files.count) Anhänge"
            if !editableCopies.isEmpty {
                let formats = Set(editableCopies.map { $0.path.split(separator: ".").last.map { $0.uppercased() } ?? "" }).sorted().joined(separator: "/")
                attachments += editableCopies.count == files.count ? " (auch als \(formats))" : " (\(editableCopies.count) davon auch als \(formats))"
            }
            parts.append(attachments)
        }
        if publiccode != nil { parts.append("publiccode.yml") }
        return parts.joined(separator: ", ") + ", Nachweis"
    }

    /// The ZIP file.
    public func archive() throws -> [UInt8] {
        let parts = document.date.split(separator: "-").compactMap { Int($0) }
        var zip = ZipArchive(date: (parts.count == 3 ? parts[0] : 1980, parts.count == 3 ? parts[1] : 1, parts.count == 3 ? parts[2] : 1))
        if let guide = document.guide {
            try zip.add(path: StandaloneHTML.readmePath, contents: Array(StandaloneHTML.readme(for: document, guide: guide).utf8))
        }
        try zip.add(path: "NACHWEIS.txt", contents: Array(notice.text.utf8))
        try zip.add(path: id + ".odt", contents: OpenDocumentText.file(for: document), compress: false)
        try zip.add(path: id + ".html", contents: Array(StandaloneHTML.page(for: document, body: bodyHTML).utf8))
        // Every file goes in: the caller keeps names unique (see `generatedNames`), and a
        // name twice is refused by ZipArchive rather than dropped, so the count on the page holds.
        for file in (files + editableCopies).sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            try zip.add(path: file.path, contents: file.contents, compress: !file.path.hasSuffix(".odt") && !file.path.hasSuffix(".ods"))
        }
        try zip.add(path: Self.markdownPath(id: id), contents: markdown)
        try zip.add(path: StandaloneHTML.stylesheetPath, contents: Array(StandaloneHTML.stylesheet.utf8))
        if let publiccode { try zip.add(path: Self.publiccodePath, contents: publiccode) }
        return zip.bytes()
    }

    /// The names of the files the package writes itself, with what each holds in the accusative
    /// ("den Nachweis"), for the error when an attachment or its editable copy would take one of them.
    public static func generatedNames(id: String, withPubliccode: Bool) -> [String: String] {
        var names = [
            StandaloneHTML.readmePath: "die Anleitung „So gehen Sie vor“",
            "NACHWEIS.txt": "den Nachweis", id + ".odt": "die Blaupause als OpenDocument-Text",
            id + ".html": "die Blaupause als HTML-Seite", markdownPath(id: id): "die Blaupause als Markdown",
            StandaloneHTML.stylesheetPath: "das Stylesheet der HTML-Seite",
        ]
        if withPubliccode { names[publiccodePath] = "die publiccode.yml der Software" }
        return names
    }

    /// The Markdown's path: a source for another vcc site, not a document to read.
    public static func markdownPath(id: String) -> String { PackageLayout.technicalFolder + id + ".md" }

    /// publiccode.yml in `technik/`, under the name Open CoDE looks for.
    public static let publiccodePath = PackageLayout.technicalFolder + "publiccode.yml"
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

    /// What the package is, as the text names it: "die Blaupause", "das Kursmaterial".
    public var subject = (nominative: "die Blaupause", dative: "zur Blaupause")
    /// What the package holds, in lines of the text's last paragraph.
    public var contents = [
        "Inhalt des Pakets: LIESMICH.html mit dem Vorgehen, die Blaupause als OpenDocument-Text",
        "(.odt, bearbeitbar in LibreOffice und Word) und als HTML-Seite zum Lesen, Anhänge und Vorlagen",
        "(Texte auch als .odt, Tabellen auch als .ods); im Ordner technik/ das Markdown mit Front Matter",
        "für eine eigene vcc-Wissensbasis, das Stylesheet der HTML-Seite und gegebenenfalls publiccode.yml.",
    ]

    /// The file's text (UTF-8, CRLF-free, readable in any editor).
    public var text: String {
        var lines = [
            "Nachweis \(subject.dative) „\(title)“", "",
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
            lines.append("Bitte teilen Sie den Urhebern mit, wenn Sie \(subject.nominative) nachnutzen.")
        } else {
            lines.append("Nachnutzung melden (die Urheber freuen sich über jede Rückmeldung):")
            lines += reportAdoption.map { "  " + $0 }
        }
        lines += [""] + contents + [""]
        return lines.joined(separator: "\n")
    }
}
