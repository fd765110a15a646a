import Foundation
import SiteModel
import SiteSnapshot

/// The template values of a blueprint page: facts, licence and attribution, the facts for a
/// decision, adoptions, feedback links and downloads.
extension DocumentPageRenderer {
    func blueprintContext(_ b: Blueprint, of entry: RouteTable.Entry, diagnostics: inout [Diagnostic]) -> [String: Any] {
        let directory = contexts.directory
        let sourceName = entry.fileStem + ".md"
        let authors = b.municipalities.map { directory.municipalityName($0.id) }
        let addresses = contexts.addresses
        let pageURL = addresses.absolute(entry.url)
        var blueprint: [String: Any] = [
            "maturity": b.maturity.rawValue, "maturityLabel": b.maturity.label, "maturityURL": addresses.page(URLPath("/reifegrade/")),
            "license": contexts.license(b.license),
            "attribution": Attribution.text(title: entry.document.title, authors: authors, sourceURL: pageURL,
                                            license: b.license),
            "updated": b.updated.iso, "updatedLabel": b.updated.german, "effort": b.effort as Any,
            "municipalities": b.municipalities.map { contexts.link(kind: .municipality, id: $0.id) },
            "contact": (["name": b.contact.name, "email": b.contact.email as Any, "url": b.contact.url as Any] as [String: Any]).droppingNils(),
            "prerequisites": b.prerequisites,
            "attachments": downloads(b.attachments, of: entry, diagnostics: &diagnostics),
            "documents": downloads(b.documents, of: entry, diagnostics: &diagnostics),
            // An unknown id is a warning (ReferenceCheck) and is not published.
            "adoptedBy": b.adoptedBy.filter { $0.municipality.map { directory.routes.entry(kind: .municipality, id: $0) != nil } ?? true }
                .map(adoptionItem),
            "related": b.related.compactMap { directory.routes.entry(kind: .blueprint, id: $0.id).map(contexts.card) },
            "sourceURL": addresses.download(entry.markdownPath), "sourceName": sourceName,
            "legalBasis": b.legalBasis,
            "products": b.products.map { product -> [String: Any] in
                var item: [String: Any] = ["name": product.name]
                if let open = product.isOpenSource { item["kind"] = open ? "Open Source" : "proprietär" }
                if let license = product.license { item["license"] = License.named(license)?.shortName ?? license }
                if let url = product.url { item["url"] = url }
                return item
            },
        ]
        if let project = b.project { blueprint["project"] = contexts.link(kind: .project, id: project.id) }
        if let package = packages[entry.url] {
            blueprint["package"] = ["url": package.url, "size": package.sizeLabel, "contents": package.contentsLabel]
        }
        if let software = b.software {
            var item: [String: Any] = [
                "repository": software.repository, "status": software.status.label, "type": software.kind.label,
                "platforms": software.platforms.joined(separator: ", "),
            ]
            if publiccode[entry.url] != nil { item["publiccodeURL"] = contexts.addresses.download(entry.publiccodePath) }
            blueprint["software"] = item
        }
        if let costs = b.costs {
            blueprint["costs"] = ([
                "oneOff": costs.oneOff.map(GermanFormat.euros) as Any, "yearly": costs.yearly.map(GermanFormat.euros) as Any, "note": costs.note as Any,
            ] as [String: Any]).droppingNils()
        }
        if let range = b.suitableFor { blueprint["suitableFor"] = GermanFormat.inhabitants(range) }
        blueprint["hasDecisionFacts"] = b.costs != nil || !b.products.isEmpty || !b.legalBasis.isEmpty || b.suitableFor != nil
            || !b.documents.isEmpty
        if let feedback = contexts.configuration.feedback {
            let report = feedback.adoptionReport(title: entry.document.title, url: pageURL)
            let question = feedback.question(title: entry.document.title, url: pageURL)
            blueprint["feedback"] = ([
                "reportMail": report.mail as Any, "reportIssue": report.issue as Any,
                "questionMail": question.mail as Any, "questionIssue": question.issue as Any,
            ] as [String: Any]).droppingNils()
        }
        return blueprint.droppingNils()
    }

    /// Attachments and templates as links; a path that leads nowhere is an error at its line.
    private func downloads(_ files: [Attachment], of entry: RouteTable.Entry, diagnostics: inout [Diagnostic]) -> [[String: Any]] {
        files.compactMap { attachment in
            guard let url = attachmentURL(attachment, of: entry, diagnostics: &diagnostics) else { return nil }
            return ["title": attachment.title, "url": url]
        }
    }

    private func adoptionItem(_ adoption: Adoption) -> [String: Any] {
        var item: [String: Any]
        if let id = adoption.municipality {
            item = contexts.link(kind: .municipality, id: id)
        } else {
            item = ["name": adoption.name ?? "", "ags": adoption.ags ?? ""]
        }
        if let since = adoption.since { item["since"] = since.iso; item["sinceLabel"] = since.german }
        if let status = adoption.status { item["status"] = status.label; item["statusKey"] = status.rawValue }
        return item
    }
}
