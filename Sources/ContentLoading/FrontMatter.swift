/// A Markdown file split into its YAML front matter and its body.
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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool {
            line.trimmingTrailingWhitespace() == "---"
        }
        guard let first = lines.first, isFence(first) else {
            yaml = nil; yamlFirstLine = 0; body = text; bodyFirstLine = 1
            return
        }
        guard let close = lines.dropFirst().firstIndex(where: { isFence($0) || $0.trimmingTrailingWhitespace() == "..." }) else {
            return nil
        }
        yaml = lines[1..<close].joined(separator: "\n")
        yamlFirstLine = 2
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyFirstLine = close + 2
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
