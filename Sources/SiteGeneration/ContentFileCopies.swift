public import SiteModel
public import SiteSnapshot

/// The files of `content/` published as they are (pictures, PDFs, office files), and each
/// blueprint's Markdown source for download beside its page.
struct ContentFileCopies: SiteOutput {
    /// Files below `content/` to publish, by path below `content/`.
    let assetPaths: [String]

    func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        assetPaths.map { OutputClaim($0, by: .content("content/" + $0)) }
            + directory.routes.entries(of: .blueprint).map {
                OutputClaim($0.markdownPath, by: .generated("der Markdown-Download von \($0.document.sourcePath)"))
            }
    }

    func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        for path in assetPaths {
            if let contents = site.files.take(path) { try sink.accept(OutputFile(path: path, contents: contents)) }
        }
        for entry in site.routes.entries(of: .blueprint) {
            if let source = site.files.take(entry.document.contentPath) {
                try sink.accept(OutputFile(path: entry.markdownPath, contents: source))
            }
        }
    }
}
