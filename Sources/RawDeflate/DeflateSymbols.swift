/// The fixed alphabets of DEFLATE (RFC 1951, 3.2.5): how match lengths and distances map to
/// symbols plus extra bits, and the fixed Huffman code of block type 1.
enum DeflateSymbols {
    /// Symbols of the literal/length alphabet: 256 literals, end of block, 29 length codes.
    static let literalLengthCount = 286
    /// Symbols of the distance alphabet.
    static let distanceCount = 30
    /// The end-of-block symbol.
    static let endOfBlock = 256

    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258,
    ]
    static let lengthExtraBits: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtraBits: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// For each match length 0...258, the index of its length code (symbol minus 257).
    private static let lengthCodeIndex: [UInt8] = (0...258).map { length in
        guard length >= 3 else { return 0 }
        return UInt8(lengthBase.lastIndex { $0 <= length }!)
    }

    /// The distance symbol (0...29) of a distance 1...32768 (from ``distanceCodes``).
    static func distanceSymbol(_ distance: Int) -> Int { Int(distanceCodes[distance - 1] & 0xFF) }

    /// The binary search over the bases that fills ``distanceCodes``.
    private static func searchDistanceSymbol(_ distance: Int) -> Int {
        var low = 0, high = distanceBase.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if distanceBase[middle] <= distance { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// For each match length 0...258: its literal/length symbol in the low 16 bits, the number of
    /// extra bits in bits 16...19 and their value from bit 20 (0 for lengths below 3).
    static let lengthCodes: [UInt32] = (0...258).map { length in
        guard length >= 3 else { return 0 }
        let index = Int(lengthCodeIndex[length])
        return UInt32(257 + index) | UInt32(lengthExtraBits[index]) << 16 | UInt32(length - lengthBase[index]) << 20
    }

    /// For each distance 1...32768 (at index distance − 1): its symbol in the low 8 bits, the number
    /// of extra bits in bits 8...11 and their value from bit 12. 128 KiB, made once, so that
    /// encoding a match is two table reads.
    static let distanceCodes: [UInt32] = (1...32768).map { distance in
        let symbol = searchDistanceSymbol(distance)
        return UInt32(symbol) | UInt32(distanceExtraBits[symbol]) << 8 | UInt32(distance - distanceBase[symbol]) << 12
    }

    /// The order in which a dynamic block sends the code-length code's lengths (most likely used first).
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Code lengths of the fixed literal/length code (288 symbols, 286 and 287 never used).
    static let fixedLiteralLengths: [Int] = (0..<288).map { symbol in
        switch symbol {
        case 0..<144: 8
        case 144..<256: 9
        case 256..<280: 7
        default: 8
        }
    }

    /// Code lengths of the fixed distance code (all 5 bits).
    static let fixedDistanceLengths = [Int](repeating: 5, count: 30)
}
