public import Foundation
import Glibc
public import SiteModel

/// The only code that writes the output folder.
///
/// Files go into a staging folder beside the output folder; `commit()` swaps it in with two renames
/// on the same file system, and `discard()` removes it. Until `commit()`, the previous output
/// stays exactly as it was, so a failed build cannot damage it.
public final class StagedSiteWriter: OutputSink, @unchecked Sendable {
    /// The folder the site ends up in.
    public let outputFolder: URL
    /// The folder being filled.
    public let stagingFolder: URL
    private let stagingPath: String
    // Guards `createdFolders` and `writtenPaths`; file writes themselves run in parallel.
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private var writtenPaths: Set<String> = []

    /// Prepares a fresh staging folder beside `outputFolder`.
    public init(outputFolder: URL) throws {
        self.outputFolder = outputFolder.standardizedFileURL
        let parent = self.outputFolder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = ".\(self.outputFolder.lastPathComponent).vcc-staging-\(ProcessInfo.processInfo.processIdentifier)"
        stagingFolder = parent.appendingPathComponent(name, isDirectory: true)
        stagingPath = stagingFolder.path
        removeLeftovers()
        try FileManager.default.createDirectory(at: stagingFolder, withIntermediateDirectories: false)
    }

    /// Writes one file into the staging folder. Two files with one path are an error.
    public func accept(_ file: OutputFile) throws {
        guard !file.path.isEmpty, !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains("..") else {
            throw SiteWriterError.invalidPath(file.path)
        }
        let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
        let needsFolder = try lock.withLock {
            guard writtenPaths.insert(file.path).inserted else { throw SiteWriterError.duplicatePath(file.path) }
            return !folder.isEmpty && !createdFolders.contains(folder)
        }
        // The folder is made outside the lock: creating it is the kernel's slowest step, and other
        // threads should go on writing meanwhile. Two threads making one folder is harmless
        // (mkdir reports that it exists), and each has it once its own call returns.
        if needsFolder {
            try makeFolder(stagingPath + "/" + folder)
            lock.withLock { _ = createdFolders.insert(folder) }
        }
        try writeFile(stagingPath + "/" + file.path, file.contents)
    }

    /// `mkdir -p` with plain system calls: one `mkdir` when the parent exists, which in a site it
    /// almost always does.
    private func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw SiteWriterError.writeFailed(path, EEXIST) }
        case ENOENT:
            guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { throw SiteWriterError.writeFailed(path, ENOENT) }
            try makeFolder(String(path[..<slash]))
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw SiteWriterError.writeFailed(path, errno) }
        default:
            throw SiteWriterError.writeFailed(path, errno)
        }
    }

    /// Plain POSIX writes: Foundation's `Data.write` costs far more per file, and a large site has tens of thousands.
    private func writeFile(_ path: String, _ contents: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteWriterError.writeFailed(path, errno) }
        defer { close(descriptor) }
        var written = 0
        try contents.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw SiteWriterError.writeFailed(path, errno)
                }
                written += result
            }
        }
    }

    /// Replaces the output folder with the staging folder.
    ///
    /// - Parameter removingPreviousInBackground: hand the previous site to a detached `rm -rf`
    ///   instead of deleting it before returning. Deleting tens of thousands of files that have
    ///   reached the disk takes seconds on some file systems, and nobody needs to wait for it.
    public func commit(removingPreviousInBackground: Bool = false) throws {
        let fileManager = FileManager.default
        let old = stagingFolder.deletingLastPathComponent()
            .appendingPathComponent(".\(outputFolder.lastPathComponent).vcc-old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        // rename(2) directly: the same file system, so each step is atomic.
        if fileManager.fileExists(atPath: outputFolder.path) {
            try Self.rename(outputFolder.path, old.path)
            do {
                try Self.rename(stagingPath, outputFolder.path)
            } catch {
                try? Self.rename(old.path, outputFolder.path)  // Put the previous site back.
                throw error
            }
            if removingPreviousInBackground, Self.removeInBackground(old.path) { return }
            Self.removeTree(old.path)
        } else {
            try Self.rename(stagingPath, outputFolder.path)
        }
    }

    /// Starts `rm -rf` on `path` without waiting for it; false when it cannot be started.
    private static func removeInBackground(_ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        return true
    }

    /// Removes what an interrupted earlier build left beside the output folder.
    private func removeLeftovers() {
        let parent = outputFolder.deletingLastPathComponent().path
        let prefix = ".\(outputFolder.lastPathComponent).vcc-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let path = parent + "/" + name
            // A stale folder with this run's staging name must go now; others may go in the background.
            if path == stagingPath || !Self.removeInBackground(path) { Self.removeTree(path) }
        }
    }

    private static func rename(_ from: String, _ to: String) throws {
        if Glibc.rename(from, to) != 0 { throw SiteWriterError.writeFailed(to, errno) }
    }

    /// Throws the staged files away, leaving the output folder untouched.
    public func discard() {
        Self.removeTree(stagingPath)
    }

    /// Deletes a folder tree with readdir, unlink and rmdir: FileManager.removeItem takes seconds
    /// for the tens of thousands of files of a large site.
    static func removeTree(_ path: String) {
        guard let directory = opendir(path) else {
            _ = unlink(path)
            return
        }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if Int32(entry.pointee.d_type) == Int32(DT_DIR) { folders.append(child) } else { _ = unlink(child) }
        }
        closedir(directory)
        for folder in folders { removeTree(folder) }
        _ = rmdir(path)
    }
}

/// Problems with the files a build hands to the writer.
public enum SiteWriterError: Error, CustomStringConvertible {
    case duplicatePath(String)
    case invalidPath(String)
    case writeFailed(String, Int32)

    public var description: String {
        switch self {
        case .duplicatePath(let path): "Zwei Dateien der Website hätten denselben Pfad: \(path)."
        case .invalidPath(let path): "Ungültiger Ausgabepfad: \(path)."
        case .writeFailed(let path, let code): "\(path) kann nicht geschrieben werden: \(String(cString: strerror(code)))."
        }
    }
}
