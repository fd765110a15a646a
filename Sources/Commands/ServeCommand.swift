import ArgumentParser
import DevServer
import Foundation

/// `vcc serve`: the preview server with live reload.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Zeigt die Website als Vorschau auf 127.0.0.1 und baut bei jeder Änderung neu.")

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "Port auf 127.0.0.1 (0 wählt einen freien).")
    var port: UInt16 = 8080

    // The preview is where authors work on drafts, so they are shown and checked fully there.
    @Flag(name: .long, inversion: .prefixedNo, help: "Entwürfe (draft: true) zeigen und voll prüfen; mit --no-drafts zeigst du die Website, wie sie veröffentlicht wird.")
    var drafts = true

    @Option(name: .long, help: ArgumentHelp("Nach so vielen Sekunden beenden (für Tests).", visibility: .hidden))
    var stopAfter: Double?

    func run() throws {
        let root = try project.resolvedSourceFolder()
        let source = project.source
        let server: PreviewServer
        do {
            server = try PreviewServer(root: root, port: port, drafts: drafts) { problems, summary in
                Console.report(problems, relativeTo: source)
                Console.info(summary)
            }
        } catch {
            Console.error("Die Vorschau kann nicht starten: \(error)")
            throw VCCExit.environment
        }
        FileHandle.standardOutput.write(Data("Vorschau: http://127.0.0.1:\(server.port)/  (Strg+C beendet)\n".utf8))
        if let stopAfter {
            DispatchQueue.global().asyncAfter(deadline: .now() + stopAfter) { Foundation.exit(0) }
        }
        server.run()
    }
}
