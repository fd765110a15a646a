import SiteModel

/// The GitLab Code Quality report (`gl-code-quality-report.json`): a JSON array with one object per
/// finding (`description`, `check_name`, `fingerprint`, `severity`, `location.path`,
/// `location.lines.begin`), which GitLab shows in merge requests.
struct GitLabCodeQualityReport {
    let findings: [Diagnostic]

    /// The report as JSON text, keys sorted.
    var json: String {
        JSONValue.array(findings.map(Self.entry)).text
    }

    private static func entry(_ finding: Diagnostic) -> JSONValue {
        let path = finding.location.file
        let line = max(1, finding.location.line)
        var description = finding.message
        if let hint = finding.hint { description += " Hinweis: " + hint }
        // Stable across runs as long as the finding stays where it is: GitLab compares reports by it.
        let fingerprint = ContentFingerprint.hex(ContentFingerprint.of(Array("\(path)\u{0}\(line)\u{0}\(finding.message)".utf8)))
        return .object([
            "description": .string(description),
            "check_name": .string("vcc-" + finding.severity.rawValue),
            "fingerprint": .string(fingerprint),
            // Errors fail the build (major); warnings are worth a look (minor).
            "severity": .string(finding.severity == .error ? "major" : "minor"),
            "location": .object(["path": .string(path), "lines": .object(["begin": .integer(line)])]),
        ])
    }
}
