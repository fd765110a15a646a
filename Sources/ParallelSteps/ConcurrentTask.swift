import Foundation

/// Work started now on a thread of its own, at normal priority, and waited for later: for two
/// serial steps that do not depend on each other, so that each takes one core.
///
/// Unlike ``SpareTimeTask``, which only takes cores the build leaves idle, this competes for cores
/// like the calling thread: use it when the caller would otherwise leave a core idle.
public final class ConcurrentTask<T: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written by the task's thread before `done.leave()`, read only after `done.wait()`.
    private var result: T?

    /// Starts `work` on a thread of its own.
    public init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        let thread = Thread { [self] in
            result = work()
            done.leave()
        }
        thread.stackSize = 8 << 20  // As much as the main thread: Mustache and cmark recurse on deep input.
        thread.start()
    }

    /// Waits for the work to finish and returns its result.
    public func wait() -> T {
        done.wait()
        return result!
    }
}
