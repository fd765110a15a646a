/// Splits text into folded words, working on UTF-8 bytes.
///
/// Words are runs of letters and digits. A hyphen between two letters joins a compound
/// (`E-Government`): it yields the whole (`egovernment`) and each part (`e` is too short,
/// `government`). Soft hyphens and combining accents are skipped inside words. Every word is
/// lowercased and folded (see ``GermanFolding``).
public enum Tokenizer {
    /// One token of the text.
    public struct Token {
        public enum Kind: Equatable { case word, hyphenPart }
        /// The folded bytes (ASCII for German text).
        public var bytes: ArraySlice<UInt8>
        public var kind: Kind
    }

    /// Tokens shorter than this are not words worth indexing ("a", "§").
    public static let minimumLength = 2
    /// Longer runs are not words (hashes, base64) and are skipped.
    public static let maximumLength = 64

    /// Calls `body` for every token of `text`, in order.
    public static func forEachToken(in text: String, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachToken(inUTF8: bytes, body) }
    }

    /// Calls `body` for every token of UTF-8 `bytes`, in order.
    public static func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        var state = State()
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    state.joinHyphen()
                    state.word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    state.joinHyphen()
                    state.word.append(byte | 0x20)
                case UInt8(ascii: "-"):
                    state.hyphen(body)
                default:
                    state.finish(body)
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
            if let ascii = GermanFolding.latin[scalar] {
                state.joinHyphen()
                state.word.append(contentsOf: ascii.utf8)
            } else if let unicode = Unicode.Scalar(scalar), unicode.properties.isAlphabetic || unicode.properties.generalCategory == .decimalNumber {
                state.joinHyphen()
                state.word.append(contentsOf: String(unicode).lowercased().utf8)
            } else {
                state.finish(body)
            }
        }
        state.finish(body)
    }

    /// The word being read, kept in reusable buffers so tokens cost no allocation.
    private struct State {
        var word: [UInt8] = []          // The folded word, hyphens removed.
        var partStarts: [Int] = []      // Where each hyphen-joined part starts in `word`.
        var pendingHyphen = false       // A hyphen followed the last letter; it joins only if a letter follows.
        var scratch: [UInt8] = []

        init() {
            word.reserveCapacity(64)
            scratch.reserveCapacity(64)
        }

        mutating func joinHyphen() {
            guard pendingHyphen else { return }
            if partStarts.isEmpty { partStarts.append(0) }
            partStarts.append(word.count)
            pendingHyphen = false
        }

        mutating func hyphen(_ body: (Token) -> Void) {
            if !word.isEmpty && !pendingHyphen { pendingHyphen = true } else { finish(body) }
        }

        mutating func finish(_ body: (Token) -> Void) {
            guard !word.isEmpty else { pendingHyphen = false; return }
            emit(0..<word.count, kind: .word, body)
            if partStarts.count > 1 {
                for (index, start) in partStarts.enumerated() {
                    let end = index + 1 < partStarts.count ? partStarts[index + 1] : word.count
                    emit(start..<end, kind: .hyphenPart, body)
                }
            }
            word.removeAll(keepingCapacity: true)
            partStarts.removeAll(keepingCapacity: true)
            pendingHyphen = false
        }

        private mutating func emit(_ range: Range<Int>, kind: Token.Kind, _ body: (Token) -> Void) {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: word[range])
            GermanFolding.collapseDigraphs(&scratch)
            if scratch.count >= minimumLength && scratch.count <= maximumLength {
                body(Token(bytes: scratch[...], kind: kind))
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
}
