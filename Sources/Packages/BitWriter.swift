/// Collects bits least significant first into bytes, the bit order of DEFLATE (RFC 1951, 3.1.1).
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    /// Appends the `width` low bits of `value` (at most 32), lowest bit first.
    mutating func write(_ value: UInt32, width: Int) {
        buffer |= UInt64(value & (width == 32 ? 0xFFFF_FFFF : (1 << width) - 1)) << count
        count += width
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Pads with zero bits to the next byte boundary, as a stored block's length field requires.
    mutating func alignToByte() {
        if count > 0 { write(0, width: 8 - count) }
    }

    /// Appends whole bytes; only valid on a byte boundary.
    mutating func writeBytes(_ more: ArraySlice<UInt8>) {
        precondition(count == 0, "bytes are only written on a byte boundary")
        bytes.append(contentsOf: more)
    }

    /// The bytes written, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        alignToByte()
        return bytes
    }
}
