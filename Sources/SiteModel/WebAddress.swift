import Foundation

/// The check every address from content passes before it reaches an `href`: only `https`, `http`,
/// `mailto` and `tel` may leave the site. Everything else (`javascript:`, `data:`, `file:`, a
/// protocol-relative `//host/…`, an address with spaces or control characters) is refused with a
/// hint, so that a page never carries a link a browser would run or that silently points nowhere.
public enum WebAddress {
    /// Schemes a link may use.
    public static let linkSchemes: Set<String> = ["https", "http", "mailto", "tel"]
    /// Schemes a website or contact address may use.
    public static let webSchemes: Set<String> = ["https", "http"]

    /// What is wrong with `text` as an absolute address, with a hint; nil when it is fine.
    public static func problem(with text: String, allowing schemes: Set<String> = linkSchemes) -> (message: String, hint: String)? {
        let allowed = schemes.sorted { ($0 == "https" ? 0 : 1, $0) < ($1 == "https" ? 0 : 1, $1) }
            .map { $0 == "https" || $0 == "http" ? $0 + "://" : $0 + ":" }.joined(separator: ", ")
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return ("Die Adresse `\(text)` enthält Leer- oder Steuerzeichen.", "Entferne sie oder schreibe ein Leerzeichen als %20.")
        }
        if text.hasPrefix("//") {
            return ("Die Adresse `\(text)` hat kein Schema (protokollrelativ).", "Schreibe sie vollständig: `https:\(text)`.")
        }
        guard let scheme = self.scheme(of: text) else {
            if looksLikeHostName(text) {
                return ("Die Adresse `\(text)` hat kein Schema.", "Schreibe sie vollständig: `https://\(text)`.")
            }
            return ("`\(text)` ist keine vollständige Adresse.", "Erlaubt sind Adressen mit \(allowed).")
        }
        guard schemes.contains(scheme) else {
            return ("Das Schema `\(scheme):` in `\(text)` ist nicht erlaubt.", "Erlaubt sind Adressen mit \(allowed).")
        }
        if scheme == "https" || scheme == "http" {
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
                  text.lowercased().hasPrefix(scheme + "://") else {
                return ("Die Adresse `\(text)` ist unvollständig.", "Zum Beispiel `https://www.fulda.de/`.")
            }
        }
        return nil
    }

    /// The lowercased scheme (`https` of `https://…`), or nil when the text has none.
    public static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return nil }
        let scheme = text[..<colon]
        guard scheme.first!.isASCII, scheme.first!.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return scheme.lowercased()
    }

    /// `www.fulda.de`, `fulda.de/rathaus`: a host name written without a scheme.
    public static func looksLikeHostName(_ text: String) -> Bool {
        let host = text.split(separator: "/", maxSplits: 1).first ?? ""
        let labels = host.split(separator: ".")
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else {
            return false
        }
        // `checkliste.txt` is a file, `www.fulda.de` a host: only a `www.` start or a common
        // top-level domain counts as a host.
        return labels.first?.lowercased() == "www" || commonTopLevelDomains.contains(labels.last!.lowercased())
    }

    private static let commonTopLevelDomains: Set<String> = [
        "de", "com", "org", "net", "eu", "info", "io", "at", "ch", "gov", "edu", "hessen", "nrw", "bayern", "berlin", "hamburg",
    ]
}
