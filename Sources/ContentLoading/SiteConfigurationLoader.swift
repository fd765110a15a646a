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
        (configuration.logo, configuration.darkLogo) = logos(&fields, project: project)
        configuration.notice = notice(&fields)
        configuration.phase = phase(&fields)
        configuration.menu = menu(&fields)
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

    /// `colors: {primary: "#004f7c", accent: "#7a1f3d", focus: "#b34700", dark: {…}}`: the site's
    /// colours go into the theme's colour roles (``DesignTokens``), and every pair they stand in
    /// must reach WCAG 2.1 AA contrast in its mode; a failure names the pair and the nearest shade that passes.
    private static func colors(_ fields: inout FrontMatterFields) -> SiteColors? {
        guard let node = fields.value("colors") else { return nil }
        let example = "colors: {primary: \"#004f7c\", accent: \"#7a1f3d\", dark: {primary: \"#8cc4ff\"}}"
        guard node.mapping != nil else {
            fields.error("`colors` braucht `primary`, `accent` und/oder `focus` (und `dark` für den dunklen Modus).", at: node, hint: "Zum Beispiel `\(example)`.")
            return nil
        }
        let names = ["primary", "accent", "focus"]
        func pair(_ block: Node, path: String) -> (SiteColors.Pair, [String: Node]) {
            var result = SiteColors.Pair()
            var nodes: [String: Node] = [:]
            for (key, value) in block.mapping ?? [:] {
                let name = key.scalar?.string ?? ""
                if path.isEmpty && name == "dark" { continue }
                guard names.contains(name) else {
                    fields.warning("Unbekanntes Feld `\(name)` in `colors\(path)` wird ignoriert.", at: key,
                                   hint: "Erlaubt: `primary` (Links und Schaltflächen), `accent` (Linien), `focus` (Fokusrahmen)" + (path.isEmpty ? ", `dark`." : "."))
                    continue
                }
                let text = value.scalar?.string ?? ""
                guard let color = HexColor(text) else {
                    fields.error("`colors\(path).\(name)` ist keine Farbe: `\(text)`.", at: value,
                                 hint: "Schreibe die Farbe hexadezimal in Anführungszeichen, zum Beispiel `\(name): \"#0b5394\"`.")
                    continue
                }
                nodes[name] = value
                result[named: name] = color
            }
            return (result, nodes)
        }
        var (light, lightNodes) = pair(node, path: "")
        var dark = SiteColors.Pair(), darkNodes: [String: Node] = [:]
        if let darkNode = node["dark"] {
            if darkNode.mapping == nil {
                fields.error("`colors.dark` braucht `primary`, `accent` und/oder `focus`.", at: darkNode, hint: "Zum Beispiel `\(example)`.")
            } else {
                (dark, darkNodes) = pair(darkNode, path: ".dark")
            }
        }
        // Each failing pair is reported at the site colour it comes from, once per colour, and
        // that colour is dropped (the theme's own, which passes, stays).
        let problems = DesignTokens(colors: SiteColors(light: light, dark: dark)).contrastProblems()
        func siteColor(of problem: DesignTokens.ContrastProblem) -> String? {
            problem.pair.foreground.siteColorName ?? problem.pair.background.siteColorName
        }
        // The other side of a pair, for the shade's sake (for text on a button, the button's text colour).
        func against(_ problem: DesignTokens.ContrastProblem, _ name: String) -> HexColor {
            problem.pair.background.siteColorName == name ? problem.foreground : problem.background
        }
        var reported = Set<String>()
        for problem in problems {
            guard let name = siteColor(of: problem), let value = (problem.dark ? darkNodes : lightNodes)[name] else { continue }
            let path = (problem.dark ? "colors.dark." : "colors.") + name
            guard reported.insert(path).inserted else { continue }
            // The suggested shade passes every pair this colour fails in this mode, not just the first.
            let own = HexColor(value.scalar?.string ?? "") ?? problem.foreground
            var shade = own
            for other in problems where other.dark == problem.dark && siteColor(of: other) == name {
                shade = shade.nearestShade(reaching: other.pair.ratio, against: against(other, name))
            }
            let against = against(problem, name)
            fields.error(String(format: "`%@: %@` hat im %@ Modus für %@ nur einen Kontrast von %.2f:1 (%@ auf %@); WCAG 2.1 AA verlangt mindestens %.1f:1.",
                                path, value.scalar?.string ?? own.description, problem.dark ? "dunklen" : "hellen", problem.pair.purpose,
                                problem.ratio, problem.foreground.description, problem.background.description, problem.pair.ratio), at: value,
                         hint: String(format: "Der nächste ausreichende Farbton ist `%@` (%.2f:1).", shade.description, shade.contrast(with: against)))
            if problem.dark { dark[named: name] = nil } else { light[named: name] = nil }
        }
        guard !light.isEmpty || !dark.isEmpty else { return nil }
        return SiteColors(light: light, dark: dark)
    }

    /// `logo: logo.svg`, or `logo: {hell: logo.svg, dunkel: logo-dunkel.svg}` with a variant for
    /// dark mode (without one, the theme puts the logo on a light plate in dark mode).
    private static func logos(_ fields: inout FrontMatterFields, project: ProjectFiles) -> (SiteLogo?, SiteLogo?) {
        guard let node = fields.value("logo") else { return (nil, nil) }
        let example = "Zum Beispiel `logo: logo.svg` oder `logo: {hell: logo.svg, dunkel: logo-dunkel.svg}`."
        if let path = node.scalar?.string { return (logo(at: path, node: node, &fields, project: project), nil) }
        guard let pairs = node.mapping else {
            fields.error("`logo` ist der Pfad einer SVG- oder PNG-Datei oder `{hell: …, dunkel: …}`.", at: node, hint: example)
            return (nil, nil)
        }
        for (key, _) in pairs where !["hell", "dunkel"].contains(key.scalar?.string ?? "") {
            fields.warning("Unbekanntes Feld `\(key.scalar?.string ?? "")` in `logo` wird ignoriert.", at: key, hint: "Erlaubt: `hell`, `dunkel`.")
        }
        guard let lightNode = node["hell"], let lightPath = lightNode.scalar?.string else {
            fields.error("`logo` braucht `hell`: das Logo für den hellen Modus.", at: node, hint: example)
            return (nil, nil)
        }
        let light = logo(at: lightPath, node: lightNode, &fields, project: project)
        var dark: SiteLogo?
        if let darkNode = node["dunkel"] {
            if let darkPath = darkNode.scalar?.string {
                dark = logo(at: darkPath, node: darkNode, &fields, project: project)
                dark?.isDark = true
            } else {
                fields.error("`logo.dunkel` ist der Pfad einer SVG- oder PNG-Datei.", at: darkNode, hint: example)
            }
        }
        return (light, light == nil ? nil : dark)
    }

    /// `notice: "Beispielseite – alle Angaben sind erfunden."`: one sentence of plain text.
    private static func notice(_ fields: inout FrontMatterFields) -> String? {
        guard let node = fields.value("notice") else { return nil }
        guard let text = node.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= 300 else {
            fields.error("`notice` ist ein kurzer Satz (höchstens 300 Zeichen), den jede Seite unter dem Kopf zeigt.", at: node,
                         hint: "Zum Beispiel `notice: \"Beispielseite – alle Angaben sind erfunden.\"`.")
            return nil
        }
        return text
    }

    /// `phase: {label: Beta, text: "…"}`.
    private static func phase(_ fields: inout FrontMatterFields) -> SitePhase? {
        guard let node = fields.value("phase") else { return nil }
        let example = "Zum Beispiel `phase: {label: Beta, text: \"Diese Wissensbasis ist neu – Ihre Rückmeldung hilft uns.\"}`."
        guard let label = node["label"]?.scalar?.string.trimmingCharacters(in: .whitespaces), !label.isEmpty, label.count <= 20,
              let text = node["text"]?.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= 300 else {
            fields.error("`phase` braucht `label` (ein Wort, höchstens 20 Zeichen) und `text` (ein Satz).", at: node, hint: example)
            return nil
        }
        for (key, _) in node.mapping ?? [:] where !["label", "text", "link", "link_text"].contains(key.scalar?.string ?? "") {
            fields.warning("Unbekanntes Feld `\(key.scalar?.string ?? "")` in `phase` wird ignoriert.", at: key,
                           hint: "Erlaubt: `label`, `text`, `link`, `link_text`.")
        }
        var phase = SitePhase(label: label, text: text)
        if let linkNode = node["link"] {
            let link = linkNode.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            if let problem = WebAddress.problem(with: link, allowing: WebAddress.webSchemes.union(["mailto"])) {
                fields.error("`phase.link`: " + problem.message, at: linkNode, hint: problem.hint)
            } else {
                phase.link = link
                let words = node["link_text"]?.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
                phase.linkText = words.isEmpty ? "Ihre Rückmeldung" : words
            }
        }
        return phase
    }

    /// `menu: [{label: Blaupausen, link: /blaupausen/}, …]`: the header's navigation. The form is
    /// checked here; whether a site path exists is checked once the pages are known (MenuCheck).
    private static func menu(_ fields: inout FrontMatterFields) -> [MenuEntry]? {
        guard let node = fields.value("menu") else { return nil }
        let example = "Zum Beispiel `menu: [{label: Blaupausen, link: /blaupausen/}, {label: Über uns, link: /ueber-uns/}]`."
        guard let items = node.sequence, !items.isEmpty else {
            fields.error("`menu` ist eine Liste von Einträgen mit `label` und `link`.", at: node, hint: example)
            return nil
        }
        var entries: [MenuEntry] = []
        for item in items {
            guard let label = item["label"]?.scalar?.string.trimmingCharacters(in: .whitespaces), !label.isEmpty,
                  let linkNode = item["link"], let link = linkNode.scalar?.string.trimmingCharacters(in: .whitespaces), !link.isEmpty else {
                fields.error("Jeder Eintrag in `menu` braucht `label` (den Text) und `link` (das Ziel).", at: item, hint: example)
                continue
            }
            for (key, _) in item.mapping ?? [:] where !["label", "link"].contains(key.scalar?.string ?? "") {
                fields.warning("Unbekanntes Feld `\(key.scalar?.string ?? "")` in `menu` wird ignoriert.", at: key, hint: "Erlaubt: `label`, `link`.")
            }
            let entry = MenuEntry(label: label, target: link, location: fields.location(of: linkNode))
            if !entry.isSitePath {
                if let problem = WebAddress.problem(with: link, allowing: WebAddress.webSchemes) {
                    fields.error("`menu`: `\(link)` ist weder ein Pfad der Website (beginnt mit `/`) noch eine gültige Webadresse: " + problem.message,
                                 at: linkNode, hint: problem.hint)
                    continue
                }
            } else if link.contains("?") || link.contains("#") || link.contains("..") || link.contains("\\") {
                fields.error("`menu`: `\(link)` ist kein Pfad einer Seite.", at: linkNode, hint: "Ein Pfad wie `/blaupausen/`.")
                continue
            }
            entries.append(entry)
        }
        if entries.count > 8 {
            fields.warning("`menu` hat \(entries.count) Einträge; mehr als acht passen nicht in eine Zeile und sind schwer zu überblicken.",
                           at: node, hint: "Fasse Einträge zusammen oder verlinke Seltenes im Fußbereich.")
        }
        return entries.isEmpty ? nil : entries
    }

    /// `logo: logo.svg`: an SVG or PNG (at most 1 MB) in the project folder.
    private static func logo(at path: String, node: Node?, _ fields: inout FrontMatterFields, project: ProjectFiles) -> SiteLogo? {
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

private extension DesignTokens.Role {
    /// The `colors:` key a role takes its value from, when a site sets it.
    var siteColorName: String? {
        switch self {
        case .link, .action, .actionText, .actionHover: "primary"
        case .accent: "accent"
        case .focus: "focus"
        default: nil
        }
    }
}
