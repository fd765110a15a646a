import ArgumentParser
import Foundation
import SiteModel

/// `vcc schema [DIR]`: the content model as JSON Schemas, one per content type.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Schreibt das Inhaltsmodell als JSON-Schema (2020-12), eine Datei je Inhaltstyp, standardmäßig nach schema/.",
        discussion: "Die Schemas entstehen aus denselben Definitionen, mit denen vcc build prüft; Editoren und CI können damit Front Matter prüfen.")

    @Argument(help: ArgumentHelp("Zielordner (Standard: schema).", valueName: "ordner"))
    var folder: String = "schema"

    @Flag(name: .long, help: "Statt der Schemas die Feldübersicht als Markdown ausgeben (docs/CONTENT-MODEL.md).")
    var markdown = false

    func run() throws {
        if markdown {
            FileHandle.standardOutput.write(Data(ContentModelMarkdown.document.utf8))
            return
        }
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for kind in ContentKind.allCases {
                try Data(ContentModelJSONSchema.schema(for: kind).utf8)
                    .write(to: target.appendingPathComponent(ContentModelJSONSchema.fileName(for: kind)), options: .atomic)
            }
        } catch {
            Console.error("Die Schemas ließen sich nicht nach \(target.path) schreiben: \(error.localizedDescription)")
            throw VCCExit.environment
        }
        Console.info("\(ContentKind.allCases.count) JSON-Schemas nach \(target.path) geschrieben (\(ContentKind.allCases.map { ContentModelJSONSchema.fileName(for: $0) }.joined(separator: ", "))).")
    }
}
