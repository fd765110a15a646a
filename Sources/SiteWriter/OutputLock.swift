import Foundation
import Glibc

/// An exclusive lock on one output folder, held for the whole build.
///
/// Two builds into one folder at once would each stage, swap and clean up beside the other; with
/// the lock the second one stops at once with a clear message instead. The lock is `flock(2)` on
/// a small file beside the output folder (`.public.vcc-sperre`), so the kernel releases it when a
/// build ends in any way, even killed; the file itself stays, because deleting a lock file while
/// another process opens it would let two builds hold "the" lock.
final class OutputLock {
    private let descriptor: Int32

    /// Takes the lock, or throws ``SiteWriterError/busy(_:)`` when another build holds it.
    init(outputFolder: String) throws {
        let url = URL(fileURLWithPath: outputFolder)
        let path = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".vcc-sperre"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteWriterError.writeFailed(path, errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw SiteWriterError.busy(outputFolder) }
            throw SiteWriterError.writeFailed(path, code)
        }
        self.descriptor = descriptor
    }

    deinit {
        // Unlock explicitly: a child process started meanwhile (the background `rm`) shares the open
        // file until it execs, and closing only this descriptor would leave the lock held.
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
