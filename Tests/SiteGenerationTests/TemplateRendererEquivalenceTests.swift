import Foundation
import SiteGeneration
import SitePages
@_spi(Testing) import Templating
import Testing
import TestSupport

/// vcc renders pages with its own compiled templates; these tests render the theme's templates
/// with real contexts through swift-mustache as well and require the same bytes.
@Suite("Compiled templates on the theme and the sample site")
struct TemplateRendererEquivalenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test("every template of the theme with every layout's example context gives swift-mustache's output")
    func themeWithExamples() throws {
        let (templates, problems) = TemplateSet.load(siteTemplates: nil)
        #expect(problems.isEmpty)
        #expect(templates.usesCompiledTemplates)
        var compared = 0
        for (layout, example) in PageContextExamples.all.sorted(by: { $0.key < $1.key }) {
            let value = try #require(try TemplateValueEncoder().encode(example))
            for name in templates.templateNames.sorted() {
                let expected = templates.renderWithMustache(name, value: value)
                let actual = templates.renderCompiled(name, value: value)
                #expect(expected != nil && actual == expected, "\(name) with the example of \(layout)")
                compared += 1
            }
        }
        #expect(compared > 300)
        print("compared \(compared) renders (\(templates.templateNames.count) templates × \(PageContextExamples.all.count) contexts)")
    }

    @Test("every page of the sample site renders as swift-mustache renders it")
    func sampleSite() throws {
        let log = TemplateRenderLog()
        let (templates, _) = TemplateSet.load(siteTemplates: nil)
        var options = BuildOptions(sourceDateEpoch: 1_700_000_000)
        options.templates = templates.logging(into: log)
        let site = try InlineSite.existing(Self.repository)
        let built = try site.build(options: options)
        #expect(built.errors.isEmpty)
        let pages = log.entries
        #expect(pages.count > 100, "the sample site has more pages than \(pages.count)")
        for (template, value) in pages {
            let expected = templates.renderWithMustache(template, value: value)
            #expect(expected != nil && templates.renderCompiled(template, value: value) == expected, "\(template)")
        }
        print("compared \(pages.count) pages of the sample site")
    }
}
