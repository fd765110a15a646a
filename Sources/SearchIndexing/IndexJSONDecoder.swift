import Foundation

/// Reads the index's JSON files into their `Codable` types (``IndexJSONEncoder`` writes them).
enum IndexJSONDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Where decoding failed, for a damage message: the key path (`matchWeights.exact`) and whether
    /// the file is no JSON at all.
    static func problem(of error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context):
            return "`\(path(context.codingPath + [key]))` fehlt"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "`\(path(context.codingPath))` hat nicht die erwartete Art"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "`\(path(context.codingPath))` hat nicht die erwartete Art"
        default:
            return "kein JSON-Objekt"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
