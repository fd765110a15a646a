/// Raw DEFLATE decompression (RFC 1951), the reverse of ``Deflate/compress(_:)``: the search
/// index's records are compressed, and `vcc search` reads them back.
///
/// Written after the structure of Mark Adler's `puff.c` (canonical Huffman codes decoded bit by
/// bit): short and easy to check rather than fast, which is enough for the few kilobytes a query
/// reads. Every read is bounds-checked; damaged input gives nil, never a crash or a hang, and the
/// output is capped so that a small input cannot expand without limit.
public enum Inflate {
    /// The decompressed bytes of `input`, or nil when it is not valid raw DEFLATE or would exceed
    /// `limit` bytes.
    public static func decompress(_ input: [UInt8], limit: Int = 64 << 20) -> [UInt8]? {
        var state = State(input: input, limit: limit)
        return state.run() ? state.output : nil
    }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    private struct Code {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        /// Nil when the lengths over-subscribe the code (an incomplete code is allowed, as in zlib,
        /// for the single-distance case).
        init?(lengths: ArraySlice<Int>) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            var left = 1
            for length in 1..<16 {
                left = left * 2 - counts[length]
                if left < 0 { return nil }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private struct State {
        let input: [UInt8]
        let limit: Int
        var output: [UInt8] = []
        var position = 0
        var bitBuffer = 0
        var bitCount = 0

        init(input: [UInt8], limit: Int) {
            self.input = input
            self.limit = limit
            output.reserveCapacity(min(limit, input.count * 4))
        }

        /// `count` bits, least significant first; nil past the end of the input.
        mutating func bits(_ count: Int) -> Int? {
            while bitCount < count {
                guard position < input.count else { return nil }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << count) - 1)
            bitBuffer >>= count
            bitCount -= count
            return value
        }

        mutating func decode(_ code: Code) -> Int? {
            var value = 0, first = 0, index = 0
            for length in 1..<16 {
                guard let bit = bits(1) else { return nil }
                value |= bit
                let count = code.counts[length]
                if value - count < first { return code.symbols[index + value - first] }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            return nil
        }

        mutating func run() -> Bool {
            var last = 0
            repeat {
                guard let isLast = bits(1), let type = bits(2) else { return false }
                last = isLast
                let ok: Bool
                switch type {
                case 0: ok = stored()
                case 1: ok = codes(Inflate.fixedLiterals, Inflate.fixedDistances)
                case 2: ok = dynamic()
                default: ok = false
                }
                if !ok { return false }
            } while last == 0
            return true
        }

        mutating func stored() -> Bool {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { return false }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == ~complement & 0xFFFF, position + length <= input.count, output.count + length <= limit else { return false }
            output += input[position..<(position + length)]
            position += length
            return true
        }

        mutating func codes(_ literals: Code, _ distances: Code) -> Bool {
            while true {
                guard let symbol = decode(literals) else { return false }
                if symbol < 256 {
                    guard output.count < limit else { return false }
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return true
                } else {
                    let index = symbol - 257
                    guard index < 29, let extra = bits(DeflateSymbols.lengthExtraBits[index]),
                          let distanceSymbol = decode(distances), distanceSymbol < 30,
                          let distanceExtra = bits(DeflateSymbols.distanceExtraBits[distanceSymbol]) else { return false }
                    let length = DeflateSymbols.lengthBase[index] + extra
                    let distance = DeflateSymbols.distanceBase[distanceSymbol] + distanceExtra
                    guard distance <= output.count, output.count + length <= limit else { return false }
                    let start = output.count - distance
                    for offset in 0..<length { output.append(output[start + offset]) }
                }
            }
        }

        mutating func dynamic() -> Bool {
            guard let literalCount = bits(5).map({ $0 + 257 }), let distanceCount = bits(5).map({ $0 + 1 }),
                  let codeLengthCount = bits(4).map({ $0 + 4 }), literalCount <= 286, distanceCount <= 30 else { return false }
            var codeLengths = [Int](repeating: 0, count: 19)
            for index in 0..<codeLengthCount {
                guard let length = bits(3) else { return false }
                codeLengths[DeflateSymbols.codeLengthOrder[index]] = length
            }
            guard let lengthCode = Code(lengths: codeLengths[...]) else { return false }
            var lengths: [Int] = []
            while lengths.count < literalCount + distanceCount {
                guard let symbol = decode(lengthCode) else { return false }
                if symbol < 16 {
                    lengths.append(symbol)
                    continue
                }
                var repeated = 0, times = 0
                switch symbol {
                case 16:
                    guard let previous = lengths.last, let extra = bits(2) else { return false }
                    repeated = previous; times = 3 + extra
                case 17:
                    guard let extra = bits(3) else { return false }
                    times = 3 + extra
                default:
                    guard let extra = bits(7) else { return false }
                    times = 11 + extra
                }
                guard lengths.count + times <= literalCount + distanceCount else { return false }
                lengths += repeatElement(repeated, count: times)
            }
            guard lengths[256] != 0, let literals = Code(lengths: lengths[0..<literalCount]),
                  let distances = Code(lengths: lengths[literalCount...]) else { return false }
            return codes(literals, distances)
        }
    }

    private static let fixedLiterals = Code(lengths: DeflateSymbols.fixedLiteralLengths[...])!
    private static let fixedDistances = Code(lengths: DeflateSymbols.fixedDistanceLengths[...])!
}
