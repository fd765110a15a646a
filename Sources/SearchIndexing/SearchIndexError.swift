/// An index that cannot be read: missing, or damaged (a number out of range, a file that does not
/// parse, a record without title). `vcc search` prints the description and exits with 2.
public enum SearchIndexError: Error, Equatable, CustomStringConvertible {
    /// The entry file is missing or names no index of this format: the site was not built.
    case unreadable(String)
    /// A file of the index contradicts the format or the other files; `problem` names what.
    case damaged(file: String, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let file): "Der Suchindex ist nicht lesbar: \(file) fehlt oder ist beschädigt. Baue die Website mit `vcc build`."
        case .damaged(let file, let problem): "Der Suchindex ist beschädigt: \(problem) (\(file)) – bitte neu bauen (vcc build)."
        }
    }
}
