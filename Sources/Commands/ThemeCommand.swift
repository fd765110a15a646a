import ArgumentParser
import Foundation
import Templating

/// `vcc theme`: work with the theme.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Das eingebaute Theme als Vorlage für eigene Anpassungen.",
        subcommands: [ThemeExportCommand.self])
}

/// `vcc theme export [DIR]`: writes the built-in theme, by default to the project's `templates/`.
struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Schreibt das eingebaute Theme (Vorlagen, Teilvorlagen, CSS, JavaScript) in einen Ordner, standardmäßig templates/.",
        discussion: """
        Danach gilt: Jede Datei in templates/ ersetzt die gleichnamige des eingebauten Themes. \
        Was Sie nicht ändern wollen, können Sie wieder löschen.
        """)

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("Zielordner (Standard: QUELLE/templates).", valueName: "ordner"))
    var folder: String?

    @Flag(name: .long, help: "Vorhandene Dateien des Themes überschreiben (andere Dateien im Ordner bleiben).")
    var force = false

    func run() throws {
        let root = try project.resolvedSourceFolder()
        let target = URL(fileURLWithPath: folder ?? root + "/templates").standardizedFileURL.resolvingSymlinksInPath().path
        let content = URL(fileURLWithPath: root + "/content").resolvingSymlinksInPath().path
        if target == URL(fileURLWithPath: root).resolvingSymlinksInPath().path || target == content || target.hasPrefix(content + "/") {
            Console.error("Das Theme gehört nicht nach \(target): dort läge es zwischen den Inhalten. Nimm templates/ oder einen eigenen Ordner.")
            throw VCCExit.environment
        }
        let files = BuiltInTheme.files()
        let existing = files.filter { FileManager.default.fileExists(atPath: target + "/" + $0.path) }
        if !existing.isEmpty && !force {
            Console.error("""
                \(target) enthält schon \(existing.count == 1 ? "eine Datei" : "\(existing.count) Dateien") des Themes \
                (zum Beispiel \(existing[0].path)); nichts wurde geschrieben.
                    hinweis: Mit --force werden diese Dateien überschrieben; eigene Änderungen daran gehen verloren. \
                Oder wähle einen anderen Ordner: vcc theme export /tmp/theme
                """)
            throw VCCExit.environment
        }
        do {
            for file in files {
                let url = URL(fileURLWithPath: target + "/" + file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url, options: .atomic)
            }
        } catch {
            Console.error("Das Theme ließ sich nicht nach \(target) schreiben: \(error.localizedDescription)")
            throw VCCExit.environment
        }
        Console.info("\(files.count) Dateien des Themes nach \(target) geschrieben. Jede Datei dort ersetzt die gleichnamige des eingebauten Themes.")
    }
}
