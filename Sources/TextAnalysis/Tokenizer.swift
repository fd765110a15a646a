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
        /// The folded bytes (ASCII for German text); valid only during the callback.
        public var bytes: UnsafeBufferPointer<UInt8>
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

    /// Calls `body` for every token of `text`, in order, without copying the slice.
    public static func forEachToken(in text: Substring, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachToken(inUTF8: bytes, body) }
    }

    /// Calls `body` for every token of UTF-8 `bytes`, in order.
    public static func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        asciiWordBytes.withUnsafeBufferPointer { asciiWordBytes in
            forEachToken(inUTF8: bytes, asciiWordBytes: asciiWordBytes, body)
        }
    }

    /// For each ASCII byte: the byte lowercased when it is a letter or digit, 0 otherwise.
    private static let asciiWordBytes: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        default: 0
        }
    }

    private static func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, asciiWordBytes: UnsafeBufferPointer<UInt8>,
                                     _ body: (Token) -> Void) {
        let state = State()
        defer { state.release() }
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                // A run of ASCII letters and digits, most of German text: lowercased into the word in
                // one tight loop that keeps the length in a register (as `append` byte by byte would,
                // with the same result).
                if asciiWordBytes[Int(byte)] != 0 {
                    if state.pendingHyphen { state.joinHyphen() }
                    let word = state.word
                    var length = state.length
                    repeat {
                        let folded = asciiWordBytes[Int(bytes[i])]
                        if length < State.capacity { word[length] = folded }
                        length += 1
                        i += 1
                    } while i < count && bytes[i] < 0x80 && asciiWordBytes[Int(bytes[i])] != 0
                    state.length = length
                    continue
                }
                // Any other ASCII byte: a hyphen may join a compound, the rest ends the word.
                i += 1
                if byte == UInt8(ascii: "-") {
                    state.hyphen(body)
                } else if state.length > 0 {
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
            let count = GermanFolding.collapseDigraphs(from: word + start, count: end - start, into: scratch)
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
}
