import Foundation
import SiteModel

/// The DCAT-AP.de 3.0 catalogue of the blueprints (`/katalog/dcat.ttl` and `/katalog/dcat.rdf`),
/// which GovData and opendata.hessen.de harvest: one `dcat:Dataset` per blueprint with a
/// `dcat:Distribution` per downloadable file (reuse package, Markdown, attachments).
struct DCATCatalogue {
    let configuration: SiteConfiguration
    let directory: SiteDirectory
    let links: LinkResolver
    let packages: [URLPath: BlueprintPackages.Download]
    let contentRoot: String
    /// SVGs as published (rewritten without script): their size is the published one.
    var rewrittenAssets: [String: [UInt8]] = [:]

    static let turtlePath = "katalog/dcat.ttl"
    static let rdfXMLPath = "katalog/dcat.rdf"
    private static let fileType = "http://publications.europa.eu/resource/authority/file-type/"
    private static let geocoding = "http://dcat-ap.de/def/politicalGeocoding/"

    func files() -> [OutputFile] {
        let graph = self.graph()
        return [OutputFile(path: Self.turtlePath, text: graph.turtle), OutputFile(path: Self.rdfXMLPath, text: graph.rdfXML)]
    }

    private func address(_ url: URLPath) -> String { configuration.recordIdentifier(url) }

    private func graph() -> RDFGraph {
        var graph = RDFGraph()
        let catalog = address(URLPath("/katalog/")) + "#katalog"
        let publisher = address(.root) + "#herausgeber"
        graph.add(catalog, "rdf:type", .iri("http://www.w3.org/ns/dcat#Catalog"))
        graph.add(catalog, "dct:title", text: configuration.title)
        graph.add(catalog, "dct:description", text: configuration.description.isEmpty ? configuration.title : configuration.description)
        graph.add(catalog, "dct:publisher", .iri(publisher))
        graph.add(catalog, "foaf:homepage", .iri(address(.root)))
        graph.add(catalog, "dct:language", .iri("http://publications.europa.eu/resource/authority/language/DEU"))
        graph.add(catalog, "dct:spatial", .iri(Self.geocoding + "stateKey/06"))
        graph.add(catalog, "dcat:themeTaxonomy", .iri("http://publications.europa.eu/resource/authority/data-theme"))
        graph.add(publisher, "rdf:type", .iri("http://xmlns.com/foaf/0.1/Agent"))
        graph.add(publisher, "foaf:name", text: configuration.publisher.isEmpty ? configuration.title : configuration.publisher)

        for entry in directory.routes.entries(of: .blueprint) {
            guard case .blueprint(let b) = entry.document.metadata else { continue }
            let dataset = address(entry.url) + "#datensatz"
            graph.add(catalog, "dcat:dataset", .iri(dataset))
            addDataset(dataset, entry, b, publisher: publisher, to: &graph)
        }
        return graph
    }

    private func addDataset(_ dataset: String, _ entry: RouteTable.Entry, _ b: Blueprint, publisher: String, to graph: inout RDFGraph) {
        let page = address(entry.url)
        graph.add(dataset, "rdf:type", .iri("http://www.w3.org/ns/dcat#Dataset"))
        graph.add(dataset, "dct:title", text: entry.document.title)
        graph.add(dataset, "dct:description", text: b.summary)
        graph.add(dataset, "dct:identifier", .literal(page, language: nil))
        graph.add(dataset, "dcat:landingPage", .iri(page))
        for theme in b.themes { graph.add(dataset, "dcat:keyword", text: theme) }
        graph.add(dataset, "dct:modified", .typed(b.updated.iso, datatype: "xsd:date"))
        for theme in configuration.dataThemes.dataThemes(for: b.themes) { graph.add(dataset, "dcat:theme", .iri(theme.uri)) }
        graph.add(dataset, "dct:publisher", .iri(publisher))
        var levelAdded = false
        for city in b.municipalities {
            guard let cityEntry = directory.routes.entry(kind: .municipality, id: city.id),
                  case .municipality(let m) = cityEntry.document.metadata else { continue }
            let agent = address(cityEntry.url) + "#kommune"
            graph.add(dataset, "dct:creator", .iri(agent))
            graph.add(agent, "rdf:type", .iri("http://xmlns.com/foaf/0.1/Agent"))
            graph.add(agent, "foaf:name", text: m.officialName)
            graph.add(dataset, "dct:spatial", .iri(Self.geocoding + "municipalityKey/" + m.ags))
            if !levelAdded {
                graph.add(dataset, "dcatde:politicalGeocodingLevelURI", .iri("http://dcat-ap.de/def/politicalGeocodingLevel/municipality"))
                levelAdded = true
            }
        }
        let contact = page + "#kontakt"
        graph.add(dataset, "dcat:contactPoint", .iri(contact))
        graph.add(contact, "rdf:type", .iri("http://www.w3.org/2006/vcard/ns#Kind"))
        graph.add(contact, "rdf:type", .iri("http://www.w3.org/2006/vcard/ns#Organization"))
        graph.add(contact, "vcard:fn", .literal(b.contact.name, language: nil))
        if let email = b.contact.email { graph.add(contact, "vcard:hasEmail", .iri("mailto:" + email)) }
        if let url = b.contact.url { graph.add(contact, "vcard:hasURL", .iri(url)) }
        let license = License.named(b.license)?.dcatURI ?? "http://dcat-ap.de/def/licenses/other-open"
        for (number, file) in distributions(entry, b).enumerated() {
            let distribution = page + "#download-\(number + 1)"
            graph.add(dataset, "dcat:distribution", .iri(distribution))
            graph.add(distribution, "rdf:type", .iri("http://www.w3.org/ns/dcat#Distribution"))
            graph.add(distribution, "dct:title", text: file.title)
            graph.add(distribution, "dcat:accessURL", .iri(file.url))
            graph.add(distribution, "dcat:downloadURL", .iri(file.url))
            graph.add(distribution, "dct:format", .iri(Self.fileType + file.format))
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
        let source = Self.size(of: contentRoot + "/" + entry.document.contentPath)
        files.append(DownloadFile(title: "Blaupause als Markdown", url: address(entry.url) + name + ".md", format: "TXT",
                                  mediaType: "text/markdown", bytes: source))
        for attachment in b.attachments + b.documents {
            guard case .file(let path, _) = links.resolveAttachment(attachment.path, from: entry.document) else { continue }
            let bytes = rewrittenAssets[path]?.count ?? Self.size(of: contentRoot + "/" + path)
            guard bytes >= 0 else { continue }
            let (format, media) = Self.type(of: path)
            files.append(DownloadFile(title: attachment.title, url: address(URLPath("/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path))), format: format, mediaType: media, bytes: bytes))
        }
        return files
    }

    /// The size of the file a path names (following a link inside the project, which the loader
    /// has already checked), or -1.
    private static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    /// The EU file-type code and the IANA media type of a file, by its extension.
    static func type(of path: String) -> (String, String) {
        let type = MediaType.of(path)
        return (type.euFileType, type.name)
    }
}
