#if canImport(Glibc)
import Foundation
import Glibc

/// Learns about saved files from the Linux kernel (inotify) instead of polling: a save reaches the
/// preview within a millisecond, and an idle preview costs no CPU.
///
/// Watches the project folder (for `site.yml`) and every folder under `content/` and `templates/`,
/// adding folders as they appear. A file counts as changed when it is closed after writing, moved
/// in, or deleted, so a half-written file is never read.
final class InotifyWatcher: @unchecked Sendable {
    private let root: String
    private let descriptor: Int32
    /// Watch descriptor → folder relative to the project ("" for the project folder itself).
    private var folders: [Int32: String] = [:]

    private static let fileEvents = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)

    /// Nil when inotify is not available or the kernel's watch limit is too low for the project.
    init?(root: String) {
        self.root = root
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        guard add("") else {
            close(descriptor)
            return nil
        }
        for top in ["content", "templates"] where !addTree(top) {
            close(descriptor)
            return nil
        }
    }

    /// Reads events on a thread of its own and calls `onChange` with the changed paths (relative to
    /// the project), batching the events that arrive within a few milliseconds of each other.
    func watch(_ onChange: @escaping @Sendable ([String]) -> Void) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                var changed = Set<String>()
                guard read(into: &buffer, changed: &changed, wait: -1) else { return }
                // An editor's save can be several events (write, rename, attributes): take them together.
                while read(into: &buffer, changed: &changed, wait: 3) {}
                if !changed.isEmpty { onChange(changed.sorted()) }
            }
        }
    }

    /// Waits up to `wait` ms (-1: forever) for events and collects them; false on timeout or error.
    private func read(into buffer: inout [UInt8], changed: inout Set<String>, wait: Int32) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, wait)
        if ready < 0 && errno == EINTR { return true }
        guard ready > 0 else { return false }
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + headerSize
                let nameBytes = bytes[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                offset = nameStart + Int(event.len)
                note(event, name: String(decoding: nameBytes, as: UTF8.self), changed: &changed)
            }
        }
        return true
    }

    private func note(_ event: inotify_event, name: String, changed: inout Set<String>) {
        if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil; return }
        guard let folder = folders[event.wd], !name.isEmpty, !name.hasPrefix(".") else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if folder.isEmpty {
            // In the project folder only site.yml and the two source folders matter.
            if name == "content" || name == "templates" {
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = addTree(name) }
                changed.insert(path)
            } else if name == "site.yml", event.mask & UInt32(IN_CREATE) == 0 {
                changed.insert(path)
            }
            return
        }
        if event.mask & UInt32(IN_ISDIR) != 0 {
            if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = addTree(path) }
            changed.insert(path)
        } else if event.mask & UInt32(IN_CREATE) == 0 {
            // A created file is reported when it is closed after writing (IN_CLOSE_WRITE).
            changed.insert(path)
        }
    }

    private func add(_ folder: String) -> Bool {
        let mask = Self.fileEvents | UInt32(IN_ONLYDIR)
        let watch = inotify_add_watch(descriptor, folder.isEmpty ? root : root + "/" + folder, mask)
        guard watch >= 0 else { return errno == ENOENT }  // A folder that is not there is fine.
        folders[watch] = folder
        return true
    }

    /// Watches `folder` and every folder below it.
    private func addTree(_ folder: String) -> Bool {
        guard add(folder) else { return false }
        return SourceWatcher.visibleEntries(of: root + "/" + folder).filter(\.isFolder)
            .allSatisfy { addTree(folder + "/" + $0.name) }
    }
}
#endif
