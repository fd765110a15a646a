import Templating
import Testing

@Suite("Template reference")
struct TemplateReferenceTests {
    struct Link: Encodable { var title: String; var url: String }
    struct Page: Encodable {
        var title: String
        var summary: String?
        var isHome: Bool
        var count: Int
        var keywords: [String]
    }
    struct Context: Encodable {
        var page: Page
        var links: [Link]
        var content: String
    }

    @Test("each layout's fields are a tree of name, type and shortened example, in name order")
    func markdown() {
        let example = Context(
            page: Page(title: "Digitaler Bauantrag", summary: "Kurz", isHome: false, count: 3, keywords: ["Bau", "Antrag"]),
            links: [Link(title: "Start", url: "/")],
            content: "<p>" + String(repeating: "Text `mit` Zeichen ", count: 5) + "</p>")
        #expect(TemplateReference.markdown(examples: ["layouts/zwei": Link(title: "Start", url: "/"), "layouts/eins": example]) == """
            ### `layouts/eins`

            - `content` – text: `<p>Text 'mit' Zeichen Text 'mit' Zeiche…`
            - `links` – list of object
              - `title` – text: `Start`
              - `url` – text: `/`
            - `page` – object
              - `count` – number: `3`
              - `isHome` – yes-no: `false`
              - `keywords` – list of text: `Bau`
              - `summary` – text: `Kurz`
              - `title` – text: `Digitaler Bauantrag`

            ### `layouts/zwei`

            - `title` – text: `Start`
            - `url` – text: `/`

            """)
    }
}
