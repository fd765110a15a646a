import Foundation
import SiteModel
import Yams

/// Reads `site.yml` into a validated configuration; a missing file gives the defaults.
enum SiteConfigurationLoader {
    static func load(projectRoot: String) -> (SiteConfiguration, [Diagnostic]) {
        let path = projectRoot + "/site.yml"
        var configuration = SiteConfiguration()
        guard let data = FileManager.default.contents(atPath: path) else { return (configuration, []) }
        let file = "site.yml"
        let text: String
        switch UTF8Validation.decode(Array(data), file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (configuration, [diagnostic])
        }
        let controls = ControlCharacterCheck.diagnostics(in: text, file: file)
        if !controls.isEmpty { return (configuration, controls) }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return (configuration, [YAMLErrorTranslation.diagnostic(for: error, file: file, firstLine: 1, yaml: text)])
        }
        var fields = FrontMatterFields(file: file, root: root, firstLine: 1)
        if let title = fields.string("title") { configuration.title = title }
        if let description = fields.string("description") { configuration.description = description }
        if let baseURL = fields.string("base_url") {
            if let problem = SiteConfiguration.baseURLProblem(baseURL) {
                fields.error("`base_url`: " + problem, at: fields.value("base_url"),
                             hint: "Zum Beispiel `base_url: https://vcc.example.org` oder `https://example.org/wissen/`.")
            } else {
                configuration.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            }
        }
        if let language = fields.string("language") { configuration.language = language }
        if let publisher = fields.string("publisher") { configuration.publisher = publisher }
        if let raw = fields.bool("allow_raw_html") { configuration.allowsRawHTML = raw }
        fields.reportUnknownKeys()
        return (configuration, fields.diagnostics)
    }
}
