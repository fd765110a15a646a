import Foundation
import SiteModel
import Yams
import FileAccess

/// Reads `site.yml` into a validated configuration; a missing file gives the defaults.
enum SiteConfigurationLoader {
    static func load(project: ProjectFiles) -> (SiteConfiguration, [Diagnostic]) {
        var configuration = SiteConfiguration()
        let file = "site.yml"
        let data: [UInt8]
        switch project.read(file, maximumBytes: 1_000_000) {
        case .success(let bytes): data = bytes
        case .failure(.missing): return (configuration, [])
        case .failure(let problem):
            return (configuration, [.error(at: SourceLocation(file: file, line: 1, column: 1), problem.description, hint: problem.hint)])
        }
        let text: String
        switch UTF8Validation.decode(data, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (configuration, [diagnostic])
        }
        let controls = ControlCharacterCheck.diagnostics(in: text, file: file)
        if !controls.isEmpty { return (configuration, controls) }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return (configuration, [YAMLErrorTranslation.diagnostic(for: error, file: file, firstLine: 1, yaml: text)])
        }
        let escaped = EscapedControlCheck.diagnostics(inValuesOf: root, file: file, firstLine: 1)
        if !escaped.isEmpty { return (configuration, escaped) }
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
        if let html = fields.bool("publish_html_files") { configuration.publishesHTMLFiles = html }
        configuration.feedback = feedback(&fields)
        configuration.dataThemes = dataThemes(&fields)
        configuration.colors = colors(&fields)
        configuration.logo = logo(&fields, project: project)
        configuration.organisations = fields.strings("organisation")
        if let limit = imageLimit(&fields) { configuration.maximumImageKilobytes = limit }
        configuration.synonyms = synonyms(&fields)
        configuration.review = review(&fields)
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

    /// `review: {after_months: 24, strict: false}`: when a blueprint is due for review, and whether that fails `check --strict`.
    private static func review(_ fields: inout FrontMatterFields) -> ReviewPolicy {
        var policy = ReviewPolicy()
        guard let node = fields.value("review") else { return policy }
        let example = "Zum Beispiel `review: {after_months: 24, strict: false}`."
        guard let pairs = node.mapping else {
            fields.error("`review` braucht `after_months` und/oder `strict`.", at: node, hint: example)
            return policy
        }
        for (key, value) in pairs {
            switch key.scalar?.string ?? "" {
            case "after_months":
                if let months = value.int, (1...ReviewPolicy.maximumMonths).contains(months) {
                    policy.afterMonths = months
                } else {
                    fields.error("`review.after_months` muss eine ganze Zahl von 1 bis \(ReviewPolicy.maximumMonths) sein.", at: value, hint: example)
                }
            case "strict":
                if let strict = value.bool { policy.strict = strict } else {
                    fields.error("`review.strict` ist `true` oder `false`.", at: value, hint: example)
                }
            default:
                fields.warning("Unbekanntes Feld `\(key.scalar?.string ?? "")` in `review` wird ignoriert.", at: key,
                               hint: "Erlaubt: `after_months`, `strict`.")
            }
        }
        return policy
    }

    /// `images: {max_kb: 1000}`: the size above which a picture gets a warning.
    private static func imageLimit(_ fields: inout FrontMatterFields) -> Int? {
        guard let node = fields.value("images") else { return nil }
        guard let text = node["max_kb"]?.scalar?.string, let limit = Int(text), limit > 0 else {
            fields.error("`images` braucht `max_kb` mit einer Zahl größer als 0.", at: node,
                         hint: "Zum Beispiel `images: {max_kb: 1000}` für höchstens ein Megabyte je Bild.")
            return nil
        }
        return limit
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
            if let earlier = mapping.entries[Slug(name).rawValue] {
                fields.error("`\(name)` in `data_themes` meint dasselbe Thema wie `\(earlier.name)` in Zeile \(earlier.line) (Themen gelten ohne Groß- und Kleinschreibung).",
                             at: key, hint: "Fasse beide Einträge zu einem zusammen.")
                continue
            }
            mapping.entries[Slug(name).rawValue] = .init(name: name, themes: themes, line: key.mark.map { $0.line } ?? 1)
        }
        return mapping
    }

    /// `colors: {primary: "#0b5394", accent: "#0b5394", dark: {primary: "#8cc4ff", accent: "#8cc4ff"}}`:
    /// each colour must reach WCAG 2.1 AA contrast against the theme's background of its mode.
    private static func colors(_ fields: inout FrontMatterFields) -> SiteColors? {
        guard let node = fields.value("colors") else { return nil }
        let example = "colors: {primary: \"#0b5394\", accent: \"#0b5394\", dark: {primary: \"#8cc4ff\", accent: \"#8cc4ff\"}}"
        guard node.mapping != nil else {
            fields.error("`colors` braucht `primary` und/oder `accent` (und `dark` für den dunklen Modus).", at: node, hint: "Zum Beispiel `\(example)`.")
            return nil
        }
        func pair(_ block: Node, path: String, backgrounds: [HexColor], mode: String) -> SiteColors.Pair {
            var result = SiteColors.Pair(primary: nil, accent: nil)
            for (key, _) in block.mapping ?? [:] {
                let allowed = path.isEmpty ? ["primary", "accent", "dark"] : ["primary", "accent"]
                guard let name = key.scalar?.string, allowed.contains(name) else {
                    fields.warning("Unbekanntes Feld `\(key.scalar?.string ?? "")` in `colors\(path)` wird ignoriert.", at: key,
                                   hint: "Erlaubt: `primary`, `accent`" + (path.isEmpty ? ", `dark`." : "."))
                    continue
                }
            }
            for (name, ratio, role) in [("primary", SiteColors.textRatio, "Text und Links"), ("accent", SiteColors.accentRatio, "Schaltflächen und Markierungen, auf denen Schrift steht")] {
                guard let value = block[name] else { continue }
                let text = value.scalar?.string ?? ""
                guard let color = HexColor(text) else {
                    fields.error("`colors\(path).\(name)` ist keine Farbe: `\(text)`.", at: value,
                                 hint: "Schreibe die Farbe hexadezimal in Anführungszeichen, zum Beispiel `\(name): \"#0b5394\"`.")
                    continue
                }
                // The background it contrasts least with decides; the message names every one.
                let background = backgrounds.min { color.contrast(with: $0) < color.contrast(with: $1) } ?? backgrounds[0]
                if color.contrast(with: background) < ratio {
                    let shade = color.nearestShade(reaching: ratio, against: background)
                    let ratios = backgrounds.map { String(format: "%.2f:1 zum %@ %@", color.contrast(with: $0), $0 == backgrounds[0] ? "Hintergrund" : "Flächenton", $0.description) }
                    fields.error(String(format: "`colors%@.%@: %@` hat im %@ Modus nur einen Kontrast von %@; für %@ verlangt WCAG 2.1 AA mindestens %.1f:1.",
                                        path, name, text, mode, ratios.joined(separator: " und "), role, ratio), at: value,
                                 hint: String(format: "Der nächste ausreichende Farbton ist `%@` (%.2f:1).", shade.description, shade.contrast(with: background)))
                    continue
                }
                if name == "primary" { result.primary = color } else { result.accent = color }
            }
            return result
        }
        let light = pair(node, path: "", backgrounds: SiteColors.lightBackgrounds, mode: "hellen")
        var dark = SiteColors.Pair(primary: nil, accent: nil)
        if let darkNode = node["dark"] {
            if darkNode.mapping == nil {
                fields.error("`colors.dark` braucht `primary` und/oder `accent`.", at: darkNode, hint: "Zum Beispiel `\(example)`.")
            } else {
                dark = pair(darkNode, path: ".dark", backgrounds: SiteColors.darkBackgrounds, mode: "dunklen")
            }
        }
        guard light.primary != nil || light.accent != nil || dark.primary != nil || dark.accent != nil else { return nil }
        return SiteColors(light: light, dark: dark)
    }

    /// `logo: logo.svg`: an SVG or PNG (at most 1 MB) in the project folder.
    private static func logo(_ fields: inout FrontMatterFields, project: ProjectFiles) -> SiteLogo? {
        guard let path = fields.string("logo") else { return nil }
        let node = fields.value("logo")
        let fileExtension = (path as NSString).pathExtension.lowercased()
        guard ["svg", "png"].contains(fileExtension) else {
            fields.error("`logo: \(path)` muss eine SVG- oder PNG-Datei sein.", at: node, hint: "Zum Beispiel `logo: logo.svg` im Projektordner.")
            return nil
        }
        switch project.read(path, maximumBytes: 1_000_000) {
        case .success(let data):
            guard fileExtension == "svg" else { return SiteLogo(fileExtension: fileExtension, contents: data) }
            switch SafeSVG.sanitized(data) {
            case .success(let safe): return SiteLogo(fileExtension: fileExtension, contents: safe)
            case .failure(let problem):
                fields.error("`logo: \(path)`: " + problem.description, at: node, hint: problem.hint)
            }
        case .failure(.missing):
            fields.error("Die Datei `\(path)` für `logo` gibt es im Projektordner nicht.", at: node,
                         hint: "Der Pfad gilt relativ zum Ordner mit site.yml, zum Beispiel `logo: logo.svg`.")
        case .failure(.tooLarge(let size)):
            fields.error("Das Logo `\(path)` ist \(size / 1000) KB groß; erlaubt ist höchstens 1 MB.", at: node,
                         hint: "Verkleinere es; für den Kopf der Seite reichen wenige Kilobyte.")
        case .failure(let problem):
            fields.error("`logo: \(path)`: " + problem.description, at: node, hint: problem.hint)
        }
        return nil
    }

    /// `synonyms: [[GoDoNu, Gemeinsam Digital Nutzen], [Bürgerbüro, Bürgeramt]]`: groups of at
    /// least two expressions each, which the search treats as the same.
    private static func synonyms(_ fields: inout FrontMatterFields) -> [[String]] {
        fields.nodes("synonyms").compactMap { group in
            let expressions = (group.sequence.map(Array.init) ?? []).compactMap { $0.scalar?.string.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard group.sequence != nil, expressions.count >= 2 else {
                fields.error("Jeder Eintrag in `synonyms` ist eine Liste von mindestens zwei Ausdrücken, die dasselbe meinen.", at: group,
                             hint: "Zum Beispiel `synonyms: [[GoDoNu, Gemeinsam Digital Nutzen], [Bürgerbüro, Bürgeramt]]`.")
                return nil
            }
            return expressions
        }
    }
}
