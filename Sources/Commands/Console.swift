import Foundation
import SiteModel

/// Output to the terminal: diagnostics on standard error in `file:line:col: error: …` form.
enum Console {
    static func error(_ message: String) { write("vcc: " + message + "\n", to: FileHandle.standardError) }
    static func info(_ message: String) { write(message + "\n", to: FileHandle.standardError) }

    /// Prints diagnostics sorted by place; paths are shown relative to where vcc was called.
    static func report(_ diagnostics: [Diagnostic], relativeTo source: String) {
        let prefix = pathPrefix(source)
        var text = ""
        for var diagnostic in diagnostics {
            diagnostic.location.file = prefix + diagnostic.location.file
            // One problem, one line (plus its hint): a line break from content must not start a fake one.
            diagnostic.message = diagnostic.message.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            diagnostic.hint = diagnostic.hint?.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            text += diagnostic.description + "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty { text += counted(errors, "Fehler", "Fehler") + ", " + counted(warnings, "Warnung", "Warnungen") + ".\n" }
        write(text, to: FileHandle.standardError)
    }

    /// What goes before a path relative to the project folder `source` to make it relative to where vcc was called.
    static func pathPrefix(_ source: String) -> String {
        source == "." ? "" : (source.hasSuffix("/") ? source : source + "/")
    }

    /// "1 Warnung", "2 Warnungen".
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// Everything vcc prints goes through here, made safe for the terminal.
    static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(TerminalText.sanitized(text).utf8))
    }
}
