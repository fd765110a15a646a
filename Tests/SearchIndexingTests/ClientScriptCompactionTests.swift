import Foundation
@testable import SearchIndexing
import Testing

/// The browser client as the site serves it (``ClientScriptCompaction``).
@Suite("Compacted client modules")
struct ClientScriptCompactionTests {
    @Test("comment lines, indentation and blank lines go; code lines and their breaks stay")
    func dropsCommentsAndIndentation() {
        let source = """
            // A module.
            /**
             * Documented.
             */
            export function f(a) {
              /* one line */
              const b = a // a trailing comment stays

                * 2;
              return `${b}`;
            }

            """
        #expect(ClientScriptCompaction.compacted(source) == """
            export function f(a) {
            const b = a // a trailing comment stays
            * 2;
            return `${b}`;
            }

            """)
    }

    @Test("a template literal or string over several lines, or code beside a comment's end, is served as written",
          arguments: [
              "const a = `one\n  // not a comment\ntwo`;\n",
              "const a = \"one\\\n  two\";\n",
              "/* a comment */ const a = 1;\n",
              "/* a comment\n */ const a = 1;\n",
              "const a = 1; /* a comment\n over two lines */\n",
              "/* never closed\n",
          ])
    func leavesUnsafeModulesAlone(source: String) {
        #expect(ClientScriptCompaction.compacted(source) == nil)
        #expect(ClientScriptCompaction.served(name: "a.js", contents: Array(source.utf8)) == Array(source.utf8))
    }

    @Test("every module of the client is compacted, by at least a fifth in all")
    func everyShippedModuleIsCompacted() throws {
        let files = try SearchIndexBuilder.clientFiles()
        #expect(files.count > 10)
        var written = 0, served = 0
        for file in files {
            let name = String(file.path.dropFirst("search/".count))
            let source = try #require(String(validating: file.contents, as: UTF8.self))
            // clientFiles() serves the compacted text: compacting it again changes nothing.
            #expect(ClientScriptCompaction.compacted(source) == source, "\(name)")
            #expect(!source.contains("\n//") && !source.hasPrefix("//") && !source.contains("\n "), "\(name)")
            served += file.contents.count
            written += try originalSize(name)
        }
        #expect(served * 5 <= written * 4)
    }

    /// The module's size as written in the repository.
    private func originalSize(_ name: String) throws -> Int {
        let client = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/SearchIndexing/Client/" + name).path
        return try #require(FileManager.default.attributesOfItem(atPath: client)[.size] as? Int)
    }
}
