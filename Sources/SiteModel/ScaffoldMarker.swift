/// The marks `vcc new` and `vcc init` leave in the files they write, which the build looks for.
public enum ScaffoldMarker {
    /// Marks text the author still has to write; an error wherever the build finds it.
    public static let toFillIn = "«ausfüllen:"
    /// Marks text that should be completed (the legal pages of a new site): a warning, an error with `vcc check --strict`.
    public static let toComplete = "«ergänzen:"
}
