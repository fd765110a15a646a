import Mustache

// What tests need of a template set: sets made from a few sources, swift-mustache's output beside
// vcc's renderer's for the same data, and the contexts a whole build rendered.
extension TemplateSet {
    /// A set of just these templates (name to source, taken as written: add ``contentTypePragma``
    /// to render as pages do), for tests; throws swift-mustache's parse error.
    @_spi(Testing)
    public static func compiling(_ sources: [String: String]) throws -> TemplateSet {
        _ = FastHTMLEscaping.registered
        var library = MustacheLibrary()
        for (name, source) in sources { try library.register(source, named: name) }
        let index = TemplateIndex(names: Set(sources.keys), nodes: [:], renderer: renderer(of: library, names: sources.keys))
        return TemplateSet(library: library, assets: [:], index: index)
    }

    /// The line every loaded template starts with (vcc's HTML escaping).
    @_spi(Testing)
    public static var contentTypePragma: String { FastHTMLEscaping.pragma }

    /// Renders the template `name` with a context already made of dictionaries, arrays and texts:
    /// for tests that compare a typed context with the dictionary it stands for. Pages use the
    /// typed `render(_:context:)`.
    @_spi(Testing)
    public func render(_ name: String, context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }

    /// Renders the template `name` with swift-mustache's own renderer, for the tests that show
    /// vcc's renderer gives the same output.
    @_spi(Testing)
    public func renderWithMustache(_ name: String, value: TemplateValue) -> String? {
        library.render(value.mustacheValue, withTemplate: name)
    }

    /// Renders the template `name` with vcc's renderer; nil when it does not exist or the set
    /// could not be compiled (see ``usesCompiledTemplates``).
    @_spi(Testing)
    public func renderCompiled(_ name: String, value: TemplateValue) -> String? {
        guard let renderer = index.renderer, let template = renderer.templates[name] else { return nil }
        return renderer.render(template, value: value)
    }

    /// vcc's renderer's output, and whether it depends on the order of a dictionary, which
    /// swift-mustache leaves to chance (see ``TemplateRenderer/State``).
    @_spi(Testing)
    public func renderCompiledReportingOrder(_ name: String, value: TemplateValue) -> (output: String, dependsOnDictionaryOrder: Bool)? {
        guard let renderer = index.renderer, let template = renderer.templates[name] else { return nil }
        return renderer.renderReportingOrder(template, value: value)
    }

    /// This set, writing the context of every page it renders into `log`.
    @_spi(Testing)
    public func logging(into log: TemplateRenderLog) -> TemplateSet {
        TemplateSet(library: library, assets: assets,
                    index: TemplateIndex(names: index.names, nodes: index.nodes, renderer: index.renderer, log: log))
    }

    /// Whether pages are rendered with vcc's compiled templates (true unless swift-mustache
    /// parsed a template into tokens this version of vcc does not know).
    @_spi(Testing)
    public var usesCompiledTemplates: Bool { index.renderer != nil }
}
