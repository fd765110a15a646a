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

    /// The tree of an encoded value; nil for `NSNull` (a nil item of a list).
    init?(encoded value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .flag(flag)
        case let fields as [String: Any]: self = .object(fields.compactMapValues(FieldTree.init(encoded:)))
        case let items as [Any]: self = .list(items.compactMap(FieldTree.init(encoded:)))
        case is NSNull: return nil
        case is any BinaryInteger, is any BinaryFloatingPoint: self = .number(String(describing: value))
        default: self = .text(String(describing: value))
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
