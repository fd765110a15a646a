import Foundation
import Glibc
import SiteModel
import FileAccess

/// Notices changed files under `content/` and `templates/` and `site.yml`.
///
/// On Linux the kernel reports saves (``InotifyWatcher``). Where that is not available this polls
/// modification times: stat of every known file every ``interval`` (7 ms for the 6,636 laws), and a
/// full walk for new and removed files every ``rescanEvery`` polls.
final class SourceWatcher: @unchecked Sendable {
    /// How often known files are checked, in milliseconds.
    static let interval = 15
    /// Every so many polls the folders are walked again for added and removed files.
    static let rescanEvery = 20

    private let root: String
    private var known: [String: (seconds: Int, nanoseconds: Int, size: Int)] = [:]
    #if canImport(Glibc)
    private let kernelWatcher: InotifyWatcher?
    #endif

    init(root: String) {
        self.root = root
        #if canImport(Glibc)
        kernelWatcher = InotifyWatcher(root: root)
        if kernelWatcher != nil { return }
        #endif
        known = scan()
    }

    /// How changes are noticed, for the start message.
    var method: String {
        #if canImport(Glibc)
        if kernelWatcher != nil { return "inotify" }
        #endif
        return "Abfrage alle \(Self.interval) ms"
    }

    /// Calls `onChange` with the changed paths (relative to the project) until the process ends.
    func watch(_ onChange: @escaping @Sendable ([String]) -> Void) {
        #if canImport(Glibc)
        if let kernelWatcher { return kernelWatcher.watch(onChange) }
        #endif
        Thread.detachNewThread { [self] in
            var polls = 0
            while true {
                usleep(useconds_t(Self.interval * 1000))
                polls += 1
                let changed = polls % Self.rescanEvery == 0 ? rescan() : check()
                if !changed.isEmpty { onChange(changed.sorted()) }
            }
        }
    }

    private func check() -> [String] {
        var changed: [String] = []
        for (path, stamp) in known {
            let now = Self.stamp(root + "/" + path)
            if now == nil || now! != stamp {
                changed.append(path)
                if let now { known[path] = now } else { known[path] = nil }
            }
        }
        return changed
    }

    private func rescan() -> [String] {
        let fresh = scan()
        var changed = Set(fresh.keys).symmetricDifference(known.keys)
        for (path, stamp) in fresh where known[path].map({ $0 != stamp }) ?? false { changed.insert(path) }
        known = fresh
        return Array(changed)
    }

    private func scan() -> [String: (seconds: Int, nanoseconds: Int, size: Int)] {
        var result: [String: (Int, Int, Int)] = [:]
        func walk(_ relative: String) {
            for (name, isFolder) in Self.visibleEntries(of: root + "/" + relative) {
                let child = relative + "/" + name
                if isFolder { walk(child) } else if let stamp = Self.stamp(root + "/" + child) { result[child] = stamp }
            }
        }
        walk("content")
        walk("templates")
        if let stamp = Self.stamp(root + "/site.yml") { result["site.yml"] = stamp }
        return result
    }

    /// The names in a folder that do not start with a dot, and whether each is a folder.
    static func visibleEntries(of path: String) -> [(name: String, isFolder: Bool)] {
        (FolderListing.entries(of: path) ?? []).filter { !$0.name.hasPrefix(".") }.map { ($0.name, $0.kind == .folder) }
    }

    private static func stamp(_ path: String) -> (seconds: Int, nanoseconds: Int, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_size))
    }
}
