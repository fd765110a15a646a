public import SiteModel
import SiteSnapshot
/// „So gehen Sie vor“: the first section of a reuse package's ODT and the text of its
/// `LIESMICH.html`, for the clerk who opens the package on Monday: what is in the package, the
/// blueprint's own steps, whom to ask, and how to report the adoption. Links lead to the files
/// beside it in the package (relative to its root) or to addresses on the web.
public struct ReuseGuide: Sendable, Hashable {
    /// One file of the package and what it is for, e.g. `checkliste.odt` – „Checkliste (bearbeitbar)“.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var description: String
        public init(path: String, description: String) { self.path = path; self.description = description }
    }

    /// The section as blocks, starting with its level-2 heading; every format writes these.
    public let blocks: [ReuseBlock]

    /// Words in a heading that announce the blueprint's steps („Umsetzung in Schritten“,
    /// „So übernehmen Sie das Dashboard“, „Der Ablauf“), compared in lower case.
    static let stepHeadingWords = ["schritt", "umsetzung", "vorgehen", "ablauf", "so übernehmen", "einführung"]

    /// - Parameters:
    ///   - contents: the package's files, in the order to list them.
    ///   - body: the blueprint's body, where the steps are looked for (see ``steps(in:)``).
    ///   - documentPath: the blueprint's `.odt`, named where the body has no steps.
    ///   - report: ways to report the adoption (a mail or issue link, each with its words); none
    ///     when the site offers none, and the guide asks to tell the contact instead.
    public init(contents: [Entry], body: [ReuseBlock], documentPath: String, contact: Contact, report: [(label: String, url: String)]) {
        var blocks: [ReuseBlock] = [.heading(level: 2, [.text("So gehen Sie vor")])]
        blocks.append(.heading(level: 3, [.text("Was im Paket ist")]))
        blocks.append(.bulletList(contents.map { [.paragraph([.link(url: PackageLayout.href($0.path, keepingFragmentOf: ""), [.text($0.path)]),
                                                             .text(": " + $0.description)])] }))
        let (heading, steps) = Self.steps(in: body)
        blocks.append(.heading(level: 3, [.text("Die Schritte")]))
        if let steps {
            blocks.append(.paragraph([.text(heading.map { "Aus der Blaupause, Abschnitt „\($0)“:" } ?? "Aus der Blaupause:")]))
            blocks.append(steps)
        } else {
            blocks.append(.paragraph([.text("Die Blaupause beschreibt ihr Vorgehen im Text; lesen Sie ihn in "),
                                      .link(url: PackageLayout.href(documentPath, keepingFragmentOf: ""), [.text(documentPath)]),
                                      .text(" und passen Sie ihn an Ihre Verwaltung an.")]))
        }
        blocks.append(.heading(level: 3, [.text("Wen Sie fragen können")]))
        var person: [ReuseInline] = [.text(contact.name)]
        if let email = contact.email { person += [.text(", E-Mail: "), .link(url: "mailto:" + email, [.text(email)])] }
        if let url = contact.url { person += [.text(", "), .link(url: url, [.text(url)])] }
        blocks.append(.paragraph(person))
        blocks.append(.heading(level: 3, [.text("Nachnutzung melden")]))
        if report.isEmpty {
            blocks.append(.paragraph([.text("Bitte sagen Sie der Ansprechperson Bescheid, wenn Sie die Blaupause nachnutzen – die Urheber freuen sich über jede Rückmeldung.")]))
        } else {
            blocks.append(.paragraph([.text("Wenn Sie die Blaupause nachnutzen, sagen Sie es bitte den Urhebern – so sehen andere Kommunen, wo sie schon läuft:")]))
            blocks.append(.bulletList(report.map { [.paragraph([.link(url: $0.url, [.text($0.label)])])] }))
        }
        self.blocks = blocks
    }

    /// The blueprint's steps: the first list after a heading that announces them (see
    /// ``stepHeadingWords``) and before the next heading, with that heading's text; otherwise the
    /// body's first numbered list; otherwise none.
    static func steps(in body: [ReuseBlock]) -> (heading: String?, list: ReuseBlock?) {
        var announcing: String?
        for block in body {
            switch block {
            case .heading(_, let inlines):
                let text = Self.plainText(inlines)
                announcing = stepHeadingWords.contains { text.lowercased().contains($0) } ? text : nil
            case .orderedList, .bulletList:
                if let announcing { return (announcing, block) }
            default: break
            }
        }
        guard let first = body.first(where: { if case .orderedList = $0 { true } else { false } }) else { return (nil, nil) }
        return (nil, first)
    }

    private static func plainText(_ inlines: [ReuseInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .emphasis(let inner), .strong(let inner), .strikethrough(let inner), .link(_, let inner): plainText(inner)
            case .lineBreak: " "
            }
        }.joined()
    }
}
