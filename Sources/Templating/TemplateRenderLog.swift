import Foundation

/// The contexts of the pages a build rendered, for the test that renders a real build's pages
/// again with swift-mustache and compares (see ``TemplateSet/logging(into:)``).
@_spi(Testing)
public final class TemplateRenderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var logged: [(template: String, value: TemplateValue)] = []

    public init() {}

    /// Each rendered page: its template's name and its encoded context, in no particular order
    /// (pages are rendered in parallel).
    public var entries: [(template: String, value: TemplateValue)] { lock.withLock { logged } }

    func append(_ template: String, _ value: TemplateValue) {
        lock.withLock { logged.append((template, value)) }
    }
}
