/// The CRC-32 of ZIP, gzip and PNG (IEEE 802.3, reflected polynomial 0xEDB88320), table-driven.
struct CRC32 {
    /// The checksum of everything fed so far.
    private(set) var value: UInt32 = 0

    /// One entry per byte value: the CRC register after shifting that byte through it.
    private static let table: [UInt32] = (0..<256).map { byte in
        var crc = UInt32(byte)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
        return crc
    }

    /// Feeds more bytes; the result equals the checksum of all fed bytes as one sequence.
    mutating func update(_ bytes: [UInt8]) {
        // The register is kept inverted between calls, as the standard algorithm starts from and
        // ends with all ones.
        var crc = ~value
        Self.table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        value = ~crc
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
