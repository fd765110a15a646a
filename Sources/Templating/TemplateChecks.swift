import SiteModel

/// Checks of a set of template sources before they are registered: partials that do not exist,
/// `{{.}}` that would print a whole page object, and templates that reach themselves again.
///
/// A cycle is refused because swift-mustache would follow it until the stack overflows (a
/// partial that includes itself) or memory runs out (a partial that inherits from the layout
/// that includes it). The template that closes a cycle is replaced by the theme's own version,
/// or by an empty template, so the build goes on and reports every problem at once.
struct TemplateChecks {
    typealias Source = (source: String, path: String)

    private(set) var sources: [String: Source]
    private(set) var diagnostics: [Diagnostic] = []
    /// What each of `sources` names, as scanned (after the replacements below).
    private(set) var scanned: [String: TemplateReferences] = [:]
    /// Sections and blocks inside each other; the theme needs four, swift-mustache overflows near a thousand.
    static let maximumNesting = 64
    /// Tags in one template; the theme's largest has about fifty, and parsing time grows with the square.
    static let maximumTags = 3_000

    init(sources: [String: Source], themeSources: [String: Source]) {
        self.sources = sources
        var references: [String: TemplateReferences] = [:]
        for (name, file) in sources { references[name] = TemplateReferences(source: file.source) }
        // Templates swift-mustache cannot parse safely are replaced before anything else looks at them.
        for name in sources.keys.sorted() {
            let file = sources[name]!, scanned = references[name]!
            let tooDeep = scanned.deepest.depth > Self.maximumNesting
            if let place = scanned.shortDelimiters {
                diagnostics.append(.error(
                    at: SourceLocation(file: file.path, line: place.line, column: place.column),
                    "Die Vorlage wechselt zu Trennzeichen aus nur einem Zeichen; solche Vorlagen kann vcc nicht sicher lesen.",
                    hint: "Nimm Trennzeichen aus zwei Zeichen, zum Beispiel `{{=<% %>=}}`, oder bleibe bei `{{ }}`."))
            } else {
                guard tooDeep || scanned.tagCount > Self.maximumTags else { continue }
                diagnostics.append(.error(
                at: SourceLocation(file: file.path, line: tooDeep ? scanned.deepest.line : 1, column: tooDeep ? scanned.deepest.column : 0),
                tooDeep ? "Die Vorlage verschachtelt mehr als \(Self.maximumNesting) Sektionen ineinander."
                        : "Die Vorlage hat \(scanned.tagCount) Platzhalter; mehr als \(Self.maximumTags) kann vcc nicht zügig lesen.",
                hint: tooDeep ? "Prüfe, ob jede Sektion `{{#name}}` mit `{{/name}}` geschlossen wird."
                              : "Teile die Vorlage in Teilvorlagen (`{{> partials/…}}`) auf."))
            }
            let replacement: Source = themeSources[name].flatMap { $0.source == file.source ? nil : $0 } ?? (source: "", path: file.path)
            self.sources[name] = replacement
            references[name] = TemplateReferences(source: replacement.source)
        }
        for name in self.sources.keys.sorted() {
            let file = self.sources[name]!, scanned = references[name]!
            diagnostics += TemplateSecurityCheck.diagnostics(in: file.source, path: file.path)
            for tag in scanned.wholeContextTags {
                diagnostics.append(.error(
                    at: SourceLocation(file: file.path, line: tag.line, column: tag.column),
                    "`{{.}}` steht außerhalb jeder Sektion und würde das ganze Seitenobjekt ausgeben.",
                    hint: "Gib ein Feld aus, zum Beispiel `{{page.title}}`; `{{.}}` passt nur in Listen wie `{{#blueprint.legalBasis}}{{.}}{{/blueprint.legalBasis}}`."))
            }
            if let range = file.source.range(of: "{{site.basePath}}/assets/") {
                let line = file.source[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                diagnostics.append(.warning(
                    at: SourceLocation(file: file.path, line: line),
                    "Die Theme-Dateien liegen in einem Ordner mit Fingerabdruck; `{{site.basePath}}/assets/…` führt ins Leere.",
                    hint: "Schreibe `{{site.assets}}/…`, zum Beispiel `{{site.assets}}/style.css`."))
            }
            for reference in scanned.references where self.sources[reference.name] == nil {
                let known = self.sources.keys.filter { $0.hasPrefix("partials/") || $0 == "base" }.sorted().joined(separator: ", ")
                diagnostics.append(.error(
                    at: SourceLocation(file: file.path, line: reference.line, column: reference.column),
                    "Die Vorlage `\(reference.name)` gibt es nicht.",
                    hint: "Vorhandene Vorlagen: \(known)."))
            }
        }
        // Break cycles one at a time until none is left; each step reverts or empties a template.
        var reported: Set<[String]> = []
        while let cycle = Self.firstCycle(in: references) {
            let closing = cycle.chain[cycle.chain.count - 2]
            let key = Self.normalised(Array(cycle.chain.dropLast()))
            if reported.insert(key).inserted, let file = self.sources[closing] {
                diagnostics.append(.error(
                    at: SourceLocation(file: file.path, line: cycle.reference.line, column: cycle.reference.column),
                    "Die Vorlagen binden sich im Kreis ein: \(cycle.chain.joined(separator: " → ")).",
                    hint: "Eine Vorlage darf sich weder selbst noch über andere wieder einbinden oder von sich erben; "
                        + "entferne `{{\(cycle.reference.inherits ? "<" : ">") \(cycle.reference.name)}}` oder verweise auf eine andere Vorlage."))
            }
            if let theme = themeSources[closing], theme.source != self.sources[closing]?.source {
                self.sources[closing] = theme
                references[closing] = TemplateReferences(source: theme.source)
            } else {
                self.sources[closing] = ("", self.sources[closing]?.path ?? closing)
                references[closing] = TemplateReferences(source: "")
            }
        }
        scanned = references
    }

    /// The first cycle in name order: the chain of template names from a template back to itself,
    /// and the reference that closes it.
    ///
    /// Two kinds: a template that reaches itself through partials or parents, and a template that
    /// inherits from a parent while that parent is already rendering it (a partial inside a page's
    /// `{{$main}}` override that inherits `base` again renders `main` again, without end).
    private static func firstCycle(in references: [String: TemplateReferences])
        -> (chain: [String], reference: TemplateReferences.Reference)? {
        var finished: Set<String> = []  // Name plus the parents active at it, already searched.
        var stack: [String] = []
        func visit(_ name: String, activeParents: Set<String>) -> (chain: [String], reference: TemplateReferences.Reference)? {
            stack.append(name)
            defer { stack.removeLast() }
            for reference in references[name]?.references ?? [] where references[reference.name] != nil {
                let active = activeParents.union(reference.insideParents)
                if let start = stack.firstIndex(of: reference.name) {
                    return (Array(stack[start...]) + [reference.name], reference)
                }
                if reference.inherits, active.contains(reference.name) {
                    let start = stack.firstIndex { references[$0]?.references.contains { $0.inherits && $0.name == reference.name } ?? false } ?? 0
                    return (Array(stack[start...]) + [reference.name], reference)
                }
                let key = reference.name + "\u{0}" + active.sorted().joined(separator: "\u{0}")
                if finished.contains(key) { continue }
                if let found = visit(reference.name, activeParents: active) { return found }
                finished.insert(key)
            }
            return nil
        }
        for name in references.keys.sorted() {
            if let found = visit(name, activeParents: []) { return found }
        }
        return nil
    }

    /// A cycle written from its smallest name, so the same cycle found from two places is reported once.
    private static func normalised(_ cycle: [String]) -> [String] {
        guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[smallest...] + cycle[..<smallest])
    }
}
