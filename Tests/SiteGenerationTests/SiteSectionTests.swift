import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Navigation, list pages, reserved routes and kind resolution all come from `SiteSection`.
@Suite("Site sections")
struct SiteSectionTests {
    @Test("every section has its page, its place in the navigation and gives its folder's files their kind")
    func sectionsDerive() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(),
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        let home = try #require(built.text("index.html"))
        let nav = try #require(home.range(of: "<nav").map { String(home[$0.lowerBound...]) })
        var lastPosition = nav.startIndex
        for section in SiteSection.allCases {
            #expect(built.files[section.url.outputFile] != nil, "no page for \(section)")
            guard section.isInNavigation else { continue }
            let link = "href=\"\(section.url.rawValue)\""
            let position = try #require(nav.range(of: link), "\(section) is not in the navigation")
            #expect(position.lowerBound > lastPosition, "\(section) is out of order in the navigation")
            lastPosition = position.lowerBound
        }
        // The kind comes from the folder: a blueprint page has the blueprint layout's facts.
        #expect(built.text("blaupausen/post/index.html")?.contains("Reifegrad") == true)
    }

    @Test("a section's index.md introduces the page vcc makes instead of becoming a page of its own")
    func sectionIntroductions() throws {
        for section in SiteSection.allCases {
            let site = try InlineSite(["content/\(section.rawValue)/index.md": "---\ntitle: Eigener Titel \(section.rawValue)\n---\nEinleitung.\n"])
            defer { site.remove() }
            let built = try site.build()
            #expect(built.errors.isEmpty, "\(section): \(built.errors)")
            #expect(built.text(section.url.outputFile)?.contains("Eigener Titel \(section.rawValue)") == true, "\(section)")
        }
    }

    @Test("every kind has its type names (German and English) and its group on /seitenuebersicht/")
    func everyKindIsNamed() throws {
        for kind in ContentKind.allCases {
            #expect(ContentKind(typeName: kind.rawValue) == kind)
            #expect(ContentKind(typeName: kind.germanTypeName.uppercased()) == kind)
        }
        let site = try InlineSite(["content/kommunen/marburg.md": Fixtures.municipality, "content/blaupausen/post.md": Fixtures.blueprint(),
                                   "content/ueber-uns.md": "---\ntitle: Über uns\n---\nText.\n"])
        defer { site.remove() }
        let index = try #require(try site.build().text("seitenuebersicht/index.html"))
        for kind in [ContentKind.blueprint, .municipality, .page] {
            #expect(index.contains("id=\"gruppe-\(kind.siteIndexGroup.id)\""), "\(kind) has no group on the site index")
        }
    }
}
