public import MarkdownRendering
public import SiteModel

/// The site's data sets as ```` ```diagramm ```` blocks name them, and the figure each block
/// becomes (see ``ChartSpec``, ``ChartData``, ``ChartFigure``).
public struct ChartBlocks: Sendable {
    /// A data set a chart may show, with what the figure's source line names.
    public struct Source: Sendable {
        public var dataset: Dataset
        public var title: String
        /// The link to the data set's page.
        public var page: String
        public init(dataset: Dataset, title: String, page: String) { self.dataset = dataset; self.title = title; self.page = page }
    }

    /// The info word of a chart block.
    public static let info = "diagramm"

    private let sources: [String: Source]

    /// `sources` by data set id.
    public init(sources: [String: Source]) {
        self.sources = sources
    }

    /// The figure for a block's text, or the problems with it at the block's lines.
    public func figure(_ literal: String, at fence: SourceLocation, number: Int) -> (html: String?, diagnostics: [Diagnostic]) {
        let (spec, problems) = ChartSpec.parse(literal, at: fence)
        guard let spec else { return (nil, problems) }
        guard let source = sources[spec.dataset] else {
            let known = sources.keys.sorted()
            let suggestion = EditDistance.closest(to: spec.dataset, among: known).map { "Meintest du `\($0)`? " } ?? ""
            return (nil, [.error(at: fence, "`daten: \(spec.dataset)`: es gibt keinen Datensatz mit dieser Kennung.",
                                 hint: suggestion + "Die Kennung ist der Dateiname der Beschreibung in content/daten/ ohne `.md`"
                                    + (known.isEmpty ? "." : "; bekannt: " + known.joined(separator: ", ") + "."))])
        }
        switch ChartData.make(spec, from: source.dataset, at: fence) {
        case .failure(let problem): return (nil, [problem])
        case .success(let data):
            let figure = ChartFigure(data: data, id: "diagramm-\(number)", sourceTitle: source.title, sourceURL: source.page,
                                     license: source.dataset.license.name)
            return (figure.html, [])
        }
    }

    /// A block for an OpenDocument text: the chart's title and its numbers as a table, and the
    /// source; nil for a block with problems (the page reports them).
    public func outline(_ literal: String) -> [ReuseBlock]? {
        let place = SourceLocation(file: "")
        guard case let (spec?, _) = ChartSpec.parse(literal, at: place), let source = sources[spec.dataset],
              case .success(let data) = ChartData.make(spec, from: source.dataset, at: place) else { return nil }
        let header = ([data.categoryHeading] + data.series.map(\.label)).map { [ReuseInline.text($0)] }
        let rows = data.categories.indices.map { index in
            [[ReuseInline.text(data.categories[index])]] + data.series.map { [.text($0.values[index].map { GermanFormat.decimal($0) } ?? "–")] }
        }
        return [.paragraph([.strong([.text(data.title + (data.unit.map { " (\($0))" } ?? ""))])]), .table(header: header, rows: rows),
                .paragraph([.text("Quelle: "), .link(url: source.page, [.text(source.title)]), .text(" · Lizenz: \(source.dataset.license.name)")])]
    }

    /// The embedding the Markdown renderer takes.
    public var embedding: FencedBlockEmbedding {
        FencedBlockEmbedding(info: Self.info, embed: { literal, fence, number in figure(literal, at: fence, number: number) },
                             outline: { outline($0) })
    }
}
