import SiteModel

/// The shape of `/katalog/katalog.json`, the site's content as data (see ``ContentDataJSON``);
/// `ContentDataSchema` describes the same shape as JSON Schema, and a test keeps the two in step.
struct ContentData: Encodable {
    var schema: String
    var title: String
    var description: String
    var url: String
    var publisher: Publisher?
    /// The newest date in the content (a blueprint's `updated`, a report's `published`).
    var modified: String?
    var blueprints: [Blueprint]
    var reports: [Report]
    var courses: [Course]
    var projects: [Project]
    var municipalities: [Municipality]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", title, description, url, publisher, modified, blueprints, reports, courses, projects, municipalities
    }

    struct Publisher: Encodable { var name: String; var url: String }
    struct License: Encodable { var spdx: String; var name: String; var url: String? }
    struct Contact: Encodable {
        var name: String; var email: String?; var url: String?; var person: String?; var phone: String?
        init(_ contact: SiteModel.Contact) {
            name = contact.name; email = contact.email; url = contact.url; person = contact.person; phone = contact.phone
        }
    }
    /// A developing municipality that runs the solution in regular operation.
    struct Operation: Encodable { var municipality: String; var since: String? }
    struct Adoption: Encodable { var municipality: String?; var name: String?; var ags: String?; var since: String?; var status: String? }
    /// An attachment: `path` as written in the front matter (relative to the blueprint's Markdown
    /// file), `url` where it is downloaded.
    struct File: Encodable { var title: String; var path: String; var url: String }
    struct Costs: Encodable { var oneOff: Int?; var yearly: Int?; var note: String? }
    struct Product: Encodable { var name: String; var openSource: Bool?; var license: String?; var url: String? }
    struct Range: Encodable { var min: Int?; var max: Int? }

    struct Blueprint: Encodable {
        var id, title, summary, url, markdown: String
        var package: String?
        var maturity: String
        var license: License
        var municipalities, themes: [String]
        var updated: String
        var contact: Contact
        var adoptedBy: [Adoption]
        var related, prerequisites: [String]
        var effort: String?
        var attachments: [File]
        var costs: Costs?
        var products: [Product]
        var legalBasis: [String]
        var suitableFor: Range?
        var project: String?
        var inOperation: [Operation]
    }

    struct Report: Encodable {
        var id, title, summary, url, project, reportType, published: String
        var authors: [String]
        var license: License?
    }

    struct Module: Encodable {
        var id, title, url: String
        var order: Int
        var duration: String
        var learningObjectives: [String]
    }

    struct Course: Encodable {
        var id, title, summary, url, audience, workload: String
        var license: License
        var learningOutcomes: [String]
        var modules: [Module]
    }

    struct Project: Encodable {
        var id, title, acronym, url, lead: String
        var partners: [String]
        var status, start: String
        var end, funding, summary: String?
    }

    struct Municipality: Encodable {
        var id, name, officialName, ags, website, url: String
        var summary: String?
        var population: Int?
        var contact: Contact?
    }
}
