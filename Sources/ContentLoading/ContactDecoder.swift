import Foundation
import SiteModel
import Yams

/// A `contact` block (of a blueprint, a municipality or an adopter): an office or person with an
/// e-mail address or a web address, optionally a named person and a phone number, each checked.
enum ContactDecoder {
    /// The keys a contact block takes.
    static let keys = ["name", "email", "url", "person", "phone"]

    /// The contact written in `node` (the value of `key`); nil, with errors at their lines, when it is unusable.
    static func contact(in node: Node, key: String, _ f: inout FrontMatterFields) -> Contact? {
        guard node.mapping != nil else {
            f.error("`\(key)` braucht `name` und `email` oder `url`.", at: node, hint: "Schreibe `\(key): {name: …, email: …}`.")
            return nil
        }
        let name = node["name"]?.scalar?.string
        let email = node["email"]?.scalar?.string
        let url = node["url"]?.scalar?.string
        let person = node["person"]?.scalar?.string
        let phone = node["phone"]?.scalar?.string
        if name?.isEmpty ?? true { f.error("`\(key)` hat keinen `name`.", at: node, hint: "Ergänze `name: …`.") }
        if email == nil && url == nil && phone == nil {
            f.error("`\(key)` braucht `email`, `url` oder `phone`.", at: node, hint: "Ergänze `email: …`, `url: https://…` oder `phone: …`.")
        }
        if let email, !MetadataDecoder.isMailAddress(email) {
            f.error("`\(key).email` ist keine E-Mail-Adresse: `\(email)`.", at: node["email"], hint: "Zum Beispiel `digital@stadt.de`.")
        }
        if let url, let problem = WebAddress.problem(with: url, allowing: WebAddress.webSchemes) {
            f.error("`\(key).url`: " + problem.message, at: node["url"], hint: problem.hint)
        }
        if let phone, !isPhoneNumber(phone) {
            f.error("`\(key).phone` ist keine Telefonnummer: `\(phone)`.", at: node["phone"],
                    hint: "Schreibe Ziffern mit Vorwahl, erlaubt sind Leerzeichen, `+`, `-`, `/` und Klammern, zum Beispiel `+49 69 8065-2345` oder `069 8065-2345`.")
        }
        DecisionFieldsDecoder.reportUnknown(in: node, allowed: keys, field: key, &f)
        guard let name, !name.isEmpty, email != nil || url != nil || phone != nil else { return nil }
        return Contact(name: name, email: email, url: url, person: person?.isEmpty == true ? nil : person,
                       phone: phone.flatMap { isPhoneNumber($0) ? $0 : nil })
    }

    /// A number a `tel:` link can dial: six to fifteen digits (E.164 allows fifteen), a leading `+`
    /// or `0`, and only spaces, `-`, `/` and parentheses between them.
    static func isPhoneNumber(_ text: String) -> Bool {
        let allowed = Set("0123456789 +-/()")
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.allSatisfy(allowed.contains), (6...15).contains(digits), let first = trimmed.first, "+0(".contains(first) else { return false }
        return !trimmed.dropFirst().contains("+")
    }
}
