import Foundation
import ParallelSteps
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The search index compresses a site's text in a ``SpareTimeTask``; it only fills idle cores if its
/// threads really run at the lowest priority while the caller's stay as they were.
@Suite("Spare-time work")
struct SpareTimeTaskTests {
    static func niceValueOfThisThread() -> Int32 {
        #if os(Linux)
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
        return 19
        #endif
    }

    @Test("the work and the threads it starts run at nice 19; the caller keeps its priority; the result comes back")
    func lowPriority() {
        let before = Self.niceValueOfThisThread()
        let task = SpareTimeTask { () -> [Int32] in
            let own = Self.niceValueOfThisThread()
            let workers = Array(0..<8).concurrentMap(threads: 2) { _ in Self.niceValueOfThisThread() }
            return [own] + workers
        }
        let values = task.wait()
        #expect(values == Array(repeating: 19, count: 9))
        #expect(Self.niceValueOfThisThread() == before)
    }

    @Test("an error thrown by the work reaches the caller")
    func errors() {
        struct Failure: Error {}
        let task = SpareTimeTask { Result<Int, any Error> { throw Failure() } }
        #expect(throws: Failure.self) { try task.wait().get() }
    }
}
