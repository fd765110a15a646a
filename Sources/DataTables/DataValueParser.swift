public import SiteModel

/// Reads one CSV value as the type of its column, as Frictionless Table Schema defines the types'
/// default formats (numbers with a decimal point, dates as ISO 8601), and checks its constraints.
public enum DataValueParser {
    /// Why a value does not fit its column, in German, with a fix.
    public struct Problem: Error, Sendable, Hashable {
        public var message: String
        public var hint: String
    }

    /// The typed value of `text` in the column `field`; an empty text is a missing value.
    public static func value(_ text: String, as field: DataField) -> Result<DataValue, Problem> {
        guard !text.isEmpty else {
            return field.isRequired
                ? .failure(Problem(message: "In Spalte `\(field.name)` fehlt ein Wert; die Spalte ist Pflicht (`required: true`).",
                                   hint: "Trage einen Wert ein oder nimm `required` aus den `constraints` der Spalte."))
                : .success(.missing)
        }
        let value: DataValue?
        switch field.type {
        case .string: value = .text(text)
        case .integer: value = integer(text).map(DataValue.integer)
        case .number: value = number(text).map(DataValue.number)
        case .date: value = ContentDate(iso: text).map(DataValue.date)
        case .yearmonth: value = yearMonth(text)
        case .year: value = text.count == 4 ? integer(text).map(DataValue.year) : nil
        case .boolean: value = ["true": true, "false": false][text].map(DataValue.boolean)
        }
        guard let value else { return .failure(typeProblem(text, field)) }
        if let number = value.numeric {
            if let minimum = field.minimum, number < minimum {
                return .failure(Problem(message: "`\(text)` in Spalte `\(field.name)` ist kleiner als das Minimum \(GermanFormat.decimal(minimum)).",
                                        hint: "Prüfe den Wert; das Minimum steht in den `constraints` der Spalte."))
            }
            if let maximum = field.maximum, number > maximum {
                return .failure(Problem(message: "`\(text)` in Spalte `\(field.name)` ist größer als das Maximum \(GermanFormat.decimal(maximum)).",
                                        hint: "Prüfe den Wert; das Maximum steht in den `constraints` der Spalte."))
            }
        }
        return .success(value)
    }

    private static func typeProblem(_ text: String, _ field: DataField) -> Problem {
        let article = field.type == .integer || field.type == .number ? "keine" : "kein"
        var hint: String
        switch field.type {
        case .integer:
            hint = number(text) != nil ? "Die Spalte hat den Typ `integer`: nur ganze Zahlen. Runde den Wert oder gib der Spalte den Typ `number`."
                : "Schreibe ganze Zahlen ohne Tausenderpunkte und ohne Einheit, zum Beispiel `1234`."
        case .number:
            hint = text.contains(",") ? "Schreibe Dezimalzahlen mit Punkt und ohne Tausenderpunkte, zum Beispiel `\(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))`."
                : "Schreibe Zahlen mit Punkt vor den Nachkommastellen und ohne Einheit, zum Beispiel `12.5`."
        case .date: hint = "Schreibe Daten als JJJJ-MM-TT, zum Beispiel `2024-03-01`."
        case .yearmonth: hint = "Schreibe Monate als JJJJ-MM, zum Beispiel `2024-03`."
        case .year: hint = "Schreibe Jahre mit vier Ziffern, zum Beispiel `2024`."
        case .boolean: hint = "Schreibe `true` oder `false`."
        case .string: hint = ""
        }
        return Problem(message: "`\(text)` in Spalte `\(field.name)` ist \(article) \(field.type.germanName).", hint: hint)
    }

    /// An optional sign and ASCII digits.
    static func integer(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.count <= 18, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    /// A decimal number with a point, optionally with an exponent (`-12.5`, `1e3`); no `NaN` or `INF`.
    static func number(_ text: String) -> Double? {
        guard text.utf8.count <= 40, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
              text.utf8.contains(where: { (0x30...0x39).contains($0) }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// `2024-03`.
    private static func yearMonth(_ text: String) -> DataValue? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = integer(String(parts[0])),
              let month = integer(String(parts[1])), year >= 1, (1...12).contains(month) else { return nil }
        return .yearMonth(year: year, month: month)
    }
}
