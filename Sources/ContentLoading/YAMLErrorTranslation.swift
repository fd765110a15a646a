import Foundation
import SiteModel
import Yams

/// Turns a Yams parse error into a diagnostic at the file's line and column.
enum YAMLErrorTranslation {
    static func diagnostic(for error: any Error, file: String, firstLine: Int, yaml: String = "") -> Diagnostic {
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
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the mapping; the place to fix is the key's second occurrence.
            let key = duplicates.sorted().first ?? ""
            let (line, column) = secondOccurrence(of: key, in: yaml) ?? (context.mark.line, context.mark.column)
            return .error(
                at: SourceLocation(file: file, line: line + firstLine - 1, column: column),
                "Das Feld `\(key)` steht zweimal im Front Matter.",
                hint: "Lösche eine der beiden Zeilen; es gilt sonst nicht erkennbar, welche.")
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofOffset: $0, in: yaml) } ?? (1, 0)
            return .error(at: SourceLocation(file: file, line: line + firstLine - 1, column: column),
                          "Das Front Matter ist kein gültiges YAML: \(problem).", hint: hint)
        default:
            return .error(at: SourceLocation(file: file, line: firstLine), "Das Front Matter ist kein gültiges YAML: \(yamlError)", hint: hint)
        }
    }

    /// Line and column (1-based) of the second line that starts the key `key`.
    private static func secondOccurrence(of key: String, in yaml: String) -> (Int, Int)? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indentation = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indentation)
            let name = rest.hasPrefix("\"") || rest.hasPrefix("'") ? rest.dropFirst().prefix { $0 != "\"" && $0 != "'" } : rest.prefix { $0 != ":" }
            guard name.trimmingCharacters(in: .whitespaces) == key, rest.dropFirst(name.count).contains(":") else { continue }
            seen += 1
            if seen == 2 { return (index + 1, indentation + 1) }
        }
        return nil
    }

    /// Line and column (1-based, in characters) of a character offset.
    private static func position(ofOffset offset: Int, in yaml: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in yaml.prefix(max(0, offset)) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
