@testable import SearchIndexing
import SiteModel
import Testing
import TestSupport

/// The page renderers hand search documents to a spare-time precompression; the index must come
/// out the same whichever documents were ready, and the threads must stop.
@Suite("Passages compressed while pages render")
struct PassagePrecompressionTests {
    @Test("an index built with some, all or none of the documents prepared early is byte for byte the same")
    func sameIndex() throws {
        let pages = RecordPackTests.pages
        let plain = MemorySink()
        try SearchIndexBuilder().build(pages, into: plain)
        for share in [1, 2] {
            let precompression = PassagePrecompression(threads: 2)
            for (index, page) in pages.enumerated() where index % share == 0 { precompression.add(page) }
            let sink = MemorySink()
            try SearchIndexBuilder().build(pages, into: sink, precompression: precompression)
            #expect(sink.files == plain.files, "every \(share). document prepared")
        }
    }

    @Test("what is ready is handed out by URL with the passages the builder would cut; after that nothing more is taken")
    func finishStops() {
        let pages = Array(RecordPackTests.pages.prefix(40))
        let precompression = PassagePrecompression(threads: 2)
        for page in pages { precompression.add(page) }
        let ready = precompression.finish()
        #expect(ready.count <= pages.count)
        for page in pages {
            guard let prepared = ready[page.url] else { continue }
            #expect(prepared.passages.passages.map(\.text) == Passages(page).passages.map(\.text))
            #expect(prepared.encoded.laterBlocks == RecordWriter.encode(Passages(page)).laterBlocks)
        }
        precompression.add(pages[0])
        #expect(precompression.finish().isEmpty, "closed: a later document is not taken")
        precompression.cancel()
    }
}
