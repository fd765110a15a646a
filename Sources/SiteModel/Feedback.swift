import Foundation

/// Where other municipalities report an adoption or ask a question (`site.yml` → `feedback:`):
/// an email address and/or an issue-URL template of the site's repository. There is no form
/// backend: both become links with subject and body filled in.
public struct FeedbackChannels: Sendable, Hashable {
    public var email: String?
    /// A URL with `{title}` and `{body}` placeholders, e.g. GitLab's `…/issues/new?issue[title]={title}&issue[description]={body}`.
    public var issueURLTemplate: String?

    public init(email: String?, issueURLTemplate: String?) {
        self.email = email
        self.issueURLTemplate = issueURLTemplate
    }

    /// A prepared message: the two links offered for it (either may be missing).
    public struct Links: Sendable, Hashable {
        public var mail: String?
        public var issue: String?
    }

    /// Links for a message with this subject and body.
    public func links(subject: String, body: String) -> Links {
        Links(mail: email.map { "mailto:\($0)?subject=\(Self.encoded(subject))&body=\(Self.encoded(body))" },
              issue: issueURLTemplate.map {
                  Self.validURL($0).replacingOccurrences(of: "{title}", with: Self.encoded(subject))
                      .replacingOccurrences(of: "{body}", with: Self.encoded(body))
              })
    }

    /// "Nachnutzung melden" for a blueprint: the facts its authors need, as a form to fill in.
    public func adoptionReport(title: String, url: String) -> Links {
        links(subject: "Nachnutzung: \(title)", body: """
            Wir nutzen die Blaupause „\(title)“ nach (\(url)).

            Kommune:
            Amtlicher Gemeindeschlüssel (AGS, 8 Ziffern):
            Stand (interessiert, in Vorbereitung, Pilot, im Betrieb, beendet):
            Seit (Datum):
            Ansprechperson und E-Mail:
            Was wir angepasst haben:

            """)
    }

    /// "Frage an das Team" for a blueprint.
    public func question(title: String, url: String) -> Links {
        links(subject: "Frage zu: \(title)", body: "Frage zur Blaupause „\(title)“ (\(url)):\n\n")
    }

    /// The template with characters a URL may not contain escaped (GitLab's `issue[title]`
    /// becomes `issue%5Btitle%5D`, which it reads the same); the placeholders stay.
    static func validURL(_ template: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let first = rest.first {
            if rest.hasPrefix("{title}") || rest.hasPrefix("{body}") {
                let placeholder = rest.hasPrefix("{title}") ? "{title}" : "{body}"
                out += placeholder
                rest = rest.dropFirst(placeholder.count)
                continue
            }
            switch first {
            case "[", "]", "{", "}", "|", "^", "`", "\"", "<", ">", "\\": out += String(format: "%%%02X", first.asciiValue ?? 0)
            default: out.append(first)
            }
            rest = rest.dropFirst()
        }
        return out
    }

    /// Percent-encoding for a query value: everything but RFC 3986's unreserved characters.
    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        allowed.remove(charactersIn: "")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// The attribution a reuser copies: „Titel“ von Stadt A, Stadt B – Quelle: URL – Lizenz: CC BY 4.0.
public enum Attribution {
    public static func text(title: String, authors: [String], sourceURL: String, license: License) -> String {
        let by = authors.isEmpty ? "" : " von " + authors.joined(separator: ", ")
        return "„\(title)“\(by) – Quelle: \(sourceURL) – Lizenz: \(license.shortName) (\(license.url))"
    }
}
