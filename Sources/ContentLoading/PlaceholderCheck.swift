import Foundation
import SiteModel

/// Text a scaffold left for the author (`«ausfüllen: …»`, an error) or marked as to be completed
/// (`«ergänzen: …»`, a warning), at its own line and column.
enum PlaceholderCheck {
    /// At most this many per file and kind are listed one by one; the rest are counted in one
    /// closing diagnostic. A file from `vcc new` has about 15 to 25, so it is listed whole; only
    /// a marker pasted hundreds of times is cut short.
    static let maximumReported = 50

    static func diagnostics(in bytes: [UInt8], file: String) -> [Diagnostic] {
        // Every file of a large site passes here and almost none holds a marker, but many hold a `«`
        // (laws quote with it): only a file with one of the markers' bytes is read line by line.
        // The markers are also looked for with their umlaut decomposed (as some editors save it),
        // which the line search below matches as well.
        let markers = [ScaffoldMarker.toFillIn, ScaffoldMarker.toComplete]
        guard markers.contains(where: { contains($0, in: bytes) || contains($0.decomposedStringWithCanonicalMapping, in: bytes) }) else { return [] }
        var problems: [Diagnostic] = []
        var counts = (fill: 0, complete: 0)
        var firstUnlisted: (fill: SourceLocation?, complete: SourceLocation?) = (nil, nil)
        for (index, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (marker, isError) in [(ScaffoldMarker.toFillIn, true), (ScaffoldMarker.toComplete, false)] {
                var searchStart = line.startIndex
                while let found = line.range(of: marker, range: searchStart..<line.endIndex) {
                    searchStart = found.upperBound
                    let end = line[found.upperBound...].firstIndex(of: "»").map { line.index(after: $0) } ?? line.endIndex
                    let what = line[found.upperBound..<end].dropLast(line[..<end].hasSuffix("»") ? 1 : 0).trimmingCharacters(in: .whitespaces)
                    let location = SourceLocation(file: file, line: index + 1, column: line.distance(from: line.startIndex, to: found.lowerBound) + 1)
                    if isError {
                        counts.fill += 1
                        guard counts.fill <= maximumReported else { firstUnlisted.fill = firstUnlisted.fill ?? location; continue }
                        problems.append(.error(at: location, "Platzhalter noch nicht ausgefüllt: \(what)",
                                               hint: "Ersetze `\(marker) …»` durch den richtigen Text oder Wert."))
                    } else {
                        counts.complete += 1
                        guard counts.complete <= maximumReported else { firstUnlisted.complete = firstUnlisted.complete ?? location; continue }
                        problems.append(.warning(at: location, "Noch zu ergänzen: \(what)",
                                                 hint: "Ersetze `\(marker) …»` durch den richtigen Text, bevor die Website veröffentlicht wird."))
                    }
                }
            }
        }
        if let location = firstUnlisted.fill {
            problems.append(.error(at: location, "… und \(counts.fill - maximumReported) weitere Platzhalter in dieser Datei (insgesamt \(counts.fill)).",
                                   hint: "Suche im Editor nach `\(ScaffoldMarker.toFillIn)` und fülle jede Stelle aus."))
        }
        if let location = firstUnlisted.complete {
            problems.append(.warning(at: location, "… und \(counts.complete - maximumReported) weitere Stellen zum Ergänzen in dieser Datei (insgesamt \(counts.complete)).",
                                     hint: "Suche im Editor nach `\(ScaffoldMarker.toComplete)` und ergänze jede Stelle."))
        }
        return problems
    }

    /// Whether `marker`'s UTF-8 bytes occur in `bytes` (memchr for its first byte, then a compare).
    private static func contains(_ marker: String, in bytes: [UInt8]) -> Bool {
        let needle = Array(marker.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var offset = 0
            let last = buffer.count - needle.count
            while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, needle, needle.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}
