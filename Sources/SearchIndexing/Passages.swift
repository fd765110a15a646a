import SiteModel

/// A document's excerpt text, cut into passages of about ``SearchTuning/passageLength`` characters.
///
/// Each passage remembers the section (heading anchor) it stands in, so a result can link
/// straight to the section of its best passage.
struct Passages {
    /// Anchor id and heading text of each section; index 0 is the text before the first heading.
    var anchors: [(id: String, heading: String)] = [("", "")]
    /// Section index and text of each passage, in reading order. The text is a slice of the
    /// document's own string, not a copy: a large site's passages would otherwise double its text in memory.
    var passages: [(anchor: Int, text: Substring)] = []
    /// The first passages hold the summary; they count as the meta field, the rest as body.
    private(set) var summaryCount = 0

    init(_ document: SearchDocument) {
        if !document.summary.isEmpty { cut(document.summary, anchor: 0) }
        summaryCount = passages.count
        for section in document.sections {
            var anchor = 0
            if !section.anchor.isEmpty {
                anchors.append((section.anchor, section.heading))
                anchor = anchors.count - 1
            }
            cut(section.text, anchor: anchor)
        }
    }

    /// Cuts `text` at spaces once a passage reaches the target length (in characters, counted as
    /// UTF-8 lead bytes); passages are trimmed of spaces and line ends. Works on the bytes and then
    /// slices the string by byte offsets, which is constant time for native strings.
    private mutating func cut(_ text: String, anchor: Int) {
        let target = SearchTuning.passageLength
        var copy = text  // Shares the storage; withUTF8 needs a variable.
        var ranges: [(Int, Int)] = []
        copy.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                var characters = 0
                // Eight bytes at a time while the passage is short of its length for sure: a
                // continuation byte is 10xxxxxx, so the others are counted with one popcount.
                while end + 8 <= bytes.count && characters + 8 < target {
                    let word = UnsafeRawPointer(bytes.baseAddress! + end).loadUnaligned(as: UInt64.self)
                    let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                    characters += 8 - continuation.nonzeroBitCount
                    end += 8
                }
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte & 0xC0 != 0x80 { characters += 1 }
                    if byte == 0x20 && characters >= target { break }
                    end += 1
                }
                var from = start, to = end
                while from < to && (bytes[from] == 0x20 || bytes[from] == 0x0A) { from += 1 }
                while to > from && (bytes[to - 1] == 0x20 || bytes[to - 1] == 0x0A) { to -= 1 }
                if from < to { ranges.append((from, to)) }
                start = end < bytes.count ? end + 1 : end
            }
        }
        let utf8 = text.utf8
        for (from, to) in ranges {
            let lower = utf8.index(utf8.startIndex, offsetBy: from), upper = utf8.index(utf8.startIndex, offsetBy: to)
            passages.append((anchor, Substring(utf8[lower..<upper])))
        }
    }
}
