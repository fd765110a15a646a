/// `{{blueprint.…}}`: facts, licence and attribution, the facts for a decision, adoptions,
/// feedback links and downloads.
struct BlueprintPageFields: Encodable {
    var blueprint: Blueprint

    struct Blueprint: Encodable {
        var maturity: String
        var maturityLabel: String
        var maturityURL: String
        var license: LicenseFields
        var attribution: String
        var updated: String
        var updatedLabel: String
        var effort: String?
        var municipalities: [NamedLink]
        /// Where the solution runs and who tries it out: `Offenbach (seit 1. April 2023); Limburg erprobt die Lösung`.
        var operation: String?
        var contact: ContactFields
        var prerequisites: [String]
        var attachments: [PageLink]
        var documents: [PageLink]
        var adoptedBy: [Adoption]
        var related: [Card]
        var sourceURL: String
        var sourceName: String
        var legalBasis: [String]
        var products: [Product]
        var project: NamedLink?
        var package: Package?
        var software: Software?
        var costs: Costs?
        var suitableFor: String?
        /// Whether any fact for a decision is there (costs, products, legal bases, size, templates).
        var hasDecisionFacts: Bool
        var feedback: Feedback?
        /// The competence cluster the blueprint belongs to.
        var cluster: NamedLink?
        /// Sessions of events about the blueprint.
        var sessions: [SessionLink] = []
    }

    /// A municipality that took the blueprint over: one of the cooperation (with its page) or
    /// another by name and AGS.
    struct Adoption: Encodable {
        var name: String
        var url: String?
        var ags: String?
        var since: String?
        var sinceLabel: String?
        /// The status of the takeover, worded unlike the maturity levels (`Erprobt die Lösung`).
        var status: String?
        var statusKey: String?
        /// For adopters that tried or run the solution: whom to ask about their experience.
        var experienceContact: ContactFields?
    }

    struct Product: Encodable {
        var name: String
        /// `Open Source` or `proprietär`.
        var kind: String?
        var license: String?
        var url: String?
    }

    struct Package: Encodable {
        var url: String
        var size: String
        var contents: String
    }

    struct Software: Encodable {
        var repository: String
        var status: String
        var type: String
        var platforms: String
        var publiccodeURL: String?
    }

    struct Costs: Encodable {
        var oneOff: String?
        var yearly: String?
        var note: String?
    }

    struct Feedback: Encodable {
        var reportMail: String?
        var reportIssue: String?
        var questionMail: String?
        var questionIssue: String?
    }
}
