import Foundation

/// Which folders vcc may fill with a site.
///
/// A build replaces its output folder as a whole, so pointing `--output` at the wrong folder
/// would delete whatever was there. vcc therefore replaces only a folder it made itself (see
/// ``OutputMarker``) and refuses, before touching anything, every folder that holds the project
/// or the user's files.
public enum OutputFolderPolicy {
    /// Why `output` must not be used, or nil when it may. Paths are absolute with symbolic links
    /// resolved (see ``resolvedPath(_:)``); `source` is the project folder of the build.
    public static func refusal(forOutput output: String, source: String?, home: String?) -> SiteWriterError? {
        if let label = systemFolderLabel(output, home: nil) { return .protectedFolder(output, label) }
        if let home, !home.isEmpty, home != "/", output == home || isInside(home, output) {
            return .protectedFolder(output, "Ihr Benutzerordner oder ein Ordner, der ihn enthält")
        }
        if let source {
            if output == source || isInside(source, output) {
                return .protectedFolder(output, "der Projektordner oder ein Ordner, der ihn enthält")
            }
            if output == source + "/site.yml" {
                return .protectedFolder(output, "die Einstellungsdatei der Website (site.yml)")
            }
            for (name, label) in [("content", "content/"), ("templates", "templates/")] {
                let folder = source + "/" + name
                if output == folder || isInside(output, folder) {
                    return .protectedFolder(output, "ein Ordner mit Quellen der Website (\(label))")
                }
            }
        }
        switch FileSystemCalls.kind(of: output) {
        case nil:
            return nil
        case .folder:
            let names = FileSystemCalls.names(in: output) ?? []
            return names.isEmpty || OutputMarker.isPresent(in: output) ? nil : .foreignFolder(output)
        case .file, .symbolicLink, .other:
            return .notAFolder(output)
        }
    }

    /// What `folder` is when vcc must never fill it: the system's root, one of the system's own
    /// folders (`/etc`, `/usr`, `/var`, …; inside those that hold only programs and settings, such
    /// as `/etc` or `/usr/bin`, also every folder below), or the user's home folder itself; nil for
    /// any other folder. `folder` and `home` are absolute with links resolved. `vcc build --output`
    /// and `vcc init` both refuse these.
    public static func systemFolderLabel(_ folder: String, home: String?) -> String? {
        if folder == "/" { return "das Wurzelverzeichnis des Systems" }
        if let home, !home.isEmpty, folder == home { return "Ihr Benutzerordner" }
        // /dev/shm is memory for anyone's files (benchmarks and CI build there); /dev itself is not.
        if isInside(folder, "/dev/shm") { return nil }
        if systemFolders.contains(folder) || folder == "/dev/shm" || systemOnlyTrees.contains(where: { isInside(folder, $0) }) {
            return "ein Ordner des Systems"
        }
        return nil
    }

    /// The system's own folders (Filesystem Hierarchy Standard); a site may live below most of them.
    static let systemFolders: Set<String> = [
        "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt", "/opt", "/proc",
        "/root", "/run", "/sbin", "/snap", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib64",
        "/usr/local", "/usr/sbin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/tmp",
    ]

    /// Folders that hold only programs, devices and settings: no site belongs anywhere below them.
    static let systemOnlyTrees = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys",
                                  "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib64", "/usr/sbin"]

    /// `path` made absolute, with every symbolic link resolved, also when its last parts do not exist yet.
    public static func resolvedPath(_ path: String) -> String { FileSystemCalls.resolved(path) }

    /// Whether `path` lies strictly inside `folder`.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/") && path != folder
    }
}

/// The proof that a folder is a site vcc wrote: a marker file vcc puts into every output.
public enum OutputMarker {
    /// The marker's file name in the output folder (deployed with the site; it is harmless there).
    public static let fileName = ".vcc-ausgabe"
    static let text = """
        Dieser Ordner ist eine von vcc erzeugte Website. vcc ersetzt ihn beim nächsten Build als Ganzes;
        legen Sie hier keine eigenen Dateien ab.

        """

    /// Whether `folder` was written by vcc: it has the marker, or (sites built before the marker
    /// existed) the search index that only vcc writes.
    static func isPresent(in folder: String) -> Bool {
        if FileSystemCalls.kind(of: folder + "/" + fileName) == .file { return true }
        guard let handle = FileHandle(forReadingAtPath: folder + "/suche/index/manifest.json") else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 40)) ?? Data()
        return String(decoding: start, as: UTF8.self).hasPrefix("{\"format\":\"vcc-search/")
    }
}
