/// A Markdown file split into its YAML front matter and its body.
///
/// Works on UTF-8 bytes: laws and long reports run to megabytes, and splitting them into lines
/// as Swift strings costs more than the rest of loading.
struct FrontMatter {
    /// The YAML between the `---` lines; nil when the file has no front matter.
    var yaml: String?
    /// The file line of the first YAML line (the one after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// The file line where the body starts.
    var bodyFirstLine: Int

    /// Splits `text`; returns nil when an opening `---` is never closed.
    init?(splitting text: String) {
        let utf8 = text.utf8
        guard let firstEnd = utf8.firstIndex(of: 0x0A), Self.isFence(utf8[utf8.startIndex..<firstEnd]) else {
            yaml = nil; yamlFirstLine = 0; body = text; bodyFirstLine = 1
            return
        }
        var lineStart = utf8.index(after: firstEnd)
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let content = utf8[lineStart..<lineEnd]
            if Self.isFence(content) || Self.trimmed(content).elementsEqual("...".utf8) {
                yaml = String(Substring(utf8[utf8.index(after: firstEnd)..<lineStart]))
                yamlFirstLine = 2
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                body = String(Substring(utf8[bodyStart...]))
                bodyFirstLine = line + 1
                return
            }
            line += 1
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return nil
    }

    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        trimmed(line).elementsEqual("---".utf8)
    }

    private static func trimmed(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            let byte = line[previous]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { break }
            end = previous
        }
        return line[line.startIndex..<end]
    }
}
