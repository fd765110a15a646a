import Foundation
import Mustache
public import SiteModel
public import FileAccess

/// The templates and assets of a build: the default theme, with any file of the site's
/// `templates/` folder taking the place of the theme's file of the same name.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The names of all templates, for checking that a layout exists.
    public var templateNames: Set<String> { index.names }
    /// Output path under `assets/` to the file's contents.
    public let assets: [String: [UInt8]]
    /// The names and the nested tags of the templates, in one reference.
    // Not a further stored property: with one more, SiteGenerationTests crashed with a clobbered
    // frame pointer right after building a BuildOptions (which holds a TemplateSet?), as if two
    // modules disagreed on the struct's size. Keeping the struct's layout as it was avoids that.
    let index: TemplateIndex

    /// Loads the default theme and the overrides in the site's `templates/` (read through
    /// `project`, when the site has that folder); a template that does not parse is reported with
    /// file, line and column, and the theme's own version is used instead.
    public static func load(siteTemplates project: ProjectFiles?) -> (TemplateSet, [Diagnostic]) {
        var files = ThemeFiles(root: DefaultTheme.path, displayPrefix: "(Standard-Theme) ")
        var siteProblems: [Diagnostic] = []
        if let project {
            let site = ThemeFiles(project: project)
            files.templates.merge(site.templates) { _, override in override }
            files.assets.merge(site.assets) { _, override in override }
            siteProblems = site.diagnostics
        }
        _ = FastHTMLEscaping.registered
        var library = MustacheLibrary()
        let theme = ThemeFiles(root: DefaultTheme.path, displayPrefix: "")
        let checks = TemplateChecks(sources: files.templates, themeSources: theme.templates)
        var diagnostics = siteProblems + checks.diagnostics
        var nodes: [String: UnknownVariableCheck.Template] = [:]
        for (name, file) in checks.sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(FastHTMLEscaping.pragma + file.source, named: name)
                nodes[name] = (file.path, TemplateNode.nodes(of: checks.scanned[name]?.tags ?? []))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    at: SourceLocation(file: file.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    "Die Vorlage lässt sich nicht lesen: \(error.error).",
                    hint: "Prüfe, ob jede Sektion `{{#name}}` mit `{{/name}}` geschlossen wird."))
                if let fallback = theme.templates[name] { try? library.register(FastHTMLEscaping.pragma + fallback.source, named: name) }
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: file.path), "Die Vorlage lässt sich nicht lesen: \(error)."))
            }
        }
        let index = TemplateIndex(names: Set(checks.sources.keys), nodes: nodes, renderer: Self.renderer(of: library, names: checks.sources.keys))
        let set = TemplateSet(library: library, assets: files.assets, index: index)
        return (set, diagnostics)
    }

    /// vcc's renderer for the templates swift-mustache parsed; nil (and swift-mustache renders)
    /// when one of them cannot be read into the compiled form, so the two are never mixed.
    static func renderer(of library: MustacheLibrary, names: some Sequence<String>) -> TemplateRenderer? {
        var templates: [String: CompiledTemplate] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name) else { continue }
            guard let compiled = CompiledTemplate.compiled(from: template) else { return nil }
            templates[name] = compiled
        }
        return TemplateRenderer(templates: templates)
    }

    /// Renders the template `name` with a typed page context, encoded once into the values the
    /// templates read (see ``TemplateValueEncoder``); nil when the template does not exist, or
    /// when the context's own `encode(to:)` throws (a synthesised conformance never does).
    public func render(_ name: String, context: some Encodable) -> String? {
        render(name, tree: try? TemplateValueEncoder().encode(context))
    }

    /// ``render(_:context:)`` as the UTF-8 bytes of the file it becomes.
    public func renderBytes(_ name: String, context: some Encodable) -> [UInt8]? {
        renderBytes(name, tree: try? TemplateValueEncoder().encode(context))
    }

    /// ``renderBytes(_:context:)`` for a context that makes its tree itself (see ``TemplateValueConvertible``).
    public func renderBytes(_ name: String, context: some TemplateValueConvertible) -> [UInt8]? {
        renderBytes(name, tree: try? context.templateValue)
    }

    /// `tree` is nil when the context encodes nothing or its encoding throws.
    private func render(_ name: String, tree: TemplateValue?) -> String? {
        guard let tree else { return nil }
        index.log?.append(name, tree)
        guard let renderer = index.renderer else { return library.render(tree.mustacheValue, withTemplate: name) }
        guard let template = renderer.templates[name] else { return nil }
        return renderer.render(template, value: tree)
    }

    private func renderBytes(_ name: String, tree: TemplateValue?) -> [UInt8]? {
        guard let tree else { return nil }
        guard let renderer = index.renderer else { return render(name, tree: tree).map { Array($0.utf8) } }
        index.log?.append(name, tree)
        guard let template = renderer.templates[name] else { return nil }
        return renderer.renderBytes(template, value: tree)
    }
}

/// Where the theme that ships with vcc lives.
enum DefaultTheme {
    static var path: String { (ResourceFolder.path(bundle: "vcc_Templating") { Bundle.module.resourcePath } ?? "") + "/DefaultTheme" }
}

/// HTML escaping on UTF-8 bytes for `{{variables}}`, registered as a Mustache content type.
///
/// swift-mustache escapes by walking `Character`s through a dictionary, and its `HTMLContentType`
/// is fixed as the default; a page of the laws escapes some forty values, and that walk was a
/// sixth of all template rendering. Every template is loaded with a pragma that selects this
/// content type instead. It escapes the same five characters the same way.
enum FastHTMLEscaping: MustacheContentType {
    case html

    static let name = "VCC_HTML"
    /// A line put in front of each template; as a standalone tag it leaves no trace in the output,
    /// but the template's own lines are then one further down (see ``TemplateSet/load(siteTemplates:)``).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLEscaping.html, named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        var out = ""
        Self.append(text, to: &out)
        return out
    }

    /// Appends `text` to `out` with `<`, `>`, `&`, `"` and `'` escaped, as UTF-8: the escaping of
    /// vcc's renderer (``TemplateRenderer``), which writes a page as bytes.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x26: entity = "&amp;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Appends `text` to `out` with `<`, `>`, `&`, `"` and `'` escaped: the escaping of swift-mustache's
    /// content type above (only for templates vcc cannot compile, and for the tests that compare).
    static func append(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}

