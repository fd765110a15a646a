import SearchIndexing
import SiteModel
import SiteSnapshot

/// The search index of the documents' pages (`suche/index/`), built from the search documents
/// the pages left in the ledger. The folder belongs to vcc even when a build leaves the index out
/// (the preview builds it in the background), so no content file may take a place in it.
struct SearchIndexOutput: SiteOutput {
    /// Whether this build writes the index.
    let isIncluded: Bool
    /// The passages the page renderers handed over while rendering, cut and compressed meanwhile.
    let precompression: PassagePrecompression?

    var step: String { "Suchindex" }

    func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        [OutputClaim(SearchIndexBuilder.folder, by: .generated("der Ordner \(SearchIndexBuilder.folder), den vcc selbst erzeugt"))]
    }

    func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        guard isIncluded else { return }
        ledger.stepDetails = try SearchIndexBuilder(synonyms: site.configuration.synonyms)
            .build(ledger.searchDocuments, into: sink, precompression: precompression)
    }
}
