import SiteModel
import Yams

/// An event's `programme`: one entry per talk, workshop, panel or exhibit, each with its time,
/// room, speakers and what it is about, checked at its line.
enum SessionDecoder {
    static let keys = ["title", "kind", "start", "end", "room", "summary", "speakers", "themes", "attachments", "blueprints", "projects", "courses"]

    static func programme(_ f: inout FrontMatterFields, eventStart: EventDateTime?, eventEnd: EventDateTime?) -> [EventSession] {
        var anchors: Set<String> = []
        return f.nodes("programme", required: false).compactMap { node in
            guard var session = session(in: node, eventStart: eventStart, &f) else { return nil }
            if let start = eventStart, let end = eventEnd, let sessionStart = session.start,
               sessionStart < start || (session.end ?? sessionStart) > end {
                f.warning("Der Programmpunkt „\(session.title)“ liegt außerhalb der Veranstaltung (\(start.iso) bis \(end.iso)).",
                          at: node, hint: "Prüfe die Uhrzeiten des Programmpunkts oder `start` und `end` der Veranstaltung.")
            }
            // Anchors from titles stay when the programme is reordered; a repeated title gets a number.
            var anchor = session.anchor
            var number = 2
            while !anchors.insert(anchor).inserted { anchor = session.anchor + "-\(number)"; number += 1 }
            session.anchor = anchor
            return session
        }
    }

    private static func session(in node: Node, eventStart: EventDateTime?, _ f: inout FrontMatterFields) -> EventSession? {
        guard node.mapping != nil else {
            f.error("Ein Programmpunkt braucht `title` und `kind`.", at: node,
                    hint: "Schreibe `- {title: KI im Bürgerbüro, kind: Vortrag, start: \"09:30\", end: \"10:15\"}`.")
            return nil
        }
        DecisionFieldsDecoder.reportUnknown(in: node, allowed: keys, field: "programme", &f)
        let title = node["title"]?.scalar?.string.trimmingCharacters(in: .whitespaces)
        if title?.isEmpty ?? true { f.error("Ein Programmpunkt hat keinen `title`.", at: node, hint: "Ergänze `title: …`.") }
        let kind = sessionKind(node["kind"], at: node, &f)
        let day = eventStart?.date
        let start = node["start"].flatMap { EventDecoder.dateTime(in: $0, key: "start", dayOf: day, &f) }
        let end = node["end"].flatMap { EventDecoder.dateTime(in: $0, key: "end", dayOf: start?.date ?? day, &f) }
        if node["end"] != nil && node["start"] == nil {
            f.error("Der Programmpunkt hat ein Ende, aber keinen Beginn.", at: node["end"], hint: "Ergänze `start: \"09:30\"`.")
        }
        if let start, let end, end <= start {
            f.error("`end` (\(end.clock)) liegt nicht nach `start` (\(start.clock)).", at: node["end"], hint: "Prüfe die beiden Uhrzeiten.")
        }
        let speakers = list(node["speakers"], field: "speakers", &f).compactMap { speaker($0, &f) }
        let attachments = list(node["attachments"], field: "attachments", &f).compactMap { attachment($0, &f) }
        guard let title, !title.isEmpty, let kind else { return nil }
        var session = EventSession(title: title, kind: kind, anchor: "beitrag-" + Slug(title).truncated(to: 60).rawValue)
        session.start = start
        session.end = end.flatMap { end in start.map { end > $0 ? end : nil } ?? nil }
        session.room = node["room"]?.scalar?.string
        session.summary = node["summary"]?.scalar?.string
        session.speakers = speakers
        session.themes = list(node["themes"], field: "themes", &f).compactMap(\.scalar?.string).filter { !Slug($0).isEmpty }
        session.attachments = attachments
        session.blueprints = references(node["blueprints"], field: "blueprints", &f)
        session.projects = references(node["projects"], field: "projects", &f)
        session.courses = references(node["courses"], field: "courses", &f)
        return session
    }

    private static func sessionKind(_ node: Node?, at session: Node, _ f: inout FrontMatterFields) -> SessionKind? {
        let allowed = SessionKind.allCases.map(\.rawValue)
        guard let node, let text = node.scalar?.string else {
            f.error("Ein Programmpunkt braucht `kind`.", at: session, hint: "Erlaubt: " + allowed.joined(separator: ", ") + ".")
            return nil
        }
        if let kind = SessionKind.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return kind }
        let suggestion = EditDistance.closest(to: text, among: allowed).map { " Meintest du `\($0)`?" } ?? ""
        f.error("`kind: \(text)` ist keine Art von Programmpunkt.", at: node, hint: "Erlaubt: " + allowed.joined(separator: ", ") + "." + suggestion)
        return nil
    }

    /// The items of a nested list (one item for a scalar or mapping).
    private static func list(_ node: Node?, field: String, _ f: inout FrontMatterFields) -> [Node] {
        guard let node else { return [] }
        if let sequence = node.sequence {
            guard sequence.count <= FrontMatterFields.maximumListEntries else {
                f.error("`\(field)` hat \(sequence.count) Einträge; erlaubt sind höchstens \(FrontMatterFields.maximumListEntries).", at: node)
                return Array(sequence.prefix(FrontMatterFields.maximumListEntries))
            }
            return Array(sequence)
        }
        return [node]
    }

    private static func speaker(_ node: Node, _ f: inout FrontMatterFields) -> Speaker? {
        if let name = node.scalar?.string, !name.isEmpty { return Speaker(name: name, organisation: nil, municipality: nil) }
        guard node.mapping != nil, let name = node["name"]?.scalar?.string, !name.isEmpty else {
            f.error("Eine Person in `speakers` braucht `name`.", at: node,
                    hint: "Schreibe `- {name: Anna Beispiel, organisation: Hochschule}` oder `- {name: Anna Beispiel, municipality: offenbach}`.")
            return nil
        }
        DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["name", "organisation", "municipality"], field: "speakers", &f)
        let municipality = node["municipality"].flatMap { id in id.scalar.map { Reference(id: $0.string, location: f.location(of: id)) } }
        return Speaker(name: name, organisation: node["organisation"]?.scalar?.string, municipality: municipality)
    }

    private static func attachment(_ node: Node, _ f: inout FrontMatterFields) -> Attachment? {
        if let path = node.scalar?.string { return Attachment(title: path, path: path, location: f.location(of: node)) }
        guard let path = node["path"]?.scalar?.string else {
            f.error("Ein Anhang braucht `path`.", at: node, hint: "Schreibe `- {title: Folien (PDF), path: folien.pdf}`.")
            return nil
        }
        return Attachment(title: node["title"]?.scalar?.string ?? path, path: path, location: f.location(of: node["path"]))
    }

    private static func references(_ node: Node?, field: String, _ f: inout FrontMatterFields) -> [Reference] {
        list(node, field: field, &f).compactMap { item in
            guard let id = item.scalar?.string, !id.isEmpty else {
                f.error("Die Einträge von `\(field)` müssen Kennungen sein (zum Beispiel `nutzungs-dashboard`).", at: item)
                return nil
            }
            return Reference(id: id, location: f.location(of: item))
        }
    }
}
