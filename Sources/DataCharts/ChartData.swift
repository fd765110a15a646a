import Foundation
public import SiteModel

/// The numbers a chart shows, taken from a data set as its ``ChartSpec`` asks: one category per
/// value of the `x` column (in the order of the rows, dates and numbers sorted), one series per
/// value column or per value of the `gruppen` column; rows that fall on the same category and
/// series are added up.
public struct ChartData: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var label: String
        /// One value per category; nil where no row has one.
        public var values: [Double?]
    }

    public var title: String
    public var kind: ChartSpec.Kind
    /// The categories' labels in German (`Jan. 2024`, `Gewerbeanmeldung`).
    public var categories: [String]
    /// The heading of the category column in the table (the `x` column's title).
    public var categoryHeading: String
    public var series: [Series]
    /// The unit of the values, when all value columns share one.
    public var unit: String?

    /// The chart's numbers, or the problems with the block (unknown column, a column without numbers), at `location`.
    public static func make(_ spec: ChartSpec, from dataset: Dataset, at location: SourceLocation) -> Result<ChartData, Diagnostic> {
        let known = dataset.fields.map(\.name)
        func column(_ name: String, key: String) -> Result<(index: Int, field: DataField), Diagnostic> {
            guard let column = dataset.column(named: name) else {
                let suggestion = EditDistance.closest(to: name, among: known).map { "Meintest du `\($0)`? " } ?? ""
                return .failure(.error(at: location, "`\(key): \(name)`: der Datensatz `\(spec.dataset)` hat keine Spalte `\(name)`.",
                                       hint: suggestion + "Spalten: " + known.map { "`\($0)`" }.joined(separator: ", ") + "."))
            }
            return .success(column)
        }
        let x: (index: Int, field: DataField)
        switch column(spec.x, key: "x") {
        case .success(let found): x = found
        case .failure(let problem): return .failure(problem)
        }
        var valueColumns: [(index: Int, field: DataField)] = []
        for name in spec.values {
            switch column(name, key: "werte") {
            case .success(let found) where found.field.type.isNumeric: valueColumns.append(found)
            case .success(let found):
                return .failure(.error(at: location, "`werte: \(name)`: die Spalte hat den Typ `\(found.field.type.rawValue)`; ein Diagramm zeigt nur Zahlen.",
                                       hint: "Nimm Spalten vom Typ `integer` oder `number`."))
            case .failure(let problem): return .failure(problem)
            }
        }
        var group: (index: Int, field: DataField)?
        if let name = spec.groups {
            switch column(name, key: "gruppen") {
            case .success(let found): group = found
            case .failure(let problem): return .failure(problem)
            }
        }
        let categoryValues = orderedDistinct(dataset.rows.map { $0[x.index] }, sorted: x.field.type != .string && x.field.type != .boolean)
        let categoryIndex = Dictionary(uniqueKeysWithValues: categoryValues.enumerated().map { ($1, $0) })
        var series: [Series]
        if let group {
            let groupValues = orderedDistinct(dataset.rows.map { $0[group.index] }, sorted: group.field.type != .string)
            let groupIndex = Dictionary(uniqueKeysWithValues: groupValues.enumerated().map { ($1, $0) })
            series = groupValues.map { Series(label: $0.german, values: Array(repeating: nil, count: categoryValues.count)) }
            for row in dataset.rows {
                guard let c = categoryIndex[row[x.index]], let s = groupIndex[row[group.index]], let value = row[valueColumns[0].index].numeric else { continue }
                series[s].values[c] = (series[s].values[c] ?? 0) + value
            }
        } else {
            series = valueColumns.map { Series(label: $0.field.label, values: Array(repeating: nil, count: categoryValues.count)) }
            for row in dataset.rows {
                guard let c = categoryIndex[row[x.index]] else { continue }
                for (s, column) in valueColumns.enumerated() {
                    if let value = row[column.index].numeric { series[s].values[c] = (series[s].values[c] ?? 0) + value }
                }
            }
        }
        // A bar chart draws a group per category, a line chart a point: beyond these counts neither can be read.
        let maximumCategories = spec.kind == .lines ? 400 : 60
        guard categoryValues.count <= maximumCategories else {
            return .failure(.error(at: location, "Das Diagramm hätte \(categoryValues.count) Werte entlang `x: \(spec.x)`; lesbar bleiben höchstens \(maximumCategories).",
                                   hint: "Wähle für `x:` eine Spalte mit weniger verschiedenen Werten oder teile die Daten auf mehrere Datensätze auf."))
        }
        let units = Set(valueColumns.compactMap(\.field.unit))
        let maximumSeries = 6
        guard series.count <= maximumSeries else {
            return .failure(.error(at: location, "Das Diagramm hätte \(series.count) Reihen; lesbar bleiben höchstens \(maximumSeries).",
                                   hint: "Wähle weniger Spalten in `werte:` oder eine Spalte mit weniger Werten für `gruppen:`."))
        }
        return .success(ChartData(title: spec.title, kind: spec.kind, categories: categoryValues.map(\.german),
                                  categoryHeading: x.field.label, series: series, unit: units.count == 1 ? units.first : nil))
    }

    /// The distinct values in order of first appearance, or sorted for dates and numbers; empty cells left out.
    private static func orderedDistinct(_ values: [DataValue], sorted: Bool) -> [DataValue] {
        var seen: Set<DataValue> = []
        let distinct = values.filter { $0 != .missing && seen.insert($0).inserted }
        return sorted ? distinct.sorted(by: DataValue.ascending) : distinct
    }

    /// The largest sum of a stack, or the largest single value.
    var maximum: Double {
        if kind == .stackedBars {
            return categories.indices.map { index in series.compactMap { $0.values[index] }.reduce(0, +) }.max() ?? 0
        }
        return series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    }
}

extension DataValue {
    /// The order of values of one column: numbers and dates by value, texts by German collation.
    static func ascending(_ a: DataValue, _ b: DataValue) -> Bool {
        switch (a, b) {
        case let (.date(x), .date(y)): x < y
        case let (.yearMonth(y1, m1), .yearMonth(y2, m2)): (y1, m1) < (y2, m2)
        case let (.year(x), .year(y)), let (.integer(x), .integer(y)): x < y
        case let (.number(x), .number(y)): x < y
        default: a.german < b.german
        }
    }
}
