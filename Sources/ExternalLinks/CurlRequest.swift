import Foundation

/// One request of `vcc check --external`, made by the system's curl with every limit set on the
/// command line, so that a link from content cannot widen what curl does.
struct CurlRequest {
    /// Path of the curl program.
    var curl: String
    var address: LinkAddress
    /// The IP address curl must connect to (`--resolve`), decided by the internal-address check;
    /// nil when the host is an IP address already or internal addresses are allowed.
    var pinnedAddress: NetworkAddress?
    var head: Bool
    /// Seconds curl may take in all (`--max-time`), also when vcc itself is killed.
    var maximumSeconds: Int

    /// What the server said: its status (0 when there was no answer) and its redirect target.
    struct Answer: Sendable {
        var status: Int
        var redirect: String
        var failure: String?
    }

    /// curl's arguments. `-q` (first) ignores a `.curlrc`; `--globoff` keeps `[1-9]` and `{a,b}` from
    /// becoming many requests; no redirect is followed; only http and https are spoken.
    var arguments: [String] {
        var arguments = ["-q", "--silent", "--show-error", "--globoff", "--output", "/dev/null",
                         "--max-time", String(maximumSeconds), "--max-redirs", "0",
                         "--proto", "=http,https", "--proto-redir", "=http,https",
                         "--user-agent", "vcc-linkcheck/1", "--write-out", "%{http_code} %{redirect_url}"]
        if let pinnedAddress {
            let ip = pinnedAddress.bytes.count == 16 ? "[" + pinnedAddress.text + "]" : pinnedAddress.text
            arguments += ["--resolve", "\(address.bracketedHost):\(address.port):\(ip)"]
        }
        if head { arguments.append("--head") }
        return arguments + ["--", address.requestURL]
    }

    /// Runs curl as one of `children` and waits for it; nil when the check was stopped before.
    func run(in children: ChildProcesses) -> Answer? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: curl)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        guard children.start(process) else { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        children.finished(process)
        if children.isStopped && process.terminationReason == .uncaughtSignal { return nil }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let status = Int(parts.first ?? "") ?? 0
        let failure = process.terminationStatus == 28 ? "keine Antwort in \(maximumSeconds == 1 ? "einer Sekunde" : "\(maximumSeconds) Sekunden")"
            : problem.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "curl: ", with: "")
        return Answer(status: status, redirect: parts.count > 1 ? parts[1] : "", failure: status == 0 ? failure : nil)
    }
}
