/// Splits XML text into tags and text for ``SafeSVG``: just enough XML for drawings, with every
/// character reference decoded, comments and processing instructions (`<?xml-stylesheet?>`,
/// which could load XSLT) left out, and CDATA handed on as text. Anything it does not understand
/// throws, so a trick in the syntax refuses the file instead of slipping through.
struct SVGTokenReader {
    enum Token {
        case start(String, [(String, String)], selfClosing: Bool)
        case endTag(String)
        case text(String)
        case doctype(String)
        case end
    }

    struct Malformed: Error {}

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func next() throws -> Token {
        while position < scalars.count {
            guard scalars[position] == "<" else { return .text(try decoded(until: "<")) }
            if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<![CDATA[") {
                position += 9
                let start = position
                try skip(past: "]]>")
                return .text(String(String.UnicodeScalarView(scalars[start..<(position - 3)])))
            } else if starts(with: "<!DOCTYPE") {
                let start = position
                var depth = 0
                while position < scalars.count {
                    let scalar = scalars[position]
                    position += 1
                    if scalar == "[" { depth += 1 } else if scalar == "]" { depth -= 1 } else if scalar == ">", depth <= 0 { break }
                }
                return .doctype(String(String.UnicodeScalarView(scalars[start..<position])))
            } else if starts(with: "</") {
                position += 2
                let name = try self.name()
                skipSpace()
                try expect(">")
                return .endTag(name)
            } else {
                position += 1
                return try startTag()
            }
        }
        return .end
    }

    private mutating func startTag() throws -> Token {
        let name = try self.name()
        var attributes: [(String, String)] = []
        while true {
            skipSpace()
            guard position < scalars.count else { throw Malformed() }
            if scalars[position] == ">" { position += 1; return .start(name, attributes, selfClosing: false) }
            if starts(with: "/>") { position += 2; return .start(name, attributes, selfClosing: true) }
            let key = try self.name()
            skipSpace()
            try expect("=")
            skipSpace()
            guard position < scalars.count, scalars[position] == "\"" || scalars[position] == "'" else { throw Malformed() }
            let quote = scalars[position]
            position += 1
            let value = try decoded(until: quote)
            try expect(quote)
            attributes.append((key, value))
        }
    }

    private mutating func name() throws -> String {
        let start = position
        while position < scalars.count, isNameScalar(scalars[position]) { position += 1 }
        guard position > start else { throw Malformed() }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ":" || scalar == "."
    }

    /// Text up to `stop`, with character and the five XML entity references decoded; a `<` inside throws.
    private mutating func decoded(until stop: Unicode.Scalar) throws -> String {
        var out = String.UnicodeScalarView()
        while position < scalars.count, scalars[position] != stop {
            let scalar = scalars[position]
            if scalar == "<" { throw Malformed() }
            if scalar == "&" {
                out.append(try reference())
            } else {
                out.append(scalar)
                position += 1
            }
        }
        return String(out)
    }

    private mutating func reference() throws -> Unicode.Scalar {
        position += 1
        let start = position
        while position < scalars.count, scalars[position] != ";", position - start < 12 { position += 1 }
        guard position < scalars.count, scalars[position] == ";" else { throw Malformed() }
        let body = String(String.UnicodeScalarView(scalars[start..<position]))
        position += 1
        switch body {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number = body.hasPrefix("#x") ? UInt32(body.dropFirst(2), radix: 16) : body.hasPrefix("#") ? UInt32(body.dropFirst(), radix: 10) : nil
            guard let number, let scalar = Unicode.Scalar(number), number != 0 else { throw Malformed() }
            return scalar
        }
    }

    private func starts(with prefix: String) -> Bool {
        var index = position
        for scalar in prefix.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private mutating func skip(past end: String) throws {
        while position < scalars.count {
            if starts(with: end) { position += end.unicodeScalars.count; return }
            position += 1
        }
        throw Malformed()
    }

    private mutating func skipSpace() {
        while position < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[position]) { position += 1 }
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws {
        guard position < scalars.count, scalars[position] == scalar else { throw Malformed() }
        position += 1
    }
}
