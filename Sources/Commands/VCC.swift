public import ArgumentParser
import Foundation
import ParallelSteps

/// The `vcc` command: builds the knowledge base of the Virtual Competence Center.
public struct VCC: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vcc",
        abstract: "Baut die Wissensbasis des Virtual Competence Center als statische, durchsuchbare Website.",
        discussion: """
        Exit-Codes: 0 Erfolg, 1 Fehler im Inhalt, 2 Aufruf- oder Umgebungsfehler.
        """,
        version: VCC.version,
        subcommands: [BuildCommand.self, ServeCommand.self, SearchCommand.self, ThemeCommand.self, SchemaCommand.self, CheckCommand.self, NewCommand.self, InitCommand.self],
        defaultSubcommand: nil)

    /// The version printed by `vcc --version`.
    public static let version = "0.1.0"

    public init() {}

    /// Runs the command line `arguments` (the program's name first, as in `argv`) and exits with
    /// 0, 1 (content errors) or 2 (usage or environment).
    public static func runAndExit(arguments: [String]) -> Never {
        guard !arguments.isEmpty else {
            // Not even the program's name: the arguments could not be read. Help and exit 0 would
            // let a CI job pass without having done anything.
            FileHandle.standardError.write(Data("vcc: Die Aufrufargumente ließen sich nicht lesen (ist /proc eingehängt?).\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(Array(arguments.dropFirst()))
            // A build ends the process when done: its state is left to the kernel (ProcessExit).
            if command is BuildCommand { ProcessExit.endsAfterThisCommand() }
            try command.run()
            Foundation.exit(0)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = HelpText.german(fullMessage(for: error))
            if !message.isEmpty {
                // Help and version are answers, not errors: they go to standard output.
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data(TerminalText.sanitized(message + "\n").utf8))
            }
            // ArgumentParser uses 64 for usage errors; vcc promises 2 for every usage or environment failure.
            Foundation.exit(code == .success ? 0 : (code.rawValue == 1 ? 1 : 2))
        }
    }
}

/// Exit codes vcc promises to scripts and CI.
enum VCCExit {
    static let contentErrors = ExitCode(1)
    static let environment = ExitCode(2)
}
