public import SiteModel
/// A blueprint as a reuse package sees it: a neutral document that every package format
/// (ODF text, standalone HTML, Markdown) is written from, so that no format reads Markdown or
/// front matter again.
public struct ReuseDocument: Sendable, Hashable {
    /// The blueprint's title, e.g. „Digitaler Posteingang“.
    public var title: String
    /// One or two sentences shown as the lead paragraph under the title.
    public var summary: String
    /// Label/value rows of the facts table (Reifegrad, Lizenz, Entwickelt von, Stand, Kosten, …),
    /// in the order they are shown.
    public var facts: [ReuseFact]
    /// The body, usually starting with a level-2 heading (the title is not repeated here).
    public var blocks: [ReuseBlock]
    /// The attribution text, e.g. „Digitaler Posteingang“ von Offenbach am Main, Gießen –
    /// Quelle: https://…, Lizenz: CC BY 4.0
    public var attribution: String
    /// Absolute URL of the blueprint's page.
    public var sourceURL: String
    /// ISO date of the version (YYYY-MM-DD), used for document metadata and ZIP timestamps.
    public var date: String
    /// BCP 47 language tag of the text, e.g. "de" or "de-DE".
    public var language: String
    /// „So gehen Sie vor“, the first section after the lead, when the document is part of a package.
    public var guide: ReuseGuide?

    /// Creates a document; `language` defaults to German, the language of the whole site.
    public init(
        title: String, summary: String, facts: [ReuseFact], blocks: [ReuseBlock],
        attribution: String, sourceURL: String, date: String, language: String = "de"
    ) {
        self.title = title
        self.summary = summary
        self.facts = facts
        self.blocks = blocks
        self.attribution = attribution
        self.sourceURL = sourceURL
        self.date = date
        self.language = language
    }
}

/// One row of a reuse document's facts table, e.g. „Reifegrad“ – „im Betrieb“.
public struct ReuseFact: Sendable, Hashable {
    /// The row's label, shown in the first column.
    public var label: String
    /// The row's value, shown in the second column.
    public var value: String

    /// Creates a row of the facts table.
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
