/// The code description at the start of a dynamic-Huffman DEFLATE block (RFC 1951, 3.2.7): the
/// literal/length and distance code lengths, run-length encoded and themselves Huffman coded.
struct DynamicHeader {
    let literals: HuffmanCode
    let distances: HuffmanCode


    /// Code-length symbols: 0...15 a length, 16 repeat the previous 3...6 times, 17 zeros 3...10
    /// times, 18 zeros 11...138 times; with the value of their extra bits.
    private let runs: [(symbol: Int, extra: Int)]
    private let codeLengthCode: HuffmanCode
    private let literalCount: Int
    private let distanceCount: Int
    private let codeLengthCount: Int

    init(literals: HuffmanCode, distances: HuffmanCode) {
        self.literals = literals
        self.distances = distances
        literalCount = max(257, (literals.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        distanceCount = max(1, (distances.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        // One sequence for both codes: runs may cross from one into the other.
        var both: [Int] = []
        both.reserveCapacity(literalCount + distanceCount)
        both += literals.lengths[..<literalCount]
        both += distances.lengths[..<distanceCount]
        runs = Self.runLengthEncode(both)
        var frequencies = [Int](repeating: 0, count: 19)
        for run in runs { frequencies[run.symbol] += 1 }
        let codeLengthCode = HuffmanCode(frequencies: frequencies, limit: 7)
        self.codeLengthCode = codeLengthCode
        let lastUsed = DeflateSymbols.codeLengthOrder.lastIndex { codeLengthCode.lengths[$0] > 0 } ?? 0
        codeLengthCount = max(4, lastUsed + 1)
    }

    /// Size of the header in bits.
    var bitCount: Int {
        var bits = 5 + 5 + 4 + 3 * codeLengthCount
        for run in runs { bits += codeLengthCode.lengths[run.symbol] + Self.extraBits(run.symbol) }
        return bits
    }

    func write(to writer: inout BitWriter) {
        writer.write(UInt32(literalCount - 257), width: 5)
        writer.write(UInt32(distanceCount - 1), width: 5)
        writer.write(UInt32(codeLengthCount - 4), width: 4)
        for symbol in DeflateSymbols.codeLengthOrder.prefix(codeLengthCount) {
            writer.write(UInt32(codeLengthCode.lengths[symbol]), width: 3)
        }
        for run in runs {
            codeLengthCode.write(run.symbol, to: &writer)
            writer.write(UInt32(run.extra), width: Self.extraBits(run.symbol))
        }
    }

    private static func extraBits(_ symbol: Int) -> Int {
        switch symbol {
        case 16: 2
        case 17: 3
        case 18: 7
        default: 0
        }
    }

    private static func runLengthEncode(_ lengths: [Int]) -> [(symbol: Int, extra: Int)] {
        var runs: [(symbol: Int, extra: Int)] = []
        runs.reserveCapacity(lengths.count)
        var i = 0
        while i < lengths.count {
            let length = lengths[i]
            var runEnd = i + 1
            while runEnd < lengths.count && lengths[runEnd] == length { runEnd += 1 }
            var remaining = runEnd - i
            if length == 0 {
                while remaining >= 11 {
                    let n = min(remaining, 138)
                    runs.append((18, n - 11))
                    remaining -= n
                }
                if remaining >= 3 {
                    runs.append((17, remaining - 3))
                    remaining = 0
                }
            } else {
                // The first length is sent as itself; repeats of it then use 16.
                runs.append((length, 0))
                remaining -= 1
                while remaining >= 3 {
                    let n = min(remaining, 6)
                    runs.append((16, n - 3))
                    remaining -= n
                }
            }
            for _ in 0..<remaining { runs.append((length, 0)) }
            i = runEnd
        }
        return runs
    }
}
