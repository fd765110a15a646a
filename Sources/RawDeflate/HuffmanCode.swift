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
        let maxLength = lengths.max() ?? 0
        var lengthCount = [Int](repeating: 0, count: maxLength + 1)
        for length in lengths where length > 0 { lengthCount[length] += 1 }
        var nextCode = [UInt32](repeating: 0, count: maxLength + 2)
        var code: UInt32 = 0
        for bits in 1...max(maxLength, 1) {
            code = (code + UInt32(lengthCount[bits - 1])) << 1
            nextCode[bits] = code
        }
        var codes = [UInt32](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            codes[symbol] = Self.reverse(nextCode[length], width: length)
            nextCode[length] += 1
        }
        reversedCodes = codes
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
    /// is already sorted by weight.
    private static func unlimitedLengths(for weights: [Int]) -> [Int] {
        // Sorted by weight, then symbol: one integer key each (weight above, symbol in the low 16
        // bits), because a sort with a comparison closure cost more than the rest of the code.
        var keys: [UInt64] = []
        keys.reserveCapacity(weights.count)
        for (symbol, weight) in weights.enumerated() where weight > 0 { keys.append(UInt64(weight) << 16 | UInt64(symbol)) }
        keys.sort()
        let leaves = keys.map { Int($0 & 0xFFFF) }
        var lengths = [Int](repeating: 0, count: weights.count)
        if leaves.count == 1 { lengths[leaves[0]] = 1 }
        guard leaves.count > 1 else { return lengths }
        // Nodes 0..<leaves.count are the leaves; inner nodes follow. parent[i] is i's parent node.
        var nodeWeight = leaves.map { weights[$0] }
        var parent = [Int](repeating: -1, count: 2 * leaves.count - 1)
        var nextLeaf = 0, nextInner = leaves.count
        func takeSmallest() -> Int {
            if nextLeaf < leaves.count && (nextInner >= nodeWeight.count || nodeWeight[nextLeaf] <= nodeWeight[nextInner]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInner += 1
            return nextInner - 1
        }
        while nodeWeight.count < parent.count {
            let a = takeSmallest(), b = takeSmallest()
            parent[a] = nodeWeight.count
            parent[b] = nodeWeight.count
            nodeWeight.append(nodeWeight[a] + nodeWeight[b])
        }
        // Parents come after their children, so one pass from the root down gives every depth.
        var depth = [Int](repeating: 0, count: parent.count)
        for node in stride(from: parent.count - 2, through: 0, by: -1) {
            depth[node] = depth[parent[node]] + 1
        }
        for (node, symbol) in leaves.enumerated() { lengths[symbol] = depth[node] }
        return lengths
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
