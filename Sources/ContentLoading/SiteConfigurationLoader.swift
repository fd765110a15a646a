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
        configuration.feedback = feedback(&fields)
        configuration.dataThemes = dataThemes(&fields)
        if let template = fields.string("edit_url") {
            let sample = template.replacingOccurrences(of: "{path}", with: "seite.md")
            if let problem = WebAddress.problem(with: sample, allowing: WebAddress.webSchemes) {
                fields.error("`edit_url`: " + problem.message, at: fields.value("edit_url"), hint: problem.hint)
            } else if !template.contains("{path}") {
                fields.error("`edit_url` enthält keinen Platzhalter `{path}` für den Pfad der Datei unter content/.", at: fields.value("edit_url"),
                             hint: "Zum Beispiel `https://gitlab.example.org/vcc/wissensbasis/-/edit/main/content/{path}`.")
            } else {
                configuration.editURLTemplate = template
            }
        }
        fields.reportUnknownKeys()
        return (configuration, fields.diagnostics)
    }

    /// `feedback: {email: …, issue_url: "https://…{title}…{body}"}`.
    private static func feedback(_ fields: inout FrontMatterFields) -> FeedbackChannels? {
        guard let node = fields.value("feedback") else { return nil }
        guard node.mapping != nil else {
            fields.error("`feedback` braucht `email` und/oder `issue_url`.", at: node,
                         hint: "Zum Beispiel `feedback: {email: vcc@stadt.de}`.")
            return nil
        }
        var email = node["email"]?.scalar?.string
        var issueURL = node["issue_url"]?.scalar?.string
        if let text = email, !MetadataDecoder.isMailAddress(text) {
            fields.error("`feedback.email` ist keine E-Mail-Adresse: `\(text)`.", at: node["email"])
            email = nil
        }
        if let text = issueURL {
            let sample = text.replacingOccurrences(of: "{title}", with: "x").replacingOccurrences(of: "{body}", with: "x")
            if let problem = WebAddress.problem(with: sample, allowing: WebAddress.webSchemes) {
                fields.error("`feedback.issue_url`: " + problem.message, at: node["issue_url"], hint: problem.hint)
                issueURL = nil
            } else if !text.contains("{title}") {
                fields.error("`feedback.issue_url` enthält keinen Platzhalter `{title}`.", at: node["issue_url"],
                             hint: "Zum Beispiel `https://gitlab.example/gruppe/wiki/-/issues/new?issue[title]={title}&issue[description]={body}`.")
                issueURL = nil
            }
        }
        for (key, _) in node.mapping ?? [:] where !["email", "issue_url"].contains(key.scalar?.string ?? "") {
            fields.warning("Unbekanntes Feld `\(key.scalar?.string ?? "")` in `feedback` wird ignoriert.", at: key,
                           hint: "Erlaubt: `email`, `issue_url`.")
        }
        return email == nil && issueURL == nil ? nil : FeedbackChannels(email: email, issueURLTemplate: issueURL)
    }

    /// `data_themes: {Umwelt: ENVI, Mobilität: [TRAN, REGI]}`: each site theme to one or more codes
    /// of the EU data-theme vocabulary.
    private static func dataThemes(_ fields: inout FrontMatterFields) -> DataThemeMapping {
        var mapping = DataThemeMapping()
        guard let node = fields.value("data_themes") else { return mapping }
        let allowed = DataTheme.allCases.map(\.rawValue).joined(separator: ", ")
        guard let pairs = node.mapping else {
            fields.error("`data_themes` ordnet Themen der Website EU-Datenthemen zu.", at: node,
                         hint: "Zum Beispiel `data_themes: {Umwelt: ENVI, Mobilität: [TRAN, REGI]}`; erlaubt: \(allowed).")
            return mapping
        }
        for (key, value) in pairs {
            guard let name = key.scalar?.string, !Slug(name).isEmpty else {
                fields.error("Ein Thema in `data_themes` braucht einen Namen.", at: key)
                continue
            }
            let codes = value.sequence.map { $0.compactMap(\.scalar?.string) } ?? value.scalar.map { [$0.string] } ?? []
            var themes: [DataTheme] = []
            for code in codes {
                if let theme = DataTheme(rawValue: code.uppercased()) {
                    themes.append(theme)
                } else {
                    fields.error("`\(code)` (bei `\(name)` in `data_themes`) ist kein EU-Datenthema.", at: value,
                                 hint: "Erlaubt: \(allowed).")
                }
            }
            if codes.isEmpty {
                fields.error("`\(name)` in `data_themes` braucht ein EU-Datenthema.", at: value, hint: "Erlaubt: \(allowed).")
            }
            guard !themes.isEmpty else { continue }
            mapping.entries[Slug(name).rawValue] = .init(name: name, themes: themes, line: key.mark.map { $0.line } ?? 1)
        }
        return mapping
    }
}
