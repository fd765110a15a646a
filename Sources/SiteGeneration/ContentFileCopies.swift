public import SiteModel
public import SiteSnapshot

/// The files of `content/` published as they are (pictures, PDFs, office files), and each
/// blueprint's Markdown source for download beside its page.
struct ContentFileCopies: SiteOutput {
    /// Files below `content/` to publish, by path below `content/`.
    let assetPaths: [String]

    /// Extensions of the pictures whose size is checked.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"]

    /// `1.234 KB`, in German digits.
    static func kilobytes(_ bytes: Int) -> String {
        let value = (bytes + 500) / 1_000
        guard value >= 1_000 else { return "\(value) KB" }
        let rest = String(value % 1_000)
        return "\(value / 1_000)." + String(repeating: "0", count: 3 - rest.count) + rest + " KB"
    }

    func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        assetPaths.map { OutputClaim($0, by: .content("content/" + $0)) }
            + directory.routes.entries(of: .blueprint).map {
                OutputClaim($0.markdownPath, by: .generated("der Markdown-Download von \($0.document.sourcePath)"))
            }
    }

    func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        for path in assetPaths {
            guard let contents = site.files.take(path) else { continue }
            try sink.accept(OutputFile(path: path, contents: contents))
            let limit = site.configuration.maximumImageKilobytes
            if contents.count > limit * 1_000, Self.imageExtensions.contains(path.split(separator: ".").last.map { $0.lowercased() } ?? "") {
                ledger.diagnostics.append(.warning(
                    at: SourceLocation(file: "content/" + path, line: 1, column: 1),
                    "Das Bild ist \(Self.kilobytes(contents.count)) groß (mehr als \(Self.kilobytes(limit * 1_000))); wer es öffnet, wartet darauf.",
                    hint: "Verkleinere es (zum Beispiel auf 1600 Pixel Breite, als JPEG oder WebP) oder setze `images: {max_kb: …}` in site.yml."))
            }
        }
        for entry in site.routes.entries(of: .blueprint) {
            if let source = site.files.take(entry.document.contentPath) {
                try sink.accept(OutputFile(path: entry.markdownPath, contents: source))
            }
        }
    }
}
