import Foundation
public import MarkdownRendering
import SiteModel

// Links that work on the author's screen and nowhere else: to the preview server, to the site's
// own address, to `Ablauf.png` for `ablauf.png` (a Windows or Mac disk does not mind, the web
// server does), and to a mail address without `mailto:`.
extension LinkResolver {
    /// Hosts that are the author's own computer: a link to them works only while the preview runs there.
    static let localHosts: Set<String> = ["localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1"]

    /// A broken link when `destination` is an absolute address of the preview or of the site itself.
    func ownSiteLink(_ destination: String) -> LinkResolution? {
        guard let components = URLComponents(string: destination), let host = components.host?.lowercased() else { return nil }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if Self.localHosts.contains(host) {
            return .broken(message: "Der Link `\(destination)` zeigt auf die Vorschau auf deinem Rechner (`\(host)`); für alle anderen führt er ins Leere.",
                           hint: hint(forSitePath: path))
        }
        let own = siteAddress.lowercased()
        if !own.isEmpty, destination.lowercased() == own || destination.lowercased().hasPrefix(own + "/") {
            let below = String(destination.dropFirst(siteAddress.count))
            return .broken(message: "Der Link `\(destination)` nennt die eigene Adresse der Website; in der Vorschau und in Nachnutzungspaketen führt er zur falschen Stelle.",
                           hint: hint(forSitePath: below.isEmpty ? "/" : below))
        }
        return nil
    }

    /// "Write the relative link to the `.md` file", naming the file when the path is a page's address.
    private func hint(forSitePath path: String) -> String {
        var bare = path.split(separator: "#", maxSplits: 1).first.map(String.init) ?? path
        if !basePath.isEmpty, bare.hasPrefix(basePath) { bare = String(bare.dropFirst(basePath.count)) }
        let url = URLPath(bare.removingPercentEscapes())
        if let entry = routes.entries.first(where: { $0.url == url }) {
            return "Schreibe den relativen Link zur Markdown-Datei content/\(entry.document.contentPath), zum Beispiel `../\(entry.document.contentPath)` (relativ zur Datei, in der er steht)."
        }
        return "Schreibe den relativen Link zur Markdown-Datei, zum Beispiel `../blaupausen/posteingang.md`."
    }

    /// The file of content/ whose path equals `target` but for upper and lower case.
    func caseOnlyMatch(_ target: String) -> String? {
        let lowered = target.lowercased()
        return assetPaths.first { $0.lowercased() == lowered }
            ?? routes.entries.first { $0.document.contentPath.lowercased() == lowered }?.document.contentPath
    }

    /// The broken link for a path that names an existing file in other letter case.
    func caseMismatch(_ destination: String, path: String, near: String) -> LinkResolution {
        let name = near.split(separator: "/").last.map(String.init) ?? near
        let written = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let suggestion = (written.isEmpty ? "" : written + "/") + name
        return .broken(message: "Der Link `\(destination)` zeigt auf content/\(near) in anderer Groß- und Kleinschreibung; auf dem Server fehlt die Datei dann.",
                       hint: "Meintest du `\(suggestion)`?")
    }

    /// Whether `path` is a bare mail address (`info@stadt.de`), which needs `mailto:` to be a link.
    static func looksLikeMailAddress(_ path: String) -> Bool {
        let parts = path.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !path.contains("/") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
