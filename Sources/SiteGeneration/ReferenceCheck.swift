import ContentLoading
import SiteModel
import SiteSnapshot

/// Checks that every id in front matter points at an existing document of the right kind.
enum ReferenceCheck {
    static func diagnostics(for routes: RouteTable) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func check(_ reference: Reference, is kind: ContentKind, field: String) {
            guard routes.entry(kind: kind, id: reference.id) == nil, !routes.isUnusable(kind: kind, id: reference.id) else { return }
            if let draft = routes.drafts.values.first(where: { $0.kind == kind && $0.id == reference.id }) {
                // Published pages may not point at what is not published; the file exists, so "gibt es nicht" would mislead.
                problems.append(.error(
                    at: reference.location,
                    "`\(field)` verweist auf `\(reference.id)`; das ist ein Entwurf (content/\(draft.contentPath), `draft: true`) und wird nicht veröffentlicht.",
                    hint: "Entferne den Verweis, bis der Entwurf fertig ist, oder veröffentliche ihn: Lösche dort die Zeile `draft: true`."))
                return
            }
            let known = routes.entries(of: kind).map(\.document.id)
            var hint = "Bekannte Kennungen: " + (known.isEmpty ? "(keine)" : known.joined(separator: ", ")) + "."
            if let close = EditDistance.closest(to: reference.id, among: known) {
                hint = "Meintest du `\(close)`?"
            }
            let folder = SiteSection.allCases.first { $0.contentKind == kind }.map { "content/\($0.rawValue)/" } ?? "content/"
            problems.append(.error(
                at: reference.location,
                "`\(field)` verweist auf `\(reference.id)`, aber es gibt \(kind.noneOf) mit dieser Kennung.",
                hint: hint + " Die Kennung ist der Dateiname in \(folder) ohne `.md`."))
        }
        for entry in routes.entries {
            switch entry.document.metadata {
            case .blueprint(let blueprint):
                blueprint.municipalities.forEach { check($0, is: .municipality, field: "municipalities") }
                blueprint.related.forEach { check($0, is: .blueprint, field: "related") }
                if let project = blueprint.project { check(project, is: .project, field: "project") }
                if let cluster = blueprint.cluster { check(cluster, is: .cluster, field: "cluster") }
                for adoption in blueprint.adoptedBy {
                    guard let id = adoption.municipality, routes.entry(kind: .municipality, id: id) == nil,
                          !routes.isUnusable(kind: .municipality, id: id) else { continue }
                    // An adopter outside the cooperation is written with name and AGS; an unknown id
                    // is most likely a typo, so it is a warning, never silent.
                    let known = routes.entries(of: .municipality).map(\.document.id)
                    let close = EditDistance.closest(to: id, among: known).map { "Meintest du `\($0)`? " } ?? ""
                    problems.append(.warning(
                        at: adoption.location ?? SourceLocation(file: entry.document.sourcePath, line: 1, column: 1),
                        "`adopted_by` nennt `\(id)`, aber es gibt keine Kommune mit dieser Kennung.",
                        hint: close + "Eine Kommune außerhalb der Kooperation schreibst du als `{name: …, ags: \"06……\"}`."))
                }
            case .report(let report):
                check(report.project, is: .project, field: "project")
            case .event(let event):
                checkOrganiser(event.organiser, routes: routes, into: &problems)
                if let report = event.report { check(report, is: .report, field: "report") }
                for session in event.programme {
                    session.blueprints.forEach { check($0, is: .blueprint, field: "blueprints") }
                    session.projects.forEach { check($0, is: .project, field: "projects") }
                    session.courses.forEach { check($0, is: .course, field: "courses") }
                    session.speakers.compactMap(\.municipality).forEach { check($0, is: .municipality, field: "municipality") }
                }
            case .project(let project):
                check(project.lead, is: .municipality, field: "lead")
                project.partners.forEach { check($0, is: .municipality, field: "partners") }
                if let cluster = project.cluster { check(cluster, is: .cluster, field: "cluster") }
            case .course(let course):
                if let cluster = course.cluster { check(cluster, is: .cluster, field: "cluster") }
            case .dataset(let dataset):
                if let publisher = dataset.publisher { check(publisher, is: .municipality, field: "publisher") }
                if let project = dataset.project { check(project, is: .project, field: "project") }
            case .cluster(let cluster):
                check(cluster.lead, is: .municipality, field: "lead")
                cluster.members.forEach { check($0.municipality, is: .municipality, field: "members") }
            case .module:
                let courseFolder = entry.document.contentFolder
                if routes.entry(forContentPath: courseFolder + "/index.md")?.document.kind != .course,
                   routes.unusable[courseFolder + "/index.md"] == nil {
                    problems.append(.error(
                        at: SourceLocation(file: entry.document.sourcePath, line: 1, column: 1),
                        "Das Modul gehört zu keinem Kurs: in content/\(courseFolder)/ fehlt die Kursbeschreibung `index.md`.",
                        hint: "Lege content/\(courseFolder)/index.md mit `title`, `summary`, `audience`, `learning_outcomes`, `workload` und `license` an."))
                }
            default:
                break
            }
        }
        return problems
    }

    /// An event's organiser is a municipality or a project; an id that is neither is an error with the closest of both.
    private static func checkOrganiser(_ organiser: Reference, routes: RouteTable, into problems: inout [Diagnostic]) {
        let kinds: [ContentKind] = [.municipality, .project]
        guard !kinds.contains(where: { routes.entry(kind: $0, id: organiser.id) != nil || routes.isUnusable(kind: $0, id: organiser.id) }) else { return }
        let known = kinds.flatMap { routes.entries(of: $0).map(\.document.id) }
        let hint = EditDistance.closest(to: organiser.id, among: known).map { "Meintest du `\($0)`?" }
            ?? "Bekannte Kennungen: " + (known.isEmpty ? "(keine)" : known.joined(separator: ", ")) + "."
        problems.append(.error(at: organiser.location, "`organiser` verweist auf `\(organiser.id)`, aber es gibt keine Kommune und kein Projekt mit dieser Kennung.",
                               hint: hint + " Die Kennung ist der Dateiname in content/kommunen/ oder content/projekte/ ohne `.md`."))
    }

    /// A `data_themes` line for a theme no blueprint has is most likely a typo: its blueprints
    /// would be filed under GOVE without anyone noticing.
    static func unusedDataThemes(_ mapping: DataThemeMapping, routes: RouteTable) -> [Diagnostic] {
        var used = Set<String>()
        for entry in routes.entries(of: .blueprint) {
            if case .blueprint(let b) = entry.document.metadata { used.formUnion(b.themes.map { Slug($0).rawValue }) }
        }
        return mapping.entries.filter { !used.contains($0.key) }.map { _, entry in
            let known = used.sorted()
            return .warning(at: SourceLocation(file: "site.yml", line: entry.line, column: 1),
                            "`data_themes` nennt das Thema `\(entry.name)`, das keine Blaupause hat.",
                            hint: EditDistance.closest(to: Slug(entry.name).rawValue, among: known).map { "Meintest du `\($0)`?" }
                                ?? "Themen der Blaupausen: " + known.joined(separator: ", ") + ".")
        }
    }

    /// Two modules of one course with the same `order` have no defined sequence.
    static func duplicateModuleOrders(_ routes: RouteTable) -> [Diagnostic] {
        var seen: [String: [Int: String]] = [:]
        var problems: [Diagnostic] = []
        for entry in routes.entries(of: .module).sorted(by: { $0.document.contentPath < $1.document.contentPath }) {
            guard case .module(let module) = entry.document.metadata else { continue }
            let folder = entry.document.contentFolder
            if let other = seen[folder]?[module.order] {
                problems.append(.warning(at: SourceLocation(file: entry.document.sourcePath, line: entry.document.fieldLines["order"] ?? 1, column: 1),
                                         "`order: \(module.order)` hat auch \(other); die Reihenfolge der beiden Module ist dann zufällig.",
                                         hint: "Gib jedem Modul des Kurses eine eigene Nummer."))
            } else {
                seen[folder, default: [:]][module.order] = entry.document.sourcePath
            }
        }
        return problems
    }
}
