/// Numbers as German readers write them, for pages and packages alike.
public enum GermanFormat {
    /// `12.000 €`.
    public static func euros(_ amount: Int) -> String { number(amount) + "\u{00A0}€" }  // never "12.000" at a line end and "€" on the next

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

extension GermanFormat {
    /// A number with points between thousands and a comma before at most `fractionDigits`
    /// decimals, trailing zeros dropped: `1.234,5`, `-12`, `0,25`.
    public static func decimal(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        let scale = (0..<fractionDigits).reduce(1.0) { result, _ in result * 10 }
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^53 a Double has no exact whole digits, and beyond Int.max Int() would trap:
        // such numbers are written in scientific notation.
        guard scaled < 9.0e15 else { return String("\(value)".map { $0 == "." ? "," : $0 }) }
        let whole = Int(scaled) / Int(scale), fraction = Int(scaled) % Int(scale)
        var text = (value < 0 && scaled > 0 ? "-" : "") + number(whole)
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: fractionDigits - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "," + digits
        }
        return text
    }

    /// The month's short German name as newspapers write it: `Jan.`, `März`, `Juni`.
    public static func shortMonth(_ month: Int) -> String {
        let names = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
        return (1...12).contains(month) ? names[month - 1] : String(month)
    }
}
