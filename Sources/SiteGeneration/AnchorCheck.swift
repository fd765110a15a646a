import MarkdownRendering
import SiteModel

/// Links to `page.md#anker` (or `#anker` on the same page) whose anchor is not an `id` of that
/// page, checked once every page is written and its ids are known.
enum AnchorCheck {
    static func problems(_ links: [AnchoredLink], anchors: [URLPath: Set<String>]) -> [Diagnostic] {
        links.compactMap { link in
            guard let ids = anchors[link.target], !ids.contains(link.anchor) else { return nil }
            let known = ids.filter { $0 != "inhalt" }.sorted().prefix(12).joined(separator: ", ")
            return .error(at: link.location, "Der Anker `#\(link.anchor)` existiert auf \(link.target) nicht.",
                          hint: known.isEmpty ? "Die Seite hat keine Überschriften mit Anker." : "Anker entstehen aus Überschriften; vorhanden sind: \(known).")
        }
    }
}
