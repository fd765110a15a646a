/// LEB128 unsigned variable-length integers, as used in the term shards (see FORMAT.md).
enum VarInt {
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Reads one varint at `offset`, advancing it; nil at a truncated end.
    static func read(_ bytes: [UInt8], _ offset: inout Int) -> Int? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(result) }
            shift += 7
            if shift > 56 { return nil }
        }
        return nil
    }
}
