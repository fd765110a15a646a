import SiteModel
import Yams

/// Turns a Yams parse error into a diagnostic at the file's line and column.
enum YAMLErrorTranslation {
    static func diagnostic(for error: any Error, file: String, firstLine: Int) -> Diagnostic {
        let hint = "Prüfe Einrückung, Doppelpunkte und Anführungszeichen; Texte mit `:` oder `#` gehören in Anführungszeichen."
        guard let yamlError = error as? YamlError else {
            return .error(at: SourceLocation(file: file, line: firstLine), "Das Front Matter ist kein gültiges YAML: \(error)", hint: hint)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = context.map { " (\($0.text))" } ?? ""
            return .error(
                at: SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column),
                "Das Front Matter ist kein gültiges YAML: \(problem)\(where_).", hint: hint)
        default:
            return .error(at: SourceLocation(file: file, line: firstLine), "Das Front Matter ist kein gültiges YAML: \(yamlError)", hint: hint)
        }
    }
}
