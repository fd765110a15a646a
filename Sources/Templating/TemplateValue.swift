import Foundation

/// A value of an encoded page context, as the templates see it.
///
/// ``TemplateValueEncoder`` writes contexts as these instead of `[String: Any]` trees: the
/// renderer (``CompiledTemplate``) then finds a field with one dictionary lookup and tells a
/// list from a flag with a `switch`, where swift-mustache asked the Swift runtime for protocol
/// conformances (`as? MustacheParent`, `as? MustacheSequence` …) on every lookup.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    /// A text given as its UTF-8 bytes, which must be valid UTF-8: a page's body as cmark wrote it.
    /// A page is written as bytes, and the body goes into it as it is, without being made a
    /// `String` (checked as UTF-8) first and taken apart again; for everything else it is
    /// ``text(_:)`` of the same bytes.
    case utf8([UInt8])
    case integer(Int)
    case real(Double)
    /// A number of another type (`Float`, a `UInt64` beyond `Int`), kept as Swift prints it.
    case otherNumber(String)
    case flag(Bool)
    case list(TemplateList)
    /// A struct or string-keyed dictionary; a nil optional is left out.
    case object([String: TemplateValue])
    /// A nil item of a list (swift-mustache's `NSNull`).
    case null
    /// An entry of an object listed with `enumerated(x)` or `sorted(x)`: Mustache reads `key` and `value`.
    // Only this case is boxed: lists and objects hold their values in their own storage already,
    // and a boxed texts and numbers would cost an allocation each.
    indirect case pair(key: String, value: TemplateValue)
}

/// The items of a list, and what Swift type swift-mustache would have seen for them: its
/// transforms and its printing depend on that type (`sorted` exists only for `[String]`, a
/// reversed list prints as `ReversedCollection<…>`).
public struct TemplateList: Sendable, Equatable {
    /// The static element type of the list as swift-mustache saw it.
    public enum Element: Sendable {
        /// `[Any]`: what the encoder writes for most lists.
        case any
        /// `[String]`: a list of texts the encoder writes in one piece.
        case text
        /// `[(key: String, value: Any)]`: an object's entries.
        case pair
    }

    /// The items in the order the list is read (already reversed for a reversed view).
    public var items: [TemplateValue]
    public var element: Element
    /// True for the view `reversed(x)` returns: it prints and reverses as Swift's `ReversedCollection`.
    public var isReversedView: Bool

    public init(_ items: [TemplateValue], element: Element = .any, isReversedView: Bool = false) {
        self.items = items
        self.element = element
        self.isReversedView = isReversedView
    }
}

extension TemplateValue {
    /// The field `name` of this value, as swift-mustache finds it: a key of an object, or `key`
    /// and `value` of an entry (Swift's `Mirror` labels of the tuple it uses); nothing else has fields.
    @inline(__always)
    func field(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let fields): return fields[name]
        case .pair(let key, let value):
            if name == "key" { return .text(key) }
            if name == "value" { return value }
            return nil
        default: return nil
        }
    }

    /// The value as swift-mustache's own renderer receives it: `[String: Any]`, `[Any]`,
    /// `String`, `Int`, `Double`, `Bool`, `NSNull`. For printing the rare values whose text is
    /// Swift's description (a list printed with `{{list}}`), and for tests that render the same
    /// data with swift-mustache.
    public var mustacheValue: Any {
        switch self {
        case .text(let text): return text
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .integer(let number): return number
        case .real(let number): return number
        case .otherNumber(let text): return OtherNumber(text: text)
        case .flag(let flag): return flag
        case .null: return NSNull()
        case .pair(let key, let value): return (key: key, value: value.mustacheValue)
        case .object(let fields):
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(fields.count)
            for (key, value) in fields { dictionary[key] = value.mustacheValue }
            return dictionary
        case .list(let list):
            // Built in reading order, so a reversed view is made by reversing the base again.
            let base = list.isReversedView ? Array(list.items.reversed()) : list.items
            switch list.element {
            case .text:
                let texts = base.map { if case .text(let text) = $0 { return text } else { return "" } }
                return list.isReversedView ? texts.reversed() as Any : texts
            case .pair:
                let pairs = base.map { item -> (key: String, value: Any) in
                    if case .pair(let key, let value) = item { return (key: key, value: value.mustacheValue) }
                    return (key: "", value: item.mustacheValue)
                }
                return list.isReversedView ? pairs.reversed() as Any : pairs
            case .any:
                let values = base.map(\.mustacheValue)
                return list.isReversedView ? values.reversed() as Any : values
            }
        }
    }
}

extension TemplateValue {
    /// ``utf8(_:)`` as the ``text(_:)`` it stands for; any other value as it is.
    var asText: TemplateValue {
        if case .utf8(let bytes) = self { return .text(String(decoding: bytes, as: UTF8.self)) }
        return self
    }
}

/// A number the encoder met as a type other than `Int` or `Double`; it prints as it did.
struct OtherNumber: CustomStringConvertible {
    let text: String
    var description: String { text }
}
