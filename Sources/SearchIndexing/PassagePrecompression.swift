import Foundation
public import SiteModel
import ParallelSteps

/// Cuts and compresses the passages of search documents while the pages are still being rendered,
/// in the cores' spare time, so that less of the search index's compression is left for its turn.
///
/// The page renderers hand over each page's search document as soon as it is made (``add(_:)``);
/// threads at the lowest priority (see ``SpareTimeTask``) cut its passages and compress their
/// later blocks whenever a core would otherwise be idle: cmark's one-page-at-a-time inline phase,
/// the last pages, the site lists and catalogues written on one core. The index builder takes what
/// is ready (``finish()``) and does the rest itself; the work is a pure function of each document,
/// so the index is the same whichever part was done early.
public final class PassagePrecompression: @unchecked Sendable {
    /// One document's passages and their compressed later blocks.
    ///
    /// The blocks are kept end to end in one array of their exact size: held as an array each,
    /// with the room the compressor reserved, the largest laws' blocks took five times their bytes
    /// (measured: 75 MB more peak memory on the laws instead of 15).
    struct Prepared: @unchecked Sendable {
        var passages: Passages
        private var laterBytes: [UInt8] = []
        private var laterLengths: [Int] = []

        init(passages: Passages, laterBlocks: [[UInt8]]) {
            self.passages = passages
            laterBytes.reserveCapacity(laterBlocks.reduce(0) { $0 + $1.count })
            for block in laterBlocks {
                laterBytes += block
                laterLengths.append(block.count)
            }
        }

        /// The compressed later blocks, each its own array again.
        var laterBlocks: [[UInt8]] {
            var start = 0
            return laterLengths.map { length in
                defer { start += length }
                return Array(laterBytes[start..<start + length])
            }
        }
    }

    private let condition = NSCondition()
    // All guarded by `condition`.
    private var waiting: [SearchDocument] = []
    private var next = 0
    private var working = 0
    private var closed = false
    private var prepared: [URLPath: Prepared] = [:]

    /// Starts `threads` spare-time threads (one per core when nil).
    public init(threads: Int? = nil) {
        for _ in 0..<max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) {
            let thread = Thread { [self] in
                SpareTimeTask<Int>.lowerPriorityOfThisThread()
                work()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues a page's search document (from any thread).
    public func add(_ document: SearchDocument) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return }
        waiting.append(document)
        condition.signal()
    }

    /// Stops taking up documents, waits for those in hand and returns what is ready, by URL.
    func finish() -> [URLPath: Prepared] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while working > 0 { condition.wait() }
        waiting = []
        let ready = prepared
        prepared = [:]
        return ready
    }

    /// Stops the threads and drops what they made (a build that ends before its search index).
    public func cancel() { _ = finish() }

    private func work() {
        while true {
            condition.lock()
            while next == waiting.count && !closed { condition.wait() }
            if closed {
                condition.unlock()
                return
            }
            let document = waiting[next]
            next += 1
            working += 1
            condition.unlock()
            let passages = Passages(document)
            let ready = Prepared(passages: passages, laterBlocks: RecordWriter.laterBlocks(of: passages))
            condition.lock()
            prepared[document.url] = ready
            working -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
