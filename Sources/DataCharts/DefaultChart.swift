public import SiteModel

/// The chart a data set's page shows when its description draws none: the first number column
/// along the first date, month or year column, as lines, one per value of the first text column
/// when it has few values. Nil when the data set has no such columns (the table is there anyway).
public enum DefaultChart {
    /// The figure's HTML, or nil.
    public static func figure(of dataset: Dataset, id: String, title: String, page: String) -> String? {
        guard let x = dataset.fields.first(where: { [.date, .yearmonth, .year].contains($0.type) }),
              let value = dataset.fields.first(where: \.type.isNumeric) else { return nil }
        let group = dataset.fields.first { $0.type == .string }
        let place = SourceLocation(file: "")
        var spec = ChartSpec(dataset: id, kind: .lines, x: x.name, values: [value.name], groups: group?.name,
                             title: "\(value.label) nach \(x.label)", caption: nil)
        var made = ChartData.make(spec, from: dataset, at: place)
        if case .failure = made, group != nil {
            // Too many groups for one chart: the sum over all of them.
            spec.groups = nil
            made = ChartData.make(spec, from: dataset, at: place)
        }
        guard case .success(let data) = made else { return nil }
        return ChartFigure(data: data, id: "diagramm-datensatz", sourceTitle: title, sourceURL: page, license: dataset.license.name).html
    }
}
