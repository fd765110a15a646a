import Foundation

// The three containers of ``TreeEncoder``. Integers become `Int` and print as before; a `Float`
// or an unsigned number beyond `Int` keeps the text Swift prints for it.

/// A struct or string-keyed dictionary: fields by name; a nil optional leaves its key out.
struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: TemplateValue?, _ key: Key) { encoder.fields[key.stringValue] = value }

    mutating func encodeNil(forKey key: Key) { set(nil, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { set(.of(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { set(.of(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try TreeEncoder.tree(of: value, key: key, parent: encoder), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        encoder.child(at: key.stringValue, codingKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.child(at: key.stringValue, codingKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.child(at: "super", codingKey: TreeKey(stringValue: "super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.child(at: key.stringValue, codingKey: key) }
}

/// An array; a nil item stays in its place as ``TemplateValue/null``, which renders as nothing.
struct ListContainer: UnkeyedEncodingContainer, TreeValueWriter {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.items.count }

    func write(_ value: TemplateValue?) { encoder.items.append(value ?? .null) }
    /// A place for a child encoder's tree, filled when the list is read.
    private func placeholder() -> TreeEncoder {
        let index = count
        write(nil)
        return encoder.child(at: String(index), codingKey: TreeKey(intValue: index))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        write(try TreeEncoder.tree(of: value, key: TreeKey(intValue: count), parent: encoder))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        placeholder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { placeholder().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { placeholder() }
}

/// One value: a type that encodes itself as a string, number or flag (or a nil optional).
struct SingleContainer: SingleValueEncodingContainer, TreeValueWriter {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func write(_ value: TemplateValue?) { encoder.single = value }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value's own encoder is this one: a wrapper type adds no level to the tree.
        write(try TreeEncoder.tree(of: value, key: nil, parent: encoder))
    }
}

/// The unkeyed and the single-value container take the same values the same way, each into its place.
protocol TreeValueWriter {
    func write(_ value: TemplateValue?)
}

extension TreeValueWriter {
    mutating func encode(_ value: Bool) { write(.of(value)) }
    mutating func encode(_ value: String) { write(.of(value)) }
    mutating func encode(_ value: Double) { write(.of(value)) }
    mutating func encode(_ value: Float) { write(.of(value)) }
    mutating func encode(_ value: Int) { write(.of(value)) }
    mutating func encode(_ value: Int8) { write(.of(value)) }
    mutating func encode(_ value: Int16) { write(.of(value)) }
    mutating func encode(_ value: Int32) { write(.of(value)) }
    mutating func encode(_ value: Int64) { write(.of(value)) }
    mutating func encode(_ value: UInt) { write(.of(value)) }
    mutating func encode(_ value: UInt8) { write(.of(value)) }
    mutating func encode(_ value: UInt16) { write(.of(value)) }
    mutating func encode(_ value: UInt32) { write(.of(value)) }
    mutating func encode(_ value: UInt64) { write(.of(value)) }
    mutating func encodeNil() { write(nil) }
}

extension TemplateValue {
    static func of(_ value: Bool) -> TemplateValue { .flag(value) }
    static func of(_ value: String) -> TemplateValue { .text(value) }
    static func of(_ value: Double) -> TemplateValue { .real(value) }
    static func of(_ value: Float) -> TemplateValue { .otherNumber(value.description) }
    /// Every integer type prints as `Int` does; one that does not fit keeps its own text.
    static func of(_ value: some BinaryInteger) -> TemplateValue {
        if let number = Int(exactly: value) { return .integer(number) }
        return .otherNumber(String(value))
    }
}
