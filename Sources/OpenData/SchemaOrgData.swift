import Foundation
public import SiteModel
public import SiteSnapshot

/// schema.org JSON-LD for every page (`<script type="application/ld+json">`, a data block the
/// strict CSP does not run), so search engines and portals know what a page is: the site as
/// `WebSite` with its publisher, each document typed by its kind, and a `BreadcrumbList`.
public struct SchemaOrgData {
    private let site: SiteSnapshot

    public init(site: SiteSnapshot) { self.site = site }

    private var configuration: SiteConfiguration { site.configuration }
    var directory: SiteDirectory { site.directory }

    func address(_ url: URLPath) -> String { site.addresses.absolute(url) }

    var websiteID: String { address(.root) + "#website" }
    var publisherID: String { address(.root) + "#herausgeber" }

    /// The site and its publisher, on the home page.
    public func website() -> [JSONValue] {
        var site: JSONValue = ["@type": "WebSite", "@id": .string(websiteID), "name": .string(configuration.title),
                               "url": .string(address(.root)), "inLanguage": .string(configuration.language)]
        if !configuration.description.isEmpty { site["description"] = .string(configuration.description) }
        guard !configuration.publisher.isEmpty else { return [site] }
        site["publisher"] = ["@id": .string(publisherID)]
        return [site, ["@type": "Organization", "@id": .string(publisherID), "name": .string(configuration.publisher), "url": .string(address(.root))]]
    }

    /// A page that is no document of its own (lists, search, the home page's frame).
    public func webPage(title: String, description: String?, url: URLPath) -> JSONValue {
        var page: JSONValue = ["@type": "WebPage", "@id": .string(address(url)), "name": .string(title), "url": .string(address(url)),
                               "inLanguage": .string(configuration.language), "isPartOf": ["@id": .string(websiteID)]]
        if let description { page["description"] = .string(description) }
        return page
    }

    public func breadcrumbs(_ trail: [(String, URLPath)]) -> JSONValue {
        ["@type": "BreadcrumbList", "itemListElement": .array(trail.enumerated().map { index, step in
            ["@type": "ListItem", "position": .integer(index + 1), "name": .string(step.0), "item": .string(address(step.1))]
        })]
    }

    /// The main entity of a document's page, typed by its kind.
    public func entity(for entry: RouteTable.Entry, description: String?) -> JSONValue {
        let document = entry.document
        var item: JSONValue = ["@id": .string(address(entry.url) + "#inhalt"), "name": .string(document.title),
                               "url": .string(address(entry.url)), "inLanguage": .string(configuration.language),
                               "isPartOf": ["@id": .string(websiteID)]]
        if let description { item["description"] = .string(description) }
        switch document.metadata {
        case .blueprint(let b):
            item["@type"] = "CreativeWork"
            item["additionalType"] = "Blaupause"
            item["creator"] = .array(directory.references(of: entry).municipalities.map(organization))
            item["dateModified"] = .string(b.updated.iso)
            item["keywords"] = .string(b.themes.joined(separator: ", "))
            item["license"] = .string(b.license.url)
        case .report(let r):
            item["@type"] = "Report"
            item["datePublished"] = .string(r.published.iso)
            item["author"] = .array(r.authors.map { ["@type": "Organization", "name": .string($0)] })
            if let license = r.license { item["license"] = .string(license.url) }
        case .project(let p):
            item["@type"] = "Project"
            if !p.acronym.isEmpty { item["alternateName"] = .string(p.acronym) }
            item["member"] = .array(directory.references(of: entry).municipalities.map(organization))
            if let funding = p.funding { item["funding"] = ["@type": "Grant", "name": .string(funding)] }
            item["foundingDate"] = .string(p.start.iso)
        case .municipality(let m):
            item["@type"] = "GovernmentOrganization"
            item["legalName"] = .string(m.officialName)
            item["sameAs"] = .string(m.website)
            item["identifier"] = ["@type": "PropertyValue", "propertyID": "AGS", "name": "Amtlicher Gemeindeschlüssel", "value": .string(m.ags)]
        case .course(let c):
            item["@type"] = "Course"
            item["teaches"] = .strings(c.learningOutcomes)
            item["timeRequired"] = .string(c.workload)
            item["license"] = .string(c.license.url)
            if let free = c.isFreeOfCharge { item["isAccessibleForFree"] = .boolean(free) }
            item["provider"] = c.provider.map { ["@type": "Organization", "name": .string($0)] } ?? ["@id": .string(publisherID)]
            if !c.dates.isEmpty {
                // schema.org's course instances: each date with its mode (on site, online, blended) and place.
                let mode: JSONValue = c.formats.contains(.online) ? (c.formats.contains(.vorOrt) ? "blended" : "online") : "onsite"
                item["hasCourseInstance"] = .array(c.dates.map { date in
                    var instance: JSONValue = ["@type": "CourseInstance", "courseMode": mode, "startDate": .string(date.date.iso)]
                    if let place = date.place { instance["location"] = ["@type": "Place", "name": .string(place)] }
                    return instance
                })
            }
        case .event(let e):
            describeEvent(e, of: entry, in: &item)
        case .module:
            item["@type"] = "LearningResource"
            item["learningResourceType"] = "Kursmodul"
        case .dataset(let d):
            datasetProperties(d, of: entry, into: &item)
        case .cluster(let c):
            // A cluster is a standing group of the cooperation's cities: schema.org's Organization,
            // led by one city (`parentOrganization` would claim ownership), its members by role.
            let cities = directory.references(of: entry).municipalities
            item["@type"] = "Organization"
            item["additionalType"] = "Kompetenzcluster"
            item["member"] = .array(cities.map(organization))
            item["parentOrganization"] = ["@id": .string(publisherID)]
            item["knowsAbout"] = .strings(c.themes)
        default:
            // Plain pages, and any kind without a schema.org type of its own.
            item["@type"] = "WebPage"
        }
        return item
    }

    /// `Dataset` as Google's data set search and portals read it: licence, period, the CSV as
    /// `DataDownload`, and each column as a `PropertyValue` in `variableMeasured`.
    private func datasetProperties(_ d: Dataset, of entry: RouteTable.Entry, into item: inout JSONValue) {
        item["@type"] = "Dataset"
        item["license"] = .string(d.license.url)
        item["temporalCoverage"] = .string(d.start.iso + "/" + d.end.iso)
        item["isAccessibleForFree"] = .boolean(true)
        item["keywords"] = .strings(d.fields.map(\.label))
        if let updated = d.updated { item["dateModified"] = .string(updated.iso) }
        let references = directory.references(of: entry)
        if let city = references.municipalities.first { item["creator"] = organization(city) }
        item["isBasedOn"] = .string(d.source)
        if let csv = d.csvContentPath(folder: entry.document.contentFolder) {
            item["distribution"] = .array([["@type": "DataDownload", "encodingFormat": "text/csv",
                                            "contentUrl": .string(address(site.addresses.contentFile(csv)))]])
            item["schemaVersion"] = .string(address(URLPath("/" + Dataset.schemaPath(ofCSV: csv))))
        }
        item["variableMeasured"] = .array(d.fields.map { field in
            var variable: JSONValue = ["@type": "PropertyValue", "name": .string(field.label), "propertyID": .string(field.name)]
            if let description = field.description { variable["description"] = .string(description) }
            if let unit = field.unit { variable["unitText"] = .string(unit) }
            return variable
        })
    }

    func organization(_ municipality: ResolvedReference) -> JSONValue {
        guard let entry = municipality.entry else { return ["@type": "GovernmentOrganization", "name": .string(municipality.id)] }
        return ["@type": "GovernmentOrganization", "@id": .string(address(entry.url) + "#inhalt"),
                "name": .string(entry.document.title), "url": .string(address(entry.url))]
    }

    /// The JSON text for a `<script type="application/ld+json">` block: keys sorted (deterministic),
    /// and `<` written as `\u003c`, so no text from content can close the script element.
    public static func script(_ graph: [JSONValue]) -> String {
        JSONValue.object(["@context": "https://schema.org", "@graph": .array(graph)]).text
    }
}
