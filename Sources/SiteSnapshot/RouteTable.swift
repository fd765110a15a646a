public import SiteModel

/// Every document's URL and the lookups between documents, known before any page is rendered.
///
/// Links and references are resolved against this table, which is why parsing and rendering are
/// two passes.
public struct RouteTable: Sendable {
    /// The rendered documents, sorted by content path, with their URLs.
    public let entries: [Entry]
    /// Documents that introduce a generated page (`index.md`, `blaupausen/index.md`), by the page's URL.
    public let introductions: [URLPath: Document]
    private let byContentPath: [String: Int]
    private let byKindAndID: [ContentKind: [String: Int]]
    /// The entries of each kind, made once: lists ask for them many times, and filtering 6,000
    /// entries (each a copy with its references) every time showed in profiles of large sites.
    private let byKind: [ContentKind: [Entry]]
    /// Every URL that will exist, for checking site-absolute links.
    public let knownURLs: Set<URLPath>
    /// Files left out for front-matter errors, by content path, with the URL they would have:
    /// links and references to them are not reported again.
    public let unusable: [String: (identity: DocumentIdentity, url: URLPath)]
    /// Drafts left out of this build, by content path: a link to one is an error that says so.
    public let drafts: [String: DocumentIdentity]

    public struct Entry: Sendable {
        public var document: Document
        public var url: URLPath

        public init(document: Document, url: URLPath) {
            self.document = document
            self.url = url
        }
    }

    /// Routes `documents`; two documents with one URL are an error at the second.
    public init(documents: [Document], unusable: [DocumentIdentity] = [], drafts: [DocumentIdentity] = [], diagnostics: inout [Diagnostic]) {
        var entries: [Entry] = []
        var introductions: [URLPath: Document] = [:]
        var owner: [URLPath: String] = [:]
        for document in documents {
            let url = RouteTable.url(forContentPath: document.contentPath)
            if url.rawValue.contains("//") {
                diagnostics.append(.error(
                    at: SourceLocation(file: document.sourcePath, line: 1, column: 1),
                    "Aus dem Datei- oder Ordnernamen lässt sich keine Adresse bilden: er enthält keinen Buchstaben und keine Ziffer.",
                    hint: "Benenne die Datei um, zum Beispiel in `seite.md`."))
                continue
            }
            let segments = url.rawValue.split(separator: "/")
            // A section's page (`/blaupausen/`) is made by vcc; its folder's `index.md` only introduces it.
            if url == .root || (segments.count == 1 && SiteSection(rawValue: String(segments[0])) != nil) {
                introductions[url] = document
                continue
            }
            if let first = owner[url] {
                diagnostics.append(.error(
                    at: SourceLocation(file: document.sourcePath, line: 1, column: 1),
                    "Die Adresse \(url) ist schon durch \(first) belegt.",
                    hint: "Benenne eine der beiden Dateien um; jede Seite braucht eine eigene Adresse."))
                continue
            }
            owner[url] = document.sourcePath
            entries.append(Entry(document: document, url: url))
        }
        self.entries = entries
        self.introductions = introductions
        byContentPath = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.document.contentPath, $0) })
        var byKind: [ContentKind: [String: Int]] = [:]
        for (index, entry) in entries.enumerated() where byKind[entry.document.kind]?[entry.document.id] == nil {
            // Read and write in separate statements: reading inside the write would copy the inner
            // dictionary on every insert and make this quadratic in the number of pages.
            byKind[entry.document.kind, default: [:]][entry.document.id] = index
        }
        byKindAndID = byKind
        self.byKind = Dictionary(grouping: entries, by: \.document.kind)
        knownURLs = Set(entries.map(\.url)).union(introductions.keys)
        self.unusable = Dictionary(unusable.map { ($0.contentPath, ($0, RouteTable.url(forContentPath: $0.contentPath))) },
                                   uniquingKeysWith: { first, _ in first })
        self.drafts = Dictionary(drafts.map { ($0.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a file of this kind and id exists but was left out for its own errors.
    public func isUnusable(kind: ContentKind, id: String) -> Bool {
        unusable.values.contains { $0.identity.kind == kind && $0.identity.id == id }
    }

    /// `blaupausen/posteingang.md` -> `/blaupausen/posteingang/`; `a/agg/index.md` -> `/a/agg/`.
    public static func url(forContentPath path: String) -> URLPath {
        var segments = path.split(separator: "/").map(String.init)
        if let last = segments.popLast() {
            let name = last.hasSuffix(".md") ? String(last.dropLast(3)) : last
            if name != "index" { segments.append(name) }
        }
        return URLPath(segments: segments.map(urlSegment))
    }

    /// A file or folder name as a URL segment: kept when it is already URL-safe (`sgb_5`),
    /// otherwise made into a German slug (`Über uns` -> `ueber-uns`).
    public static func urlSegment(_ name: String) -> String {
        let safe = !name.isEmpty && name.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        return (safe ? Slug(verbatim: name) : Slug(name)).truncated().rawValue
    }

    public func entry(forContentPath path: String) -> Entry? {
        byContentPath[path].map { entries[$0] }
    }

    public func entry(kind: ContentKind, id: String) -> Entry? {
        byKindAndID[kind]?[id].map { entries[$0] }
    }

    /// The entries of one kind, in content-path order.
    public func entries(of kind: ContentKind) -> [Entry] {
        byKind[kind] ?? []
    }
}

extension RouteTable.Entry {
    /// The last segment of the page's URL (`posteingang` of `/blaupausen/posteingang/`): the name of
    /// a blueprint's Markdown download and reuse package.
    public var fileStem: String { url.rawValue.split(separator: "/").last.map(String.init) ?? document.id }
}

extension RouteTable {
    /// The segments of `path` (relative to the content folder `folder`) with `.` and `..` applied.
    public static func segments(of path: String, relativeTo folder: String) -> [Substring] {
        (folder.split(separator: "/") + path.split(separator: "/")).reduce(into: [Substring]()) { stack, part in
            if part == ".." { _ = stack.popLast() } else if part != "." { stack.append(part) }
        }
    }
}
