/// A canonical prefix code as DEFLATE stores it (RFC 1951, 3.2.2): code lengths per symbol, from
/// which the codes follow.
struct HuffmanCode {
    /// Bits per symbol; 0 for a symbol that does not occur.
    let lengths: [Int]
    /// Each symbol's code with its bits reversed, ready for ``BitWriter``, which writes the lowest
    /// bit first while DEFLATE sends Huffman codes highest bit first.
    let reversedCodes: [UInt32]

    /// The canonical code for the given lengths.
    init(lengths: [Int]) {
        self.lengths = lengths
        // Every block builds three codes: the counts live on the stack, not in arrays.
        reversedCodes = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 17) { nextCode in
            nextCode.initialize(repeating: 0)
            return lengths.withUnsafeBufferPointer { lengths in
                // Count per length in nextCode[length + 1]; then the first code of each length.
                for length in lengths where length > 0 { nextCode[length + 1] += 1 }
                var code: UInt32 = 0
                for bits in 1...15 {
                    code = (code + nextCode[bits]) << 1
                    nextCode[bits] = code
                }
                return [UInt32](unsafeUninitializedCapacity: lengths.count) { codes, initialized in
                    for (symbol, length) in lengths.enumerated() {
                        if length > 0 {
                            codes[symbol] = Self.reverse(nextCode[length], width: length)
                            nextCode[length] += 1
                        } else {
                            codes[symbol] = 0
                        }
                    }
                    initialized = lengths.count
                }
            }
        }
    }

    /// An optimal code for `frequencies` with no code longer than `limit` bits.
    init(frequencies: [Int], limit: Int) {
        self.init(lengths: Self.lengths(for: frequencies, limit: limit))
    }

    /// Sends `symbol`'s code.
    @inline(__always)
    func write(_ symbol: Int, to writer: inout BitWriter) {
        writer.write(reversedCodes[symbol], width: lengths[symbol])
    }

    /// Huffman code lengths; when the optimal code is too deep, the frequencies are halved (keeping
    /// every used symbol at least 1) and the code is built again, which flattens it a little each
    /// round and ends at the latest with all frequencies 1, a balanced code. Ties are broken by
    /// symbol number, so equal input gives equal lengths.
    static func lengths(for frequencies: [Int], limit: Int) -> [Int] {
        var weights = frequencies
        while true {
            let lengths = unlimitedLengths(for: weights)
            if (lengths.max() ?? 0) <= limit { return lengths }
            weights = weights.map { $0 == 0 ? 0 : max(1, $0 / 2) }
        }
    }

    /// Plain Huffman with two queues: leaves sorted by weight, inner nodes in the order made, which
    /// is already sorted by weight. Works in one temporary buffer: every block of the search index
    /// builds three codes, and a dozen small arrays per code cost more than building it.
    private static func unlimitedLengths(for weights: [Int]) -> [Int] {
        weights.withUnsafeBufferPointer { weights in
            [Int](unsafeUninitializedCapacity: weights.count) { lengths, initialized in
                lengths.initialize(repeating: 0)
                initialized = weights.count
                // Leaves (`keys`), node weights, parents and depths: at most 2n - 1 nodes each.
                let n = weights.count
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 7 * n + 1) { scratch in
                    let base = scratch.baseAddress!
                    // Sorted by weight, then symbol: one integer key each (weight above, symbol in the
                    // low 16 bits). The symbols come in order, so a stable sort by weight is enough:
                    // two counting passes over its bytes, cheaper than a comparison sort.
                    var leafCount = 0
                    var heaviest = 0
                    for (symbol, weight) in weights.enumerated() where weight > 0 {
                        base[leafCount] = weight << 16 | symbol
                        leafCount += 1
                        heaviest = max(heaviest, weight)
                    }
                    var keys = UnsafeMutableBufferPointer(start: base, count: leafCount)
                    if heaviest < 1 << 16 {
                        Self.sortByWeight(keys, scratch: UnsafeMutableBufferPointer(start: base + n, count: leafCount), heaviest: heaviest)
                    } else {
                        keys.sort()
                    }
                    if leafCount == 1 { lengths[keys[0] & 0xFFFF] = 1 }
                    guard leafCount > 1 else { return }
                    let nodes = 2 * leafCount - 1
                    // Nodes 0..<leafCount are the leaves; inner nodes follow. parent[i] is i's parent node.
                    let nodeWeight = base + n, parent = nodeWeight + nodes, depth = parent + nodes
                    for leaf in 0..<leafCount { nodeWeight[leaf] = weights[keys[leaf] & 0xFFFF] }
                    var made = leafCount, nextLeaf = 0, nextInner = leafCount
                    func takeSmallest() -> Int {
                        if nextLeaf < leafCount && (nextInner >= made || nodeWeight[nextLeaf] <= nodeWeight[nextInner]) {
                            nextLeaf += 1
                            return nextLeaf - 1
                        }
                        nextInner += 1
                        return nextInner - 1
                    }
                    while made < nodes {
                        let a = takeSmallest(), b = takeSmallest()
                        parent[a] = made
                        parent[b] = made
                        nodeWeight[made] = nodeWeight[a] + nodeWeight[b]
                        made += 1
                    }
                    // Parents come after their children, so one pass from the root down gives every depth.
                    depth[nodes - 1] = 0
                    for node in stride(from: nodes - 2, through: 0, by: -1) {
                        depth[node] = depth[parent[node]] + 1
                    }
                    for leaf in 0..<leafCount { lengths[keys[leaf] & 0xFFFF] = depth[leaf] }
                }
            }
        }
    }

    /// Sorts keys `weight << 16 | symbol` with weights below 2^16 and symbols ascending within each
    /// weight already: a stable counting sort on the weight's low byte, then (when some weight needs
    /// it) on its high byte.
    private static func sortByWeight(_ keys: UnsafeMutableBufferPointer<Int>, scratch: UnsafeMutableBufferPointer<Int>, heaviest: Int) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { starts in
            func pass(_ shift: Int, from: UnsafeMutableBufferPointer<Int>, to: UnsafeMutableBufferPointer<Int>) {
                starts.initialize(repeating: 0)
                for key in from { starts[key >> shift & 0xFF] += 1 }
                var start = 0
                for digit in 0..<256 {
                    let count = starts[digit]
                    starts[digit] = start
                    start += count
                }
                for key in from {
                    let digit = key >> shift & 0xFF
                    to[starts[digit]] = key
                    starts[digit] += 1
                }
            }
            if heaviest < 256 {
                pass(16, from: keys, to: scratch)
                _ = keys.update(fromContentsOf: scratch)
            } else {
                pass(16, from: keys, to: scratch)
                pass(24, from: scratch, to: keys)
            }
        }
    }

    /// The low `width` bits of `code` in reverse order (swapping halves, then quarters, and so on:
    /// this runs for every symbol of every block's codes).
    private static func reverse(_ code: UInt32, width: Int) -> UInt32 {
        guard width > 0 else { return 0 }
        var x = code
        x = (x & 0x5555_5555) << 1 | (x >> 1) & 0x5555_5555
        x = (x & 0x3333_3333) << 2 | (x >> 2) & 0x3333_3333
        x = (x & 0x0F0F_0F0F) << 4 | (x >> 4) & 0x0F0F_0F0F
        x = (x & 0x00FF_00FF) << 8 | (x >> 8) & 0x00FF_00FF
        x = x << 16 | x >> 16
        return x >> UInt32(32 - width)
    }
}
