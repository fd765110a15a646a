import Mustache

// The compiled form is read from the tokens swift-mustache parsed: its parser stays the one
// judge of what a template is (standalone lines, delimiters, block indentation, its errors), and
// vcc's renderer cannot disagree with it about a template's shape. The tokens are internal to
// swift-mustache, so they are read through `Mirror`, once per template at load. A token this code
// does not know makes the conversion fail, and the set then renders with swift-mustache itself
// (see ``TemplateSet``); the differential tests show when that happens.

extension CompiledTemplate {
    /// The compiled form of a template swift-mustache parsed; nil when one of its tokens has a
    /// shape this code does not know (another version of swift-mustache).
    static func compiled(from template: MustacheTemplate) -> CompiledTemplate? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else { return nil }
        var steps: [Step] = []
        for token in Mirror(reflecting: tokens).children {
            guard let step = step(of: token.value) else { return nil }
            steps.append(step)
        }
        return CompiledTemplate(steps: steps)
    }

    private static func step(of token: Any) -> Step? {
        guard let tokenCase = Mirror(reflecting: token).children.first, let label = tokenCase.label else { return nil }
        let payload = tokenCase.value
        let parts = Mirror(reflecting: payload).children.map(\.value)
        func text(_ index: Int) -> String? { index < parts.count ? parts[index] as? String : nil }
        func lookup() -> Lookup? {
            guard let name = text(0), parts.count > 1, let transforms = parts[1] as? [String] else { return nil }
            return Lookup(name: name, transforms: transforms)
        }
        func template(_ index: Int) -> CompiledTemplate? {
            guard index < parts.count, let template = parts[index] as? MustacheTemplate else { return nil }
            return compiled(from: template)
        }
        // A missing (nil) indentation and an empty one render alike.
        func indentation(_ index: Int) -> String { text(index) ?? "" }
        func overrides(_ index: Int) -> [String: CompiledTemplate]?? {
            guard index < parts.count else { return .none }
            guard let templates = parts[index] as? [String: MustacheTemplate] else { return .some(nil) }
            var compiled: [String: CompiledTemplate] = [:]
            for (name, template) in templates {
                guard let converted = Self.compiled(from: template) else { return .none }
                compiled[name] = converted
            }
            return .some(compiled)
        }
        switch label {
        case "text":
            return (payload as? String).map { .text($0) }
        case "variable", "unescapedVariable":
            return lookup().map { .variable($0, escaped: label == "variable") }
        case "section", "invertedSection":
            guard let lookup = lookup(), let body = template(2) else { return nil }
            return .section(lookup, body, inverted: label == "invertedSection")
        case "blockExpansion":
            guard let name = text(0), let body = template(1) else { return nil }
            return .block(name: name, default: body, indentation: indentation(2))
        case "partial":
            guard let name = text(0), case .some(let overrides) = overrides(2) else { return nil }
            return .partial(name: name, indentation: indentation(1), overrides: overrides)
        case "dynamicNamePartial":
            guard let name = text(0), case .some(let overrides) = overrides(2) else { return nil }
            return .dynamicPartial(Lookup(name: name, transforms: []), indentation: indentation(1), overrides: overrides)
        case "contentType":
            return escaping(of: payload).map { .escaping($0) }
        default:
            return nil
        }
    }

    /// Which of the known content types `value` is, told by what it does to a `<`.
    private static func escaping(of value: Any) -> Escaping? {
        if value is FastHTMLEscaping { return .fastHTML }
        guard let type = value as? any MustacheContentType else { return nil }
        switch type.escapeText("<\u{301}&") {
        case "<\u{301}&amp;": return .characterHTML
        case "<\u{301}&": return .plain
        default: return nil
        }
    }
}
