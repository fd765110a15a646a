import SiteModel
import SiteSnapshot

extension DCATCatalogue.Graph {
    /// A data set of figures: one `dcat:Dataset` with its period (`dct:temporal`) and one CSV
    /// distribution that conforms to the published Table Schema (`dct:conformsTo`).
    func addFigures(_ dataset: String, _ entry: RouteTable.Entry, _ figures: Dataset, publisher: String, to graph: inout RDFGraph) {
        let page = address(entry.url)
        addDatasetHead(dataset, entry, summary: figures.summary, keywords: figures.fields.map(\.label), modified: figures.updated ?? figures.end,
                       themes: [], publisher: publisher, to: &graph)
        let period = page + "#zeitraum"
        graph.add(dataset, "dct:temporal", .iri(period))
        graph.add(period, "rdf:type", .iri("http://purl.org/dc/terms/PeriodOfTime"))
        graph.add(period, "dcat:startDate", .typed(figures.start.iso, datatype: "xsd:date"))
        graph.add(period, "dcat:endDate", .typed(figures.end.iso, datatype: "xsd:date"))
        if let city = site.directory.references(of: entry).municipalities.first?.entry, case .municipality(let m) = city.document.metadata {
            addCreator(dataset, city, m, withLevel: true, to: &graph)
            if let contact = m.contact { addContactPoint(dataset, page: page, contact, to: &graph) }
        }
        guard let csv = DatasetDescriptions.csvPath(of: entry), let bytes = site.files.size(of: csv) else { return }
        let distribution = page + "#csv"
        let download = address(site.addresses.contentFile(csv))
        graph.add(dataset, "dcat:distribution", .iri(distribution))
        graph.add(distribution, "rdf:type", .iri("http://www.w3.org/ns/dcat#Distribution"))
        graph.add(distribution, "dct:title", text: entry.document.title + " (CSV)")
        graph.add(distribution, "dcat:accessURL", .iri(download))
        graph.add(distribution, "dcat:downloadURL", .iri(download))
        graph.add(distribution, "dct:format", .iri(DCATCatalogue.fileType + "CSV"))
        graph.add(distribution, "dcat:mediaType", .iri("https://www.iana.org/assignments/media-types/text/csv"))
        graph.add(distribution, "dcat:byteSize", .typed(String(bytes), datatype: "xsd:nonNegativeInteger"))
        graph.add(distribution, "dct:license", .iri(figures.license.dcatURI))
        graph.add(distribution, "dct:conformsTo", .iri(address(URLPath("/" + Dataset.schemaPath(ofCSV: csv)))))
    }
}
