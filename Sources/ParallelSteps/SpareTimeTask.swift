import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work that should take only the cores the rest of a build leaves idle, started now and waited
/// for later.
///
/// Its thread, and every thread it starts, runs at the lowest scheduling priority (nice 19; on
/// Linux the nice value belongs to the thread, and new threads inherit it). While the build's
/// other steps keep every core busy it barely runs; when they leave a core idle (a step's serial
/// part, a core waiting for the disk) it takes that core, so less of it remains at the end. The
/// search index compresses all of a site's text this way beside its word counting, stemming and
/// postings, whose serial parts used to leave about a tenth of the cores idle.
public final class SpareTimeTask<T: Sendable>: Sendable {
    /// A ``ConcurrentTask`` whose thread lowers its own priority first.
    private let task: ConcurrentTask<T>

    /// Starts `work` on a thread of its own.
    public init(_ work: @escaping @Sendable () -> T) {
        task = ConcurrentTask {
            Self.lowerPriorityOfThisThread()
            return work()
        }
    }

    /// Waits for the work to finish and returns its result.
    public func wait() -> T { task.wait() }

    /// Gives the calling thread the lowest priority (it cannot be raised again without privileges,
    /// so this is only for threads that end with their work).
    public static func lowerPriorityOfThisThread() {
        #if os(Linux)
        // `who` 0 with PRIO_PROCESS means the calling thread on Linux, not the whole process.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }
}
