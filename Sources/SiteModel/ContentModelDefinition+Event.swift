extension ContentModelDefinition {
    /// How staff write a date-time: the wall clock in Berlin, without an offset.
    static let dateTimePattern = FieldDefinition.ValueType.pattern(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}$", description: "Datum und Uhrzeit, JJJJ-MM-TTTHH:MM")
    /// A session's time: a time of day on the event's first day, or a date-time.
    static let sessionTimePattern = FieldDefinition.ValueType.pattern(
        "^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ])?[0-9]{1,2}:[0-9]{2}$", description: "Uhrzeit HH:MM oder JJJJ-MM-TTTHH:MM")

    /// The fields of an event (`veranstaltung`).
    static let event: [FieldDefinition] = [
        summary,
        FieldDefinition("start", dateTimePattern, required: true,
                        "Beginn, Ortszeit Berlin (Sommer- und Winterzeit rechnet vcc selbst). In Anführungszeichen, damit YAML nichts umdeutet.",
                        example: "\"2023-11-16T09:00\""),
        FieldDefinition("end", dateTimePattern, required: true, "Ende, Ortszeit Berlin (nach dem Beginn).", example: "\"2023-11-16T17:00\""),
        FieldDefinition("status", .choice(EventStatus.allCases.map(\.rawValue)), required: true,
                        "Ob die Veranstaltung stattfindet (`abgesagt` steht im Kalender als abgesagt).", example: "geplant"),
        FieldDefinition("organiser", .text, required: true, "Wer einlädt: die Kennung einer Kommune oder eines Projekts.", example: "offenbach"),
        FieldDefinition("place", .object([
            FieldDefinition("name", .text, required: true, "Name des Ortes.", example: "Rathaus Offenbach, Sitzungssaal"),
            FieldDefinition("address", .text, "Anschrift in einer Zeile.", example: "Berliner Straße 100, 63065 Offenbach am Main"),
        ]), "Wo die Veranstaltung stattfindet (`place`, `online` oder beides).",
            example: "{name: Rathaus Offenbach, address: \"Berliner Straße 100, 63065 Offenbach am Main\"}"),
        FieldDefinition("online", .url, "Adresse der Online-Teilnahme (https).", example: "https://www.example.de/stream"),
        FieldDefinition("registration", .object([
            FieldDefinition("url", .url, "Das Anmeldeformular.", example: "https://www.example.de/anmeldung"),
            FieldDefinition("email", .email, "Anmeldung per E-Mail.", example: "forum@example.de"),
            FieldDefinition("deadline", .date, "Anmeldeschluss (nicht nach dem Beginn).", example: "2027-10-31"),
        ]), "Wie man sich anmeldet (`url` oder `email`) und bis wann.", example: "{url: https://www.example.de/anmeldung, deadline: 2027-10-31}"),
        FieldDefinition("themes", .texts, "Themen wie bei Blaupausen.", example: "[Künstliche Intelligenz]"),
        FieldDefinition("programme", .objects([
            FieldDefinition("title", .text, required: true, "Titel des Programmpunkts.", example: "KI im Bürgerbüro"),
            FieldDefinition("kind", .choice(SessionKind.allCases.map(\.rawValue)), required: true, "Art des Programmpunkts.", example: "Vortrag"),
            FieldDefinition("start", sessionTimePattern, "Beginn: Uhrzeit am ersten Tag oder Datum und Uhrzeit.", example: "\"09:30\""),
            FieldDefinition("end", sessionTimePattern, "Ende (nach dem Beginn).", example: "\"10:15\""),
            FieldDefinition("room", .text, "Raum.", example: "Saal 1"),
            FieldDefinition("summary", .text, "Ein Satz zum Inhalt.", example: "Wie ein Sprachmodell Anfragen vorsortiert."),
            FieldDefinition("speakers", .objects([
                FieldDefinition("name", .text, required: true, "Name der Person.", example: "Anna Beispiel"),
                FieldDefinition("organisation", .text, "Organisation in Worten.", example: "Hochschule Darmstadt"),
                FieldDefinition("municipality", .reference(.municipality), "Oder: die Kommune der Kooperation (ihre Seite nennt den Beitrag).",
                                example: "offenbach"),
            ]), "Wer spricht.", example: "[{name: Anna Beispiel, municipality: offenbach}]"),
            FieldDefinition("themes", .texts, "Themen des Programmpunkts.", example: "[Künstliche Intelligenz]"),
            FieldDefinition("attachments", .objects(attachment), "Folien und andere Dateien.", example: "[{title: Folien (PDF), path: folien.pdf}]"),
            FieldDefinition("blueprints", .references(.blueprint), "Blaupausen, um die es geht (ihre Seite nennt den Beitrag).",
                            example: "[nutzungs-dashboard]"),
            FieldDefinition("projects", .references(.project), "Projekte, um die es geht.", example: "[egovsad]"),
            FieldDefinition("courses", .references(.course), "Kurse, um die es geht.", example: "[digitale-verwaltung-grundlagen]"),
        ]), "Das Programm: ein Eintrag je Vortrag, Workshop, Podium oder Ausstellung.",
            example: "[{title: KI im Bürgerbüro, kind: Vortrag, start: \"09:30\", end: \"10:15\", speakers: [{name: Anna Beispiel, municipality: offenbach}]}]"),
        FieldDefinition("participants", .integer, "Nach der Veranstaltung: wie viele teilgenommen haben.", example: "170"),
        FieldDefinition("report", .reference(.report), "Nach der Veranstaltung: der Bericht, der zurückblickt.", example: "digitalforum-offenbach-2023"),
        FieldDefinition("video", .object([
            FieldDefinition("title", .text, required: true, "Was das Video zeigt.", example: "Eindrücke vom Digitalforum"),
            FieldDefinition("file", .text, "Eine Videodatei neben der Markdown-Datei (MP4 oder WebM).", example: "eindruecke.mp4"),
            FieldDefinition("captions", .text, "Untertitel als WebVTT-Datei (Pflicht zu `file`).", example: "eindruecke.vtt"),
            FieldDefinition("poster", .text, "Ein Standbild, das vor dem Abspielen erscheint.", example: "eindruecke.jpg"),
            FieldDefinition("url", .url, "Oder: die Adresse bei einem Videoanbieter; sie wird nur verlinkt, mit Hinweis auf die Datenübertragung.",
                            example: "https://www.youtube.com/watch?v=beispiel"),
        ]), "Ein Video ohne Tracking: eigene Datei mit Untertiteln oder ein Link zum Anbieter.",
            example: "{title: Eindrücke, url: https://www.youtube.com/watch?v=beispiel}"),
    ]
}
