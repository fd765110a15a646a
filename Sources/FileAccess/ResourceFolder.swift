import Foundation
import SiteModel

/// Where a module's resources (the theme, the search client) are on disk.
///
/// A build from source finds them beside the executable or in the build folder (SwiftPM's
/// `Bundle.module`). The single-file binary of `make dist` carries them appended to itself
/// (see scripts/append-resources.py) and unpacks them once into a cache folder (`$XDG_CACHE_HOME/vcc`,
/// `~/.cache/vcc`, else a private `$TMPDIR/vcc-<uid>`), so staff can copy one file and run it.
public enum ResourceFolder {
    /// The resource folder of `bundle` (`vcc_Templating`): beside the executable, else from the
    /// binary's own payload, else what `fallback` (the module's `Bundle.module`) says.
    public static func path(bundle: String, fallback: () -> String?) -> String? {
        let beside = executableFolder.map { $0 + "/" + bundle + ".resources" }
        if let beside, FileManager.default.fileExists(atPath: beside) { return beside }
        if let unpacked = unpackedPayload, FileManager.default.fileExists(atPath: unpacked + "/" + bundle + ".resources") {
            return unpacked + "/" + bundle + ".resources"
        }
        return fallback()
    }

    private static var executableFolder: String? { executablePath.map { ($0 as NSString).deletingLastPathComponent } }

    /// The running binary: /proc/self/exe, or where argv[0] points (a chroot may have no /proc).
    private static var executablePath: String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let name = CommandLine.arguments.first ?? ""
        if name.contains("/") { return URL(fileURLWithPath: name).standardizedFileURL.resolvingSymlinksInPath().path }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
            .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }

    /// The trailer `append-resources.py` writes after the payload: magic, then the payload's length.
    static let magic = Array("VCCRES01".utf8)

    /// The folder the payload was unpacked to, or nil when the executable carries none.
    private static let unpackedPayload: String? = {
        guard let path = executablePath, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 16 else { return nil }
        try? handle.seek(toOffset: size - 16)
        guard let trailer = try? handle.read(upToCount: 16), trailer.count == 16, Array(trailer.prefix(8)) == magic else { return nil }
        let length = trailer.suffix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length > 0, length <= size - 16 else { return nil }
        try? handle.seek(toOffset: size - 16 - length)
        guard let payload = (try? handle.read(upToCount: Int(length))).map(Array.init), payload.count == Int(length) else { return nil }
        let name = "resources-" + ContentFingerprint.hex(ContentFingerprint.of(payload))
        // A CI runner or container may have no HOME, or one vcc cannot write (`HOME=/`): then the
        // next place is tried, last a temporary folder of this user's own.
        let environment = ProcessInfo.processInfo.environment
        let places: [() -> String?] = [
            { environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 + "/vcc" } },
            { environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.cache/vcc" } },
            ResourceFolder.privateTemporaryFolder,
        ]
        for place in places {
            guard let folder = place() else { continue }
            let target = folder + "/" + name
            if FileManager.default.fileExists(atPath: target) { return target }
            if let unpacked = unpack(payload, into: target) { return unpacked }
        }
        return nil
    }()

    /// `$TMPDIR/vcc-<uid>` (else /tmp), created with mode 0700; nil unless it is a real folder that
    /// belongs to this user and nobody else may enter (another user could have planted it).
    private static func privateTemporaryFolder() -> String? {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("vcc-\(getuid())")
        _ = mkdir(folder, 0o700)
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            return nil
        }
        return folder
    }

    /// Entries: path length (UInt32 LE), path, data length (UInt64 LE), data. Unpacked into a fresh
    /// folder and renamed into place, so a second vcc running at the same time never sees half.
    private static func unpack(_ payload: [UInt8], into target: String) -> String? {
        let staging = target + ".neu-" + String(ProcessInfo.processInfo.processIdentifier)
        var offset = 0
        func integer(_ width: Int) -> Int? {
            guard offset + width <= payload.count else { return nil }
            defer { offset += width }
            return (0..<width).reduce(0) { $0 | Int(payload[offset + $1]) << (8 * $1) }
        }
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            while offset < payload.count {
                guard let pathLength = integer(4), offset + pathLength <= payload.count else { return nil }
                let path = String(decoding: payload[offset..<offset + pathLength], as: UTF8.self)
                offset += pathLength
                guard !path.hasPrefix("/"), !path.split(separator: "/").contains(".."),
                      let dataLength = integer(8), offset + dataLength <= payload.count else { return nil }
                let url = URL(fileURLWithPath: staging + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(payload[offset..<offset + dataLength]).write(to: url)
                offset += dataLength
            }
            if rename(staging, target) != 0 { try? FileManager.default.removeItem(atPath: staging) }
            return FileManager.default.fileExists(atPath: target) ? target : nil
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            return nil
        }
    }
}
