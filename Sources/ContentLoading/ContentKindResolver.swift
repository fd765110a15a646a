import SiteModel

/// Chooses a document's kind from its folder, unless a `type:` key says otherwise.
enum ContentKindResolver {
    /// The kind implied by where the file is, for a path relative to `content/`.
    static func kind(forContentPath path: String) -> ContentKind {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2, let section = SiteSection(rawValue: parts[0])?.contentKind else { return .page }
        // `blaupausen/index.md` introduces the list page; it is a plain page.
        if parts.count == 2 && parts[1] == "index.md" { return .page }
        if section == .course {
            // qualifizierung/<kurs>/index.md is the course, the other files in its folder are modules.
            if parts.count == 2 { return .course }
            return parts.last == "index.md" && parts.count == 3 ? .course : .module
        }
        return section
    }

    /// A document's id: the file name without `.md`, or its folder's name for `index.md`.
    static func id(forContentPath path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        guard let last = parts.popLast() else { return "" }
        if last == "index.md" { return parts.last ?? "index" }
        return last.hasSuffix(".md") ? String(last.dropLast(3)) : last
    }
}
