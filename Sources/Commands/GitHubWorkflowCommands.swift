import SiteModel

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), one line per finding,
/// which the runner turns into annotations on the pull request's files.
struct GitHubWorkflowCommands {
    let findings: [Diagnostic]

    /// One command line per finding, each ending in a line break.
    var lines: String {
        findings.map(Self.command).joined()
    }

    private static func command(_ finding: Diagnostic) -> String {
        var properties = ["file=" + escapedProperty(finding.location.file)]
        if finding.location.line > 0 { properties.append("line=\(finding.location.line)") }
        if finding.location.column > 0 { properties.append("col=\(finding.location.column)") }
        var message = finding.message
        if let hint = finding.hint { message += "\nHinweis: " + hint }
        return "::\(finding.severity.rawValue) \(properties.joined(separator: ","))::\(escapedData(message))\n"
    }

    /// A message as GitHub documents it: `%`, CR and LF percent-encoded.
    static func escapedData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: as a message, and `:` and `,` too, which separate the properties.
    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
