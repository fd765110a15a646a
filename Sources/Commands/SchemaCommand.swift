import ArgumentParser
import Foundation
import SiteModel
import ContentSchema

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

    @Flag(name: .long, help: "Geänderte Schema-Dateien überschreiben (unveränderte werden immer still ersetzt).")
    var force = false

    func run() throws {
        if markdown {
            FileHandle.standardOutput.write(Data(ContentModelMarkdown.document.utf8))
            return
        }
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let schemas = ContentKind.allCases.map { (name: ContentModelJSONSchema.fileName(for: $0), data: Data(ContentModelJSONSchema.schema(for: $0).utf8)) }
        // A file that is there and differs from what vcc would write was edited (or is someone
        // else's): it is kept unless --force says otherwise. Identical files are rewritten silently.
        let edited = schemas.filter { schema in
            FileManager.default.contents(atPath: target.appendingPathComponent(schema.name).path).map { $0 != schema.data } ?? false
        }
        if let first = edited.first, !force {
            Console.error("""
                \(target.appendingPathComponent(first.name).path) weicht vom Schema ab, das vcc schreiben würde\
                \(edited.count > 1 ? " (wie \(edited.count - 1) weitere Dateien)" : ""); nichts wurde geschrieben.
                    hinweis: Mit --force werden geänderte Schemas überschrieben; eigene Änderungen daran gehen verloren. \
                Oder wähle einen anderen Ordner: vcc schema /tmp/schema
                """)
            throw VCCExit.environment
        }
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for schema in schemas {
                try schema.data.write(to: target.appendingPathComponent(schema.name), options: .atomic)
            }
        } catch {
            Console.error("Die Schemas ließen sich nicht nach \(target.path) schreiben: \(error.localizedDescription)")
            throw VCCExit.environment
        }
        Console.info("\(ContentKind.allCases.count) JSON-Schemas nach \(target.path) geschrieben (\(ContentKind.allCases.map { ContentModelJSONSchema.fileName(for: $0) }.joined(separator: ", "))).")
    }
}
