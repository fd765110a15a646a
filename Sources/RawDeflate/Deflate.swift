/// Raw DEFLATE compression (RFC 1951), written out in Swift rather than taken from zlib: the
/// output depends only on the input and this code, never on the zlib version of the machine, so
/// packages stay byte-identical across builds and hosts. (Foundation on Linux exposes no zlib to
/// Swift either.) Each block is sent the cheapest of three ways: stored, fixed or dynamic Huffman.
public enum Deflate {
    /// Tokens per block. Smaller blocks adapt their codes to changing text; larger ones spend less
    /// on code tables. 16384...65536 are sensible (zlib uses 16384 at its default memory level).
    static let tokensPerBlock = 32768

    /// How hard to look for repeats: `thorough` for files compressed once (packages), `fast` for
    /// many small pieces in every build (the search index).
    public enum Effort: Sendable { case thorough, fast }

    /// The compressed form of `input`, without zlib or gzip framing.
    public static func compress(_ input: [UInt8], effort: Effort = .thorough) -> [UInt8] {
        let matcherEffort: DeflateMatcher.Effort = effort == .fast ? .fast : .thorough
        var writer = BitWriter(capacity: input.count / 2 + 64)
        // There are at most as many tokens as bytes: an input this small is one block, whose symbols
        // the matcher counts as it goes (the search index compresses tens of thousands of them).
        if input.count <= tokensPerBlock {
            var literalFrequencies = [Int](repeating: 0, count: DeflateSymbols.literalLengthCount)
            var distanceFrequencies = [Int](repeating: 0, count: DeflateSymbols.distanceCount)
            let tokens = literalFrequencies.withUnsafeMutableBufferPointer { literals in
                distanceFrequencies.withUnsafeMutableBufferPointer { distances in
                    DeflateMatcher.tokens(of: input, effort: matcherEffort,
                                          counts: .init(literals: literals.baseAddress!, distances: distances.baseAddress!))
                }
            }
            writeBlock(tokens[...], raw: input[...], isLast: true, literalFrequencies: &literalFrequencies,
                       distanceFrequencies: &distanceFrequencies, to: &writer)
            return writer.finish()
        }
        let tokens = DeflateMatcher.tokens(of: input, effort: matcherEffort)
        var blockStart = 0, inputStart = 0
        repeat {
            let blockEnd = min(blockStart + tokensPerBlock, tokens.count)
            let block = tokens[blockStart..<blockEnd]
            let inputEnd = inputStart + block.reduce(0) { $0 + max(1, Int($1 >> 15)) }
            var (literalFrequencies, distanceFrequencies) = frequencies(of: block)
            writeBlock(block, raw: input[inputStart..<inputEnd], isLast: blockEnd == tokens.count,
                       literalFrequencies: &literalFrequencies, distanceFrequencies: &distanceFrequencies, to: &writer)
            blockStart = blockEnd
            inputStart = inputEnd
        } while blockStart < tokens.count
        return writer.finish()
    }

    /// How often each literal/length symbol and each distance symbol occurs in `tokens`.
    private static func frequencies(of tokens: ArraySlice<UInt32>) -> (literals: [Int], distances: [Int]) {
        var literalFrequencies = [Int](repeating: 0, count: DeflateSymbols.literalLengthCount)
        var distanceFrequencies = [Int](repeating: 0, count: DeflateSymbols.distanceCount)
        DeflateSymbols.lengthCodes.withUnsafeBufferPointer { lengthCodes in
        DeflateSymbols.distanceCodes.withUnsafeBufferPointer { distanceCodes in
        literalFrequencies.withUnsafeMutableBufferPointer { literals in
        distanceFrequencies.withUnsafeMutableBufferPointer { distances in
            for token in tokens {
                let length = Int(token >> 15)
                if length == 0 {
                    literals[Int(token)] += 1
                } else {
                    literals[Int(lengthCodes[length] & 0xFFFF)] += 1
                    distances[Int(distanceCodes[Int(token & 0x7FFF)] & 0xFF)] += 1
                }
            }
        }
        }
        }
        }
        return (literalFrequencies, distanceFrequencies)
    }

    private static func writeBlock(_ tokens: ArraySlice<UInt32>, raw: ArraySlice<UInt8>, isLast: Bool,
                                   literalFrequencies: inout [Int], distanceFrequencies: inout [Int], to writer: inout BitWriter) {
        literalFrequencies[DeflateSymbols.endOfBlock] = 1
        // Two used symbols per code at least: some inflaters reject a code with a single symbol.
        ensureTwoSymbols(&literalFrequencies)
        ensureTwoSymbols(&distanceFrequencies)

        let dynamic = DynamicHeader(
            literals: HuffmanCode(frequencies: literalFrequencies, limit: 15),
            distances: HuffmanCode(frequencies: distanceFrequencies, limit: 15))

        let dynamicBits = dynamic.bitCount + symbolBits(literalFrequencies, distanceFrequencies, dynamic.literals, dynamic.distances)
        let fixedBits = symbolBits(literalFrequencies, distanceFrequencies, fixedLiterals, fixedDistances)
        // Header, padding and LEN/NLEN per stored block of at most 65,535 bytes.
        let storedBits = max(1, (raw.count + 65534) / 65535) * (3 + 7 + 32) + 8 * raw.count
        let final: UInt32 = isLast ? 1 : 0
        if storedBits <= min(dynamicBits, fixedBits) + 3 {
            writeStored(raw, isLast: isLast, to: &writer)
        } else if fixedBits <= dynamicBits {
            writer.write(final | 1 << 1, width: 3)
            writeTokens(tokens, literals: fixedLiterals, distances: fixedDistances, to: &writer)
        } else {
            writer.write(final | 2 << 1, width: 3)
            dynamic.write(to: &writer)
            writeTokens(tokens, literals: dynamic.literals, distances: dynamic.distances, to: &writer)
        }
    }

    /// The fixed codes of block type 1, made once.
    private static let fixedLiterals = HuffmanCode(lengths: DeflateSymbols.fixedLiteralLengths)
    private static let fixedDistances = HuffmanCode(lengths: DeflateSymbols.fixedDistanceLengths)

    private static func ensureTwoSymbols(_ frequencies: inout [Int]) {
        var used = 0
        for frequency in frequencies where frequency > 0 { used += 1 }
        var symbol = 0
        while used < 2 {
            if frequencies[symbol] == 0 {
                frequencies[symbol] = 1
                used += 1
            }
            symbol += 1
        }
    }

    /// Bits for the symbols and extra bits of a block under the given codes.
    private static func symbolBits(_ literalFrequencies: [Int], _ distanceFrequencies: [Int], _ literals: HuffmanCode, _ distances: HuffmanCode) -> Int {
        var bits = 0
        literalFrequencies.withUnsafeBufferPointer { frequencies in
        literals.lengths.withUnsafeBufferPointer { lengths in
        DeflateSymbols.lengthExtraBits.withUnsafeBufferPointer { extraBits in
            for symbol in 0..<min(256, frequencies.count) { bits += frequencies[symbol] * lengths[symbol] }
            for symbol in 256..<frequencies.count where frequencies[symbol] > 0 {
                bits += frequencies[symbol] * (lengths[symbol] + (symbol > 256 ? extraBits[symbol - 257] : 0))
            }
        }
        }
        }
        distanceFrequencies.withUnsafeBufferPointer { frequencies in
        distances.lengths.withUnsafeBufferPointer { lengths in
        DeflateSymbols.distanceExtraBits.withUnsafeBufferPointer { extraBits in
            for symbol in frequencies.indices { bits += frequencies[symbol] * (lengths[symbol] + extraBits[symbol]) }
        }
        }
        }
        return bits
    }

    /// Sends the tokens under the given codes. Works on the tables' raw buffers: this runs for every
    /// symbol of a site's compressed search index, and each read of a static array through its
    /// accessor cost more than the rest of the loop.
    private static func writeTokens(_ tokens: ArraySlice<UInt32>, literals: HuffmanCode, distances: HuffmanCode, to writer: inout BitWriter) {
        DeflateSymbols.lengthCodes.withUnsafeBufferPointer { lengthCodes in
        DeflateSymbols.distanceCodes.withUnsafeBufferPointer { distanceCodes in
        literals.reversedCodes.withUnsafeBufferPointer { literalCodes in
        literals.lengths.withUnsafeBufferPointer { literalLengths in
        distances.reversedCodes.withUnsafeBufferPointer { distanceCodeBits in
        distances.lengths.withUnsafeBufferPointer { distanceLengths in
        // At most 15 + 5 + 15 + 13 bits per token.
        writer.withUncheckedRoom(for: tokens.count * 6) { writer in
            for token in tokens {
                let length = Int(token >> 15)
                guard length > 0 else {
                    writer.write(literalCodes[Int(token)], width: literalLengths[Int(token)])
                    continue
                }
                // Each code with its extra bits above it, in one write: at most 15 + 5 and 15 + 13 bits.
                let lengthCode = lengthCodes[length]
                let lengthSymbol = Int(lengthCode & 0xFFFF)
                let lengthBits = literalLengths[lengthSymbol]
                writer.write(literalCodes[lengthSymbol] | (lengthCode >> 20) << UInt32(lengthBits),
                             width: lengthBits + Int(lengthCode >> 16 & 0xF))
                let distanceCode = distanceCodes[Int(token & 0x7FFF)]
                let distanceSymbol = Int(distanceCode & 0xFF)
                let distanceBits = distanceLengths[distanceSymbol]
                writer.write(distanceCodeBits[distanceSymbol] | (distanceCode >> 12) << UInt32(distanceBits),
                             width: distanceBits + Int(distanceCode >> 8 & 0xF))
            }
        }
        }
        }
        }
        }
        }
        }
        literals.write(DeflateSymbols.endOfBlock, to: &writer)
    }

    /// Stored blocks hold at most 65,535 bytes, so a long run of tokens may need several.
    private static func writeStored(_ raw: ArraySlice<UInt8>, isLast: Bool, to writer: inout BitWriter) {
        var start = raw.startIndex
        repeat {
            let end = min(start + 65535, raw.endIndex)
            writer.write(isLast && end == raw.endIndex ? 1 : 0, width: 3)
            writer.alignToByte()
            let length = UInt32(end - start)
            writer.write(length, width: 16)
            writer.write(~length & 0xFFFF, width: 16)
            writer.writeBytes(raw[start..<end])
            start = end
        } while start < raw.endIndex
    }
}
