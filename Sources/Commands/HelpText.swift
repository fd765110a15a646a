import Foundation

/// swift-argument-parser writes its headings, the text of its built-in `--help` and `--version`
/// flags and its usage errors in English, and offers no setting for them (only the flags' names
/// can be changed). Staff read German, so the fixed phrases are translated where vcc prints them.
enum HelpText {
    /// `text` with the library's English phrases in German; everything vcc wrote itself is kept.
    static func german(_ text: String) -> String {
        var result = text
        for (english, german) in phrases { result = result.replacingOccurrences(of: english, with: german) }
        for (pattern, template) in patterns {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return result
    }

    /// Longer phrases first where one contains another.
    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "ÜBERBLICK: "),
        ("USAGE: ", "AUFRUF: "),
        ("ARGUMENTS:\n", "ARGUMENTE:\n"),
        ("OPTIONS:\n", "OPTIONEN:\n"),
        ("SUBCOMMANDS:\n", "BEFEHLE:\n"),
        ("Show help information.", "Diese Hilfe zeigen."),
        ("Show the version.", "Die Version zeigen."),
        ("(default as flag: ", "(Standard als Schalter: "),
        ("(default: ", "(Standard: "),
        ("(default)", "(Standard)"),
        ("(values: ", "(Werte: "),
        ("Error: ", "Fehler: "),
        ("Help:  ", "Hilfe: "),
        ("Usage: ", "Aufruf: "),
        ("Missing expected argument '", "Es fehlt das Argument '"),
        ("Unknown option '", "Unbekannte Option '"),
        ("Unexpected argument '", "Unerwartetes Argument '"),
        ("'. Did you mean '", "'. Meintest du '"),
        ("Missing value for '", "Es fehlt ein Wert für '"),
    ]

    private static let patterns: [(String, String)] = [
        (#"See '([^']+) <subcommand>' for detailed help\."#, "Ausführliche Hilfe zu einem Befehl: '$1 <befehl>'."),
        (#"See '([^']+)' for more help\."#, "Mehr dazu: '$1'."),
    ]
}
