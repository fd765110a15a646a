import SiteModel
import SiteSnapshot

/// One filter value a blueprint has: the single place that decides which values select which
/// blueprints, read both for the filter pages and for the keys on the cards the browser combines.
struct BlueprintFacetMembership {
    var filter: BlueprintFilter
    /// The value's last address segment and the second half of its key: `pilot`, `offenbach`, `2`.
    var slug: String
    var label: String
    /// Where the value stands in its filter (maturity order, bands ascending, names alphabetical).
    var order: String

    /// `reifegrad:pilot`.
    var key: String { filter.rawValue + ":" + slug }

    /// Every filter value of a blueprint, in the filters' order.
    static func all(of entry: RouteTable.Entry, directory: SiteDirectory) -> [BlueprintFacetMembership] {
        guard case .blueprint(let blueprint) = entry.document.metadata else { return [] }
        let references = directory.references(of: entry)
        var values = [BlueprintFacetMembership(filter: .maturity, slug: blueprint.maturity.rawValue, label: blueprint.maturity.label,
                                               order: rank(Maturity.allCases.firstIndex(of: blueprint.maturity) ?? 0))]
        // Unknown ids are reported by ReferenceCheck; ids that differ only in case would give two
        // filter pages at one address, so cities are keyed by their address segment.
        for city in references.municipalities where city.entry != nil {
            values.append(named(.developedBy, id: city.id, label: city.title))
        }
        values += running(blueprint, references: references, directory: directory)
        // Thresholds rather than exact counts: "at least 2" is what a reader looking for proven solutions asks.
        if blueprint.operationCount > 0 {
            for threshold in 1...blueprint.operationCount {
                values.append(.init(filter: .operationCount, slug: String(threshold), label: municipalities(atLeast: threshold), order: rank(threshold)))
            }
        }
        if let range = blueprint.suitableFor, range.minimum != nil || range.maximum != nil {
            for (index, band) in FacetBand.population.enumerated() where band.overlaps(range) {
                values.append(.init(filter: .size, slug: band.slug, label: band.label, order: rank(index)))
            }
        }
        if let yearly = blueprint.costs?.yearly, let index = FacetBand.yearlyCosts.firstIndex(where: { $0.contains(yearly) }) {
            values.append(.init(filter: .costs, slug: FacetBand.yearlyCosts[index].slug, label: FacetBand.yearlyCosts[index].label, order: rank(index)))
        }
        let open = blueprint.products.filter { $0.isOpenSource == true }.count
        if open > 0 {
            let only = open == blueprint.products.count
            values.append(.init(filter: .openSource, slug: only ? "nur" : "teilweise",
                                label: only ? "nur Open-Source-Software" : "auch Open-Source-Software", order: rank(only ? 0 : 1)))
        }
        values += blueprint.themes.map { .init(filter: .theme, slug: Slug($0).truncated().rawValue, label: $0, order: $0.germanCollationKey) }
        if let project = references.project, project.entry != nil {
            values.append(.init(filter: .project, slug: RouteTable.urlSegment(project.id), label: project.title, order: project.title.germanCollationKey))
        }
        return values
    }

    /// `mindestens 2 Kommunen`.
    static func municipalities(atLeast count: Int) -> String {
        count == 1 ? "mindestens 1 Kommune" : "mindestens \(count) Kommunen"
    }

    /// The municipalities of the cooperation that run the solution: developers in `in_operation` and
    /// adopters with `status: im-betrieb` (the facet "Kommune" once named only developers, so
    /// "Im Betrieb" and "Offenbach" found nothing although Offenbach runs the Nutzungsdashboard).
    private static func running(_ blueprint: Blueprint, references: ResolvedReferences, directory: SiteDirectory) -> [BlueprintFacetMembership] {
        var cities: [(id: String, entry: RouteTable.Entry)] = blueprint.inOperation.compactMap { operation in
            directory.routes.entry(kind: .municipality, id: operation.municipality).map { (operation.municipality, $0) }
        }
        for (adoption, municipality) in zip(blueprint.adoptedBy, references.adopters) where adoption.isInOperation {
            if let municipality, let entry = municipality.entry { cities.append((municipality.id, entry)) }
        }
        var seen = Set<String>()
        return cities.filter { seen.insert(RouteTable.urlSegment($0.id)).inserted }
            .map { named(.runningIn, id: $0.id, label: $0.entry.document.title) }
    }

    private static func named(_ filter: BlueprintFilter, id: String, label: String) -> BlueprintFacetMembership {
        .init(filter: filter, slug: RouteTable.urlSegment(id), label: label, order: label.germanCollationKey)
    }

    /// A number as a sortable text, for values whose order is numeric.
    private static func rank(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
