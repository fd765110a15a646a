/// Collects bits least significant first into bytes, the bit order of DEFLATE (RFC 1951, 3.1.1).
struct BitWriter {
    /// The output so far: `storage[..<used]`; the rest is room to grow into.
    private var storage: [UInt8]
    private var used = 0
    private var buffer: UInt64 = 0
    private var count = 0

    init(capacity: Int = 0) {
        // Not zeroed: every byte up to `used` is written before it is read, and `finish` drops the
        // rest (zeroing half of every input was most of what memset cost the search index).
        storage = [UInt8](unsafeUninitializedCapacity: max(capacity, 64)) { _, initialized in initialized = max(capacity, 64) }
    }

    /// The bytes written so far (whole bytes only).
    var bytes: ArraySlice<UInt8> { storage[..<used] }

    /// Appends the `width` low bits of `value` (at most 32), lowest bit first. Whole bytes leave the
    /// 64-bit buffer four at a time, once 32 bits have gathered, in one store: this runs for every
    /// symbol of a site's compressed search index.
    @inline(__always)
    mutating func write(_ value: UInt32, width: Int) {
        buffer |= UInt64(value & (width == 32 ? 0xFFFF_FFFF : (1 << width) - 1)) << count
        count += width
        if count >= 32 {
            reserve(4)
            let word = UInt32(truncatingIfNeeded: buffer).littleEndian
            let offset = used
            storage.withUnsafeMutableBytes { $0.storeBytes(of: word, toByteOffset: offset, as: UInt32.self) }
            used += 4
            buffer >>= 32
            count -= 32
        }
    }

    /// Makes room for `more` bytes.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if used + more > storage.count { storage += repeatElement(0, count: max(storage.count, more)) }
    }

    /// Moves the whole bytes of the buffer out, so that the output is complete up to the last full byte.
    private mutating func flushWholeBytes() {
        while count >= 8 {
            reserve(1)
            storage[used] = UInt8(truncatingIfNeeded: buffer)
            used += 1
            buffer >>= 8
            count -= 8
        }
    }

    /// Pads with zero bits to the next byte boundary, as a stored block's length field requires.
    mutating func alignToByte() {
        flushWholeBytes()
        if count > 0 { write(0, width: 8 - count) }
        flushWholeBytes()
    }

    /// Appends whole bytes; only valid on a byte boundary.
    mutating func writeBytes(_ more: ArraySlice<UInt8>) {
        precondition(count == 0, "bytes are only written on a byte boundary")
        reserve(more.count)
        storage.replaceSubrange(used..<(used + more.count), with: more)
        used += more.count
    }

    /// Runs `body` with a writer that needs no checks: room for `bytes` more bytes is made first, and
    /// `body` must not write more. For the token loop, where a checked append per 32 bits cost
    /// more than the Huffman coding itself.
    mutating func withUncheckedRoom(for bytes: Int, _ body: (inout UncheckedBitSink) -> Void) {
        reserve(bytes + 8)
        let (start, startBuffer, startCount) = (used, buffer, count)
        let sink = storage.withUnsafeMutableBytes { raw -> UncheckedBitSink in
            var sink = UncheckedBitSink(base: raw.baseAddress!, end: raw.count, used: start, buffer: startBuffer, count: startCount)
            body(&sink)
            return sink
        }
        (used, buffer, count) = (sink.used, sink.buffer, sink.count)
    }

    /// The bytes written, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        alignToByte()
        storage.removeSubrange(used...)
        return storage
    }
}

/// ``BitWriter``'s state over room already made: writes without bounds or capacity checks (a
/// debug build still checks the room).
struct UncheckedBitSink {
    let base: UnsafeMutableRawPointer
    let end: Int
    var used: Int
    var buffer: UInt64
    var count: Int

    /// Appends the `width` low bits of `value`; `value` must fit in `width` bits (at most 32).
    @inline(__always)
    mutating func write(_ value: UInt32, width: Int) {
        buffer |= UInt64(value) << count
        count += width
        if count >= 32 {
            assert(used + 4 <= end, "UncheckedBitSink: no room left")
            base.storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, toByteOffset: used, as: UInt32.self)
            used += 4
            buffer >>= 32
            count -= 32
        }
    }
}
