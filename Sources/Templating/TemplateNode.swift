/// A template's tags nested as swift-mustache renders them: sections and blocks hold the tags up
/// to their closing tag, and `{{< parent}}…{{/parent}}` holds the blocks it overrides.
///
/// Built from ``TemplateReferences/tags``, so the file is scanned once; text between the tags is
/// not kept, because only the names matter to the check of the fields a template names.
indirect enum TemplateNode: Sendable {
    typealias Tag = TemplateReferences.Tag

    /// `{{name}}`, `{{{name}}}` or `{{& name}}`.
    case variable(Tag)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(Tag, inverted: Bool, children: [TemplateNode])
    /// `{{$name}}default{{/name}}`: the default, or what a template inheriting this one puts there.
    case block(Tag, children: [TemplateNode])
    /// `{{> name}}`.
    case partial(Tag)
    /// `{{< name}}…{{/name}}`: renders `name` with these blocks in place of its own.
    case parent(Tag, overrides: [String: [TemplateNode]])

    /// The nested form of a template's tags; a closing tag without its opening one is skipped
    /// (swift-mustache refuses such a template before this is ever read).
    static func nodes(of tags: [Tag]) -> [TemplateNode] {
        var open: [(tag: Tag, children: [TemplateNode])] = [(Tag(kind: .close, name: "", text: "", line: 0, column: 0), [])]
        for tag in tags {
            switch tag.kind {
            case .variable: open[open.count - 1].children.append(.variable(tag))
            case .partial: open[open.count - 1].children.append(.partial(tag))
            case .section, .invertedSection, .block, .parent: open.append((tag, []))
            case .close:
                guard open.count > 1 else { continue }
                let (opening, children) = open.removeLast()
                open[open.count - 1].children.append(node(opening, children))
            }
        }
        // Sections left open at the end of the file close there.
        while open.count > 1 {
            let (opening, children) = open.removeLast()
            open[open.count - 1].children.append(node(opening, children))
        }
        return open[0].children
    }

    private static func node(_ opening: Tag, _ children: [TemplateNode]) -> TemplateNode {
        switch opening.kind {
        case .block:
            return .block(opening, children: children)
        case .parent:
            // Inside a parent tag only block definitions count; Mustache ignores everything else there.
            var overrides: [String: [TemplateNode]] = [:]
            for case .block(let tag, let content) in children { overrides[tag.name] = content }
            return .parent(opening, overrides: overrides)
        default:
            return .section(opening, inverted: opening.kind == .invertedSection, children: children)
        }
    }
}

/// The templates of a set: their names, and the nested tags of each registered one with the path
/// messages show for it (see ``TemplateSet/unknownVariables(examples:)``), and the compiled
/// templates pages are rendered with.
final class TemplateIndex: Sendable {
    let names: Set<String>
    let nodes: [String: UnknownVariableCheck.Template]
    let renderer: TemplateRenderer?
    /// Where a test collects the contexts pages are rendered with; nil in a real build.
    let log: TemplateRenderLog?
    init(names: Set<String>, nodes: [String: UnknownVariableCheck.Template], renderer: TemplateRenderer?, log: TemplateRenderLog? = nil) {
        self.names = names
        self.nodes = nodes
        self.renderer = renderer
        self.log = log
    }
}
