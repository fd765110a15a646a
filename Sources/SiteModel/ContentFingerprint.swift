import Foundation

/// A 64-bit fingerprint of bytes, for URLs that change whenever the bytes behind them change
/// (cache busting), not for security.
///
/// Reads eight bytes per step (an FNV-style multiply on whole words, then a SplitMix64 finish),
/// so fingerprinting a large site's search index costs a fraction of writing it.
public enum ContentFingerprint {
    /// The fingerprint of `bytes`, different for different `seed`s.
    public static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        let prime: UInt64 = 0x0000_0100_0000_01B3
        bytes.withUnsafeBytes { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                hash = (hash ^ buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* prime
                hash ^= hash >> 29
                index += 8
            }
            while index < buffer.count {
                hash = (hash ^ UInt64(buffer[index])) &* prime
                index += 1
            }
        }
        return finish(hash ^ UInt64(bytes.count))
    }

    /// SplitMix64's finaliser: every input bit affects every output bit.
    public static func finish(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Sixteen lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The fingerprint of a set of files, each added once, from any thread and in any order.
public final class FileSetFingerprint: @unchecked Sendable {
    private let lock = NSLock()
    private var sum: UInt64 = 0
    private var count: UInt64 = 0

    public init() {}

    /// Adds one file: its path and its bytes.
    public func add(path: String, contents: [UInt8]) {
        let file = ContentFingerprint.of(contents, seed: ContentFingerprint.of(Array(path.utf8)))
        lock.withLock {
            sum &+= file  // A sum does not depend on the order in which threads add files.
            count += 1
        }
    }

    /// Sixteen hex digits naming the whole set.
    public var hex: String {
        lock.withLock { ContentFingerprint.hex(ContentFingerprint.finish(sum ^ (count &* 0x9E37_79B9_7F4A_7C15))) }
    }
}
