/// Generic task words: verbs a person adds to a query to say what they want to do with a topic
/// ("Medienbrüche *finden*", "Prozesslandkarte *erstellen*", "KI im Amt *lernen*"). They name no
/// topic, yet on a small site a rare one (only three pages say "finden") outweighs the topic word.
/// Both engines read the list from the manifest (`weakWords`) and compare stems, so inflected forms
/// ("findet", "erstellt") are weak too; see ``SearchTuning/weakUnitPercent`` for what weak means.
///
/// Chosen as the verbs of German how-to questions that do not name a subject matter (the "Wie kann
/// ich …" verbs of FAQ and help pages), not from the query sets: words that are the topic in
/// administration ("beantragen", "anmelden", "prüfen", "veröffentlichen", "scannen", "bezahlen")
/// stay out, because a clerk's query about them means the procedure; so do verbs whose stem is a
/// noun of the topic ("arbeiten" → `arbeit`, "planen" → `plan`, "bauen" → `bau`, "starten" → `start`).
public enum WeakWords {
    public static let builtIn: [String] = [
        "finden", "suchen", "machen", "tun", "erstellen", "anlegen", "nutzen", "benutzen", "verwenden",
        "einsetzen", "lernen", "einführen", "umsetzen", "aufbauen", "anbieten", "verbessern",
        "durchführen", "gestalten", "helfen", "brauchen", "bekommen", "beginnen",
        "funktionieren", "gehen", "klappen", "schaffen", "einrichten", "gelingen",
    ]
}
