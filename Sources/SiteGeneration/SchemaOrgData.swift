import Foundation
import SiteModel

/// schema.org JSON-LD for every page (`<script type="application/ld+json">`, a data block the
/// strict CSP does not run), so search engines and portals know what a page is: the site as
/// `WebSite` with its publisher, each document typed by its kind, and a `BreadcrumbList`.
struct SchemaOrgData {
    let configuration: SiteConfiguration
    let directory: SiteDirectory

    /// An absolute URL where the site knows its address, else the site-absolute path.
    func address(_ url: URLPath) -> String {
        configuration.baseURL.isEmpty ? directory.href(url) : configuration.absoluteURL(url)
    }

    var websiteID: String { address(.root) + "#website" }
    var publisherID: String { address(.root) + "#herausgeber" }

    /// The site and its publisher, on the home page.
    func website() -> [[String: Any]] {
        var site: [String: Any] = ["@type": "WebSite", "@id": websiteID, "name": configuration.title, "url": address(.root),
                                   "inLanguage": configuration.language]
        if !configuration.description.isEmpty { site["description"] = configuration.description }
        guard !configuration.publisher.isEmpty else { return [site] }
        site["publisher"] = ["@id": publisherID]
        return [site, ["@type": "Organization", "@id": publisherID, "name": configuration.publisher, "url": address(.root)]]
    }

    /// A page that is no document of its own (lists, search, the home page's frame).
    func webPage(title: String, description: String?, url: URLPath) -> [String: Any] {
        var page: [String: Any] = ["@type": "WebPage", "@id": address(url), "name": title, "url": address(url),
                                   "inLanguage": configuration.language, "isPartOf": ["@id": websiteID]]
        if let description { page["description"] = description }
        return page
    }

    func breadcrumbs(_ trail: [(String, URLPath)]) -> [String: Any] {
        ["@type": "BreadcrumbList", "itemListElement": trail.enumerated().map { index, step in
            ["@type": "ListItem", "position": index + 1, "name": step.0, "item": address(step.1)] as [String: Any]
        }]
    }

    /// The main entity of a document's page, typed by its kind.
    func entity(for entry: RouteTable.Entry, description: String?) -> [String: Any] {
        let document = entry.document
        var item: [String: Any] = ["@id": address(entry.url) + "#inhalt", "name": document.title, "url": address(entry.url),
                                   "inLanguage": configuration.language, "isPartOf": ["@id": websiteID]]
        if let description { item["description"] = description }
        switch document.metadata {
        case .blueprint(let b):
            item["@type"] = "CreativeWork"
            item["additionalType"] = "Blaupause"
            item["creator"] = b.municipalities.map { organization(id: $0.id) }
            item["dateModified"] = b.updated.iso
            item["keywords"] = b.themes.joined(separator: ", ")
            if let license = License.named(b.license) { item["license"] = license.url }
        case .report(let r):
            item["@type"] = "Report"
            item["datePublished"] = r.published.iso
            item["author"] = r.authors.map { ["@type": "Organization", "name": $0] }
            if let license = r.license.flatMap(License.named) { item["license"] = license.url }
        case .project(let p):
            item["@type"] = "Project"
            if let acronym = Optional(p.acronym), !acronym.isEmpty { item["alternateName"] = acronym }
            item["member"] = ([p.lead] + p.partners).map { organization(id: $0.id) }
            if let funding = p.funding { item["funding"] = ["@type": "Grant", "name": funding] }
            item["foundingDate"] = p.start.iso
        case .municipality(let m):
            item["@type"] = "GovernmentOrganization"
            item["legalName"] = m.officialName
            item["sameAs"] = m.website
            item["identifier"] = ["@type": "PropertyValue", "propertyID": "AGS", "name": "Amtlicher Gemeindeschlüssel", "value": m.ags]
        case .course(let c):
            item["@type"] = "Course"
            item["educationalCredentialAwarded"] = nil
            item["teaches"] = c.learningOutcomes
            item["timeRequired"] = c.workload
            if let license = License.named(c.license) { item["license"] = license.url }
            item["provider"] = ["@id": publisherID]
        case .module:
            item["@type"] = "LearningResource"
            item["learningResourceType"] = "Kursmodul"
        case .page:
            item["@type"] = "WebPage"
        }
        return item
    }

    private func organization(id: String) -> [String: Any] {
        guard let entry = directory.routes.entry(kind: .municipality, id: id) else { return ["@type": "GovernmentOrganization", "name": id] }
        return ["@type": "GovernmentOrganization", "@id": address(entry.url) + "#inhalt", "name": entry.document.title, "url": address(entry.url)]
    }

    /// The JSON text for a `<script type="application/ld+json">` block: keys sorted (deterministic),
    /// and `<` written as `\u003c`, so no text from content can close the script element.
    /// Written by hand: Foundation's JSONSerialization took 7 % of a build of the laws here.
    static func script(_ graph: [[String: Any]]) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(["@context": "https://schema.org", "@graph": graph] as [String: Any], to: &out)
        return out
    }

    private static func write(_ value: Any, to out: inout String) {
        switch value {
        case let text as String:
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<": out += "\\u003c"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        case let number as Int:
            out += String(number)
        case let flag as Bool:
            out += flag ? "true" : "false"
        case let list as [Any]:
            out += "["
            for (index, item) in list.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case let object as [String: Any]:
            out += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                write(key, to: &out)
                out += ":"
                write(object[key]!, to: &out)
            }
            out += "}"
        default:
            out += "null"
        }
    }
}
