import Foundation

/// Values a one-shot command no longer needs but does not free, because the process ends right
/// after it: the kernel takes a process's memory back in one go, while freeing a large build's
/// model object by object (every document's text and sections, every page's anchors and links in
/// the ledger) ran on one core at the very end of a build, with nothing left to run beside it.
/// (The search index's state is freed as before: kept, it raised the peak memory by 50 MiB, as the
/// last steps then took new memory instead of reusing its.)
///
/// Off unless the command line turned it on for a command that exits when done (`vcc build`):
/// the preview server and the tests build many times in one process and must free each build.
public enum ProcessExit {
    private final class Kept: @unchecked Sendable {
        let lock = NSLock()
        var isOn = false
        var values: [Any] = []
    }

    private static let kept = Kept()

    /// Turns keeping on for the rest of the process; only for a process that ends after its command.
    public static func endsAfterThisCommand() {
        kept.lock.withLock { kept.isOn = true }
    }

    /// Keeps `value` alive until the process ends when keeping is on; otherwise does nothing (and
    /// the value is freed as usual when its last owner lets go).
    public static func keep(_ value: Any) {
        kept.lock.withLock {
            if kept.isOn { kept.values.append(value) }
        }
    }
}
