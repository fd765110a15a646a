import ArgumentParser
import Foundation

/// Options every command that reads a project shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Projektordner mit content/, templates/ und site.yml (Standard: aktueller Ordner).", valueName: "ordner"))
    var source: String = "."

    /// The absolute source folder; a missing folder is a usage error.
    func resolvedSourceFolder() throws -> String {
        let path = URL(fileURLWithPath: source).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            Console.error("Der Projektordner \(source) existiert nicht.")
            throw VCCExit.environment
        }
        return path
    }
}

/// Values read from the environment.
enum Environment {
    /// `SOURCE_DATE_EPOCH` (reproducible builds), when set to a number.
    static var sourceDateEpoch: Int? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
    }
}
