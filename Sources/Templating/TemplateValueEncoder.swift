import Foundation

/// Turns an `Encodable` page context into the values swift-mustache renders: `[String: Any]` for
/// structs and string-keyed dictionaries, arrays, strings, numbers and `Bool`.
///
/// A context is encoded once, where it meets the templates. The tree looks like the dictionaries
/// the contexts used to be built as: an optional that is nil is left out, so `{{#x}}` is false and
/// `{{^x}}` true; `Bool` stays `Bool` and arrays stay arrays, which is what swift-mustache tests
/// for in sections. It writes the tree directly; a JSON round trip would parse every page twice.
public struct TemplateValueEncoder: Sendable {
    /// An encoder; it has no settings.
    public init() {}

    /// The tree of `value`, or nil when `value` encodes nothing (a nil optional).
    ///
    /// Throws only what `value`'s own `encode(to:)` throws; the encoder itself accepts every value.
    public func encode(_ value: some Encodable) throws -> Any? {
        try TreeEncoder.tree(of: value, key: nil, parent: nil)
    }
}
