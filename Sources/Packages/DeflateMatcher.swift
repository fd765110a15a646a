/// The LZ77 half of DEFLATE: finds repeated byte sequences and turns the input into literals and
/// (length, distance) back-references, with hash chains and one step of lazy matching as in zlib.
struct DeflateMatcher {
    /// How many earlier positions with the same 3-byte hash are tried per position. Higher finds
    /// longer matches but costs time; 4...4096 are sensible, zlib's level 6 uses 128.
    static let chainLimit = 128
    /// A match at least this long is taken without trying the next position (zlib: 16...258).
    static let lazyLimit = 32
    /// Matches this long end the chain search early; 258 is the longest DEFLATE can express.
    static let niceLength = 258
    /// Farthest back a match may start. Smaller than the 32 KiB window, as zlib's MAX_DIST, so that
    /// the ring of chain links never hands out a slot that was already reused.
    static let maxDistance = 32768 - 262

    /// A literal byte (the value itself, below 2^15) or a match `length << 15 | (distance - 1)`.
    typealias Token = UInt32

    private static let hashBits = 15
    private static let windowMask = 32767

    /// The tokens of `input`, in order.
    static func tokens(of input: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(input.count / 2)
        input.withUnsafeBufferPointer { data in
            var head = [Int32](repeating: -1, count: 1 << hashBits)
            var previous = [Int32](repeating: -1, count: windowMask + 1)
            let count = data.count

            func hash(_ i: Int) -> Int {
                (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & ((1 << hashBits) - 1)
            }
            func insert(_ i: Int) {
                guard i + 3 <= count else { return }
                let h = hash(i)
                previous[i & windowMask] = head[h]
                head[h] = Int32(i)
            }
            /// The longest earlier match at `i` (searched before `i` itself is inserted).
            func longestMatch(at i: Int) -> (length: Int, distance: Int) {
                guard i + 3 <= count else { return (0, 0) }
                let maxLength = min(258, count - i)
                var best = (length: 0, distance: 0)
                var candidate = Int(head[hash(i)])
                var triesLeft = chainLimit
                while candidate >= 0 && i - candidate <= maxDistance && triesLeft > 0 {
                    // Check the byte that would make this candidate better first: most fail there.
                    if data[candidate + best.length] == data[i + best.length] || best.length == 0 {
                        var length = 0
                        while length < maxLength && data[candidate + length] == data[i + length] { length += 1 }
                        if length > best.length {
                            best = (length, i - candidate)
                            if length >= min(niceLength, maxLength) { break }
                        }
                    }
                    let next = Int(previous[candidate & windowMask])
                    // Links only point backwards; anything else is a reused ring slot.
                    guard next < candidate else { break }
                    candidate = next
                    triesLeft -= 1
                }
                // A 3-byte match far back costs more bits than three literals (zlib's TOO_FAR).
                if best.length < 3 || (best.length == 3 && best.distance > 4096) { return (0, 0) }
                return best
            }

            var i = 0
            var pending: (length: Int, distance: Int)? = nil
            while i < count {
                let match: (length: Int, distance: Int)
                if let known = pending {
                    match = known
                    pending = nil
                } else {
                    match = longestMatch(at: i)
                    insert(i)
                }
                guard match.length >= 3 else {
                    tokens.append(Token(data[i]))
                    i += 1
                    continue
                }
                var insertedUpTo = i
                if match.length < lazyLimit {
                    let next = longestMatch(at: i + 1)
                    insert(i + 1)
                    insertedUpTo = i + 1
                    if next.length > match.length {
                        tokens.append(Token(data[i]))
                        i += 1
                        pending = next
                        continue
                    }
                }
                tokens.append(Token(match.length) << 15 | Token(match.distance - 1))
                for position in (insertedUpTo + 1)..<(i + match.length) { insert(position) }
                i += match.length
            }
        }
        return tokens
    }
}
