/// The fields each layout's context offers, as Markdown for the template reference
/// (`docs/TEMPLATES.md`), read from the same examples ``TemplateSet/unknownVariables(examples:)``
/// checks against, so the documentation follows from the context types.
public enum TemplateReference {
    /// Longest example value shown, in characters; longer ones end in `…`. 10 to 200 reads well.
    static let exampleLength = 40

    /// For each layout (in name order) a heading and its fields as a nested list: name, type
    /// (text, number, yes-no, list, object) and the example's value, shortened.
    /// - Parameter examples: layout name (`layouts/blueprint`) to an example context with every
    ///   optional set and every list non-empty.
    public static func markdown(examples: [String: any Encodable]) -> String {
        var lines: [String] = []
        for (layout, example) in examples.sorted(by: { $0.key < $1.key }) {
            guard let encoded = try? TemplateValueEncoder().encode(example), let tree = FieldTree(encoded: encoded) else { continue }
            if !lines.isEmpty { lines.append("") }
            lines += ["### `\(layout)`", ""]
            append(tree.fields, depth: 0, to: &lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ fields: [String: FieldTree], depth: Int, to lines: inout [String]) {
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            let indent = String(repeating: "  ", count: depth)
            let (type, example) = describe(field)
            lines.append("\(indent)- `\(name)` – \(type)" + (example.map { ": `\($0)`" } ?? ""))
            append(field.sectionContext?.fields ?? [:], depth: depth + 1, to: &lines)
        }
    }

    private static func describe(_ field: FieldTree) -> (type: String, example: String?) {
        switch field {
        case .text(let text): return ("text", shortened(text))
        case .number(let number): return ("number", number)
        case .flag(let flag): return ("yes-no", flag ? "true" : "false")
        case .object: return ("object", nil)
        case .list(let items):
            guard let first = items.first else { return ("list", nil) }
            let (type, example) = describe(first)
            return ("list of \(type)", example)
        }
    }

    private static func shortened(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "'")
        return flat.count > exampleLength ? String(flat.prefix(exampleLength - 1)) + "…" : flat
    }
}
