/// The `id` attributes of a rendered page: every anchor a link may point at, from the Markdown's
/// headings and from the sections the layout adds (`#lernziele` only where the layout has them).
enum PageAnchors {
    /// The values of ` id="…"` in `html`.
    static func ids(in html: String) -> Set<String> {
        var html = html
        return html.withUTF8 { bytes in
            var ids = Set<String>()
            let pattern: [UInt8] = Array(" id=\"".utf8)
            var index = 0
            let end = bytes.count - pattern.count
            while index < end {
                // '=' is rare in HTML text, so look for it first and compare the rest around it.
                guard bytes[index + 3] == 0x3D, bytes[index] == 0x20, bytes[index + 1] == 0x69, bytes[index + 2] == 0x64,
                      bytes[index + 4] == 0x22 else { index += 1; continue }
                var close = index + 5
                while close < bytes.count, bytes[close] != 0x22 { close += 1 }
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 5)..<close]), as: UTF8.self))
                index = close
            }
            return ids
        }
    }
}
