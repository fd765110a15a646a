/// A competence cluster of the Virtual Competence Center: a field of competence one municipality
/// leads and others join, to which blueprints, projects and courses belong (their `cluster:`).
public struct Cluster: Sendable, Hashable {
    /// A municipality taking part, with what it does in the cluster.
    public struct Member: Sendable, Hashable {
        public var municipality: Reference
        /// Its role in words (`Pilotkommune`, `bringt Erfahrung mit Civento ein`).
        public var role: String?
        public init(municipality: Reference, role: String?) { self.municipality = municipality; self.role = role }
    }

    public var summary: String
    /// The municipality that leads the cluster.
    public var lead: Reference
    /// The other municipalities, with their roles.
    public var members: [Member]
    /// Whom to ask.
    public var contacts: [Contact]
    public var themes: [String]

    public init(summary: String, lead: Reference, members: [Member], contacts: [Contact], themes: [String]) {
        self.summary = summary; self.lead = lead; self.members = members; self.contacts = contacts; self.themes = themes
    }
}
