/// Numbers as German readers write them, for pages and packages alike.
public enum GermanFormat {
    /// `12.000 €`.
    public static func euros(_ amount: Int) -> String { number(amount) + " €" }

    /// `5.000 bis 150.000 Einwohnerinnen und Einwohner`.
    public static func inhabitants(_ range: PopulationRange) -> String {
        switch (range.minimum, range.maximum) {
        case let (low?, high?): "\(number(low)) bis \(number(high)) Einwohnerinnen und Einwohner"
        case let (low?, nil): "ab \(number(low)) Einwohnerinnen und Einwohnern"
        case let (nil, high?): "bis \(number(high)) Einwohnerinnen und Einwohner"
        case (nil, nil): ""
        }
    }

    /// Thousands separated with points: `12.000`.
    public static func number(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }
}
