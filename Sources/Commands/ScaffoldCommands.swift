import ArgumentParser
import Foundation
import SiteModel
import SiteWriter
import Scaffolding

/// `vcc new <typ> <name>`: a new content file with every required field as a placeholder.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Legt eine neue Inhaltsdatei an: Pflichtfelder als Platzhalter «ausfüllen: …», freiwillige Felder als Kommentar.",
        discussion: "Typen: " + ContentKind.allCases.map(\.germanTypeName).joined(separator: ", ")
            + " (oder " + ContentKind.allCases.map(\.rawValue).joined(separator: ", ") + ").")

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("Inhaltstyp, zum Beispiel blaupause.", valueName: "typ"))
    var type: String

    @Argument(help: ArgumentHelp("Titel; der Dateiname wird daraus gebildet.", valueName: "name"))
    var name: String

    @Option(name: .customLong("kurs"), help: ArgumentHelp("Für ein Modul: die Kennung des Kurses (Ordner unter content/qualifizierung/).", valueName: "kurs"))
    var course: String?

    /// The longest file name (without `.md`) `vcc new` makes, in bytes: enough for any real title
    /// (the sample's longest is 60), far below the file system's 255.
    static let maximumFileNameBytes = 100

    func run() throws {
        let root = try project.resolvedSourceFolder()
        guard let kind = ContentKind(typeName: type) else {
            Console.error("`\(type)` ist kein Inhaltstyp.\n    hinweis: Erlaubt: " + ContentKind.allCases.map(\.germanTypeName).joined(separator: ", ") + ".")
            throw VCCExit.environment
        }
        let slug = Slug(name)
        guard !slug.isEmpty else {
            Console.error("Der Name `\(name)` enthält keinen Buchstaben und keine Ziffer; daraus lässt sich kein Dateiname bilden.")
            throw VCCExit.environment
        }
        // A file name may have 255 bytes; long before that it is no longer readable in a link.
        guard slug.rawValue.utf8.count <= Self.maximumFileNameBytes else {
            // The first words of the title that still fit, else the cut file name.
            var words = name.split(separator: " ")
            while !words.isEmpty, Slug(words.joined(separator: " ")).rawValue.utf8.count > Self.maximumFileNameBytes { words.removeLast() }
            let shorterName = words.isEmpty ? slug.truncated(to: Self.maximumFileNameBytes).rawValue : words.joined(separator: " ")
            Console.error("Der Name ist zu lang für einen Dateinamen: \(name.count) Zeichen; ein Dateiname darf hier höchstens \(Self.maximumFileNameBytes) Zeichen haben."
                + "\n    hinweis: Wähle einen kürzeren Namen, zum Beispiel `vcc new \(type) \"\(shorterName)\"` (Datei \(Slug(shorterName).rawValue).md). Den vollen Titel trägst du danach in der Datei bei `title:` ein.")
            throw VCCExit.environment
        }
        var courseID: String?
        var order = 1
        if kind == .module {
            courseID = try chooseCourse(root: root)
            order = nextModuleOrder(in: root + "/content/qualifizierung/" + (courseID ?? ""))
        } else if course != nil {
            Console.error("--kurs gilt nur für `vcc new modul`.")
            throw VCCExit.environment
        }
        let path = "content/" + ContentScaffold.contentPath(kind: kind, slug: slug.rawValue, course: courseID)
        let url = URL(fileURLWithPath: root + "/" + path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            Console.error("\(path) gibt es schon; nichts wurde geschrieben.\n    hinweis: Wähle einen anderen Namen oder bearbeite die vorhandene Datei.")
            throw VCCExit.environment
        }
        let today = ContentDate(unixSeconds: Environment.sourceDateEpoch ?? Int(Date().timeIntervalSince1970))
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(ContentScaffold.file(kind: kind, title: name, today: today, order: order).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            Console.error("\(path) ließ sich nicht schreiben: \(error.localizedDescription)")
            throw VCCExit.environment
        }
        Console.info("\(path) angelegt. Fülle die Stellen «ausfüllen …» aus; bis dahin meldet vcc build sie als Fehler.")
    }

    /// The course a new module belongs to: `--kurs`, or the only course there is.
    private func chooseCourse(root: String) throws -> String {
        let folder = root + "/content/qualifizierung"
        let courses = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/index.md") }.sorted()
        if let given = self.course {
            // The course's folder name, or its title as typed ("Grundkurs Daten" -> grundkurs-daten).
            let course = courses.contains(given) ? given : Slug(given).rawValue
            guard courses.contains(course) else {
                Console.error("Den Kurs `\(given)` gibt es nicht.\n    hinweis: Kurse: " + (courses.isEmpty ? "(keine; lege zuerst einen an: vcc new kurs \"Titel\")" : courses.joined(separator: ", ")) + ".")
                throw VCCExit.environment
            }
            return course
        }
        guard courses.count == 1 else {
            Console.error(courses.isEmpty ? "Ein Modul gehört zu einem Kurs, und es gibt noch keinen.\n    hinweis: vcc new kurs \"Titel\""
                          : "Zu welchem Kurs gehört das Modul?\n    hinweis: --kurs " + courses.joined(separator: " oder --kurs "))
            throw VCCExit.environment
        }
        return courses[0]
    }
}

/// The `order` a new module gets: one after the highest of the course's modules.
private func nextModuleOrder(in folder: String) -> Int {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let orders = files.filter { $0.hasSuffix(".md") && $0 != "index.md" }.compactMap { name -> Int? in
        guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("order:") }
            .flatMap { Int($0.dropFirst("order:".count).trimmingCharacters(in: .whitespaces)) }
    }
    return (orders.max() ?? 0) + 1
}

/// `vcc init [DIR]`: a new site to start from.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Legt eine neue Website an: site.yml, content/ mit Startseite, Impressum, Datenschutz und Erklärung zur Barrierefreiheit, .gitignore und CI-Rezepte für GitLab und GitHub Pages.")

    @Argument(help: ArgumentHelp("Ordner der neuen Website (Standard: aktueller Ordner).", valueName: "ordner"))
    var folder: String = "."

    @Option(name: .long, help: ArgumentHelp("Titel der Website.", valueName: "titel"))
    var title: String = "Wissensbasis"

    /// A folder beside `root` that does not exist yet, so the hint never names a folder `vcc init` refuses too.
    static func freshFolder(beside root: String) -> String {
        let parent = URL(fileURLWithPath: root).deletingLastPathComponent().path
        let base = (parent == "/" ? "" : parent) + "/meine-wissensbasis"
        var candidate = base
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = base + "-\(number)"
            number += 1
        }
        return candidate
    }

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        let home = ProcessInfo.processInfo.environment["HOME"].map(OutputFolderPolicy.resolvedPath)
        if let label = OutputFolderPolicy.systemFolderLabel(OutputFolderPolicy.resolvedPath(root), home: home) {
            Console.error("In \(root) legt vcc keine Website an: Das ist \(label); nichts wurde geschrieben.\n"
                          + "    hinweis: Wähle einen eigenen Ordner: vcc init meine-wissensbasis")
            throw VCCExit.environment
        }
        let files = SiteScaffold.files(title: title)
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
            + (FileManager.default.fileExists(atPath: root + "/content") && !existing(root).isEmpty ? ["content/"] : [])
        guard existing.isEmpty else {
            Console.error("In \(root) gibt es schon eine Website (\(existing.joined(separator: ", "))); nichts wurde geschrieben.\n"
                          + "    hinweis: Wähle einen leeren oder neuen Ordner neben dieser Website: vcc init \(Self.freshFolder(beside: root))")
            throw VCCExit.environment
        }
        do {
            for file in files {
                let url = URL(fileURLWithPath: root + "/" + file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            Console.error("Die Website ließ sich nicht in \(root) anlegen: \(error.localizedDescription)")
            throw VCCExit.environment
        }
        Console.info("""
            Neue Website in \(root) angelegt.
              Nächste Schritte: Impressum, Datenschutz und Barrierefreiheit ergänzen (Stellen «ergänzen: …»),
              dann: vcc new blaupause "Titel" · vcc serve · vcc build
            """)
    }

    private func existing(_ root: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root + "/content")) ?? []
    }
}
