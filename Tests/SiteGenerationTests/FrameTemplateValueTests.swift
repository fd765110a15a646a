@testable import SitePages
import Templating
import Testing

/// The page frame and a plain page's fields make their template trees themselves (for speed); they
/// must be exactly the trees their `encode(to:)` gives, or a template would read something else.
@Suite("Template values made directly")
struct FrameTemplateValueTests {
    /// The tree made directly and the one of `encode(to:)`; a body given as bytes is compared as
    /// the text it stands for (the templates read it so).
    func trees(_ value: some TemplateValueConvertible) throws -> (direct: TemplateValue?, encoded: TemplateValue?) {
        (try value.templateValue.map(Self.asTexts), try TemplateValueEncoder().encode(value))
    }

    static func asTexts(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .utf8(let bytes): .text(String(decoding: bytes, as: UTF8.self))
        case .object(let fields): .object(fields.mapValues(asTexts))
        case .list(let list): .list(TemplateList(list.items.map(asTexts), element: list.element, isReversedView: list.isReversedView))
        case .pair(let key, let value): .pair(key: key, value: asTexts(value))
        default: value
        }
    }

    @Test("the example frame with a plain page's fields has the same tree made directly as through encode(to:)")
    func examplePage() throws {
        guard let fields = PageContextExamples.fields(of: .page) as? DocumentFields<PlainPageFields> else {
            Issue.record("the example of a plain page has other fields")
            return
        }
        let (direct, encoded) = try trees(LayoutContext(frame: PageContextExamples.frame, fields: fields))
        #expect(direct != nil)
        #expect(direct == encoded)
    }

    @Test("the example frame of every layout has the same tree made directly as through encode(to:)")
    func exampleFrame() throws {
        let (direct, encoded) = try trees(PageContextExamples.frame)
        #expect(direct == encoded)
        guard case .object(let fields)? = direct, case .object(let site)? = fields["site"] else {
            Issue.record("the frame is not an object")
            return
        }
        // The example sets every field, so none is compared only as missing.
        #expect(site.count == 15)
        #expect(site["phase"] != nil && site["legalPages"] != nil)
    }

    @Test("a field left nil is left out, a list of one item stays a list, a flag stays a flag")
    func shapes() throws {
        var frame = PageContextExamples.frame
        frame.site.phase = nil
        frame.site.logo = nil
        frame.nav = [NavigationLink(title: "Blaupausen", url: "/blaupausen/", current: true)]
        let (direct, encoded) = try trees(frame)
        #expect(direct == encoded)
        guard case .object(let fields)? = direct, case .object(let site)? = fields["site"] else {
            Issue.record("the frame is not an object")
            return
        }
        #expect(site["phase"] == nil && site["logo"] == nil)
        #expect(site["hasColors"] == .flag(true))
        guard case .list(let nav)? = fields["nav"] else {
            Issue.record("nav is not a list")
            return
        }
        #expect(nav.items == [.fields(["title": .text("Blaupausen"), "url": .text("/blaupausen/"), "current": .flag(true)])])
    }

    @Test("empty lists and a page without fields of its kind come out as the encoder makes them")
    func plainPage() throws {
        let fields = DocumentFields(content: Array("<p>Text</p>".utf8), toc: [], tocItems: "", themes: [], kind: PlainPageFields())
        let (direct, encoded) = try trees(fields)
        #expect(direct == encoded)
        guard case .object(let object)? = direct else {
            Issue.record("not an object")
            return
        }
        #expect(Set(object.keys) == ["content", "toc", "tocItems", "themes"])
        #expect(object["content"] == .text("<p>Text</p>"))
    }

    @Test("a table of contents keeps its entries, levels as numbers")
    func tableOfContents() throws {
        let toc = [TOCEntry(level: 2, text: "Ziele", id: "ziele"), TOCEntry(level: 3, text: "Umfang", id: "umfang")]
        let fields = DocumentFields(content: [], toc: toc, tocItems: "<li>…</li>", themes: [ThemeLink(name: "E-Akte", url: "", hasPage: false)],
                                    kind: PlainPageFields())
        let (direct, encoded) = try trees(fields)
        #expect(direct == encoded)
    }
}
