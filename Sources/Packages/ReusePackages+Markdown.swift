import Foundation
import MarkdownRendering
import SiteModel
import SiteSnapshot

extension ReusePackages.Writer {
    /// The Markdown source for `technik/`, ready to drop into another vcc site: every link to
    /// another page of the site made absolute; links to files the package carries, and the paths
    /// of attachments and templates in the front matter, lead from `technik/` to the file's place
    /// in the package (`../checkliste.txt`, `../anhaenge/dateien/plan.pdf`). Destinations are
    /// replaced where the syntax tree found them, so code spans, code blocks and other text stay
    /// as written.
    func packagedMarkdown(_ source: [UInt8], document: Document, blueprint: Blueprint, text: MarkdownSource,
                          files: BlueprintPackageFiles) -> [UInt8] {
        guard !source.isEmpty else { return [] }  // Unreadable: an error of ContentFiles.
        var replacements: [String: String?] = [:]
        let body = text.replacingDestinations { link in
            if let known = replacements[link.destination] { return known }
            let replacement = self.replacement(for: link.destination, of: document, files: files)
            replacements[link.destination] = replacement
            return replacement
        }
        var frontMatter = Self.frontMatter(of: source, body: document)
        for attachment in blueprint.attachments + blueprint.documents {
            guard let location = attachment.location, let file = packaged(attachment.path, of: document, in: files) else { continue }
            frontMatter = Self.replacing(attachment.path, with: "../" + file.packagePath, atLine: location.line, column: location.column, in: frontMatter)
        }
        return Array(Self.portableFrontMatter(frontMatter + body).utf8)
    }

    /// The packaged file a link of the text points at, if any.
    private func packaged(_ destination: String, of document: Document, in files: BlueprintPackageFiles) -> BlueprintPackageFiles.File? {
        guard case .file(let contentPath, _) = links.resolveAttachment(destination, from: document) else { return nil }
        return files.file(at: contentPath)
    }

    /// What a link to `destination` becomes in the package's Markdown; nil to leave it.
    private func replacement(for destination: String, of document: Document, files: BlueprintPackageFiles) -> String? {
        if let file = packaged(destination, of: document, in: files) {
            return "../" + PackageLayout.href(file.packagePath, keepingFragmentOf: destination)
        }
        guard case .rewritten(let url, _) = links.resolve(destination, from: document),
              !url.hasPrefix("#"), !links.assetPaths.contains(String(url.dropFirst(site.addresses.basePath.count + 1))) else { return nil }
        return absolute(url)
    }

    /// `text` with `path` replaced on line `line` (1-based, counted from the file's start): at
    /// `column` where it stands there, else where it occurs once on the line; unchanged otherwise,
    /// so a path the loader read from an unusual spelling is never replaced in the wrong place.
    static func replacing(_ path: String, with replacement: String, atLine line: Int, column: Int, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard (1...lines.count).contains(line), !path.isEmpty else { return text }
        let current = lines[line - 1]
        let start = current.index(current.startIndex, offsetBy: min(max(column - 1, 0), current.count))
        // A quoted value's column is that of its quote.
        let candidates = [start, current[start...].first.map { "\"'".contains($0) } == true ? current.index(after: start) : start]
        if let at = candidates.first(where: { current[$0...].hasPrefix(path) }) {
            lines[line - 1] = String(current[..<at]) + replacement + String(current[at...].dropFirst(path.count))
        } else if current.components(separatedBy: path).count == 2, let range = current.range(of: path) {
            lines[line - 1] = current.replacingCharacters(in: range, with: replacement)
        }
        return lines.joined(separator: "\n")
    }

    /// The file's text before its body: the front matter with its `---` lines.
    private static func frontMatter(of source: [UInt8], body document: Document) -> String {
        let body = document.body.utf8
        if source.count >= body.count, source[(source.count - body.count)...].elementsEqual(body) {
            return String(decoding: source[..<(source.count - body.count)], as: UTF8.self)
        }
        // The loader made Windows line ends \n, so the body is not the file's end: its lines are
        // counted instead (and the package's Markdown has \n line ends from there on).
        let lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(document.bodyFirstLine - 1)
        return lines.map { String(decoding: $0, as: UTF8.self) + "\n" }.joined()
    }

    /// The front matter for another site: ids that point at this site's documents (`related`,
    /// `project`, `adopted_by`, `cluster`) become comments, and `municipalities` says to put one's own there.
    static func portableFrontMatter(_ text: String) -> String {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else { return text }
        var lines: [String] = []
        var commenting = false
        for line in text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            let key = line.prefix { $0 != ":" }
            let isTopLevel = !line.hasPrefix(" ") && !line.hasPrefix("-") && line.contains(":")
            if isTopLevel { commenting = ["related", "project", "adopted_by", "cluster"].contains(String(key)) }
            if isTopLevel && key == "municipalities" {
                lines.append("# Kennungen der Kommunen, die die Blaupause entwickelt haben; in einer eigenen Wissensbasis")
                lines.append("# durch Dateinamen aus deren content/kommunen/ ersetzen.")
            }
            if isTopLevel && commenting {
                lines.append("# Verweise auf Inhalte der Quelle (\(key)); in einer eigenen Wissensbasis bei Bedarf anpassen:")
            }
            lines.append(commenting ? "# " + line : String(line))
        }
        return "---\n" + lines.joined(separator: "\n") + String(text[end.lowerBound...])
    }
}
