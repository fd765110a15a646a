/// A web address from the content, made safe to hand to curl: http or https only, no user name,
/// a plain host name or IP address, and every character curl or a server could misread (`[ ] { }`,
/// spaces, control characters, quotes, non-ASCII) percent-encoded in the path and query.
///
/// Parsing is deliberately narrower than RFC 3986: an address vcc and curl could read differently
/// (`http://a@b/`, a backslash, a host with other characters) is not asked but reported, so the
/// host vcc checks (see ``NetworkAddress``) is always the host curl connects to.
struct LinkAddress: Equatable {
    /// `http` or `https`, lower case.
    var scheme: String
    /// The host in lower case: a name, an IPv4 address in any form `inet_aton` reads, or an IPv6 address without brackets.
    var host: String
    var port: Int
    /// Path and query, percent-encoded; the fragment is dropped (a browser never sends it).
    var pathAndQuery: String

    /// Why an address is not asked; the text completes "Die Adresse … wird nicht geprüft: ".
    enum Rejection: Error, Equatable {
        case notWeb
        case userInfo
        case badHost
        case nonASCIIHost
        case badPort

        var reason: String {
            switch self {
            case .notWeb: "nur http- und https-Adressen werden abgefragt"
            case .userInfo: "sie enthält Zugangsdaten (user@host)"
            case .badHost: "der Rechnername enthält unzulässige Zeichen"
            case .nonASCIIHost: "der Rechnername enthält Umlaute oder andere Sonderzeichen; trage ihn in der xn--…-Form (Punycode) ein"
            case .badPort: "die Portnummer ist ungültig"
            }
        }
    }

    /// The address as curl gets it; IPv6 hosts in brackets.
    var requestURL: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return scheme + "://" + bracketedHost + (port == defaultPort ? "" : ":\(port)") + pathAndQuery
    }

    /// The host as it appears in a URL or in curl's `--resolve host:port:address`.
    var bracketedHost: String { host.contains(":") ? "[" + host + "]" : host }

    /// Reads `text`, or says why it is not asked.
    static func parse(_ text: String) -> Result<LinkAddress, Rejection> {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
              case let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased(),
              scheme == "http" || scheme == "https",
              bytes[(colon + 1)...].starts(with: Array("//".utf8)) else { return .failure(.notWeb) }
        let authorityStart = colon + 3
        let authorityEnd = bytes[authorityStart...].firstIndex { "/?#".utf8.contains($0) } ?? bytes.count
        let authority = bytes[authorityStart..<authorityEnd]
        if authority.contains(UInt8(ascii: "@")) { return .failure(.userInfo) }
        if authority.contains(where: { $0 >= 0x80 }) { return .failure(.nonASCIIHost) }
        guard let (host, portText) = splitHostAndPort(String(decoding: authority, as: UTF8.self)) else { return .failure(.badHost) }
        let port: Int
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigit),
                  let number = Int(portText), (1...65_535).contains(number) else { return .failure(.badPort) }
            port = number
        } else {
            port = scheme == "https" ? 443 : 80
        }
        var rest = bytes[authorityEnd...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        let path = percentEncoded(rest)
        return .success(LinkAddress(scheme: scheme, host: host.lowercased(), port: port, pathAndQuery: path.first == "/" ? path : "/" + path))
    }

    /// `host` and the text after its port colon; nil when the host has characters no host name has.
    private static func splitHostAndPort(_ authority: String) -> (String, String?)? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
            if after.isEmpty { return (host, nil) }
            guard after.hasPrefix(":") else { return nil }
            return (host, String(after.dropFirst()))
        }
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = String(parts[0])
        // Letters, digits, hyphen, dot and underscore: what DNS names and IPv4 forms (0x7f.1) use.
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }) else { return nil }
        return (host, parts.count == 2 ? String(parts[1]) : nil)
    }

    /// Bytes that stay as they are in a path or query: RFC 3986 unreserved and sub-delimiters,
    /// `: @ / ?` and `%` before two hex digits. Everything else is encoded, above all curl's glob
    /// characters `[ ] { }` and what ends or splits a request line (space, CR, LF).
    private static let keptBytes = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?".utf8)

    private static func percentEncoded(_ bytes: ArraySlice<UInt8>) -> String {
        var result = ""
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes[(index + 1)...].prefix(2)
            let escapeFollows = byte == UInt8(ascii: "%") && next.count == 2 && next.allSatisfy { Character(UnicodeScalar($0)).isHexDigit }
            if keptBytes.contains(byte) || escapeFollows {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
            index += 1
        }
        return result
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
