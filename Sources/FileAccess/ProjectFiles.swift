#if canImport(Glibc)
import Glibc
#endif

/// The one way vcc reads a file of the project for the output: `site.yml`, the logo, templates,
/// Markdown, attachments and images.
///
/// A file is read only when its real path (every symbolic link resolved) lies inside the project
/// folder, outside its hidden folders (`.git/` holds CI tokens in its config, `.env` secrets), and
/// it is a regular file. So a committed link `logo.svg -> /proc/self/environ`, a link into a
/// linked folder, a FIFO that would block the build or a device are refused with a reason instead
/// of being published. The check is made again on the opened descriptor, so a file swapped for a
/// link between the check and the read (the preview watches files while editors replace them) is
/// refused too.
public struct ProjectFiles: Sendable {
    /// The project folder with every link resolved.
    public let root: String

    /// The project at `root` (resolved once; kept as given when it cannot be resolved).
    public init(root: String) {
        self.root = Self.realPath(root) ?? root
    }

    /// The contents of `relativePath` (below the project folder), or why it is not read.
    public func read(_ relativePath: String, maximumBytes: Int = Int.max) -> Result<[UInt8], ProjectFileProblem> {
        let path = root + "/" + relativePath
        switch placement(of: path) {
        case .failure(let problem): return .failure(problem)
        case .success(let resolved):
            let descriptor = open(resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { return .failure(errno == ELOOP ? .changedWhileReading : .unreadable) }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable) }
            guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegularFile(Self.kindName(info.st_mode))) }
            guard isStillInside(descriptor, resolved: resolved, info: info, path: path) else { return .failure(.changedWhileReading) }
            guard Int(info.st_size) <= maximumBytes else { return .failure(.tooLarge(Int(info.st_size))) }
            return Self.readAll(descriptor, expectedSize: Int(info.st_size), maximumBytes: maximumBytes)
        }
    }

    /// The contents of `relativePath`, for files the loader has already accepted; a file that
    /// changed into something else since (a link, a FIFO) throws, naming the file.
    public func contents(of relativePath: String) throws -> [UInt8] {
        switch read(relativePath) {
        case .success(let bytes): return bytes
        case .failure(let problem): throw ProjectFileError(path: relativePath, problem: problem)
        }
    }

    /// Why the entry at `relativePath` (a link or special file met while listing a folder) is not
    /// read, or nil when it may be: a link whose target is a regular file or folder inside the project.
    public func problem(with relativePath: String) -> ProjectFileProblem? {
        switch placement(of: root + "/" + relativePath) {
        case .failure(let problem): return problem
        case .success(let resolved):
            guard let info = Self.status(resolved) else { return .missing }
            let kind = info.st_mode & S_IFMT
            return kind == S_IFREG || kind == S_IFDIR ? nil : .notRegularFile(Self.kindName(info.st_mode))
        }
    }

    /// The real path of `relativePath` when it lies inside the project (for loop checks while listing).
    public func resolvedPath(of relativePath: String) -> String? {
        try? placement(of: root + "/" + relativePath).get()
    }

    /// Where a walk that stands in the real folder `here` goes with the link at `relativePath`
    /// (already checked with ``problem(with:)``). A link back up (`loop -> ..`) or to a folder
    /// reached through a link before is not followed: two links `a -> .` and `b -> .` would
    /// otherwise make the walk exponential. `followed` collects the folders entered through links.
    public func linkedFolder(at relativePath: String, from here: String, followed: inout Set<String>) -> LinkedFolder {
        guard let target = resolvedPath(of: relativePath), FolderListing.entries(of: target) != nil else { return .notAFolder }
        guard here != target, !here.hasPrefix(target + "/"), followed.insert(target).inserted else { return .circular(target) }
        return .follow(target)
    }

    /// What a link met while walking a folder leads to.
    public enum LinkedFolder: Equatable {
        /// A file (or nothing a walk enters).
        case notAFolder
        /// A folder to walk, by its real path.
        case follow(String)
        /// A folder that holds the walk's own folder or was entered before: not followed.
        case circular(String)
    }

    /// Whether the opened file is one a path inside the project names. The kernel says where the
    /// descriptor really leads (`/proc/self/fd/N`), which also catches a folder of the path swapped
    /// for a link between `realpath` and `open`; without /proc the path is resolved again and the
    /// file's device and inode compared.
    private func isStillInside(_ descriptor: Int32, resolved: String, info: stat, path: String) -> Bool {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        if length > 0 {
            let opened = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return opened == resolved
        }
        guard case .success(let again) = placement(of: path), again == resolved, let now = Self.status(again) else { return false }
        return now.st_dev == info.st_dev && now.st_ino == info.st_ino
    }

    /// `path` with every link resolved, when that lies inside the project and outside its hidden entries.
    private func placement(of path: String) -> Result<String, ProjectFileProblem> {
        guard let resolved = Self.realPath(path) else {
            var info = stat()
            return .failure(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK ? .danglingLink : .missing)
        }
        guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else { return .failure(.outsideProject(resolved)) }
        let inside = resolved.dropFirst(root.count)
        if inside.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return .failure(.hidden(String(inside.dropFirst()))) }
        return .success(resolved)
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    private static func readAll(_ descriptor: Int32, expectedSize: Int, maximumBytes: Int) -> Result<[UInt8], ProjectFileProblem> {
        // Straight into the array, for a file of the size `fstat` reported: one byte more than that
        // shows the end (a read of 0) without another round. A build reads every Markdown file this
        // way; a zeroed chunk copied into a growing array cost two more passes over all the text.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expectedSize + 1) { buffer, initialized in
            var filled = 0
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if failed { return .failure(.unreadable) }
        if bytes.count > maximumBytes { return .failure(.tooLarge(bytes.count)) }
        if bytes.count <= expectedSize { return .success(bytes) }
        // Longer than its size said (it grows while read, or a proc file reporting 0): the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable)
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            // A file that grows while it is read (or a proc file reporting size 0) stays bounded.
            if bytes.count > maximumBytes { return .failure(.tooLarge(bytes.count)) }
        }
    }

    private static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "ein Ordner"
        case S_IFIFO: "eine Pipe (FIFO)"
        case S_IFSOCK: "ein Socket"
        case S_IFCHR, S_IFBLK: "eine Gerätedatei"
        default: "keine gewöhnliche Datei"
        }
    }
}
