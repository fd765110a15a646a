import SiteModel
import SiteSnapshot

extension DCATCatalogue.Graph {
    /// A data set of figures: one `dcat:Dataset` with its period (`dct:temporal`) and one CSV
    /// distribution that conforms to the published Table Schema (`dct:conformsTo`).
    func addFigures(_ dataset: String, _ entry: RouteTable.Entry, _ figures: Dataset, publisher: String, to graph: inout RDFGraph) {
        let page = address(entry.url)
        graph.add(dataset, "rdf:type", .iri("http://www.w3.org/ns/dcat#Dataset"))
        graph.add(dataset, "dct:title", text: entry.document.title)
        graph.add(dataset, "dct:description", text: figures.summary)
        graph.add(dataset, "dct:identifier", .literal(page, language: nil))
        graph.add(dataset, "dcat:landingPage", .iri(page))
        for field in figures.fields { graph.add(dataset, "dcat:keyword", text: field.label) }
        graph.add(dataset, "dct:modified", .typed((figures.updated ?? figures.end).iso, datatype: "xsd:date"))
        for theme in configuration.dataThemes.dataThemes(for: []) { graph.add(dataset, "dcat:theme", .iri(theme.uri)) }
        graph.add(dataset, "dct:publisher", .iri(publisher))
        let period = page + "#zeitraum"
        graph.add(dataset, "dct:temporal", .iri(period))
        graph.add(period, "rdf:type", .iri("http://purl.org/dc/terms/PeriodOfTime"))
        graph.add(period, "dcat:startDate", .typed(figures.start.iso, datatype: "xsd:date"))
        graph.add(period, "dcat:endDate", .typed(figures.end.iso, datatype: "xsd:date"))
        if let city = site.directory.references(of: entry).municipalities.first?.entry, case .municipality(let m) = city.document.metadata {
            let agent = address(city.url) + "#kommune"
            graph.add(dataset, "dct:creator", .iri(agent))
            graph.add(agent, "rdf:type", .iri("http://xmlns.com/foaf/0.1/Agent"))
            graph.add(agent, "foaf:name", text: m.officialName)
            graph.add(dataset, "dct:spatial", .iri(DCATCatalogue.geocoding + "municipalityKey/" + m.ags))
            graph.add(dataset, "dcatde:politicalGeocodingLevelURI", .iri("http://dcat-ap.de/def/politicalGeocodingLevel/municipality"))
            if let contact = m.contact {
                let point = page + "#kontakt"
                graph.add(dataset, "dcat:contactPoint", .iri(point))
                graph.add(point, "rdf:type", .iri("http://www.w3.org/2006/vcard/ns#Kind"))
                graph.add(point, "rdf:type", .iri("http://www.w3.org/2006/vcard/ns#Organization"))
                graph.add(point, "vcard:fn", .literal(contact.name, language: nil))
                if let email = contact.email { graph.add(point, "vcard:hasEmail", .iri("mailto:" + email)) }
                if let url = contact.url { graph.add(point, "vcard:hasURL", .iri(url)) }
            }
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
