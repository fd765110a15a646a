// Public only because a conformance cannot be narrower than the protocol; no other module uses Mustache.
public import Mustache

/// A dictionary of a page context printed with `{{.}}` or `{{page}}` renders as nothing: swift-mustache
/// would print Swift's description, whose key order changes from run to run. `TemplateChecks`
/// reports the plain case, `{{.}}` outside every section, as an error.
extension Dictionary: @retroactive MustacheCustomRenderable where Key == String {
    public var renderText: String { "" }
    public var isNull: Bool { false }
}
