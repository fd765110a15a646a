import SiteModel

/// Finds the names in templates that no field of the page context answers, walking each layout
/// as swift-mustache renders it: through the parent it inherits (with its blocks in place), the
/// partials it includes (in the context where they are included) and its sections (a name inside
/// `{{#list}}` is looked up in the list's item first, then outward).
///
/// Contexts come from `Encodable` values, which cannot hold closures, so Mustache lambdas need no
/// place here. A name used inside a section over a field that does not exist is not reported
/// again: that section never renders, and its one problem is the section's own name.
struct UnknownVariableCheck {
    /// A template's tags, nested, and the path messages show for it.
    typealias Template = (path: String, nodes: [TemplateNode])

    /// What a name is looked up in: a known value, or a place where anything may stand (inside a
    /// section over an unknown field or over a list the example left empty).
    private enum Scope { case known(FieldTree), anything }

    /// Partials inside partials; deeper than this is a cycle, which ``TemplateChecks`` has already broken.
    private static let maximumDepth = 32
    /// Transforms whose result is the value itself, rearranged; the others yield a flag or number.
    private static let keepingTransforms: Set<String> = ["reversed", "sorted", "uppercased", "lowercased", "capitalized"]

    let templates: [String: Template]
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<SourceLocation> = []

    init(templates: [String: Template]) { self.templates = templates }

    /// Checks the layout `name` against the fields of `example`.
    mutating func check(layout name: String, example: FieldTree) {
        guard let template = templates[name] else { return }
        walk(template.nodes, path: template.path, stack: [.known(example)], overrides: [:], depth: 0)
    }

    private mutating func walk(_ nodes: [TemplateNode], path: String, stack: [Scope],
                               overrides: [String: (nodes: [TemplateNode], path: String)], depth: Int) {
        guard depth < Self.maximumDepth else { return }
        for node in nodes {
            switch node {
            case .variable(let tag):
                _ = resolve(tag, in: stack, path: path)
            case .section(let tag, let inverted, let children):
                let value = resolve(tag, in: stack, path: path)
                var inner = stack
                if !inverted, let pushed = value { inner.append(pushed) }
                walk(children, path: path, stack: inner, overrides: overrides, depth: depth)
            case .block(let tag, let children):
                if let override = overrides[tag.name] {
                    walk(override.nodes, path: override.path, stack: stack, overrides: overrides, depth: depth + 1)
                } else {
                    walk(children, path: path, stack: stack, overrides: overrides, depth: depth)
                }
            case .partial(let tag):
                guard let partial = templates[tag.name] else { continue }
                walk(partial.nodes, path: partial.path, stack: stack, overrides: overrides, depth: depth + 1)
            case .parent(let tag, let blocks):
                guard let parent = templates[tag.name] else { continue }
                // As in swift-mustache, blocks given further out win over the parent tag's own.
                let mine = blocks.mapValues { (nodes: $0, path: path) }
                walk(parent.nodes, path: parent.path, stack: stack, overrides: overrides.merging(mine) { outer, _ in outer },
                     depth: depth + 1)
            }
        }
    }

    /// What a section over the tag's name puts on the stack (nil: nothing), reporting the name
    /// when no field answers it.
    private mutating func resolve(_ tag: TemplateNode.Tag, in stack: [Scope], path: String) -> Scope? {
        var name = tag.name
        var transforms: [String] = []
        // `empty(page.keywords)`: the transform applies to the field inside the parentheses.
        while name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
            transforms.append(String(name[..<open]).trimmingCharacters(in: .whitespaces))
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
        }
        // `last()` and its kind ask about the list item being rendered.
        if name.isEmpty { return nil }
        guard let value = lookUp(name, in: stack, tag: tag, path: path) else { return .anything }
        guard transforms.allSatisfy(Self.keepingTransforms.contains) else { return nil }
        guard case .known(let tree) = value else { return .anything }
        if case .list(let items) = tree, items.isEmpty { return .anything }
        return tree.sectionContext.map(Scope.known)
    }

    /// The value a dotted name finds, looked up as Mustache does: the first part from the top of
    /// the stack down (only in the top for `.name`), the rest inside what the first part found.
    private mutating func lookUp(_ name: String, in stack: [Scope], tag: TemplateNode.Tag, path: String) -> Scope? {
        guard name != "." else { return stack.last }
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        let searched = name.hasPrefix(".") ? Array(stack.suffix(1)) : stack
        var found: Scope?
        for scope in searched.reversed() {
            if case .anything = scope { found = .anything; break }
            if case .known(let tree) = scope, let field = tree.fields[parts[0]] { found = .known(field); break }
        }
        guard var current = found else {
            let visible = searched.flatMap { scope -> [String] in
                if case .known(let tree) = scope { return Array(tree.fields.keys) }
                return []
            }
            report(tag, missing: parts[0], visible: visible, path: path)
            return nil
        }
        for part in parts.dropFirst() {
            guard case .known(let tree) = current else { return .anything }
            guard let field = tree.fields[part] else {
                report(tag, missing: part, visible: Array(tree.fields.keys), path: path)
                return nil
            }
            current = .known(field)
        }
        return current
    }

    private mutating func report(_ tag: TemplateNode.Tag, missing: String, visible: [String], path: String) {
        let location = SourceLocation(file: path, line: tag.line, column: tag.column)
        guard reported.insert(location).inserted else { return }
        let candidates = Array(Set(visible)).sorted()
        let hint = EditDistance.closest(to: missing, among: candidates).map { "Meintest du `\($0)`?" }
            ?? (candidates.isEmpty ? nil : "Felder an dieser Stelle: " + candidates.map { "`\($0)`" }.joined(separator: ", ") + ".")
        diagnostics.append(.warning(at: location, "Die Vorlage nennt `\(tag.text)`, aber die Seite hat kein Feld `\(missing)`.",
                                    hint: hint))
    }
}
