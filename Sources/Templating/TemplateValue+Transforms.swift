import Foundation

extension TemplateValue {
    /// The result of the transform `name` (`{{#empty(x)}}`, `{{count(x)}}` …) as swift-mustache
    /// computes it for the Swift value it would have had; nil when the transform does not exist
    /// for that type, which makes the tag's value missing.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .utf8:
            return asText.transformed(name)
        case .text(let text):
            switch name {
            case "empty": return .flag(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return nil
            }
        case .integer(let number):
            switch name {
            case "equalzero": return .flag(number == 0)
            case "plusone": return .integer(number + 1)
            case "minusone": return .integer(number - 1)
            case "even": return .flag(number & 1 == 0)
            case "odd": return .flag(number & 1 == 1)
            default: return nil
            }
        case .list(let list):
            return list.transformed(name)
        case .object(let fields):
            switch name {
            case "count": return .integer(fields.count)
            case "empty": return .flag(fields.isEmpty)
            case "enumerated", "sorted":
                // swift-mustache lists `enumerated` in its dictionary's order, which changes from run
                // to run; vcc's output must not, so both list the entries by key.
                return .list(TemplateList(fields.keys.sorted().map { .pair(key: $0, value: fields[$0]!) }, element: .pair))
            default: return nil
            }
        case .real, .otherNumber, .flag, .null, .pair:
            return nil
        }
    }
}

extension TemplateList {
    /// `Array`'s and `ReversedCollection`'s transforms.
    func transformed(_ name: String) -> TemplateValue? {
        switch name {
        case "first": return items.first
        case "last": return items.last
        case "count": return .integer(items.count)
        case "empty": return .flag(items.isEmpty)
        case "reversed":
            // Reversing a reversed view gives its base array back.
            return .list(TemplateList(items.reversed(), element: element, isReversedView: !isReversedView))
        case "sorted":
            // Only `[String]` has comparable elements.
            guard element == .text else { return nil }
            let texts = items.map { item -> String in if case .text(let text) = item { return text } else { return "" } }
            return .list(TemplateList(texts.sorted().map(TemplateValue.text), element: .text))
        default: return nil
        }
    }
}

extension TemplateValue {
    /// Whether an object of several fields is in this value: Swift prints its fields in an order
    /// that is not fixed.
    var holdsUnorderedObject: Bool {
        switch self {
        case .object(let fields): return fields.count > 1 || fields.values.contains { $0.holdsUnorderedObject }
        case .list(let list): return list.items.contains { $0.holdsUnorderedObject }
        case .pair(_, let value): return value.holdsUnorderedObject
        default: return false
        }
    }
}
