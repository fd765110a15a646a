import SiteModel
import SiteSnapshot

/// An event as schema.org `Event`: status, attendance mode, place or virtual location,
/// organiser, times with their offset, and each session as a `subEvent` with its performers.
extension SchemaOrgData {
    func describeEvent(_ event: Event, of entry: RouteTable.Entry, in item: inout JSONValue) {
        let references = directory.references(of: entry)
        item["@type"] = "Event"
        item["startDate"] = .string(event.start.isoWithOffset)
        item["endDate"] = .string(event.end.isoWithOffset)
        item["eventStatus"] = .string(event.status.schemaOrg)
        let location = self.location(of: event)
        item["eventAttendanceMode"] = .string("https://schema.org/" + (event.place == nil ? "Online" : event.online == nil ? "Offline" : "Mixed")
            + "EventAttendanceMode")
        item["location"] = location.count == 1 ? location[0] : .array(location)
        if let organiser = references.organiser {
            item["organizer"] = organiser.entry?.document.kind == .project
                ? ["@type": "Project", "name": .string(organiser.title), "url": .string(organiser.entry.map { address($0.url) } ?? "")]
                : organization(organiser)
        }
        if !event.themes.isEmpty { item["keywords"] = .string(event.themes.joined(separator: ", ")) }
        if let registration = event.registration, let url = registration.url ?? registration.email.map({ "mailto:" + $0 }) {
            var offer: JSONValue = ["@type": "Offer", "url": .string(url), "price": "0", "priceCurrency": "EUR",
                                    "availability": "https://schema.org/InStock"]
            if let deadline = registration.deadline { offer["validThrough"] = .string(deadline.iso) }
            item["offers"] = offer
        }
        let page = address(entry.url)
        let sessions: [JSONValue] = event.programme.map { session in
            var sub: JSONValue = ["@type": "Event", "name": .string(session.title), "url": .string(page + "#" + session.anchor),
                                  "eventStatus": .string(event.status.schemaOrg), "additionalType": .string(session.kind.rawValue),
                                  "location": location.count == 1 ? location[0] : .array(location)]
            sub["startDate"] = .string((session.start ?? event.start).isoWithOffset)
            if let end = session.end { sub["endDate"] = .string(end.isoWithOffset) }
            if let summary = session.summary { sub["description"] = .string(summary) }
            if !session.speakers.isEmpty {
                sub["performer"] = .array(session.speakers.map { speaker in
                    var person: JSONValue = ["@type": "Person", "name": .string(speaker.name)]
                    if let city = speaker.municipality.map({ ResolvedReference(id: $0.id, entry: directory.routes.entry(kind: .municipality, id: $0.id)) }) {
                        person["affiliation"] = organization(city)
                    } else if let organisation = speaker.organisation {
                        person["affiliation"] = ["@type": "Organization", "name": .string(organisation)]
                    }
                    return person
                })
            }
            return sub
        }
        if !sessions.isEmpty { item["subEvent"] = .array(sessions) }
        if let video = event.video, case .external(let url) = video.source {
            item["recordedIn"] = ["@type": "VideoObject", "name": .string(video.title), "url": .string(url)]
        }
    }

    /// The place and, for an online or hybrid event, the virtual location.
    private func location(of event: Event) -> [JSONValue] {
        var out: [JSONValue] = []
        if let place = event.place {
            var item: JSONValue = ["@type": "Place", "name": .string(place.name)]
            if let address = place.address { item["address"] = ["@type": "PostalAddress", "streetAddress": .string(address), "addressCountry": "DE"] }
            out.append(item)
        }
        if let online = event.online { out.append(["@type": "VirtualLocation", "url": .string(online)]) }
        return out
    }
}
