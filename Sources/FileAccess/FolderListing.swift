#if canImport(Glibc)
import Glibc
#endif

/// Lists folders with `readdir`, whose entry types come free with the names.
///
/// FileManager's enumerator stats every entry and reads its extended attributes; on the laws
/// (6,636 folders) that alone took half a second on one core before any file was read.
public enum FolderListing {
    /// One name in a folder.
    public struct Entry: Sendable, Equatable {
        /// `link` is a symbolic link (not followed here); `other` a FIFO, socket or device.
        public enum Kind: Sendable, Equatable { case file, folder, link, other }
        public var name: String
        public var kind: Kind
        /// False when the name's bytes are not UTF-8; `name` then shows them as U+FFFD.
        public var isValidUTF8 = true
    }

    /// The entries of `path` except `.` and `..`, unsorted; empty when it cannot be read.
    /// Symbolic links are `.link`, FIFOs, sockets and devices `.other`.
    public static func entries(of path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let decoded = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { (String(validatingCString: $0), String(cString: $0)) }
            }
            let name = decoded.1
            if name == "." || name == ".." { continue }
            let kind: Entry.Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN): kind = Self.kind(ofPath: path + "/" + name)  // Some file systems leave the type out.
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind, isValidUTF8: decoded.0 != nil))
        }
        return entries
    }

    private static func kind(ofPath path: String) -> Entry.Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }
}
