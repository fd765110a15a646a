import Foundation
@testable import RawDeflate
import Testing

/// Deflate and Inflate against each other, on text, on bytes without structure and on damaged input.
@Suite("Raw DEFLATE")
struct RawDeflateTests {
    /// A fixed pseudo-random byte sequence (no structure to find).
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    static let text = Array(String(repeating: "Die Gemeinde erlässt den Bescheid nach § 35 Absatz 2 der Verordnung über Anträge. ", count: 40).utf8)

    @Test("every input comes back unchanged, at both efforts", arguments: [0, 1, 2, 3, 4, 7, 100, 2_000, 70_000])
    func roundTrip(size: Int) throws {
        let inputs = [Array(Self.text.prefix(size)), Self.noise(size, seed: UInt64(size)),
                      [UInt8](repeating: 0x41, count: size), Array((Self.text + Self.noise(size, seed: 9)).prefix(size))]
        for input in inputs {
            for effort in [Deflate.Effort.thorough, .fast] {
                let compressed = Deflate.compress(input, effort: effort)
                #expect(Inflate.decompress(compressed) == input, "\(size) bytes, \(effort)")
            }
        }
    }

    @Test("text shrinks; the fast effort stays within a tenth of the thorough one")
    func ratio() {
        let thorough = Deflate.compress(Self.text, effort: .thorough).count
        let fast = Deflate.compress(Self.text, effort: .fast).count
        #expect(thorough < Self.text.count / 5)
        #expect(Double(fast) <= Double(thorough) * 1.1 + 16, "fast \(fast) thorough \(thorough)")
    }

    @Test("the distance table gives the symbol of every distance, as the search over the bases does")
    func distanceTable() {
        for distance in 1...32768 {
            let searched = DeflateSymbols.distanceBase.lastIndex { $0 <= distance }!
            #expect(DeflateSymbols.distanceSymbol(distance) == searched)
            let code = DeflateSymbols.distanceCodes[distance - 1]
            #expect(Int(code & 0xFF) == searched && Int(code >> 12) == distance - DeflateSymbols.distanceBase[searched])
        }
    }

    @Test("damaged input gives nil, never a crash or a hang; the output limit holds")
    func damaged() {
        let compressed = Deflate.compress(Self.text)
        var rejected = 0
        for position in stride(from: 0, to: compressed.count, by: 3) {
            for flip: UInt8 in [0x01, 0x10, 0xFF] {
                var broken = compressed
                broken[position] ^= flip
                // Either it is rejected or it decodes to something; it must return.
                if Inflate.decompress(broken, limit: 1 << 20) == nil { rejected += 1 }
            }
        }
        #expect(rejected > 0)
        for cut in [0, 1, compressed.count / 2, compressed.count - 1] {
            #expect(Inflate.decompress(Array(compressed.prefix(cut))) == nil, "cut at \(cut)")
        }
        for seed in 0..<200 {
            _ = Inflate.decompress(Self.noise(64 + seed, seed: UInt64(seed)), limit: 1 << 16)
        }
        #expect(Inflate.decompress(compressed, limit: 100) == nil, "more than the limit")
        #expect(Inflate.decompress([0x07]) == nil, "block type 3 is invalid")
    }

    /// The compressed bytes of a fixed mix of inputs, as a hash: the matcher and the block writer
    /// were rewritten for speed with the rule that the search index stays byte-identical, and this
    /// holds them to the output of the first implementation.
    @Test("compressed output is the same as before the matcher's rewrite, at both efforts")
    func unchangedOutput() {
        var hashes: [String] = []
        for effort in [Deflate.Effort.thorough, .fast] {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for size in [0, 1, 3, 5, 100, 2_000, 9_000, 70_000] {
                let inputs = [Array(Self.text.prefix(size)), Self.noise(size, seed: UInt64(size)),
                              Array((Self.text + Self.noise(size, seed: 9) + Self.text).prefix(size)),
                              Array(repeating: Array("abcabcabd".utf8), count: size / 9 + 1).flatMap { $0 }.prefix(size).map { $0 }]
                for input in inputs {
                    for byte in Deflate.compress(input, effort: effort) + [0xFF] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                }
            }
            hashes.append(String(hash, radix: 16))
        }
        #expect(hashes == ["aa9697f312e7c376", "570ac74025ad1ac1"])
    }

    /// Inputs of both table sizes, text and noise, which leave many entries in the hash heads.
    static let sequence: [[UInt8]] = [text, noise(5_000, seed: 1), Array(text.prefix(7_000)), noise(40_000, seed: 2) + text,
                                      Array(text.prefix(300)), text + text + text]

    /// What `body` returns on a thread of its own, whose hash heads are new.
    static func onNewThread(_ body: @escaping @Sendable () -> [[UInt8]]) -> [[UInt8]] {
        let box = ResultBox(), done = DispatchSemaphore(value: 0)
        Thread { box.value = body(); done.signal() }.start()
        done.wait()
        return box.value
    }

    @Test("an input compresses the same whatever this thread compressed before, at both efforts")
    func independentOfEarlierInputs() {
        for effort in [Deflate.Effort.thorough, .fast] {
            let alone = Self.sequence.map { input in Self.onNewThread { [Deflate.compress(input, effort: effort)] }[0] }
            let inTurn = Self.onNewThread { Self.sequence.map { Deflate.compress($0, effort: effort) } }
            #expect(inTurn == alone)
        }
    }

    @Test("when positions would leave Int32 the heads start again, and the output stays the same")
    func positionsWrap() {
        for effort in [Deflate.Effort.thorough, .fast] {
            let alone = Self.sequence.map { input in Self.onNewThread { [Deflate.compress(input, effort: effort)] }[0] }
            let nearTheEnd = Self.onNewThread {
                Self.sequence.map { input in
                    HashHeads.ofThisThread.startNext(at: Int(Int32.max) - input.count / 2)
                    return Deflate.compress(input, effort: effort)
                }
            }
            #expect(nearTheEnd == alone)
        }
    }
}


/// A result handed from a test's thread to the waiting test (read only after the thread signalled).
private final class ResultBox: @unchecked Sendable {
    var value: [[UInt8]] = []
}
