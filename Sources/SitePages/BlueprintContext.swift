import Foundation
import SiteModel
import SiteSnapshot

/// The template values of a blueprint page: facts, licence and attribution, the facts for a
/// decision, adoptions, feedback links and downloads.
extension DocumentPageRenderer {
    func blueprintFields(_ b: Blueprint, of entry: RouteTable.Entry, diagnostics: inout [Diagnostic]) -> BlueprintPageFields.Blueprint {
        let directory = contexts.directory
        let addresses = contexts.addresses
        let references = directory.references(of: entry)
        let authors = references.municipalities.map(\.title)
        let pageURL = addresses.absolute(entry.url)
        var blueprint = BlueprintPageFields.Blueprint(
            maturity: b.maturity.rawValue, maturityLabel: b.maturity.label, maturityURL: addresses.page(URLPath("/reifegrade/")),
            license: contexts.license(b.license),
            attribution: Attribution.text(title: entry.document.title, authors: authors, sourceURL: pageURL, license: b.license),
            updated: b.updated.iso, updatedLabel: b.updated.german, effort: b.effort,
            municipalities: references.municipalities.map(contexts.link),
            operation: OperationSummary(b, references: references).sentence,
            contact: ContactFields(b.contact),
            prerequisites: b.prerequisites,
            attachments: downloads(b.attachments, of: entry, diagnostics: &diagnostics),
            documents: downloads(b.documents, of: entry, diagnostics: &diagnostics),
            // An unknown id is a warning (ReferenceCheck) and is not published.
            adoptedBy: zip(b.adoptedBy, references.adopters).filter { $0.1 == nil || $0.1?.entry != nil }.map(adoptionItem),
            related: references.related.compactMap { $0.entry.map(contexts.card) },
            sourceURL: addresses.download(entry.markdownPath), sourceName: entry.fileStem + ".md",
            legalBasis: b.legalBasis,
            products: b.products.map { product in
                .init(name: product.name, kind: product.isOpenSource.map { $0 ? "Open Source" : "proprietär" },
                      license: product.license.map { License.named($0)?.shortName ?? $0 }, url: product.url)
            },
            project: references.project.map(contexts.link),
            package: packages[entry.url].map { .init(url: $0.url, size: $0.sizeLabel, contents: $0.contentsLabel) },
            software: b.software.map { software in
                .init(repository: software.repository, status: software.status.label, type: software.kind.label,
                      platforms: software.platforms.joined(separator: ", "),
                      publiccodeURL: publiccode[entry.url] == nil ? nil : addresses.download(entry.publiccodePath))
            },
            costs: b.costs.map { .init(oneOff: $0.oneOff.map(GermanFormat.euros), yearly: $0.yearly.map(GermanFormat.euros), note: $0.note) },
            suitableFor: b.suitableFor.map(GermanFormat.inhabitants),
            hasDecisionFacts: b.costs != nil || !b.products.isEmpty || !b.legalBasis.isEmpty || b.suitableFor != nil || !b.documents.isEmpty)
        blueprint.cluster = references.cluster.map(contexts.link)
        blueprint.sessions = sessionLinks(directory.events.sessionsByBlueprint[entry.document.id] ?? [])
        if let feedback = contexts.configuration.feedback {
            let report = feedback.adoptionReport(title: entry.document.title, url: pageURL)
            let question = feedback.question(title: entry.document.title, url: pageURL)
            blueprint.feedback = .init(reportMail: report.mail, reportIssue: report.issue, questionMail: question.mail, questionIssue: question.issue)
        }
        return blueprint
    }

    /// Attachments and templates as links; a path that leads nowhere is an error at its line.
    private func downloads(_ files: [Attachment], of entry: RouteTable.Entry, diagnostics: inout [Diagnostic]) -> [PageLink] {
        files.compactMap { attachment in
            attachmentURL(attachment, of: entry, diagnostics: &diagnostics).map { PageLink(title: attachment.title, url: $0) }
        }
    }

    private func adoptionItem(_ adoption: Adoption, _ municipality: ResolvedReference?) -> BlueprintPageFields.Adoption {
        var item: BlueprintPageFields.Adoption
        if let municipality {
            let link = contexts.link(municipality)
            item = .init(name: link.name, url: link.url)
        } else {
            item = .init(name: adoption.name ?? "", ags: adoption.ags ?? "")
        }
        item.since = adoption.since?.iso
        item.sinceLabel = adoption.since?.german
        item.status = adoption.status?.label
        item.statusKey = adoption.status?.rawValue
        if adoption.status?.hasExperience == true {
            // The adopter's own contact, else the contact on its city page.
            var cityContact: Contact?
            if case .municipality(let m)? = municipality?.entry?.document.metadata { cityContact = m.contact }
            item.experienceContact = (adoption.contact ?? cityContact).map(ContactFields.init)
        }
        return item
    }
}
