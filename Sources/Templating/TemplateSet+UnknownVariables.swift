public import SiteModel

extension TemplateSet {
    /// Warnings for every name a layout uses that its page context does not have: in the layout,
    /// the templates it inherits and the partials it includes, looked up as Mustache looks them up.
    ///
    /// - Parameter examples: layout name (`layouts/blueprint`) to an example context, with every
    ///   optional set and every list non-empty, so that it shows every field the layout can get.
    ///   A list left empty cannot tell what its items have; names inside a section over it pass.
    /// - Returns: one warning per tag (a partial several layouts include is reported once), at the
    ///   template's path as the set knows it, with the nearest field name as the hint; sorted.
    ///   A template that did not parse is left out (its parse error is already reported).
    public func unknownVariables(examples: [String: any Encodable]) -> [Diagnostic] {
        var check = UnknownVariableCheck(templates: index.nodes)
        for (layout, example) in examples.sorted(by: { $0.key < $1.key }) {
            guard let encoded = try? TemplateValueEncoder().encode(example), let fields = FieldTree(encoded: encoded) else { continue }
            check.check(layout: layout, example: fields)
        }
        return check.diagnostics.sortedByLocation()
    }
}
