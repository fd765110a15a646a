import Foundation
import Glibc

/// The few file-system calls the writer needs beyond Foundation, each safe against symbolic links.
enum FileSystemCalls {
    /// The kind of entry at `path`, without following a symbolic link; nil when nothing is there.
    enum EntryKind { case folder, file, symbolicLink, other }

    static func kind(of path: String) -> EntryKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The names in a folder, without `.` and `..`; nil when it cannot be read.
    static func names(in path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The absolute path with every symbolic link resolved, also for a path whose last parts do
    /// not exist yet (`/srv/site/public` when only `/srv/site` exists).
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute
        var missing: [String] = []
        while !existing.isEmpty, existing != "/" {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.reversed().reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            let url = URL(fileURLWithPath: existing)
            missing.append(url.lastPathComponent)
            existing = url.deletingLastPathComponent().path
        }
        return missing.reversed().reduce("") { $0 + "/" + $1 }.nonEmpty ?? "/"
    }

    /// Deletes a folder tree with readdir, unlink and rmdir (FileManager.removeItem takes seconds for
    /// the tens of thousands of files of a large site). Never follows a symbolic link: a link is
    /// removed as a link, and the folder it points to stays untouched.
    static func removeTree(_ path: String) {
        guard kind(of: path) == .folder else {
            _ = unlink(path)
            return
        }
        for name in names(in: path) ?? [] {
            let child = path + "/" + name
            if kind(of: child) == .folder { removeTree(child) } else { _ = unlink(child) }
        }
        _ = rmdir(path)
    }

    /// Starts `rm -rf` on `path` without waiting for it; false when it cannot be started.
    /// `rm -rf` does not follow symbolic links either.
    static func removeInBackground(_ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        return true
    }

    static func rename(_ from: String, _ to: String) throws {
        if Glibc.rename(from, to) != 0 { throw SiteWriterError.writeFailed(to, errno) }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    // renameat2 is in glibc since 2.28 but not in Swift's Glibc module (it needs _GNU_SOURCE), so it
    // is looked up at run time; nil on other C libraries.
    private static let renameAt2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }
    private static let renameExchange: UInt32 = 1 << 1

    /// Swaps two folders in one atomic step (`renameat2(RENAME_EXCHANGE)`): there is no moment in
    /// which either path is missing. False when the system or file system does not support it.
    static func exchange(_ first: String, _ second: String) throws -> Bool {
        guard let renameAt2 else { return false }
        if renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == EOPNOTSUPP { return false }
        throw SiteWriterError.writeFailed(second, code)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
