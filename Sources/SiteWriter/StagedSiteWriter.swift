public import Foundation
import Glibc
public import SiteModel

/// The only code that writes the output folder.
///
/// Files go into a staging folder beside the output folder; `commit()` swaps it in with one atomic
/// `renameat2(RENAME_EXCHANGE)` (two renames only where the system lacks it), and `discard()`
/// removes it. Until `commit()`, the previous output stays exactly as it was, so a failed build
/// cannot damage it. The writer refuses folders that are not vcc's (see ``OutputFolderPolicy``),
/// holds a lock on the output for its whole life (see ``OutputLock``), and deletes only folders
/// that carry vcc's marker.
public final class StagedSiteWriter: OutputSink, @unchecked Sendable {
    /// The folder the site ends up in, absolute with symbolic links resolved.
    public let outputFolder: URL
    /// The folder being filled.
    public let stagingFolder: URL
    private let outputPath: String
    private let stagingPath: String
    // Held from init until commit or discard.
    private var outputLock: OutputLock?
    // Guards `createdFolders`, `writtenPaths` and `committed`; file writes themselves run in parallel.
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private var writtenPaths: Set<String> = [OutputMarker.fileName]
    private var committed = false

    /// Checks that `outputFolder` may be replaced, locks it, and prepares a fresh staging folder beside it.
    ///
    /// - Parameter sourceFolder: the project folder of the build; the output may be neither it,
    ///   nor a folder above it, nor a folder in its `content/` or `templates/`.
    /// - Throws: ``SiteWriterError/protectedFolder(_:_:)``, ``SiteWriterError/foreignFolder(_:)``,
    ///   ``SiteWriterError/notAFolder(_:)`` or ``SiteWriterError/busy(_:)`` before anything is
    ///   touched; ``SiteWriterError/writeFailed(_:_:)`` when the file system refuses.
    public init(outputFolder: URL, sourceFolder: String? = nil) throws {
        outputPath = FileSystemCalls.resolved(outputFolder.path)
        if let refusal = Self.refusal(forOutput: outputFolder, sourceFolder: sourceFolder) { throw refusal }
        self.outputFolder = URL(fileURLWithPath: outputPath, isDirectory: true)
        let parent = self.outputFolder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        outputLock = try OutputLock(outputFolder: outputPath)
        let name = ".\(self.outputFolder.lastPathComponent).vcc-staging-\(ProcessInfo.processInfo.processIdentifier)"
        stagingFolder = parent.appendingPathComponent(name, isDirectory: true)
        stagingPath = stagingFolder.path
        // Under the lock no other build is running, so every staging or old folder beside the
        // output is what an interrupted build left.
        restoreInterruptedSwap()
        removeLeftovers()
        try FileManager.default.createDirectory(at: stagingFolder, withIntermediateDirectories: false)
        try writeFile(stagingPath + "/" + OutputMarker.fileName, Array(OutputMarker.text.utf8))
    }

    /// Why a writer for `outputFolder` would refuse it, without touching anything; nil when it may be used.
    public static func refusal(forOutput outputFolder: URL, sourceFolder: String?) -> SiteWriterError? {
        let home = ProcessInfo.processInfo.environment["HOME"].map(FileSystemCalls.resolved)
        return OutputFolderPolicy.refusal(forOutput: FileSystemCalls.resolved(outputFolder.path),
                                          source: sourceFolder.map(FileSystemCalls.resolved), home: home)
    }

    /// Writes one file into the staging folder. Two files with one path are an error.
    public func accept(_ file: OutputFile) throws {
        let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.path.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
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

    /// Moves a folder inside the staging folder with one rename; `to` must not exist yet.
    public func moveFolder(_ from: String, to: String) throws {
        for path in [from, to] {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            guard !parts.isEmpty, !path.hasPrefix("/"), !parts.contains(where: { $0 == "." || $0 == ".." }) else {
                throw SiteWriterError.invalidPath(path)
            }
        }
        let target = stagingPath + "/" + to.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard FileSystemCalls.kind(of: target) == nil else { throw SiteWriterError.duplicatePath(to) }
        try FileSystemCalls.rename(stagingPath + "/" + from.trimmingCharacters(in: CharacterSet(charactersIn: "/")), target)
        lock.withLock { createdFolders = createdFolders.filter { !($0 + "/").hasPrefix(from) } }
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
        lock.withLock { committed = true }
        defer { outputLock = nil }
        let remove = { (path: String) in
            if !(removingPreviousInBackground && FileSystemCalls.removeInBackground(path)) { FileSystemCalls.removeTree(path) }
        }
        guard FileSystemCalls.kind(of: outputPath) != nil else {
            try FileSystemCalls.rename(stagingPath, outputPath)
            return
        }
        if try FileSystemCalls.exchange(stagingPath, outputPath) {
            remove(stagingPath)  // Now the previous site.
            return
        }
        // Without an atomic exchange: two renames. Should the process die between them, the previous
        // site waits under the old name, and the next build puts it back (restoreInterruptedSwap).
        let old = outputFolder.deletingLastPathComponent()
            .appendingPathComponent(".\(outputFolder.lastPathComponent).vcc-alt-\(ProcessInfo.processInfo.processIdentifier)").path
        try FileSystemCalls.rename(outputPath, old)
        do {
            try FileSystemCalls.rename(stagingPath, outputPath)
        } catch {
            try? FileSystemCalls.rename(old, outputPath)
            throw error
        }
        remove(old)
    }

    /// Folders beside the output that an earlier build of it left: `(path, isPreviousSite)`.
    private func leftovers() -> [(path: String, isPreviousSite: Bool)] {
        let parent = outputFolder.deletingLastPathComponent().path
        let prefix = ".\(outputFolder.lastPathComponent).vcc-"
        return (FileSystemCalls.names(in: parent) ?? []).sorted().compactMap { name in
            guard name.hasPrefix(prefix) else { return nil }
            let path = parent + "/" + name
            // Only folders vcc wrote: a user's folder that happens to have such a name stays.
            guard FileSystemCalls.kind(of: path) == .folder, OutputMarker.isPresent(in: path) else { return nil }
            let rest = name.dropFirst(prefix.count)
            return (path, rest.hasPrefix("alt-") || rest.hasPrefix("old-"))
        }
    }

    /// When the output is missing because a build died between the two renames of a swap, puts the
    /// previous site back: it may be the only copy.
    private func restoreInterruptedSwap() {
        guard FileSystemCalls.kind(of: outputPath) == nil,
              let previous = leftovers().last(where: \.isPreviousSite) else { return }
        try? FileSystemCalls.rename(previous.path, outputPath)
    }

    /// Removes what interrupted earlier builds left beside the output folder.
    private func removeLeftovers() {
        for leftover in leftovers() {
            // A stale folder with this run's staging name must go now; others may go in the background.
            if leftover.path == stagingPath || !FileSystemCalls.removeInBackground(leftover.path) {
                FileSystemCalls.removeTree(leftover.path)
            }
        }
    }

    /// Throws the staged files away, leaving the output folder untouched.
    public func discard() {
        guard !lock.withLock({ committed }) else { return }
        FileSystemCalls.removeTree(stagingPath)
        outputLock = nil
    }
}

/// Problems with the files a build hands to the writer.
public enum SiteWriterError: Error, CustomStringConvertible {
    case duplicatePath(String)
    case invalidPath(String)
    case writeFailed(String, Int32)
    /// The output would replace a folder with the user's own files; the reason names which.
    case protectedFolder(String, String)
    /// The output exists, is not empty, and was not written by vcc.
    case foreignFolder(String)
    /// The output path is a file, not a folder.
    case notAFolder(String)
    /// Another build is writing into the same output right now.
    case busy(String)

    public var description: String {
        switch self {
        case .duplicatePath(let path): "Zwei Dateien der Website hätten denselben Pfad: \(path)."
        case .invalidPath(let path): "Ungültiger Ausgabepfad: \(path)."
        case .writeFailed(let path, let code): "\(path) kann nicht geschrieben werden: \(String(cString: strerror(code)))."
        case .protectedFolder(let path, let what):
            "Der Zielordner \(path) ist \(what); vcc ersetzt den Zielordner beim Bauen als Ganzes und würde Ihre Dateien löschen. "
                + "Nichts wurde verändert. Wählen Sie mit --output einen eigenen Ordner, zum Beispiel QUELLE/public."
        case .foreignFolder(let path):
            "Der Zielordner \(path) ist nicht leer und wurde nicht von vcc erzeugt; vcc ersetzt den Zielordner beim Bauen als Ganzes. "
                + "Nichts wurde verändert. Löschen Sie den Ordner selbst, wenn er weg kann, oder wählen Sie mit --output einen anderen."
        case .notAFolder(let path):
            "Der Zielordner \(path) ist eine Datei. Nichts wurde verändert. Wählen Sie mit --output einen Ordner."
        case .busy(let path):
            "Ein anderer vcc-Build schreibt gerade nach \(path). Nichts wurde verändert. Warten Sie, bis er fertig ist, und bauen Sie dann erneut."
        }
    }
}
