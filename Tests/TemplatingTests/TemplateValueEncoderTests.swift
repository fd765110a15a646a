import FileAccess
import Foundation
import SiteModel
@_spi(Testing) import Templating
import TestSupport
import Testing

@Suite("Typed page contexts")
struct TemplateValueEncoderTests {
    /// A stand-in for a layout's context: nested lists, optionals set and unset, flags, numbers.
    struct ProbeContext: Encodable {
        enum Maturity: String, Encodable { case pilot }
        struct Page: Encodable {
            var title: String
            var summary: String?
            var subtitle: String?
            var isHome: Bool
            var isDraft: Bool
            var keywords: [String]
            var count: Int
            var share: Double
            var maturity: Maturity
        }
        struct Item: Encodable {
            var name: String
            var url: String?
            var tags: [String]
            var links: [Link]
        }
        struct Link: Encodable {
            var title: String
            var current: Bool
        }
        var page: Page
        var items: [Item]
        var none: [Item]
        var counts: [String: Int]
        var missing: String?
    }

    static let template = """
        {{page.title}}|{{#page.summary}}S:{{.}}{{/page.summary}}|{{#page.subtitle}}T:{{.}}{{/page.subtitle}}\
        {{^page.subtitle}}no subtitle{{/page.subtitle}}|{{#page.isHome}}home{{/page.isHome}}{{^page.isDraft}}final{{/page.isDraft}}|\
        {{#page.keywords}}{{.}}{{^last()}}, {{/last()}}{{/page.keywords}}|{{page.count}} {{page.share}} {{page.maturity}}|
        {{#items}}<li>{{name}}{{#url}} <a href="{{url}}">{{title}}{{page.title}}</a>{{/url}}{{^url}} (ohne){{/url}}\
        {{#tags}}[{{.}}]{{/tags}}{{#links}}<{{title}}{{#current}}*{{/current}}>{{/links}}</li>
        {{/items}}{{^none}}leer{{/none}}{{^empty(items)}}voll{{/empty(items)}}|{{counts.a}}|{{#missing}}da{{/missing}}{{^missing}}fehlt{{/missing}}|{{page}}
        """

    static let typed = ProbeContext(
        page: .init(title: "Bauantrag <digital>", summary: "Kurz", subtitle: nil, isHome: false, isDraft: false,
                    keywords: ["a", "b & c"], count: 3, share: 0.5, maturity: .pilot),
        items: [
            .init(name: "Eins", url: "/eins/", tags: ["x", "y"], links: [.init(title: "L1", current: true), .init(title: "L2", current: false)]),
            .init(name: "Zwei", url: nil, tags: [], links: []),
        ],
        none: [], counts: ["a": 7], missing: nil)

    /// The same data as the dictionaries the contexts are built as today (nils left out).
    static var dictionary: [String: Any] { [
        "page": [
            "title": "Bauantrag <digital>", "summary": "Kurz", "isHome": false, "isDraft": false,
            "keywords": ["a", "b & c"], "count": 3, "share": 0.5, "maturity": "pilot",
        ] as [String: Any],
        "items": [
            ["name": "Eins", "url": "/eins/", "tags": ["x", "y"],
             "links": [["title": "L1", "current": true], ["title": "L2", "current": false]] as [[String: Any]]] as [String: Any],
            ["name": "Zwei", "tags": [String](), "links": [[String: Any]]()] as [String: Any],
        ] as [[String: Any]],
        "none": [[String: Any]](),
        "counts": ["a": 7],
    ] }

    @Test("a typed context renders exactly as the dictionary with the same data")
    func typedEqualsDictionary() throws {
        let site = try InlineSite(["templates/layouts/probe.mustache": Self.template])
        defer { site.remove() }
        let (templates, diagnostics) = TemplateSet.load(siteTemplates: ProjectFiles(root: site.root))
        #expect(diagnostics.isEmpty)
        let fromDictionary = try #require(templates.render("layouts/probe", context: Self.dictionary))
        let fromStruct = try #require(templates.render("layouts/probe", context: Self.typed))
        #expect(fromStruct == fromDictionary)
        #expect(fromStruct.contains("no subtitle") && fromStruct.contains("fehlt") && fromStruct.contains("leer"))
        #expect(fromStruct.contains("Bauantrag &lt;digital&gt;|S:Kurz|no subtitle|final|a, b &amp; c|3 0.5 pilot|"))
        #expect(fromStruct.contains("<li>Eins <a href=\"/eins/\">Bauantrag &lt;digital&gt;</a>[x][y]<L1*><L2></li>"))
        #expect(fromStruct.contains("<li>Zwei (ohne)</li>"))
    }

    @Test("a nil optional is left out of the tree; flags stay flags and lists stay lists")
    func nilIsAbsent() throws {
        guard case .object(let tree)? = try TemplateValueEncoder().encode(Self.typed) else { Issue.record("not an object"); return }
        #expect(tree["missing"] == nil)
        #expect(!tree.keys.contains("missing"))
        guard case .object(let page)? = tree["page"] else { Issue.record("page is not an object"); return }
        #expect(!page.keys.contains("subtitle"))
        guard case .flag(false)? = page["isHome"], case .integer(3)? = page["count"], case .real(0.5)? = page["share"] else {
            Issue.record("flag or numbers changed type"); return
        }
        guard case .list(let items)? = tree["items"], case .list(let keywords)? = page["keywords"] else { Issue.record("lists are not lists"); return }
        #expect(items.items.count == 2 && items.element == .any)
        #expect(keywords.element == .text)
        #expect(try TemplateValueEncoder().encode(String?.none) == nil)
    }
}
