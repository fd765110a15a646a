import Foundation
import SiteModel
import Testing
import ContentSchema

/// docs/CONTENT-MODEL.md is generated from the content model's definitions and kept current.
@Suite("Content model document")
struct ContentModelDocumentTests {
    @Test("docs/CONTENT-MODEL.md equals `vcc schema --markdown`")
    func documentIsCurrent() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let onDisk = try String(contentsOf: repository.appendingPathComponent("docs/CONTENT-MODEL.md"), encoding: .utf8)
        #expect(onDisk == ContentModelMarkdown.document, "run `vcc schema --markdown > docs/CONTENT-MODEL.md`")
        for kind in ContentKind.allCases { #expect(onDisk.contains("(`\(kind.rawValue)`)")) }
    }
}
