import Foundation
import SiteGeneration
import SitePages
import SiteModel
import Templating
import Testing
import TestSupport

/// The contract between the typed page contexts and the templates: the theme names no field a
/// context lacks, a site's template that does is warned about at the tag, and the reference in
/// docs/TEMPLATES.md is the one generated from the context types.
@Suite("Template contract")
struct TemplateContractTests {
    @Test("every layout of the built-in theme has an example context, and the theme names only fields the contexts have")
    func builtInThemeIsClean() throws {
        let (templates, problems) = TemplateSet.load(siteTemplates: nil)
        #expect(problems.isEmpty, "\(problems)")
        let layouts = Set(templates.templateNames.filter { $0.hasPrefix("layouts/") })
        #expect(layouts == Set(PageContextExamples.all.keys))
        let unknown = templates.unknownVariables(examples: PageContextExamples.all)
        #expect(unknown.isEmpty, "\(unknown.map(\.description))")
    }

    @Test("a site's template that names a missing field is a warning at template:line:col with the field it probably meant")
    func misspeltField() throws {
        let theme = try #require(BuiltInTheme.files().first { $0.path == "partials/card.mustache" })
        let card = String(decoding: theme.contents, as: UTF8.self)
        #expect(card.contains("{{title}}"))
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "templates/partials/card.mustache": card.replacingOccurrences(of: "{{title}}", with: "{{titel}}"),
        ])
        defer { site.remove() }
        let built = try site.build()
        let warning = try #require(built.warnings.first { $0.location.file == "templates/partials/card.mustache" })
        #expect(warning.message.contains("`titel`"))
        #expect(warning.hint?.contains("Meintest du `title`?") == true)
        #expect(warning.location.line >= 1 && warning.location.column > 1)
        #expect(built.warnings.filter { $0.location.file == "templates/partials/card.mustache" }.count == 1, "once per tag")
    }

    @Test("docs/TEMPLATES.md carries the reference generated from the context types (VCC_WRITE_DOCS=1 rewrites it)")
    func referenceInStep() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/TEMPLATES.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let begin = "<!-- generated from the context types: do not edit by hand -->\n"
        let end = "<!-- end of generated reference -->"
        let start = try #require(text.range(of: begin), "the marker is missing in docs/TEMPLATES.md")
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let generated = "\n" + TemplateReference.markdown(examples: PageContextExamples.reference) + "\n"
        if ProcessInfo.processInfo.environment["VCC_WRITE_DOCS"] == "1" {
            try (String(text[..<start.upperBound]) + generated + String(text[stop.lowerBound...])).write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<stop.lowerBound]) == generated,
                "docs/TEMPLATES.md is out of step with the page contexts; run VCC_WRITE_DOCS=1 swift test --filter TemplateContract")
    }
}
