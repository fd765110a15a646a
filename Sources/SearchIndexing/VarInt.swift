/// LEB128 unsigned variable-length integers, as used in the term shards and the record table (see FORMAT.md).
enum VarInt {
    /// The most bytes a varint of the index may have: 56 bits, more than any count or length of an
    /// index needs, and what the browser engine reads exactly (its numbers are exact up to 2^53,
    /// and every larger value is out of range anyway).
    static let maximumBytes = 8

    static func append(_ value: Int, to bytes: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Reads one varint at `offset`, advancing it; nil at a truncated end or after ``maximumBytes``.
    static func read(_ bytes: [UInt8], _ offset: inout Int) -> Int? {
        var result = 0
        var shift = 0
        while offset < bytes.count && shift < 7 * maximumBytes {
            let byte = bytes[offset]
            offset += 1
            result |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }
}
