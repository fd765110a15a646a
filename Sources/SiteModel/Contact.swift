/// Somebody to ask: an office (or a person) with an email address or a web address, optionally a
/// named person and a phone number.
public struct Contact: Sendable, Hashable {
    public var name: String
    public var email: String?
    public var url: String?
    /// A person to ask by name, beside the office in `name`.
    public var person: String?
    /// A phone number as written (`+49 69 8065-0`); ``telURI`` is its `tel:` link.
    public var phone: String?
    public init(name: String, email: String?, url: String?, person: String? = nil, phone: String? = nil) {
        self.name = name; self.email = email; self.url = url; self.person = person; self.phone = phone
    }

    /// `tel:+496980650` for a phone number (digits and a leading +), nil without one.
    public var telURI: String? {
        guard let phone else { return nil }
        let digits = phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
        return digits.isEmpty ? nil : "tel:" + digits
    }
}
