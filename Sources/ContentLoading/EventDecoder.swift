import SiteModel
import Yams

/// The front matter of an event (`veranstaltung`): times on the Berlin wall clock, place or online
/// address, organiser, status, registration, the video and after the event participants and
/// report; the programme is read by ``SessionDecoder``. Every problem at its line and column.
enum EventDecoder {
    static func event(_ f: inout FrontMatterFields) -> Event? {
        let summary = f.string("summary")
        let start = dateTime("start", &f)
        let end = dateTime("end", &f)
        let status = f.choice("status").flatMap(EventStatus.init(rawValue:))
        let organiser = f.string("organiser").map { Reference(id: $0, location: f.location(of: f.value("organiser"))) }
        let place = place(&f)
        let online = webAddress("online", &f)
        if f.value("place") == nil && f.value("online") == nil {
            f.error("Die Veranstaltung braucht einen Ort: `place` oder `online`.", at: nil,
                    hint: "Ergänze `place: {name: Rathaus, address: \"Straße 1, 12345 Stadt\"}` oder `online: https://…`.")
        }
        let registration = registration(&f)
        let themes = f.strings("themes").filter { !Slug($0).isEmpty }
        let programme = SessionDecoder.programme(&f, eventStart: start, eventEnd: end)
        let participants = f.int("participants")
        if let participants, participants < 0 {
            f.error("`participants` darf nicht negativ sein.", at: f.value("participants"), hint: "Schreibe die Zahl der Teilnehmenden, zum Beispiel `participants: 170`.")
        }
        let report = f.references("report").first
        let video = VideoDecoder.video(&f)
        guard let summary, let start, let end, let status, let organiser else { return nil }
        if end <= start {
            f.error("`end` (\(end.iso)) liegt nicht nach `start` (\(start.iso)).", at: f.value("end"),
                    hint: "Das Ende muss nach dem Beginn liegen; prüfe Datum und Uhrzeit.")
        }
        if let deadline = registration?.deadline, deadline > start.date {
            f.error("Der Anmeldeschluss (\(deadline.iso)) liegt nach dem Beginn (\(start.date.iso)).", at: f.value("registration"),
                    hint: "Setze `deadline` auf einen Tag vor oder am Tag der Veranstaltung.")
        }
        var event = Event(summary: summary, start: start, end: end, organiser: organiser, status: status)
        event.place = place
        event.online = online
        event.registration = registration
        event.themes = themes
        event.programme = programme
        event.participants = participants.flatMap { $0 >= 0 ? $0 : nil }
        event.report = report
        event.video = video
        return event
    }

    /// A required date-time field.
    private static func dateTime(_ key: String, _ f: inout FrontMatterFields) -> EventDateTime? {
        guard let node = f.value(key) else {
            f.error("Pflichtfeld `\(key)` fehlt.", at: nil, hint: "Ergänze `\(key): \"2024-05-31T09:00\"` (Datum und Uhrzeit in Berlin).")
            return nil
        }
        return dateTime(in: node, key: key, &f)
    }

    /// `2023-11-16T09:00` as the Berlin wall clock; `dayOf` lets a bare `09:30` mean that day.
    static func dateTime(in node: Node, key: String, dayOf: ContentDate? = nil, _ f: inout FrontMatterFields) -> EventDateTime? {
        let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespaces)
        if let day = dayOf, let time = EventDateTime.time(text) {
            return checked(EventDateTime(date: day, hour: time.hour, minute: time.minute), node: node, key: key, &f)
        }
        if let value = EventDateTime(iso: text) { return checked(value, node: node, key: key, &f) }
        let datePart = String(text.prefix { $0 != "T" && $0 != " " })
        if let impossible = ContentDate.impossibility(ofISO: datePart) {
            f.error("`\(key)` ist kein gültiges Datum: \(impossible).", at: node, hint: "Prüfe Tag und Monat.")
        } else if ContentDate(iso: text) != nil {
            f.error("`\(key)` braucht eine Uhrzeit: `\(text)`.", at: node,
                    hint: "Schreibe Datum und Uhrzeit in Anführungszeichen: `\(key): \"\(text)T09:00\"`.")
        } else if ContentDate(iso: datePart) != nil {
            f.error("`\(key)`: `\(text.dropFirst(datePart.count + 1))` ist keine Uhrzeit.", at: node,
                    hint: "Schreibe die Uhrzeit als Stunde und Minute von 00:00 bis 23:59, zum Beispiel `\"\(datePart)T09:00\"`.")
        } else {
            let form = dayOf == nil ? "\"2024-05-31T09:00\"" : "\"09:30\" oder \"2024-05-31T09:30\""
            f.error("`\(key)` ist keine Zeitangabe: `\(node.scalar?.string ?? node.kindDescription)`.", at: node,
                    hint: "Schreibe Datum und Uhrzeit in Berlin in Anführungszeichen, zum Beispiel `\(key): \(form)`.")
        }
        return nil
    }

    /// Refuses a wall-clock time that does not exist (the skipped hour of the spring change).
    private static func checked(_ value: EventDateTime, node: Node, key: String, _ f: inout FrontMatterFields) -> EventDateTime? {
        guard value.isSkippedBySummerTime else { return value }
        f.error("`\(key)`: \(value.germanClock) Uhr gibt es am \(value.date.german) nicht, die Uhren springen um 2:00 auf 3:00 Uhr.", at: node,
                hint: "Wähle eine Zeit ab 3:00 Uhr.")
        return nil
    }

    private static func place(_ f: inout FrontMatterFields) -> EventPlace? {
        guard let node = f.value("place") else { return nil }
        if let name = node.scalar?.string { return EventPlace(name: name, address: nil) }
        guard node.mapping != nil, let name = node["name"]?.scalar?.string, !name.isEmpty else {
            f.error("`place` braucht `name`.", at: node, hint: "Schreibe `place: {name: Rathaus, address: \"Straße 1, 12345 Stadt\"}`.")
            return nil
        }
        DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["name", "address"], field: "place", &f)
        return EventPlace(name: name, address: node["address"]?.scalar?.string)
    }

    /// An http(s) address, or nil with an error at its line.
    private static func webAddress(_ key: String, _ f: inout FrontMatterFields) -> String? {
        guard let text = f.string(key) else { return nil }
        if let problem = WebAddress.problem(with: text, allowing: WebAddress.webSchemes) {
            f.error("`\(key)`: " + problem.message, at: f.value(key), hint: problem.hint)
            return nil
        }
        return text
    }

    private static func registration(_ f: inout FrontMatterFields) -> EventRegistration? {
        guard let node = f.value("registration") else { return nil }
        guard node.mapping != nil else {
            f.error("`registration` braucht `url` oder `email`.", at: node,
                    hint: "Schreibe `registration: {url: https://…, deadline: 2027-10-31}` oder `registration: {email: forum@example.de}`.")
            return nil
        }
        DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["url", "email", "deadline"], field: "registration", &f)
        var url = node["url"]?.scalar?.string
        if let text = url, let problem = WebAddress.problem(with: text, allowing: WebAddress.webSchemes) {
            f.error("`registration.url`: " + problem.message, at: node["url"], hint: problem.hint)
            url = nil
        }
        var email = node["email"]?.scalar?.string
        if let text = email, !MetadataDecoder.isMailAddress(text) {
            f.error("`registration.email` ist keine E-Mail-Adresse: `\(text)`.", at: node["email"], hint: "Zum Beispiel `forum@stadt.de`.")
            email = nil
        }
        if node["url"] == nil && node["email"] == nil {
            f.error("`registration` braucht `url` oder `email`.", at: node, hint: "Ergänze `url: https://…` oder `email: …`.")
        }
        let deadline = node["deadline"].flatMap { f.date(in: $0, key: "registration.deadline") }
        guard url != nil || email != nil else { return nil }
        return EventRegistration(url: url, email: email, deadline: deadline)
    }
}
