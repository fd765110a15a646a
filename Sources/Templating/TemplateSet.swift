import Foundation
import Mustache
public import SiteModel

/// The templates and assets of a build: the default theme, with any file of the site's
/// `templates/` folder taking the place of the theme's file of the same name.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// The names of all templates, for checking that a layout exists.
    public let templateNames: Set<String>
    /// Output path under `assets/` to the absolute path of the file to copy.
    public let assets: [String: String]

    /// Loads the default theme and the overrides in `siteTemplatesRoot`; a template that does not
    /// parse is reported with file, line and column, and the theme's own version is used instead.
    public static func load(siteTemplatesRoot: String?) -> (TemplateSet, [Diagnostic]) {
        var files = ThemeFiles(root: DefaultTheme.path, displayPrefix: "(Standard-Theme) ")
        if let siteTemplatesRoot {
            let site = ThemeFiles(root: siteTemplatesRoot, displayPrefix: "templates/")
            files.templates.merge(site.templates) { _, override in override }
            files.assets.merge(site.assets) { _, override in override }
        }
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        let theme = ThemeFiles(root: DefaultTheme.path, displayPrefix: "")
        for (name, file) in files.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(file.source, named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    at: SourceLocation(file: file.path, line: error.context.lineNumber, column: error.context.columnNumber),
                    "Die Vorlage lässt sich nicht lesen: \(error.error).",
                    hint: "Prüfe, ob jede Sektion `{{#name}}` mit `{{/name}}` geschlossen wird."))
                if let fallback = theme.templates[name] { try? library.register(fallback.source, named: name) }
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: file.path), "Die Vorlage lässt sich nicht lesen: \(error)."))
            }
        }
        return (TemplateSet(library: library, templateNames: Set(files.templates.keys), assets: files.assets), diagnostics)
    }

    /// Renders the template `name` with a context of dictionaries, arrays, strings, numbers and booleans.
    public func render(_ name: String, context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }
}

/// Where the theme that ships with vcc lives.
enum DefaultTheme {
    static var path: String { Bundle.module.resourcePath! + "/DefaultTheme" }
}
