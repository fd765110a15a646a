import Glibc

/// The `id` attributes of a rendered page: every anchor a link may point at, from the Markdown's
/// headings and from the sections the layout adds (`#lernziele` only where the layout has them).
enum PageAnchors {
    private static let pattern: [UInt8] = Array(" id=\"".utf8)

    /// The values of ` id="…"` in `html`. Every page of a large site passes through here, so the
    /// search jumps from `=` to `=` with memchr (vectorised in glibc) and compares around it.
    static func ids(in html: [UInt8]) -> Set<String> {
        html.withUnsafeBufferPointer { bytes -> Set<String> in
            guard let base = bytes.baseAddress else { return [] }
            var ids = Set<String>()
            var offset = 3
            while offset + 1 < bytes.count, let hit = memchr(base + offset, 0x3D, bytes.count - offset - 1) {
                let equals = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                offset = equals + 1
                guard bytes[equals + 1] == 0x22, bytes[equals - 1] == 0x64, bytes[equals - 2] == 0x69, bytes[equals - 3] == 0x20
                else { continue }
                var end = equals + 2
                while end < bytes.count, bytes[end] != 0x22 { end += 1 }
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 2)..<end]), as: UTF8.self))
                offset = end
            }
            return ids
        }
    }

    static func ids(in html: String) -> Set<String> { ids(in: Array(html.utf8)) }
}
