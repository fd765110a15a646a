import Foundation
import SiteModel
import Yams

/// Turns the bytes of one Markdown file into a typed document, or into diagnostics.
struct DocumentParser: Sendable {
    /// Parses one file. `contentPath` is relative to `content/`, `sourcePath` to the project folder.
    func parse(bytes: [UInt8], contentPath: String, sourcePath: String) -> (Document?, [Diagnostic]) {
        let (document, diagnostics, _) = parseKeepingIdentity(bytes: bytes, contentPath: contentPath, sourcePath: sourcePath)
        return (document, diagnostics)
    }

    /// Parses one file; when it has errors, also says which document it was meant to be.
    func parseKeepingIdentity(bytes: [UInt8], contentPath: String, sourcePath: String) -> (Document?, [Diagnostic], DocumentIdentity?) {
        let (document, diagnostics, kind) = parseWithKind(bytes: bytes, contentPath: contentPath, sourcePath: sourcePath)
        guard document == nil else { return (document, diagnostics, nil) }
        let identity = DocumentIdentity(kind: kind ?? ContentKindResolver.kind(forContentPath: contentPath),
                                        id: ContentKindResolver.id(forContentPath: contentPath), contentPath: contentPath)
        return (nil, diagnostics, identity)
    }

    private func parseWithKind(bytes: [UInt8], contentPath: String, sourcePath: String) -> (Document?, [Diagnostic], ContentKind?) {
        // Windows line ends become \n before anything else, so line numbers and fences agree.
        let bytes = bytes.contains(0x0D) ? Self.normalizingLineEnds(bytes) : bytes
        let normalized: String
        switch UTF8Validation.decode(bytes, file: sourcePath) {
        case .success(let decoded): normalized = decoded
        case .failure(let diagnostic): return (nil, [diagnostic], nil)
        }
        // Text a scaffold left to fill in: reported alone, since the fields around it cannot be checked yet.
        let placeholders = PlaceholderCheck.diagnostics(in: bytes, file: sourcePath)
        if placeholders.containsErrors {
            return (nil, placeholders, ContentKindResolver.kind(forContentPath: contentPath))
        }
        guard let frontMatter = FrontMatter(splitting: normalized) else {
            return (nil, [.error(
                at: SourceLocation(file: sourcePath, line: 1, column: 1),
                "Das Front Matter wird mit `---` geöffnet, aber nie geschlossen.",
                hint: "Schließe es mit einer Zeile, die nur `---` enthält.")], nil)
        }
        // Control characters: in the front matter each is an error (YAML refuses them anyway, without
        // a place); in the body C0 controls are errors and C1 controls warnings.
        let controls = ControlCharacterCheck.diagnostics(in: frontMatter.yaml ?? "", file: sourcePath, firstLine: frontMatter.yamlFirstLine)
            + ControlCharacterCheck.diagnostics(in: frontMatter.body, file: sourcePath, firstLine: frontMatter.bodyFirstLine,
                                                c1AsWarnings: true)
            + EscapedControlCheck.diagnostics(inReferencesOf: frontMatter.body, file: sourcePath, firstLine: frontMatter.bodyFirstLine)
        if controls.containsErrors { return (nil, controls, nil) }
        var root: Node?
        if let yaml = frontMatter.yaml {
            // Before YAML sees them: libyaml names none of these characters, and keeps some in values.
            let invisible = InvisibleCharacterCheck.diagnostics(in: yaml, file: sourcePath, firstLine: frontMatter.yamlFirstLine)
            if !invisible.isEmpty { return (nil, invisible, nil) }
            do {
                // The encoding is given: its default reads the whole process environment on every call.
                root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
            } catch {
                return (nil, [YAMLErrorTranslation.diagnostic(for: error, file: sourcePath, firstLine: frontMatter.yamlFirstLine, yaml: yaml)], nil)
            }
            let escaped = EscapedControlCheck.diagnostics(inValuesOf: root, file: sourcePath, firstLine: frontMatter.yamlFirstLine)
            if !escaped.isEmpty { return (nil, escaped, nil) }
        }
        var fields = FrontMatterFields(file: sourcePath, root: root, firstLine: frontMatter.yamlFirstLine)
        fields.sourceLines = (frontMatter.yaml ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        var kind = ContentKindResolver.kind(forContentPath: contentPath)
        if let typeNode = fields.value("type"), let name = typeNode.scalar?.string {
            if let explicit = ContentKind(typeName: name) {
                kind = explicit
            } else {
                fields.error("`type: \(name)` ist kein bekannter Inhaltstyp.", at: typeNode,
                             hint: "Erlaubt: " + ContentKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }
        fields.definitions = Dictionary(ContentModelDefinition.fields(of: kind).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let title = documentTitle(&fields, kind: kind, body: frontMatter.body, contentPath: contentPath)
        let isDraft = fields.bool("draft") ?? false
        _ = fields.value("layout")  // Accepted for pages that pick another template.
        let metadata = MetadataDecoder.decode(kind, from: &fields)
        fields.reportUnknownKeys()
        guard let metadata, let title, !fields.diagnostics.containsErrors else { return (nil, fields.diagnostics, kind) }
        var document = Document(
            sourcePath: sourcePath, contentPath: contentPath, id: ContentKindResolver.id(forContentPath: contentPath),
            title: title, metadata: metadata, isDraft: isDraft,
            body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine)
        document.fieldLines = fields.keyLines
        return (document, placeholders + controls + fields.diagnostics, kind)
    }

    private static func normalizingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            out.append(byte)
        }
        return out
    }

    /// The title: `title` (or `name` for municipalities); a plain page may instead take its first `# heading`.
    private func documentTitle(_ fields: inout FrontMatterFields, kind: ContentKind, body: String, contentPath: String) -> String? {
        let key = kind == .municipality ? "name" : "title"
        if kind != .page { return fields.string(key) }
        if let title = fields.string("title") { return title }
        // A folder of plain Markdown builds as it is: the first heading, else the file name, is the title.
        for line in body.split(separator: "\n", maxSplits: 40) where line.hasPrefix("# ") {
            return line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        }
        let id = ContentKindResolver.id(forContentPath: contentPath)
        return id.replacingOccurrences(of: "-", with: " ").capitalized
    }
}
