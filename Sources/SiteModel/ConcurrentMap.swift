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
