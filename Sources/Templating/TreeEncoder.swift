import Foundation

/// The `Encoder` behind ``TemplateValueEncoder``: one per struct, array or single value met while
/// encoding, collecting that value's part of the tree.
///
/// A container writes finished values straight into its encoder's `fields` or `items`; only
/// containers asked for by name (`nestedContainer`, `superEncoder`) wait as child encoders until
/// the tree is read, because their owner may still write into them after handing them out.
final class TreeEncoder: Encoder {
    /// What this encoder was asked to become.
    enum Shape { case nothing, single, object, list }

    private(set) var shape = Shape.nothing
    var single: TemplateValue?
    var fields: [String: TemplateValue] = [:]
    var items: [TemplateValue] = []
    /// Child encoders by key (objects) or by index written as text (lists), read with the tree.
    var pending: [String: TreeEncoder] = [:]
    // The coding path is kept as a chain and spelt out only when asked: building an array for
    // every value would cost an allocation per field of every page.
    private let key: (any CodingKey)?
    private let parent: TreeEncoder?

    init(key: (any CodingKey)?, parent: TreeEncoder?) {
        self.key = key
        self.parent = parent
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var encoder: TreeEncoder? = self
        while let current = encoder {
            if let key = current.key { path.append(key) }
            encoder = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The tree of `value`; the common leaves skip the encoder altogether.
    static func tree(of value: some Encodable, key: (any CodingKey)?, parent: TreeEncoder?) throws -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .integer(number)
        case let number as Double: return .real(number)
        // A `[String]` stays a list of texts: swift-mustache could sort it, which it cannot do with other lists.
        case let texts as [String]: return .list(TemplateList(texts.map(TemplateValue.text), element: .text))
        // Foundation's URL encodes as an object of `relative` and `base`; templates want the address.
        case let url as URL: return .text(url.absoluteString)
        default:
            let encoder = TreeEncoder(key: key, parent: parent)
            try value.encode(to: encoder)
            return encoder.tree
        }
    }

    /// What was encoded: nil for nothing or a nil optional.
    var tree: TemplateValue? {
        switch shape {
        case .nothing, .single:
            return single
        case .object:
            guard !pending.isEmpty else { return .object(fields) }
            var fields = self.fields
            for (key, child) in pending { fields[key] = child.tree }
            return .object(fields)
        case .list:
            guard !pending.isEmpty else { return .list(TemplateList(items)) }
            var items = self.items
            for (index, child) in pending { items[Int(index)!] = child.tree ?? .null }
            return .list(TemplateList(items))
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        shape = .object
        return KeyedEncodingContainer(ObjectContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        shape = .list
        return ListContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        shape = .single
        return SingleContainer(encoder: self)
    }

    /// A child encoder whose tree is placed at `key` when this encoder's tree is read.
    func child(at key: String, codingKey: any CodingKey) -> TreeEncoder {
        let child = TreeEncoder(key: codingKey, parent: self)
        pending[key] = child
        return child
    }
}

/// A key of a list item or of `super`, for coding paths.
struct TreeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}
