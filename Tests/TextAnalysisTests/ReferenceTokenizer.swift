@testable import TextAnalysis

// The tokeniser as it was before its ASCII fast path (commit 3129bb1), kept to pin the fast path's
// output to it: ``TokenizerEquivalenceTests``.
/// Splits text into folded words, working on UTF-8 bytes (the reference copy).
///
/// Words are runs of letters and digits. A hyphen between two letters joins a compound
/// (`E-Government`): it yields the whole (`egovernment`) and each part (`e` is too short,
/// `government`). Soft hyphens and combining accents are skipped inside words. Every word is
/// lowercased and folded (see ``GermanFolding``).
enum ReferenceTokenizer {
    typealias Token = Tokenizer.Token

    /// Tokens shorter than this are not words worth indexing ("a", "§").
    static let minimumLength = 2
    /// Longer runs are not words (hashes, base64) and are skipped.
    static let maximumLength = 64

    /// Calls `body` for every token of `text`, in order.
    static func forEachToken(in text: String, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachToken(inUTF8: bytes, body) }
    }

    /// Calls `body` for every token of `text`, in order, without copying the slice.
    static func forEachToken(in text: Substring, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachToken(inUTF8: bytes, body) }
    }

    /// Calls `body` for every token of UTF-8 `bytes`, in order.
    static func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        let state = State()
        defer { state.release() }
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    state.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    state.append(byte | 0x20)
                case UInt8(ascii: "-"):
                    state.hyphen(body)
                default:
                    if state.length > 0 { state.finish(body) }
                }
                continue
            }
            // Decode one multi-byte scalar.
            let (scalar, length) = decodeScalar(bytes, at: i)
            i += length
            switch scalar {
            case 0x00AD, 0x0300...0x036F, 0x200B...0x200D:
                continue  // Soft hyphen, combining accents and zero-width characters stay inside the word.
            case 0x2010, 0x2011:
                state.hyphen(body)
                continue
            default:
                break
            }
            if let ascii = GermanFolding.latinFolding(scalar) {
                for byte in ascii.utf8 { state.append(byte) }
            } else if let unicode = Unicode.Scalar(scalar), unicode.properties.isAlphabetic || unicode.properties.generalCategory == .decimalNumber {
                for byte in String(unicode).lowercased().utf8 { state.append(byte) }
            } else {
                state.finish(body)
            }
        }
        state.finish(body)
    }

    /// The word being read, in fixed buffers so that tokens cost no allocation and no
    /// copy-on-write checks (the tokeniser runs over every byte of a site).
    private final class State {
        static let capacity = 4 * maximumLength
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)   // The folded word, hyphens removed.
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var length = 0                  // Bytes of the word so far (may exceed `capacity`: then it is skipped).
        var partStarts: [Int] = []      // Where each hyphen-joined part starts in `word`.
        var pendingHyphen = false       // A hyphen followed the last letter; it joins only if a letter follows.

        func release() {
            word.deallocate()
            scratch.deallocate()
        }

        @inline(__always) func append(_ byte: UInt8) {
            if pendingHyphen { joinHyphen() }
            if length < Self.capacity { word[length] = byte }
            length += 1
        }

        func joinHyphen() {
            if partStarts.isEmpty { partStarts.append(0) }
            partStarts.append(length)
            pendingHyphen = false
        }

        func hyphen(_ body: (Token) -> Void) {
            if length > 0 && !pendingHyphen { pendingHyphen = true } else { finish(body) }
        }

        func finish(_ body: (Token) -> Void) {
            guard length > 0 else { pendingHyphen = false; return }
            if length <= Self.capacity {
                emit(0, length, kind: .word, body)
                if partStarts.count > 1 {
                    for (index, start) in partStarts.enumerated() {
                        let end = index + 1 < partStarts.count ? partStarts[index + 1] : length
                        emit(start, end, kind: .hyphenPart, body)
                    }
                }
            }
            length = 0
            if !partStarts.isEmpty { partStarts.removeAll(keepingCapacity: true) }
            pendingHyphen = false
        }

        private func emit(_ start: Int, _ end: Int, kind: Token.Kind, _ body: (Token) -> Void) {
            let count = ReferenceTokenizer.collapseDigraphs(from: word + start, count: end - start, into: scratch)
            if count >= minimumLength && count <= maximumLength {
                body(Token(bytes: UnsafeBufferPointer(start: scratch, count: count), kind: kind))
            }
        }
    }

    /// Decodes the scalar at `index`; invalid bytes count as one unknown character.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// GermanFolding.collapseDigraphs as it was (commit 3129bb1), byte by byte with branches.
    static func collapseDigraphs(from source: UnsafePointer<UInt8>, count: Int, into target: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        for i in 0..<count {
            let byte = source[i]
            if byte == UInt8(ascii: "e"), out > 0 {
                let previous = target[out - 1]
                if previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == UInt8(ascii: "u") { continue }
            }
            target[out] = byte
            out += 1
        }
        return out
    }
}
