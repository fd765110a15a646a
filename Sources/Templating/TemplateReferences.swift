import Foundation

/// What a template's tags name, read from its source before it is registered: the partials it
/// includes (`{{> name}}`), the parent it inherits from (`{{< name}}`), `{{.}}` tags that
/// stand outside every section and so would print the whole page object, and every tag in order
/// (for the check of the fields a template names, see ``TemplateNode``).
///
/// swift-mustache follows partials and parents without a depth limit, so a template that reaches
/// itself again overflows the stack; these references let ``TemplateSet`` refuse such a cycle
/// with the chain of templates instead of crashing.
struct TemplateReferences {
    /// A partial or parent named by a tag, with the tag's place in the file (1-based).
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
        /// `{{< name}}` (inheritance) rather than `{{> name}}`.
        var inherits: Bool
        /// The parents whose `{{< parent}}…{{/parent}}` encloses the tag: its block overrides are
        /// rendered while that parent renders.
        var insideParents: [String] = []
    }

    /// A tag that names a field, opens or closes a section or block, or includes a template.
    struct Tag: Equatable, Sendable {
        enum Kind: Sendable { case variable, section, invertedSection, close, block, parent, partial }
        var kind: Kind
        /// The name without its sigil: `page.title`, `empty(page.keywords)`, `partials/card`.
        var name: String
        /// The tag as written, for messages: `{{#page.keywords}}`.
        var text: String
        var line: Int
        var column: Int
    }

    private(set) var references: [Reference] = []
    /// Every tag but comments, pragmas and delimiter changes, in the order of the file.
    private(set) var tags: [Tag] = []
    /// Places of `{{.}}`, `{{{.}}}` and `{{& .}}` outside any `{{#…}}` or `{{^…}}` section.
    private(set) var wholeContextTags: [(line: Int, column: Int)] = []
    /// The number of tags, and the deepest nesting of sections and blocks with where it is reached:
    /// swift-mustache parses nesting recursively (a thousand levels overflow its stack) and takes
    /// time that grows with the square of the tags.
    private(set) var tagCount = 0
    private(set) var deepest: (depth: Int, line: Int, column: Int) = (0, 0, 0)

    /// The first delimiter change (`{{=| |=}}`, also after earlier changes) that sets a delimiter of
    /// one character: swift-mustache 2.1.1 stops with an illegal instruction on such a template
    /// when a section is empty (`|#a||/a|`), so it is refused before it is parsed.
    private(set) var shortDelimiters: (line: Int, column: Int)?

    /// Scans `source` with the default `{{ }}` delimiters; after a delimiter change (`{{=<% %>=}}`)
    /// the rest of the file is not scanned for tags, only for further delimiter changes.
    init(source: String) {
        let bytes = Array(source.utf8)
        shortDelimiters = Self.firstShortDelimiters(in: bytes)
        var index = 0
        var line = 1
        var lineStart = 0
        var sections = 0  // Open {{#…}} and {{^…}}: inside them `.` is the section's item.
        var scopes: [(changesContext: Bool, parent: String?)] = []  // Every open tag that a {{/…}} closes.
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else { index += 1; continue }
            let column = index - lineStart + 1
            let tagLine = line
            let start = index
            var cursor = index + 2
            let triple = cursor < bytes.count && bytes[cursor] == 0x7B
            if triple { cursor += 1 }
            guard let close = Self.find([0x7D, 0x7D], in: bytes, from: cursor) else { return }
            let inner = String(decoding: bytes[cursor..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            for byte in bytes[index..<close] where byte == 0x0A { line += 1 }
            if let lastNewline = bytes[index..<close].lastIndex(of: 0x0A) { lineStart = lastNewline + 1 }
            index = close + (triple && close + 2 < bytes.count && bytes[close + 2] == 0x7D ? 3 : 2)
            tagCount += 1
            guard let sigil = inner.first else { continue }
            let name = String(inner.dropFirst()).trimmingCharacters(in: .whitespaces)
            if let kind = Self.kind(of: sigil, name: name, triple: triple) {
                tags.append(Tag(kind: kind, name: kind == .variable && sigil != "&" ? inner : name,
                                text: String(decoding: bytes[start..<index], as: UTF8.self), line: tagLine, column: column))
            }
            switch sigil {
            case "=": return
            case ">" where !name.hasPrefix("*"), "<":
                references.append(Reference(name: name, line: tagLine, column: column, inherits: sigil == "<",
                                            insideParents: scopes.compactMap(\.parent)))
                if sigil == "<" { scopes.append((false, name)) }
            case "#", "^":
                sections += 1
                scopes.append((true, nil))
            case "$":
                scopes.append((false, nil))
            default:
                break
            }
            if scopes.count > deepest.depth { deepest = (scopes.count, tagLine, column) }
            switch sigil {
            case "/":
                if let scope = scopes.popLast(), scope.changesContext { sections -= 1 }
            case "&" where name == ".":
                if sections == 0 { wholeContextTags.append((tagLine, column)) }
            case "." where inner == ".":
                if sections == 0 { wholeContextTags.append((tagLine, column)) }
            default:
                break
            }
        }
    }

    /// Follows the delimiter changes of a template from `{{ }}` on: each tag opening with the current
    /// opening delimiter and `=` sets the two delimiters named inside it.
    private static func firstShortDelimiters(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var open: [UInt8] = [0x7B, 0x7B], close: [UInt8] = [0x7D, 0x7D]
        var index = 0
        while let start = find(open, in: bytes, from: index) {
            let inner = start + open.count
            guard inner < bytes.count, bytes[inner] == 0x3D else {
                guard let end = find(close, in: bytes, from: inner) else { return nil }
                index = end + close.count
                continue
            }
            // `=A B=` then the closing delimiter.
            guard let end = find([0x3D] + close, in: bytes, from: inner + 1) else { return nil }
            let parts = bytes[(inner + 1)..<end].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            guard parts.count == 2 else { return nil }  // swift-mustache refuses it with a message of its own.
            if parts[0].count < 2 || parts[1].count < 2 {
                let line = bytes[..<start].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let lineStart = bytes[..<start].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                return (line, start - lineStart + 1)
            }
            open = Array(parts[0])
            close = Array(parts[1])
            index = end + 1 + close.count
        }
        return nil
    }

    /// What a tag does, from its sigil; nil for comments (`!`), pragmas (`%`), delimiter changes
    /// and dynamic partials (`{{> *name}}`), which name no field and include no known template.
    private static func kind(of sigil: Character, name: String, triple: Bool) -> Tag.Kind? {
        if triple { return .variable }
        switch sigil {
        case "#": return .section
        case "^": return .invertedSection
        case "/": return .close
        case "$": return .block
        case "<": return .parent
        case ">": return name.hasPrefix("*") ? nil : .partial
        case "!", "%", "=": return nil
        default: return .variable
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[(index + 1)..<(index + needle.count)].elementsEqual(needle.dropFirst()) { return index }
            index += 1
        }
        return nil
    }
}
