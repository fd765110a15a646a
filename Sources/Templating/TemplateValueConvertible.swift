/// A context type that makes its own ``TemplateValue``, without going through `encode(to:)`.
///
/// Every page encodes its frame (site, page, navigation, breadcrumbs, table of contents), and
/// `Encodable`'s way there (an encoder object per struct, a boxed container, a dictionary grown
/// key by key) was 1.7 % of a laws build. ``TemplateSet/render(_:context:)`` takes `templateValue`
/// of a context that has it, chosen at compile time: a dynamic cast per value to find out would
/// cost a protocol conformance lookup each.
///
/// `templateValue` must be exactly the tree ``TemplateValueEncoder`` makes of `encode(to:)`: a nil
/// optional left out, `Bool` a flag, an integer an ``TemplateValue/integer(_:)``, `[String]` a list
/// of texts (see ``TemplateValue/texts(_:)``), other arrays lists, structs objects. Tests compare
/// the two for every conforming type.
public protocol TemplateValueConvertible: Encodable {
    /// The tree of this value; nil when it encodes nothing. Throws what `encode(to:)` would throw
    /// (a value that holds others which go through the encoder).
    var templateValue: TemplateValue? { get throws }
}

extension TemplateValue {
    /// What the encoder makes of a `[String]`.
    public static func texts(_ texts: [String]) -> TemplateValue {
        .list(TemplateList(texts.map(TemplateValue.text), element: .text))
    }

    /// What the encoder makes of an array of other values (nil items become ``null``). An empty one
    /// is a list of texts, as in the encoder, where any empty array passes for a `[String]`.
    public static func items(_ values: [some TemplateValueConvertible]) throws -> TemplateValue {
        values.isEmpty ? texts([]) : .list(TemplateList(try values.map { try $0.templateValue ?? .null }))
    }

    /// An object of the fields that are not nil, as the encoder leaves out a nil optional.
    public static func fields(_ fields: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
        var object: [String: TemplateValue] = [:]
        object.reserveCapacity(fields.count)
        for (key, value) in fields { object[key] = value }
        return .object(object)
    }

    /// An optional text as the encoder writes it: nil stays nil (and leaves its key out).
    public static func text(ifPresent text: String?) -> TemplateValue? { text.map(TemplateValue.text) }
}
