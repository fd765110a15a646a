import Foundation
import Templating
import Testing

/// The repository's `templates/` is what `vcc theme export` writes, so the two never drift.
@Suite("Theme export")
struct ThemeExportTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test("templates/ at the repository root equals the built-in theme, file by file")
    func repositoryTemplatesEqualTheExport() throws {
        let exported = BuiltInTheme.files()
        #expect(exported.count >= 20)
        #expect(exported.contains { $0.path == "base.mustache" } && exported.contains { $0.path == "assets/style.css" })
        let root = Self.repository + "/templates"
        var onDisk: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let path = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { onDisk.append(path) }
        }
        #expect(onDisk.sorted() == exported.map(\.path).sorted(), "run `vcc theme export --force` after changing the built-in theme")
        for file in exported {
            let onDisk = FileManager.default.contents(atPath: root + "/" + file.path).map { String(decoding: $0, as: UTF8.self) }
            #expect(onDisk == String(decoding: file.contents, as: UTF8.self), "templates/\(file.path) differs from the built-in theme; run `vcc theme export --force`")
        }
    }
}
