import Foundation
import SiteModel

/// A small RDF graph: subjects with their statements in the order added, written as Turtle
/// (``RDFGraph/turtle``) and RDF/XML (``RDFGraph/rdfXML``) for the DCAT-AP.de catalogue.
/// Deterministic: subjects and statements keep the order the catalogue adds them in.
struct RDFGraph {
    /// An object of a statement.
    enum Term: Hashable {
        case iri(String)
        case literal(String, language: String?)
        case typed(String, datatype: String)
    }

    /// Prefixes used in the output, by namespace.
    static let prefixes: [(prefix: String, namespace: String)] = [
        ("dcat", "http://www.w3.org/ns/dcat#"), ("dct", "http://purl.org/dc/terms/"),
        ("dcatde", "http://dcat-ap.de/def/dcatde/"), ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"), ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ]

    private(set) var subjects: [(iri: String, statements: [(predicate: String, object: Term)])] = []
    private var index: [String: Int] = [:]

    /// Adds `predicate object` to `subject` (a full IRI; predicates as `prefix:name`).
    mutating func add(_ subject: String, _ predicate: String, _ object: Term) {
        if index[subject] == nil {
            index[subject] = subjects.count
            subjects.append((subject, []))
        }
        subjects[index[subject]!].statements.append((predicate, object))
    }

    mutating func add(_ subject: String, _ predicate: String, text: String, language: String? = "de") {
        add(subject, predicate, .literal(text, language: language))
    }

    /// The graph as Turtle.
    var turtle: String {
        var out = Self.prefixes.map { "@prefix \($0.prefix): <\($0.namespace)> ." }.joined(separator: "\n") + "\n"
        for subject in subjects {
            out += "\n<\(Self.iriEscaped(subject.iri))>"
            for (number, statement) in subject.statements.enumerated() {
                let predicate = statement.predicate == "rdf:type" ? "a" : statement.predicate
                out += (number == 0 ? "\n    " : " ;\n    ") + predicate + " " + Self.turtle(statement.object)
            }
            out += " .\n"
        }
        return out
    }

    /// The graph as RDF/XML, what most harvesters read.
    var rdfXML: String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF"
        for (prefix, namespace) in Self.prefixes { out += "\n    xmlns:\(prefix)=\"\(namespace)\"" }
        out += ">\n"
        for subject in subjects {
            out += "  <rdf:Description rdf:about=\"\(XMLText.escaped(subject.iri))\">\n"
            for (predicate, object) in subject.statements {
                switch object {
                case .iri(let iri):
                    out += "    <\(predicate) rdf:resource=\"\(XMLText.escaped(iri))\"/>\n"
                case .literal(let text, let language):
                    let lang = language.map { " xml:lang=\"\($0)\"" } ?? ""
                    out += "    <\(predicate)\(lang)>\(XMLText.escaped(text))</\(predicate)>\n"
                case .typed(let text, let datatype):
                    out += "    <\(predicate) rdf:datatype=\"\(XMLText.escaped(Self.expanded(datatype)))\">\(XMLText.escaped(text))</\(predicate)>\n"
                }
            }
            out += "  </rdf:Description>\n"
        }
        return out + "</rdf:RDF>\n"
    }

    private static func turtle(_ term: Term) -> String {
        switch term {
        case .iri(let iri): "<\(iriEscaped(iri))>"
        case .literal(let text, let language): "\"\(literalEscaped(text))\"" + (language.map { "@\($0)" } ?? "")
        case .typed(let text, let datatype): "\"\(literalEscaped(text))\"^^\(datatype)"
        }
    }

    /// `xsd:date` to its full IRI.
    private static func expanded(_ name: String) -> String {
        guard let colon = name.firstIndex(of: ":"), let namespace = prefixes.first(where: { $0.prefix == name[..<colon] })?.namespace
        else { return name }
        return namespace + name[name.index(after: colon)...]
    }

    /// Turtle string escapes: backslash, quote, line breaks; control characters as \u escapes.
    private static func literalEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Characters Turtle forbids in an IRI, percent-encoded.
    private static func iriEscaped(_ iri: String) -> String {
        var out = ""
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
