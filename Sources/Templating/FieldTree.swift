import Foundation

/// The fields of an example page context, as the templates see them: read from the tree
/// ``TemplateValueEncoder`` makes of the example, so it names exactly what rendering will offer.
indirect enum FieldTree: Sendable {
    case text(String)
    case number(String)
    case flag(Bool)
    /// The items of the example's list.
    case list([FieldTree])
    case object([String: FieldTree])

    /// The tree of an encoded value; nil for a nil item of a list.
    init?(encoded value: TemplateValue) {
        switch value {
        case .text(let text): self = .text(text)
        case .utf8(let bytes): self = .text(String(decoding: bytes, as: UTF8.self))
        case .flag(let flag): self = .flag(flag)
        case .object(let fields): self = .object(fields.compactMapValues(FieldTree.init(encoded:)))
        case .list(let list): self = .list(list.items.compactMap(FieldTree.init(encoded:)))
        case .null: return nil
        case .integer(let number): self = .number(String(number))
        case .real(let number): self = .number(number.description)
        case .otherNumber(let text): self = .number(text)
        case .pair(let key, let value): self = .object(["key": .text(key)].merging(FieldTree(encoded: value).map { ["value": $0] } ?? [:]) { $1 })
        }
    }

    /// The fields of an object, or none.
    var fields: [String: FieldTree] {
        if case .object(let fields) = self { return fields }
        return [:]
    }

    /// What a section over this value puts on the context stack: nil for a flag, which leaves the
    /// stack as it is, and for a list the union of its items (so an item that has a field only
    /// sometimes still counts).
    var sectionContext: FieldTree? {
        switch self {
        case .flag: return nil
        case .list(let items):
            guard let first = items.first else { return nil }
            return items.dropFirst().reduce(first) { $0.merged(with: $1) }
        default: return self
        }
    }

    private func merged(with other: FieldTree) -> FieldTree {
        guard case .object(let mine) = self, case .object(let theirs) = other else { return self }
        return .object(mine.merging(theirs) { first, second in first.merged(with: second) })
    }
}
