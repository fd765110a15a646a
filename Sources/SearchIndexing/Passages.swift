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

    /// Cuts `text` at spaces once a passage reaches the target length.
    private mutating func cut(_ text: String, anchor: Int) {
        let target = SearchTuning.passageLength
        var utf8 = text.utf8[...]
        while !utf8.isEmpty {
            var end = utf8.startIndex
            var characters = 0
            var lastSpace: String.UTF8View.Index?
            while end != utf8.endIndex {
                let byte = utf8[end]
                if byte & 0xC0 != 0x80 { characters += 1 }
                if byte == 0x20 {
                    lastSpace = end
                    if characters >= target { break }
                }
                end = utf8.index(after: end)
            }
            let cutAt = end == utf8.endIndex ? end : (lastSpace ?? end)
            let trimmed = Substring(utf8[utf8.startIndex..<cutAt]).trimmingSpaces()
            if !trimmed.isEmpty { passages.append((anchor, trimmed)) }
            utf8 = cutAt == utf8.endIndex ? utf8[utf8.endIndex...] : utf8[utf8.index(after: cutAt)...]
        }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var view = self
        while view.first == " " || view.first == "\n" { view.removeFirst() }
        while view.last == " " || view.last == "\n" { view.removeLast() }
        return view
    }
}
