import RawDeflate
/// A ZIP archive (PKWARE APPNOTE 6.3.x) built in memory and deterministic: entries in the order
/// added, one fixed timestamp, fixed permissions, no extra fields. The same entries give the same
/// bytes on every machine, so a package's checksum only changes when its content does.
///
/// No ZIP64: more than 65,534 entries or anything at or beyond 4 GiB is refused with an error.
public struct ZipArchive: Sendable {
    /// Why an entry could not be added.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was wrong.
        public enum Reason: Sendable, Equatable {
            /// Empty, absolute, with `\`, `.` or `..` segments, empty segments or control characters.
            case invalidPath
            /// An entry with this path was already added.
            case duplicatePath
            /// The archive would exceed 65,534 entries.
            case tooManyEntries
            /// The entry or the archive would reach 4 GiB.
            case tooLarge
        }

        /// The path of the entry that was refused.
        public let path: String
        /// What was wrong with it.
        public let reason: Reason

        /// A German message naming the path, for the build's error report.
        public var description: String {
            switch reason {
            case .invalidPath: "„\(path)“ ist kein gültiger Pfad in einem ZIP-Archiv"
            case .duplicatePath: "„\(path)“ steht schon im ZIP-Archiv"
            case .tooManyEntries: "„\(path)“: mehr als 65.534 Dateien passen nicht in ein ZIP-Archiv ohne ZIP64"
            case .tooLarge: "„\(path)“: das ZIP-Archiv würde 4 GiB erreichen, ZIP64 wird nicht unterstützt"
            }
        }
    }

    /// Local headers and data of all entries, in order.
    private var body: [UInt8] = []
    /// The central directory records, in the same order.
    private var directory: [UInt8] = []
    private var paths: Set<String> = []
    private let dosDate: UInt16
    /// Noon rather than midnight: tools that convert the zone-less DOS time between local time and
    /// UTC then still show the right day.
    private let dosTime: UInt16 = 12 << 11

    /// An empty archive whose entries all carry `date` (clamped to 1980...2107, the DOS range).
    public init(date: (year: Int, month: Int, day: Int)) {
        let year = min(max(date.year, 1980), 2107) - 1980
        let month = min(max(date.month, 1), 12)
        let day = min(max(date.day, 1), 31)
        dosDate = UInt16(year << 9 | month << 5 | day)
    }

    /// The number of entries added so far.
    public var entryCount: Int { paths.count }

    /// Appends a file. With `compress`, the contents are DEFLATE-compressed unless that does not
    /// make them smaller (already compressed PDFs, images), in which case they are stored.
    /// - Parameter path: `/`-separated relative path, e.g. `anlagen/plan.pdf`.
    public mutating func add(path: String, contents: [UInt8], compress: Bool = true) throws(Failure) {
        guard Self.isValid(path) else { throw Failure(path: path, reason: .invalidPath) }
        guard !paths.contains(path) else { throw Failure(path: path, reason: .duplicatePath) }
        guard paths.count < 0xFFFF - 1 else { throw Failure(path: path, reason: .tooManyEntries) }
        guard contents.count < 0xFFFF_FFFF else { throw Failure(path: path, reason: .tooLarge) }
        let name = Array(path.utf8)
        var data = contents
        var method: UInt16 = 0
        if compress && !contents.isEmpty {
            let deflated = Deflate.compress(contents)
            if deflated.count < contents.count {
                data = deflated
                method = 8
            }
        }
        let offset = body.count
        let newSize = offset + 30 + name.count + data.count + directory.count + 46 + name.count + 22
        guard newSize < 0xFFFF_FFFF else { throw Failure(path: path, reason: .tooLarge) }

        let header = ZipEntryHeader(
            method: method, time: dosTime, date: dosDate, crc: CRC32.checksum(contents),
            compressedSize: UInt32(data.count), size: UInt32(contents.count), name: name)
        body.append(contentsOf: header.localHeader())
        body.append(contentsOf: data)
        directory.append(contentsOf: header.centralRecord(localHeaderOffset: UInt32(offset)))
        paths.insert(path)
    }

    /// The complete archive.
    public func bytes() -> [UInt8] {
        var out = body
        out.reserveCapacity(body.count + directory.count + 22)
        out.append(contentsOf: directory)
        var end = LittleEndianBytes()
        end.append32(0x0605_4B50)  // end of central directory signature
        end.append16(0)  // number of this disk
        end.append16(0)  // disk where the central directory starts
        end.append16(UInt16(paths.count))  // entries on this disk
        end.append16(UInt16(paths.count))  // entries in total
        end.append32(UInt32(directory.count))
        end.append32(UInt32(body.count))  // offset of the central directory
        end.append16(0)  // comment length
        out.append(contentsOf: end.bytes)
        return out
    }

    /// Refuses what unpacking tools would write outside the target folder or reject ("zip slip").
    private static func isValid(_ path: String) -> Bool {
        guard !path.isEmpty, path.utf8.count <= 0xFFFF, !path.contains("\\") else { return false }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !["", ".", ".."].contains($0) }
    }
}
