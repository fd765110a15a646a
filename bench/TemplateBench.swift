// Micro-benchmark of page rendering: vcc's compiled templates against swift-mustache, on the
// contexts of a real build. Not part of any target. To run it, copy this file to
// Sources/Commands/, add TemplateBenchCommand.self to the subcommands in Sources/Commands/VCC.swift,
// build with `swift build -c release --product vcc` and run
// `.build/release/vcc template-bench /dev/shm/laws --rounds 3`; undo both changes afterwards.
// It also counts the pages whose two renderings differ (0 expected).
import ArgumentParser
import ContentLoading
import Foundation
import SiteGeneration
import SiteModel
@_spi(Testing) import Templating

struct TemplateBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template-bench")
    @Argument var source: String
    @Option var rounds = 3

    final class NullSink: OutputSink, @unchecked Sendable {
        func accept(_ file: OutputFile) throws {}
        func moveFolder(_ from: String, to: String) throws {}
    }

    func run() throws {
        let log = TemplateRenderLog()
        let project = try ContentLoader(includesDrafts: false).loadProject(at: source)
        let (templates, _) = TemplateSet.load(siteTemplates: project.templatesRoot == nil ? nil : project.files)
        var options = BuildOptions(sourceDateEpoch: 1_700_000_000)
        options.templates = templates.logging(into: log)
        _ = try SiteBuilder(options: options).build(project, into: NullSink())
        let pages = log.entries.sorted { $0.template < $1.template }
        print("pages logged: \(pages.count)")
        var differ = 0
        for (name, value) in pages where templates.renderWithMustache(name, value: value) != templates.renderCompiled(name, value: value) { differ += 1 }
        print("pages differing: \(differ)")
        func time(_ label: String, _ body: (String, TemplateValue) -> String?) -> Double {
            var best = Double.infinity
            var bytes = 0
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                for (name, value) in pages { bytes &+= body(name, value)?.utf8.count ?? 0 }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3 / Double(pages.count))
            }
            print("\(label): \(String(format: "%.1f", best)) µs per page (best of \(rounds), \(bytes) bytes)")
            return best
        }
        let old = time("swift-mustache") { templates.renderWithMustache($0, value: $1) }
        let new = time("vcc renderer  ") { templates.renderCompiled($0, value: $1) }
        // The conversion to swift-mustache's Any tree is not part of what a page cost before; time it alone.
        let conversion = time("Any-tree build ") { _, value in _ = value.mustacheValue; return nil }
        print(String(format: "ratio (swift-mustache render without tree building) / vcc: %.2f", (old - conversion) / new))
    }
}
