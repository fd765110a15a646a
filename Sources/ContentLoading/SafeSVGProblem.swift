/// Why an SVG file is not published.
public enum SafeSVGProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not UTF-8.
    case notUTF8
    /// A DTD declares entities (`<!DOCTYPE svg [<!ENTITY …>]>`).
    case entityDeclarations
    /// Not well-formed, or no `<svg>` root.
    case malformed

    public var description: String {
        switch self {
        case .notUTF8: "Die SVG-Datei ist nicht in UTF-8 gespeichert."
        case .entityDeclarations: "Die SVG-Datei deklariert eigene Entitäten (<!DOCTYPE … [ … ]>); vcc veröffentlicht sie nicht."
        case .malformed: "Die SVG-Datei ist kein wohlgeformtes SVG (ein Element ist nicht geschlossen oder falsch verschachtelt)."
        }
    }

    /// How to go on: saved again without the parts vcc cannot keep.
    public var hint: String { "Speichere die Datei erneut als „Normales SVG“ oder „Optimiertes SVG“ (Inkscape), oder als PNG." }
}
