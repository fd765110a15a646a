/// The fields a ZIP entry repeats in its local header and its central directory record
/// (APPNOTE 4.3.7 and 4.3.12), and their byte layout.
struct ZipEntryHeader {
    let method: UInt16
    let time: UInt16
    let date: UInt16
    let crc: UInt32
    let compressedSize: UInt32
    let size: UInt32
    let name: [UInt8]

    /// 2.0 for DEFLATE, 1.0 for stored entries, as the readers of ODF (and APPNOTE 4.4.3) expect.
    private var versionNeeded: UInt16 { method == 8 ? 20 : 10 }
    /// Bit 11: the name is UTF-8 (umlauts in attachment names).
    private let flags: UInt16 = 1 << 11

    func localHeader() -> [UInt8] {
        var out = LittleEndianBytes()
        out.append32(0x0403_4B50)
        out.append16(versionNeeded)
        appendCommonFields(to: &out)
        out.append16(0)  // extra field length: none, as the ODF mimetype entry requires
        out.bytes.append(contentsOf: name)
        return out.bytes
    }

    func centralRecord(localHeaderOffset: UInt32) -> [UInt8] {
        var out = LittleEndianBytes()
        out.append32(0x0201_4B50)
        out.append16(3 << 8 | 30)  // made by: Unix, APPNOTE 3.0, so that the mode below is read
        out.append16(versionNeeded)
        appendCommonFields(to: &out)
        out.append16(0)  // extra field length
        out.append16(0)  // comment length
        out.append16(0)  // disk number
        out.append16(0)  // internal attributes
        out.append32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
        out.append32(localHeaderOffset)
        out.bytes.append(contentsOf: name)
        return out.bytes
    }

    /// From "general purpose bit flag" to "file name length", identical in both records.
    private func appendCommonFields(to out: inout LittleEndianBytes) {
        out.append16(flags)
        out.append16(method)
        out.append16(time)
        out.append16(date)
        out.append32(crc)
        out.append32(compressedSize)
        out.append32(size)
        out.append16(UInt16(name.count))
    }
}

/// Bytes of little-endian integers, the byte order of every ZIP field.
struct LittleEndianBytes {
    var bytes: [UInt8] = []

    mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        append16(UInt16(truncatingIfNeeded: value))
        append16(UInt16(truncatingIfNeeded: value >> 16))
    }
}
