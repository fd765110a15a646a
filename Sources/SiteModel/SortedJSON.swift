import Foundation

/// The one writer of JSON files made from `Encodable` values (`/katalog/katalog.json`,
/// `/blaupausen/katalog.json`): keys sorted and indented, slashes as they are, a final newline,
/// so the same content always gives the same bytes.
public enum SortedJSON {
    public static func bytes(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Array(data) + [0x0A]
    }
}
