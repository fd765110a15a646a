import SiteModel

/// Encodes the index's JSON files (`current.json`, the manifest's JSON, `facets.json`, and in tests the
/// records) from their `Codable` types, deterministically: keys in the order `encode(to:)` writes
/// them (Foundation's `JSONEncoder` orders keys by hash unless it sorts them), strings escaped by
/// ``JSONText`` (so `<` never closes a script element), doubles as Swift prints them (`6.0`).
/// The engines read the same types back with `JSONDecoder`.
struct IndexJSONEncoder {
    /// The UTF-8 JSON of `value`, without whitespace.
    func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var out: [UInt8] = []
        root.write(to: &out)
        return out
    }

    /// A JSON value under construction; containers fill it after it was handed out.
    final class Node {
        enum Kind { case pending, scalar, array, object }
        var kind = Kind.pending
        var scalar = ""
        var keys: [String] = []
        var children: [Node] = []

        func set(_ text: String) {
            kind = .scalar
            scalar = text
        }

        func write(to out: inout [UInt8]) {
            switch kind {
            case .pending: out += Array("null".utf8)
            case .scalar: out += Array(scalar.utf8)
            case .array, .object:
                out.append(UInt8(ascii: kind == .array ? "[" : "{"))
                for (index, child) in children.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    if kind == .object {
                        JSONText.appendString(Substring(keys[index]), to: &out)
                        out.append(UInt8(ascii: ":"))
                    }
                    child.write(to: &out)
                }
                out.append(UInt8(ascii: kind == .array ? "]" : "}"))
            }
        }

        func child(forKey key: String) -> Node {
            kind = .object
            let node = Node()
            keys.append(key)
            children.append(node)
            return node
        }

        func appendedChild() -> Node {
            kind = .array
            let node = Node()
            children.append(node)
            return node
        }
    }

    struct NodeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.kind == .pending { node.kind = .object }
            return KeyedEncodingContainer(Keyed(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.kind == .pending { node.kind = .array }
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).set("null") }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try value.encode(to: NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.children.count }

        mutating func encodeNil() throws { node.appendedChild().set("null") }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: NodeEncoder(node: node.appendedChild(), codingPath: codingPath))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.appendedChild(), codingPath: codingPath).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.appendedChild(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendedChild(), codingPath: codingPath) }
    }

    /// Scalars: strings through ``JSONText``, numbers as Swift prints them.
    struct Single: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.set("null") }
        mutating func encode(_ value: Bool) throws { node.set(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { node.set(JSONText.string(value)) }
        mutating func encode(_ value: Double) throws { node.set(String(value)) }
        mutating func encode(_ value: Float) throws { node.set(String(value)) }
        mutating func encode(_ value: Int) throws { node.set(String(value)) }
        mutating func encode(_ value: Int8) throws { node.set(String(value)) }
        mutating func encode(_ value: Int16) throws { node.set(String(value)) }
        mutating func encode(_ value: Int32) throws { node.set(String(value)) }
        mutating func encode(_ value: Int64) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt8) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt16) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt32) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt64) throws { node.set(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: NodeEncoder(node: node, codingPath: codingPath)) }
    }
}
