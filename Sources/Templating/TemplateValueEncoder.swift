import Foundation

/// Turns an `Encodable` page context into the ``TemplateValue`` the templates render: objects for
/// structs and string-keyed dictionaries, lists, texts, numbers and flags.
///
/// A context is encoded once, where it meets the templates. The tree looks like the dictionaries
/// the contexts used to be built as: an optional that is nil is left out, so `{{#x}}` is false and
/// `{{^x}}` true; `Bool` stays a flag and arrays stay lists, which is what Mustache tests for in sections. It writes the tree directly; a JSON round trip would parse every page twice.
public struct TemplateValueEncoder: Sendable {
    /// An encoder; it has no settings.
    public init() {}

    /// The tree of `value`, or nil when `value` encodes nothing (a nil optional).
    ///
    /// Throws only what `value`'s own `encode(to:)` throws; the encoder itself accepts every value.
    public func encode(_ value: some Encodable) throws -> TemplateValue? {
        try TreeEncoder.tree(of: value, key: nil, parent: nil)
    }
}
