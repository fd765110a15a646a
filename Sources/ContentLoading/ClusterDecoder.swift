import SiteModel
import Yams

/// Decodes a competence cluster: its lead, its members with their roles, contacts and themes.
enum ClusterDecoder {
    static func cluster(_ f: inout FrontMatterFields) -> Cluster? {
        let summary = f.string("summary")
        let lead = f.references("lead").first
        let members = f.nodes("members").compactMap { node -> Cluster.Member? in
            guard node.mapping != nil, let idNode = node["municipality"], let id = idNode.scalar?.string, !id.isEmpty else {
                f.error("Ein Eintrag in `members` braucht `municipality`.", at: node,
                        hint: "Schreibe `- {municipality: fulda, role: Pilotkommune}`.")
                return nil
            }
            DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["municipality", "role"], field: "members", &f)
            if id == lead?.id {
                f.error("`\(id)` leitet den Cluster schon (`lead`) und steht nicht noch einmal in `members`.", at: idNode,
                        hint: "Lösche den Eintrag aus `members`.")
            }
            return Cluster.Member(municipality: Reference(id: id, location: f.location(of: idNode)), role: node["role"]?.scalar?.string)
        }
        let contacts = f.nodes("contacts").compactMap { ContactDecoder.contact(in: $0, key: "contacts", &f) }
        let themes = f.strings("themes")
        guard let summary, let lead, !themes.isEmpty else { return nil }
        return Cluster(summary: summary, lead: lead, members: members, contacts: contacts, themes: themes)
    }
}
