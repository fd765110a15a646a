import Foundation
public import SiteModel
public import SiteSnapshot

/// The DCAT-AP.de 3.0 catalogue of the blueprints (`/katalog/dcat.ttl` and `/katalog/dcat.rdf`),
/// which GovData and opendata.hessen.de harvest: one `dcat:Dataset` per blueprint with a
/// `dcat:Distribution` per downloadable file (reuse package, Markdown, attachments).
public struct DCATCatalogue: SiteOutput {
    public init() {}

    public static let turtlePath = "katalog/dcat.ttl"
    public static let rdfXMLPath = "katalog/dcat.rdf"
    static let fileType = "http://publications.europa.eu/resource/authority/file-type/"
    static let geocoding = "http://dcat-ap.de/def/politicalGeocoding/"

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        [.generatedFile(Self.turtlePath), .generatedFile(Self.rdfXMLPath)]
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        let graph = Graph(site: site, packages: ledger.packages).graph()
        try sink.accept(OutputFile(path: Self.turtlePath, text: graph.turtle))
        try sink.accept(OutputFile(path: Self.rdfXMLPath, text: graph.rdfXML))
    }
}

extension DCATCatalogue {
    /// The graph of one build's catalogue.
    struct Graph {
        let site: SiteSnapshot
        let packages: [URLPath: PackageDownload]

        var configuration: SiteConfiguration { site.configuration }

        func address(_ url: URLPath) -> String { site.addresses.recordIdentifier(url) }

        func graph() -> RDFGraph {
            var graph = RDFGraph()
            let catalog = address(URLPath("/katalog/")) + "#katalog"
            let publisher = address(.root) + "#herausgeber"
            graph.add(catalog, "rdf:type", .iri("http://www.w3.org/ns/dcat#Catalog"))
            graph.add(catalog, "dct:title", text: configuration.title)
            graph.add(catalog, "dct:description", text: configuration.description.isEmpty ? configuration.title : configuration.description)
            graph.add(catalog, "dct:publisher", .iri(publisher))
            graph.add(catalog, "foaf:homepage", .iri(address(.root)))
            graph.add(catalog, "dct:language", .iri("http://publications.europa.eu/resource/authority/language/DEU"))
            graph.add(catalog, "dct:spatial", .iri(DCATCatalogue.geocoding + "stateKey/06"))
            graph.add(catalog, "dcat:themeTaxonomy", .iri("http://publications.europa.eu/resource/authority/data-theme"))
            graph.add(publisher, "rdf:type", .iri("http://xmlns.com/foaf/0.1/Agent"))
            graph.add(publisher, "foaf:name", text: configuration.publisher.isEmpty ? configuration.title : configuration.publisher)

            for entry in site.routes.entries(of: .blueprint) {
                guard case .blueprint(let b) = entry.document.metadata else { continue }
                let dataset = address(entry.url) + "#datensatz"
                graph.add(catalog, "dcat:dataset", .iri(dataset))
                addDataset(dataset, entry, b, publisher: publisher, to: &graph)
            }
            for entry in site.routes.entries(of: .dataset) {
                guard case .dataset(let figures) = entry.document.metadata else { continue }
                let dataset = address(entry.url) + "#datensatz"
                graph.add(catalog, "dcat:dataset", .iri(dataset))
                addFigures(dataset, entry, figures, publisher: publisher, to: &graph)
            }
            return graph
        }

        /// What every `dcat:Dataset` of the catalogue starts with: type, title, description,
        /// identifier, landing page, keywords, modification date, data themes and publisher.
        func addDatasetHead(_ dataset: String, _ entry: RouteTable.Entry, summary: String, keywords: [String], modified: ContentDate,
                            themes: [String], publisher: String, to graph: inout RDFGraph) {
            let page = address(entry.url)
            graph.add(dataset, "rdf:type", .iri("http://www.w3.org/ns/dcat#Dataset"))
            graph.add(dataset, "dct:title", text: entry.document.title)
            graph.add(dataset, "dct:description", text: summary)
            graph.add(dataset, "dct:identifier", .literal(page, language: nil))
            graph.add(dataset, "dcat:landingPage", .iri(page))
            for keyword in keywords { graph.add(dataset, "dcat:keyword", text: keyword) }
            graph.add(dataset, "dct:modified", .typed(modified.iso, datatype: "xsd:date"))
            for theme in configuration.dataThemes.dataThemes(for: themes) { graph.add(dataset, "dcat:theme", .iri(theme.uri)) }
            graph.add(dataset, "dct:publisher", .iri(publisher))
        }

        /// A municipality as the data set's creator (`foaf:Agent`) and its area (`dct:spatial`); the
        /// geocoding level is said once per data set.
        func addCreator(_ dataset: String, _ city: RouteTable.Entry, _ m: Municipality, withLevel: Bool, to graph: inout RDFGraph) {
            let agent = address(city.url) + "#kommune"
            graph.add(dataset, "dct:creator", .iri(agent))
            graph.add(agent, "rdf:type", .iri("http://xmlns.com/foaf/0.1/Agent"))
            graph.add(agent, "foaf:name", text: m.officialName)
            graph.add(dataset, "dct:spatial", .iri(DCATCatalogue.geocoding + "municipalityKey/" + m.ags))
            if withLevel {
                graph.add(dataset, "dcatde:politicalGeocodingLevelURI", .iri("http://dcat-ap.de/def/politicalGeocodingLevel/municipality"))
            }
        }

        /// `dcat:contactPoint` as a vCard organisation at `page#kontakt`.
        func addContactPoint(_ dataset: String, page: String, _ contact: Contact, to graph: inout RDFGraph) {
            let point = page + "#kontakt"
            graph.add(dataset, "dcat:contactPoint", .iri(point))
            graph.add(point, "rdf:type", .iri("http://www.w3.org/2006/vcard/ns#Kind"))
            graph.add(point, "rdf:type", .iri("http://www.w3.org/2006/vcard/ns#Organization"))
            graph.add(point, "vcard:fn", .literal(contact.name, language: nil))
            if let email = contact.email { graph.add(point, "vcard:hasEmail", .iri("mailto:" + email)) }
            if let url = contact.url { graph.add(point, "vcard:hasURL", .iri(url)) }
        }

        private func addDataset(_ dataset: String, _ entry: RouteTable.Entry, _ b: Blueprint, publisher: String, to graph: inout RDFGraph) {
            let page = address(entry.url)
            addDatasetHead(dataset, entry, summary: b.summary, keywords: b.themes, modified: b.updated, themes: b.themes,
                           publisher: publisher, to: &graph)
            var levelAdded = false
            for city in site.directory.references(of: entry).municipalities {
                guard let cityEntry = city.entry,
                      case .municipality(let m) = cityEntry.document.metadata else { continue }
                addCreator(dataset, cityEntry, m, withLevel: !levelAdded, to: &graph)
                levelAdded = true
            }
            addContactPoint(dataset, page: page, b.contact, to: &graph)
            let license = b.license.dcatURI
            for (number, file) in distributions(entry, b).enumerated() {
                let distribution = page + "#download-\(number + 1)"
                graph.add(dataset, "dcat:distribution", .iri(distribution))
                graph.add(distribution, "rdf:type", .iri("http://www.w3.org/ns/dcat#Distribution"))
                graph.add(distribution, "dct:title", text: file.title)
                graph.add(distribution, "dcat:accessURL", .iri(file.url))
                graph.add(distribution, "dcat:downloadURL", .iri(file.url))
                graph.add(distribution, "dct:format", .iri(DCATCatalogue.fileType + file.format))
                graph.add(distribution, "dcat:mediaType", .iri("https://www.iana.org/assignments/media-types/" + file.mediaType))
                graph.add(distribution, "dcat:byteSize", .typed(String(file.bytes), datatype: "xsd:nonNegativeInteger"))
                graph.add(distribution, "dct:license", .iri(license))
            }
        }

        private struct DownloadFile {
            var title: String
            var url: String
            var format: String
            var mediaType: String
            var bytes: Int
        }

        /// The reuse package, the Markdown source and every attachment or template that is a file of
        /// the site (pages, folders and anchors are errors on the blueprint's page, addresses elsewhere
        /// are not this catalogue's downloads).
        private func distributions(_ entry: RouteTable.Entry, _ b: Blueprint) -> [DownloadFile] {
            var files: [DownloadFile] = []
            let name = entry.fileStem
            if let package = packages[entry.url] {
                files.append(DownloadFile(title: "Nachnutzungspaket (ODT, HTML, Markdown, Anhänge)", url: address(entry.url) + name + ".zip",
                                          format: "ZIP", mediaType: "application/zip", bytes: package.byteCount))
            }
            if let source = site.files.size(of: entry.document.contentPath) {
                files.append(DownloadFile(title: "Blaupause als Markdown", url: address(entry.url) + name + ".md", format: "TXT",
                                          mediaType: "text/markdown", bytes: source))
            }
            for attachment in b.attachments + b.documents {
                guard case .file(let path, _) = site.links.resolveAttachment(attachment.path, from: entry.document),
                      let bytes = site.files.size(of: path) else { continue }
                let type = MediaType.of(path)
                files.append(DownloadFile(title: attachment.title, url: address(site.addresses.contentFile(path)), format: type.euFileType,
                                          mediaType: type.name, bytes: bytes))
            }
            return files
        }
    }
}
