import ArgumentParser
import SiteModel

/// `vcc check --format`: findings for a CI system besides the lines on standard error.
///
/// The compiler-style lines always go to standard error; `gitlab` and `github` add the same
/// findings on standard output, so a recipe redirects them into a file (GitLab) or lets the
/// runner read them from the log (GitHub).
enum FindingFormat: String, ExpressibleByArgument, CaseIterable {
    /// Only the lines on standard error.
    case text
    /// GitLab Code Quality JSON (``GitLabCodeQualityReport``), for `artifacts:reports:codequality`.
    case gitlab
    /// GitHub Actions workflow commands (``GitHubWorkflowCommands``), shown as annotations.
    case github

    /// What goes to standard output for `findings`, whose paths are relative to `source`; nil for `text`.
    func standardOutput(for findings: [Diagnostic], relativeTo source: String) -> String? {
        let shown = findings.map { finding in
            var shown = finding
            shown.location.file = Console.pathPrefix(source) + finding.location.file
            return shown
        }
        switch self {
        case .text: return nil
        case .gitlab: return GitLabCodeQualityReport(findings: shown).json + "\n"
        case .github: return GitHubWorkflowCommands(findings: shown).lines
        }
    }
}
