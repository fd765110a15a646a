import ContentLoading
import Foundation
import SiteModel
import SiteSnapshot
import Testing
import TestSupport

/// The snapshot resolves every id of front matter once; outputs read the documents, not the ids.
@Suite("Resolved references")
struct ResolvedReferencesTests {
    @Test("a blueprint's cities, project, related blueprints and adopters are the documents they name; unknown ids stay ids")
    func blueprintReferences() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(
                municipalities: "[marburg, nirgendwo]",
                extra: "related: [akte]\nadopted_by: [{municipality: marburg}, {name: Beispielstadt, ags: '06412000'}]"),
            "content/blaupausen/akte.md": Fixtures.blueprint(title: "E-Akte"),
        ])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        var diagnostics: [Diagnostic] = []
        let directory = SiteDirectory(routes: RouteTable(documents: project.documents, diagnostics: &diagnostics))
        let post = try #require(directory.routes.entry(kind: .blueprint, id: "post"))
        let references = directory.references(of: post)
        #expect(references.municipalities.map(\.title) == ["Marburg", "nirgendwo"])
        #expect(references.municipalities.map { $0.entry?.url.rawValue } == ["/kommunen/marburg/", nil])
        #expect(references.related.map { $0.entry?.document.title } == ["E-Akte"])
        #expect(references.adopters.map { $0?.entry?.url.rawValue } == ["/kommunen/marburg/", nil])
        #expect(references.adopters[1] == nil, "an adopter outside the cooperation names no document")
    }
}
