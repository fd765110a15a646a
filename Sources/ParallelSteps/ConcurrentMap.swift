import Foundation

extension Array where Element: Sendable {
    /// Maps every element on all cores and returns the results in the original order.
    ///
    /// Order is kept so that the build stays deterministic however the work was scheduled.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            // Small chunks balance pages of very different sizes (laws run from 1 KB to 3 MB); a few
            // elements per chunk still keep the scheduling overhead small for cheap transforms.
            let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 256))
            let chunks = (count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let end = Swift.min(count, (c + 1) * chunk)
                for i in (c * chunk)..<end { slots.store(transform(input[i]), at: i) }
            }
        }
        return slots.values()
    }
}

/// Fixed slots that threads fill at distinct indices; read once all are done.
private final class ResultSlots<T>: @unchecked Sendable {
    // Each index is written by exactly one thread and read only after concurrentPerform returns,
    // so no lock is needed: concurrentPerform's completion orders the writes before the reads.
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    func values() -> [T] { (0..<count).map { buffer[$0]! } }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }
}

extension Array where Element: Sendable {
    /// Like ``concurrentMap(_:)``, but on `threads` threads of its own, which may be more than there
    /// are cores: for work that sometimes waits for a lock (cmark-gfm's inline parsing runs one page
    /// at a time), so that a core whose thread waits takes another thread's page meanwhile.
    ///
    /// `order`, when given, is the order in which the elements are taken up (a permutation of the
    /// indices); the results still come in the array's order. Largest work first keeps a big element
    /// from being the last one, with one core busy and the others idle.
    public func concurrentMap<T: Sendable>(threads: Int, order: [Int]? = nil, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        guard count > 1, threads > 1 else { return map(transform) }
        precondition(order.map { $0.count == count } ?? true, "order must name every index once")
        let slots = ResultSlots<T>(count: count)
        let next = NextIndex()
        let done = DispatchGroup()
        let input = self
        for _ in 0..<Swift.min(threads, count) {
            done.enter()
            let thread = Thread {
                while let position = next.take(below: input.count) {
                    let index = order?[position] ?? position
                    slots.store(transform(input[index]), at: index)
                }
                done.leave()
            }
            thread.stackSize = 8 << 20  // As much as the main thread: cmark and Mustache recurse on deep documents.
            thread.start()
        }
        done.wait()
        return slots.values()
    }
}

/// Hands out indices 0, 1, 2, … to several threads.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
