import Foundation

/// Renders ``CompiledTemplate``s with a ``TemplateValue`` into one growing buffer of UTF-8 bytes,
/// with exactly the output swift-mustache gives for the same template and data.
///
/// swift-mustache builds a `String` per tag and per template and concatenates them; it splits
/// every name at its dots anew and asks the Swift runtime on every lookup whether a value is a
/// parent, a sequence, a lambda. Here the names are split at load, the values are an enum, and
/// everything is appended to one byte buffer: a page is written as bytes, and a page's body
/// (``TemplateValue/utf8(_:)``) goes in without becoming a `String`. Its rules that the output
/// depends on are kept as they are, including the odd ones (noted where they are followed).
struct TemplateRenderer {
    /// The templates partials and parents are found in, by name.
    let templates: [String: CompiledTemplate]

    /// The output of `template` for `value`.
    func render(_ template: CompiledTemplate, value: TemplateValue) -> String {
        renderReportingOrder(template, value: value).output
    }

    /// The output as UTF-8 bytes, as a page is written.
    func renderBytes(_ template: CompiledTemplate, value: TemplateValue) -> [UInt8] {
        finishedState(template, value: value).out
    }

    /// The output, and whether it depends on the order of a dictionary (see ``State``).
    func renderReportingOrder(_ template: CompiledTemplate, value: TemplateValue) -> (output: String, dependsOnDictionaryOrder: Bool) {
        let state = finishedState(template, value: value)
        return (String(decoding: state.out, as: UTF8.self), state.dependsOnDictionaryOrder)
    }

    private func finishedState(_ template: CompiledTemplate, value: TemplateValue) -> State {
        var state = State(stack: [value])
        state.out.reserveCapacity(65_536)
        render(template, Scope(), &state)
        return state
    }

    /// What a template renders into, and the context stack (innermost value last).
    struct State {
        /// UTF-8; every piece appended is whole scalars.
        var out: [UInt8] = []
        var stack: [TemplateValue]
        /// Set when the output depends on the order of a dictionary, which swift-mustache does not
        /// fix (an object inside a list printed with `{{list}}`, `enumerated` of several fields):
        /// there no output can equal swift-mustache's from one run to the next.
        var dependsOnDictionaryOrder = false
    }

    /// What a template's render passes on to the templates it contains: swift-mustache's context
    /// without the stack.
    struct Scope {
        /// Written in front of every line the template renders (a standalone partial's indentation).
        var indentation = ""
        /// Blocks that a parent tag overrides, by name.
        var overrides: [String: CompiledTemplate]?
        var escaping = CompiledTemplate.Escaping.characterHTML
        /// The position in the list whose item is rendered; only sections over lists set it.
        var position: Position?
    }

    /// `first()`, `last()`, `index()`, `even()`, `odd()` inside a section over a list.
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    private func render(_ template: CompiledTemplate, _ scope: Scope, _ state: inout State) {
        var scope = scope
        // The steps are read in place, not copied out by an iterator: a copy retains what the step
        // holds, and the compiled templates are shared by every thread that renders pages, so each
        // retain of theirs fought the other cores for one cache line (3 % of a laws build's pages).
        guard !scope.indentation.isEmpty else {
            template.steps.withUnsafeBufferPointer { steps in
                for index in steps.indices { render(steps[index], &scope, &state) }
            }
            return
        }
        // swift-mustache indents a step's output when it is not empty and this template's own
        // output so far ends in a newline: per step, not per line, and only by what this render wrote.
        let start = state.out.count
        // The indentation is spaces and tabs only (swift-mustache reads it so), one scalar per byte.
        let indentationLength = scope.indentation.utf8.count
        template.steps.withUnsafeBufferPointer { steps in
            for index in steps.indices {
                guard Self.endsWithNewline(state.out, from: start) else {
                    render(steps[index], &scope, &state)
                    continue
                }
                state.out.append(contentsOf: scope.indentation.utf8)
                let written = state.out.count
                render(steps[index], &scope, &state)
                if state.out.count == written { state.out.removeLast(indentationLength) }
            }
        }
    }

    /// Whether the bytes from `start` on end in a line feed that is a `Character` of its own
    /// (`\r\n` is one `Character`, and swift-mustache compares the last one with `"\n"`).
    private static func endsWithNewline(_ out: [UInt8], from start: Int) -> Bool {
        let count = out.count
        guard count > start, let last = out.last, last == 0x0A else { return false }
        return count - 2 < start || out[count - 2] != 0x0D
    }

    private func render(_ step: CompiledTemplate.Step, _ scope: inout Scope, _ state: inout State) {
        switch step {
        case .text(let text):
            state.out.append(contentsOf: text.utf8)
        case .variable(let lookup, let escaped):
            guard let value = resolve(lookup, scope, &state) else { return }
            write(value, escaping: escaped ? scope.escaping : .plain, into: &state)
        case .section(let lookup, let body, let inverted):
            let value = resolve(lookup, scope, &state)
            if inverted {
                renderInverted(value, body, scope, &state)
            } else {
                renderSection(value, body, scope, &state)
            }
        case .block(let name, let defaultBody, let indentation):
            var inner = scope
            inner.indentation += indentation
            inner.position = nil
            render(scope.overrides?[name] ?? defaultBody, inner, &state)
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            render(template, Self.partialScope(scope, indentation, overrides), &state)
        case .dynamicPartial(let lookup, let indentation, let overrides):
            guard case .text(let name)? = resolve(lookup, scope, &state)?.asText, let template = templates[name] else { return }
            render(template, Self.partialScope(scope, indentation, overrides), &state)
        case .escaping(let escaping):
            // Like swift-mustache's content type: it holds for the rest of this template and what it contains.
            scope.escaping = escaping
        }
    }

    /// A partial starts with swift-mustache's default escaping (its own pragma changes it) and no
    /// list position; overrides the outer parent tag made win over the partial's own.
    private static func partialScope(_ scope: Scope, _ indentation: String, _ overrides: [String: CompiledTemplate]?) -> Scope {
        var inner = scope
        inner.indentation += indentation
        inner.escaping = .characterHTML
        inner.position = nil
        if let overrides {
            inner.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        return inner
    }

    private func renderSection(_ value: TemplateValue?, _ body: CompiledTemplate, _ scope: Scope, _ state: inout State) {
        switch value {
        case nil:
            return
        case .flag(let flag)?:
            // A flag leaves the stack and the list position as they are.
            if flag { render(body, scope, &state) }
        case .list(let list)?:
            var inner = scope
            let last = list.items.count - 1
            for (index, item) in list.items.enumerated() {
                inner.position = Position(first: index == 0, last: index == last, index: index)
                state.stack.append(item)
                render(body, inner, &state)
                state.stack.removeLast()
            }
        case let value?:
            var inner = scope
            inner.position = nil
            state.stack.append(value)
            render(body, inner, &state)
            state.stack.removeLast()
        }
    }

    private func renderInverted(_ value: TemplateValue?, _ body: CompiledTemplate, _ scope: Scope, _ state: inout State) {
        switch value {
        case nil:
            render(body, scope, &state)
        case .flag(let flag)?:
            if !flag { render(body, scope, &state) }
        case .list(let list)? where list.items.isEmpty:
            // swift-mustache puts the empty list itself on the stack here.
            var inner = scope
            inner.position = nil
            state.stack.append(.list(list))
            render(body, inner, &state)
            state.stack.removeLast()
        default:
            return
        }
    }

    // MARK: Lookup

    /// The value a tag names, with its transforms applied; nil when it is missing (a nil list
    /// item counts as missing) or a transform does not apply.
    private func resolve(_ lookup: Lookup, _ scope: Scope, _ state: inout State) -> TemplateValue? {
        let stack = state.stack
        var value: TemplateValue
        var transforms = lookup.transforms[...]
        switch lookup.start {
        case .position:
            guard let position = scope.position, let first = transforms.first,
                  let transformed = Self.transform(position, first) else { return nil }
            value = transformed
            transforms = transforms.dropFirst()
        case .top:
            guard let found = Self.follow(lookup.names[...], from: stack[stack.count - 1]) else { return nil }
            value = found
        case .stack:
            let names = lookup.names
            var found: TemplateValue?
            var index = stack.count - 1
            // The first name is looked for from the innermost value out; the rest only below it.
            while index >= 0 {
                if let child = stack[index].field(names[0]) {
                    found = Self.follow(names[1...], from: child)
                    break
                }
                index -= 1
            }
            guard let result = found else { return nil }
            value = result
        }
        if case .null = value { return nil }
        for name in transforms {
            if name == "enumerated", case .object(let fields) = value, fields.count > 1 { state.dependsOnDictionaryOrder = true }
            guard let transformed = value.transformed(name) else { return nil }
            value = transformed
        }
        return value
    }

    @inline(__always)
    private static func follow(_ names: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for name in names {
            guard let child = value.field(name) else { return nil }
            value = child
        }
        return value
    }

    private static func transform(_ position: Position, _ name: String) -> TemplateValue? {
        switch name {
        case "first": return .flag(position.first)
        case "last": return .flag(position.last)
        case "index": return .integer(position.index)
        case "even": return .flag(position.index & 1 == 0)
        case "odd": return .flag(position.index & 1 == 1)
        default: return nil
        }
    }

    // MARK: Output

    /// Writes a value as `{{name}}` prints it: texts and numbers as Swift prints them, an object
    /// as nothing (its description's key order would change from run to run), anything else as
    /// Swift's description of the value swift-mustache would have had.
    private func write(_ value: TemplateValue, escaping: CompiledTemplate.Escaping, into state: inout State) {
        switch value {
        case .text(let text): Self.write(text, escaping, &state.out)
        case .utf8(let bytes):
            // Only the plain case takes the bytes as they are; the escapings work on Strings.
            if case .plain = escaping { state.out.append(contentsOf: bytes) } else { Self.write(String(decoding: bytes, as: UTF8.self), escaping, &state.out) }
        case .integer(let number): Self.write(String(number), escaping, &state.out)
        case .real(let number): Self.write(number.description, escaping, &state.out)
        case .otherNumber(let text): Self.write(text, escaping, &state.out)
        case .flag(let flag): state.out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .object: return
        case .null: Self.write(Self.nullText, escaping, &state.out)
        case .list, .pair:
            if value.holdsUnorderedObject { state.dependsOnDictionaryOrder = true }
            Self.write(String(describing: value.mustacheValue), escaping, &state.out)
        }
    }

    /// How swift-mustache prints `NSNull` (a nil list item that a transform such as `first` returned).
    private static let nullText = String(describing: NSNull())

    private static func write(_ text: String, _ escaping: CompiledTemplate.Escaping, _ out: inout [UInt8]) {
        switch escaping {
        case .plain:
            out.append(contentsOf: text.utf8)
        case .fastHTML:
            FastHTMLEscaping.append(text, to: &out)
        case .characterHTML:
            for character in text {
                switch character {
                case "<": out.append(contentsOf: "&lt;".utf8)
                case ">": out.append(contentsOf: "&gt;".utf8)
                case "&": out.append(contentsOf: "&amp;".utf8)
                case "\"": out.append(contentsOf: "&quot;".utf8)
                case "'": out.append(contentsOf: "&#39;".utf8)
                default: out.append(contentsOf: character.utf8)
                }
            }
        }
    }
}
