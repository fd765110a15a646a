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

    @Test("a reference by id to a draft says it is a draft, not that it does not exist")
    func referenceToDraft() throws {
        let draft = Fixtures.municipality.replacingOccurrences(of: "name: Marburg", with: "name: Entwurfstadt\ndraft: true")
            .replacingOccurrences(of: "06534014", with: "06534099")
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality, "content/kommunen/entwurf.md": draft,
            "content/blaupausen/post.md": Fixtures.blueprint(municipalities: "[marburg, entwurf]"),
        ])
        defer { site.remove() }
        let errors = try site.build().errors
        let error = try #require(errors.first { $0.location.file == "content/blaupausen/post.md" })
        #expect(error.message.contains("`entwurf`; das ist ein Entwurf (content/kommunen/entwurf.md"), "\(errors)")
        #expect(!errors.contains { $0.message.contains("es gibt keine Kommune") })
    }
}
