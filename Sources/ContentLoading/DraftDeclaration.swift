import SiteModel

/// Whether a file says `draft: true`, read from its text when its front matter has errors and
/// no document came of it: a draft's problems must not stop the build of the published pages.
enum DraftDeclaration {
    /// A line `draft: true` (or `yes`, `ja`, `on`) at the top level of the front matter.
    static func isDeclared(in bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(64_000), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard lines.next()?.trimmingCharacters(in: .whitespaces) == "---" else { return false }
        while let line = lines.next() {
            if line.trimmingCharacters(in: .whitespaces) == "---" { return false }
            guard line.hasPrefix("draft:") else { continue }
            let value = line.dropFirst("draft:".count).split(separator: "#").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return ["true", "yes", "ja", "on", "wahr"].contains(value)
        }
        return false
    }

    /// A draft's problem as a warning under the draft's name: it is reported, but only
    /// `--drafts` and the preview make it an error.
    static func warning(from problem: Diagnostic) -> Diagnostic {
        guard problem.severity == .error else { return problem }
        return .warning(at: problem.location, "Entwurf (wird nicht veröffentlicht): " + problem.message, hint: problem.hint)
    }
}
