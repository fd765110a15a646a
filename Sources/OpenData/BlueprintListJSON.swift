public import SiteModel
public import SiteSnapshot

/// `blaupausen/katalog.json`: the blueprints' key facts as one flat list, for harvesting by
/// other portals (the whole content with its JSON Schema is ``ContentDataJSON``).
public struct BlueprintListJSON: SiteOutput {
    public init() {}

    public static let path = "blaupausen/katalog.json"

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] { [.generatedFile(Self.path)] }

    private struct Item: Encodable {
        var id, title, summary, url, maturity, license, updated: String
        var municipalities, themes: [String]
        var adoptedBy: [String]
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        let items: [Item] = site.routes.entries(of: .blueprint).compactMap { entry in
            guard case .blueprint(let b) = entry.document.metadata else { return nil }
            return Item(id: entry.document.id, title: entry.document.title, summary: b.summary, url: site.addresses.absolute(entry.url),
                        maturity: b.maturity.rawValue, license: b.license.spdx, updated: b.updated.iso,
                        municipalities: b.municipalities.map(\.id), themes: b.themes,
                        adoptedBy: b.adoptedBy.map { $0.municipality ?? $0.name ?? "" })
        }
        try sink.accept(OutputFile(path: Self.path, contents: SortedJSON.bytes(["blueprints": items])))
    }
}
