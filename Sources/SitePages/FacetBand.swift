import SiteModel

/// A range of numbers a filter offers as one value: a size band of "Passt zu unserer Größe"
/// (inhabitants) or a band of yearly costs (euros). Without JavaScript a band is the only way to
/// filter by a number, so each band is a page of its own (`/blaupausen/groesse/20000-bis-50000/`).
struct FacetBand: Sendable, Equatable {
    /// `20.000 bis 50.000`, shown beside the filter's title.
    var label: String
    /// The last segment of the band's page: `20000-bis-50000`.
    var slug: String
    /// The smallest number in the band.
    var lower: Int
    /// The first number above the band; nil for the open top band.
    var upper: Int?

    /// Whether `number` lies in the band.
    func contains(_ number: Int) -> Bool { number >= lower && upper.map { number < $0 } ?? true }

    /// Whether the band and a blueprint's `suitable_for` share a size: a municipality of some size in
    /// the band could use it. An open end of `suitable_for` reaches to zero or without limit.
    func overlaps(_ range: PopulationRange) -> Bool {
        let low = range.minimum ?? 0
        return (upper.map { low < $0 } ?? true) && (range.maximum.map { $0 >= lower } ?? true)
    }

    /// The size bands of "Passt zu unserer Größe". The limits follow the sizes of Hessian towns and
    /// cities (half of the 421 municipalities have fewer than 10,000 inhabitants; the six of the
    /// cooperation have 36,000 to 130,000); changing them changes the addresses of the band pages.
    static let population: [FacetBand] = bands(
        [0, 10_000, 20_000, 50_000, 100_000], unit: "Einwohnerinnen und Einwohner")

    /// The bands of yearly running costs (`costs.yearly`); the limits give the sample blueprints
    /// (3,600 to 14,000 euros a year) more than one band. Same caveat on addresses as above.
    static let yearlyCosts: [FacetBand] = bands([0, 5_000, 10_000], unit: "€ im Jahr")

    /// Consecutive bands from ascending limits, the last one open: `unter 10.000`, `10.000 bis 20.000`, `ab 100.000`.
    private static func bands(_ limits: [Int], unit: String) -> [FacetBand] {
        limits.indices.map { index in
            let lower = limits[index]
            let upper = index + 1 < limits.count ? limits[index + 1] : nil
            let format = GermanFormat.number
            switch (lower, upper) {
            case (0, let upper?):
                return FacetBand(label: "unter \(format(upper)) \(unit)", slug: "unter-\(upper)", lower: 0, upper: upper)
            case (_, let upper?):
                return FacetBand(label: "\(format(lower)) bis \(format(upper)) \(unit)", slug: "\(lower)-bis-\(upper)", lower: lower, upper: upper)
            case (_, nil):
                return FacetBand(label: "ab \(format(lower)) \(unit)", slug: "ab-\(lower)", lower: lower, upper: nil)
            }
        }
    }
}
