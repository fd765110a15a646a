public import MarkdownRendering
public import SiteModel

/// Resolves link destinations written in Markdown against the route table.
///
/// Authors link between content files with relative Markdown paths (`../blaupausen/posteingang.md#ziele`);
/// those become page URLs. Relative links to other files (images, PDFs) become site-absolute so they
/// keep working below a page's pretty URL.
public struct LinkResolver: Sendable {
    public let routes: RouteTable
    public let assetPaths: Set<String>
    public let basePath: String
    /// Pages and files vcc makes itself (`/blaupausen/`, `/themen/e-akte/`, `/feed.xml`): valid targets too.
    public let generatedURLs: Set<URLPath>
    /// The site's `base_url` (`https://vcc.example.org`), or empty: a link to it breaks in the preview and in packages.
    public let siteAddress: String

    public init(routes: RouteTable, assetPaths: Set<String>, basePath: String, generatedURLs: Set<URLPath>, siteAddress: String = "") {
        self.routes = routes; self.assetPaths = assetPaths; self.basePath = basePath; self.generatedURLs = generatedURLs
        self.siteAddress = siteAddress
    }

    public func resolve(_ destination: String, from document: Document) -> LinkResolution {
        if destination.isEmpty { return .broken(message: "Der Link hat kein Ziel.", hint: "Trage das Ziel in die runden Klammern ein.") }
        if destination.hasPrefix("#") {
            // A same-page anchor is checked against the page's own headings.
            let anchor = String(destination.dropFirst())
            guard !anchor.isEmpty, let own = ownURL(of: document) else { return .unchanged }
            return .rewritten(destination, anchorCheck: (own, anchor.removingPercentEscapes()))
        }
        if destination.hasPrefix("//") || WebAddress.scheme(of: destination) != nil {
            if let problem = WebAddress.problem(with: destination) { return .broken(message: problem.message, hint: problem.hint) }
            if let own = ownSiteLink(destination) { return own }
            return .unchanged
        }
        let (path, anchor) = split(destination)
        if path.hasPrefix("/") {
            let url = URLPath(path.removingPercentEscapes())
            if isPage(url) || assetPaths.contains(String(url.rawValue.dropFirst())) {
                return .rewritten(basePath + destination, anchorCheck: anchor.map { (url, $0) })
            }
            if let near = caseOnlyMatch(String(url.rawValue.dropFirst())) {
                return .broken(message: "Der Link `\(destination)` führt zu keiner Datei dieser Website; Groß- und Kleinschreibung weichen ab.",
                               hint: "Meintest du `/\(near)`? Auf dem Server zählt jeder Buchstabe.")
            }
            return .broken(message: "Der Link `\(destination)` führt zu keiner Seite dieser Website.",
                           hint: "Verlinke Inhalte mit ihrem relativen Pfad, zum Beispiel `../blaupausen/posteingang.md`.")
        }
        guard let target = normalize(path, relativeTo: document.contentFolder) else {
            return .broken(message: "Der Link `\(destination)` verlässt den Ordner content/.",
                           hint: "Prüfe die Anzahl der `../` im Pfad.")
        }
        let anchorSuffix = anchor.map { "#" + $0 } ?? ""
        if target.hasSuffix(".md") {
            let url: URLPath
            if let entry = routes.entry(forContentPath: target) {
                url = entry.url
            } else if let intro = routes.introductions.first(where: { $0.value.contentPath == target }) {
                url = intro.key
            } else if let unusable = routes.unusable[target] {
                // The file exists but has errors of its own, reported there; its anchors are unknown.
                return .rewritten(basePath + unusable.url.rawValue + anchorSuffix, anchorCheck: nil)
            } else if routes.drafts[target] != nil {
                return .broken(message: "Der Link `\(destination)` zeigt auf content/\(target); das ist ein Entwurf (`draft: true`) und wird nicht veröffentlicht.",
                               hint: "Entferne den Link, bis der Entwurf fertig ist, oder veröffentliche ihn: Lösche dort die Zeile `draft: true`.")
            } else if let near = caseOnlyMatch(target) {
                return caseMismatch(destination, path: path, near: near)
            } else {
                return .broken(message: "Der Link `\(destination)` zeigt auf content/\(target), das es nicht gibt.",
                               hint: suggestion(for: target))
            }
            return .rewritten(basePath + url.rawValue + anchorSuffix, anchorCheck: anchor.map { (url, $0) })
        }
        if assetPaths.contains(target) {
            return .rewritten(basePath + "/" + target + anchorSuffix, anchorCheck: nil)
        }
        // A page by its address, written relatively: `../kommunen/`, `../themen/e-akte/`, `../feed.xml`.
        for url in [URLPath("/" + target + "/"), URLPath("/" + target)] where isPage(url) {
            return .rewritten(basePath + url.rawValue + anchorSuffix, anchorCheck: anchor.map { (url, $0) })
        }
        if let near = caseOnlyMatch(target) { return caseMismatch(destination, path: path, near: near) }
        if Self.looksLikeMailAddress(path) {
            return .broken(message: "Der Link `\(destination)` ist eine E-Mail-Adresse ohne `mailto:` und führt so zu einer Datei, die es nicht gibt.",
                           hint: "Schreibe `mailto:\(path)`, zum Beispiel `[Schreib uns](mailto:\(path))`.")
        }
        if WebAddress.looksLikeHostName(path) {
            return .broken(message: "Der Link `\(destination)` ist weder eine Datei der Website noch eine vollständige Adresse.",
                           hint: "Für eine andere Website schreibe `https://\(destination)`.")
        }
        return .broken(message: "Der Link `\(destination)` zeigt auf content/\(target), das es nicht gibt.",
                       hint: "Lege die Datei dort ab oder korrigiere den Pfad.")
    }

    /// What an attachment's or template's `path` names.
    public enum AttachmentTarget: Equatable {
        /// A published file of content/, by its path below content/; `href` links to it.
        case file(contentPath: String, href: String)
        /// An address on another website, linked as written.
        case external
        /// Not a file to download; the message says why.
        case notAFile(message: String, hint: String)
    }

    /// Resolves an attachment: unlike a link in the text, it must name a file, since the page
    /// offers it for download, the reuse package carries it and the DCAT catalogue lists it.
    public func resolveAttachment(_ path: String, from document: Document) -> AttachmentTarget {
        let hint = "Gib den Pfad einer Datei relativ zur Blaupause an, zum Beispiel `checkliste.pdf`."
        if path.hasPrefix("#") {
            return .notAFile(message: "Der Anhang `\(path)` ist keine Datei, sondern eine Stelle auf einer Seite.", hint: hint)
        }
        let href: String
        switch resolve(path, from: document) {
        case .unchanged: return .external
        case .broken(let message, let hint): return .notAFile(message: "Anhang: " + message, hint: hint)
        case .rewritten(let url, _): href = url
        }
        let written = split(path).0
        let target = written.hasPrefix("/") ? String(written.dropFirst()).removingPercentEscapes()
            : normalize(written, relativeTo: document.contentFolder) ?? written
        if target == document.contentPath {
            return .notAFile(message: "Der Anhang `\(path)` ist die Blaupause selbst; ihr Markdown liegt ohnehin im Nachnutzungspaket.",
                             hint: "Streiche den Eintrag.")
        }
        if target.hasSuffix(".md") {
            return .notAFile(message: "Der Anhang `\(path)` ist eine Seite der Website, keine Datei zum Herunterladen.",
                             hint: "Verlinke Seiten im Text der Blaupause. " + hint)
        }
        guard assetPaths.contains(target) else {
            return .notAFile(message: "Der Anhang `\(path)` ist ein Ordner oder eine Seite der Website, keine Datei.", hint: hint)
        }
        return .file(contentPath: target, href: href)
    }

    /// Whether `url` is a page or a generated file of the site.
    private func isPage(_ url: URLPath) -> Bool {
        routes.knownURLs.contains(url) || generatedURLs.contains(url)
    }

    /// The URL of the page `document` becomes.
    private func ownURL(of document: Document) -> URLPath? {
        routes.entry(forContentPath: document.contentPath)?.url
            ?? routes.introductions.first(where: { $0.value.contentPath == document.contentPath })?.key
    }

    private func split(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        let anchor = String(destination[destination.index(after: hash)...])
        return (String(destination[..<hash]), anchor.isEmpty ? nil : anchor)
    }

    /// Joins `path` to `folder` and removes `.` and `..`; nil when it climbs above `content/`.
    private func normalize(_ path: String, relativeTo folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.popLast() == nil { return nil }
            default:
                parts.append(String(part).removingPercentEscapes())
            }
        }
        return parts.joined(separator: "/")
    }

    private func suggestion(for target: String) -> String {
        let name = target.split(separator: "/").last.map(String.init) ?? target
        if let match = routes.entries.first(where: { $0.document.contentPath.hasSuffix("/" + name) }) {
            return "Meintest du content/\(match.document.contentPath)? Links sind relativ zur Datei, in der sie stehen."
        }
        return "Links sind relativ zur Datei, in der sie stehen, zum Beispiel `../blaupausen/posteingang.md`."
    }
}

extension String {
    /// Decodes `%20` and friends, leaving invalid escapes as they are.
    public func removingPercentEscapes() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
