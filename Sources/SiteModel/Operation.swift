/// A municipality that runs a blueprint's solution in regular operation, and since when.
public struct Operation: Sendable, Hashable {
    /// The id of the municipality (one that developed the blueprint).
    public var municipality: String
    public var since: ContentDate?
    public var location: SourceLocation?
    public init(municipality: String, since: ContentDate?, location: SourceLocation? = nil) {
        self.municipality = municipality; self.since = since; self.location = location
    }
}
