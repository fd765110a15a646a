import SiteModel

/// Checks `site.yml` `menu:` against the built site: a path must be one of its pages, like a link in content.
enum MenuCheck {
    static func problems(_ menu: [MenuEntry]?, pages: Set<URLPath>) -> [Diagnostic] {
        guard let menu else { return [] }
        return menu.filter(\.isSitePath).compactMap { entry in
            if pages.contains(URLPath(entry.target)) { return nil }
            let withSlash = entry.target.hasSuffix("/") ? entry.target : entry.target + "/"
            if pages.contains(URLPath(withSlash)) {
                return .error(at: entry.location, "`menu`: `\(entry.target)` ist fast richtig: die Seite heißt `\(withSlash)`.",
                              hint: "Schreibe `link: \(withSlash)` (mit Schrägstrich am Ende).")
            }
            let known = pages.map(\.rawValue).filter { $0.split(separator: "/").count <= 1 }.sorted()
            var hint = "Seiten der obersten Ebene: " + known.joined(separator: ", ") + "."
            if let close = EditDistance.closest(to: entry.target, among: pages.map(\.rawValue)) { hint = "Meintest du `\(close)`?" }
            return .error(at: entry.location, "`menu`: Die Seite `\(entry.target)` (Eintrag „\(entry.label)“) gibt es auf der Website nicht.", hint: hint)
        }
    }
}
