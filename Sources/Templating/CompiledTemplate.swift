/// A template parsed once, at load, into the steps the renderer follows: texts as they are,
/// names split at their dots, transforms in the order they apply.
///
/// It mirrors the token list swift-mustache parses (see `CompiledTemplate+Mustache.swift`), so a
/// template means the same in both; rendering it needs no parsing, no string splitting and no
/// dynamic casts (see ``TemplateRenderer``).
final class CompiledTemplate: Sendable {
    let steps: [Step]

    init(steps: [Step]) {
        self.steps = steps
    }

    /// One piece of a template.
    enum Step: Sendable {
        /// Text written as it stands (a line with its newline, or the text before a tag).
        case text(String)
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
        case variable(Lookup, escaped: Bool)
        /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
        case section(Lookup, CompiledTemplate, inverted: Bool)
        /// `{{$name}}default{{/name}}`: the override a parent tag passed down, or the default.
        case block(name: String, default: CompiledTemplate, indentation: String)
        /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides; the indentation of
        /// a standalone tag goes in front of every line of the included template.
        case partial(name: String, indentation: String, overrides: [String: CompiledTemplate]?)
        /// `{{>* name}}` / `{{<* name}}`: the template whose name the field `name` holds.
        case dynamicPartial(Lookup, indentation: String, overrides: [String: CompiledTemplate]?)
        /// `{{% CONTENT_TYPE: …}}`: how the following variables are escaped.
        case escaping(Escaping)
    }

    /// How `{{name}}` escapes its text.
    enum Escaping: Sendable {
        /// vcc's byte-wise HTML escaping (``FastHTMLEscaping``), which every loaded template selects.
        case fastHTML
        /// swift-mustache's default, which escapes whole `Character`s (a `<` followed by a
        /// combining mark stays as it is); what a partial starts with until its pragma.
        case characterHTML
        /// `CONTENT_TYPE: TEXT`: no escaping.
        case plain
    }
}

/// Where a tag's value comes from, as Mustache looks it up.
struct Lookup: Sendable {
    enum Start: Sendable {
        /// `{{.}}` and `{{.a.b}}`: the innermost value of the context stack only.
        case top
        /// `{{a.b}}`: the innermost value that has a field `a`, then its fields.
        case stack
        /// `{{first()}}` and the like: the position in the list being rendered.
        case position
    }

    let start: Start
    /// The names after the start, split at the dots once here.
    let names: [String]
    /// The transforms, innermost (first applied) first: `uppercased(first(x))` is `[first, uppercased]`.
    let transforms: [String]

    /// The lookup of a tag's name and transforms as swift-mustache parses them (outermost first).
    init(name: String, transforms: [String]) {
        self.transforms = transforms.reversed()
        if name == "." {
            (start, names) = (.top, [])
        } else if name.isEmpty, !transforms.isEmpty {
            (start, names) = (.position, [])
        } else {
            // `split` drops empty parts: `a..b` reads `a` then `b`, and `..` is the top value itself.
            let parts = name.split(separator: ".").map(String.init)
            start = name.first == "." || parts.isEmpty ? .top : .stack
            names = parts
        }
    }
}
