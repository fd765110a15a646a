import CMarkArena
import Foundation
import ParallelSteps
import Testing
@testable import MarkdownRendering

/// The per-thread arena cmark's trees are built in: what cmark's allocator contract needs (zeroed
/// calloc, realloc that keeps the bytes), one arena per thread, none inside another, and pages
/// rendered through it exactly as through the system allocator.
@Suite("cmark arena")
struct ArenaTests {
    @Test("calloc zeroes, realloc keeps the bytes whether it grows in place or moves, free gives the newest room back")
    func allocatorContract() throws {
        #expect(vcc_arena_begin() == 1)
        defer { vcc_arena_end() }
        #expect(vcc_arena_begin() == 0, "no arena inside an arena on one thread")
        let zeroed = try #require(vcc_arena_calloc(100, 8)).assumingMemoryBound(to: UInt8.self)
        #expect((0..<800).allSatisfy { zeroed[$0] == 0 })
        var buffer = try #require(vcc_arena_realloc(nil, 10)).assumingMemoryBound(to: UInt8.self)
        for i in 0..<10 { buffer[i] = UInt8(i) }
        let grown = try #require(vcc_arena_realloc(buffer, 5_000)).assumingMemoryBound(to: UInt8.self)
        #expect(grown == buffer, "the newest allocation grows where it is")
        buffer = grown
        let other = try #require(vcc_arena_calloc(1, 16))
        let moved = try #require(vcc_arena_realloc(buffer, 300_000)).assumingMemoryBound(to: UInt8.self)
        #expect(moved != buffer && (0..<10).allSatisfy { moved[$0] == UInt8($0) }, "a moved block keeps its bytes")
        vcc_arena_free(other)  // not the newest: stays until the arena ends
        let before = vcc_arena_reserved()
        vcc_arena_free(moved)
        let again = try #require(vcc_arena_realloc(nil, 300_000)).assumingMemoryBound(to: UInt8.self)
        #expect(again == moved && vcc_arena_reserved() == before, "the newest block's room is used again")
    }

    @Test("pages render the same through the arena on many threads, with a parse inside a parse falling back to malloc")
    func sameOutput() {
        let markdown = (1...40).map { "## Abschnitt \($0)\n\nText mit *Betonung*, `Code`, [Link](https://example.org/\($0)) und www.example.org.\n\n> [!HINWEIS]\n> Kasten \($0).\n\n| a | b |\n|---|---|\n| \($0) | ~~x~~ |\n\n- [ ] Aufgabe\n" }.joined(separator: "\n")
        let renderer = MarkdownRenderer()
        // The references through the system allocator: with an arena already running on this thread,
        // a parse does not start its own.
        #expect(vcc_arena_begin() == 1)
        let reference = renderer.render(markdown, file: "a.md", resolveLink: { _ in .unchanged }).html
        let innerReference = renderer.render("## Innen\n\nText.", file: "b.md", resolveLink: { _ in .unchanged }).html
        #expect(vcc_arena_reserved() == 0, "nothing was taken from the running arena")
        vcc_arena_end()
        let outputs = Array(0..<8).concurrentMap(threads: 4) { _ in
            renderer.parse(markdown, file: "a.md") { outer in
                let inner = renderer.render("## Innen\n\nText.", file: "b.md", resolveLink: { _ in .unchanged }).html
                return outer.render(titleToDrop: nil, resolveLink: { _ in .unchanged }).html + inner
            }
        }
        #expect(reference.contains("<h2 id=\"abschnitt-40\">") && reference.contains("notice notice-info"))
        for output in outputs { #expect(output == reference + innerReference) }
    }
}
