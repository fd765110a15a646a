/// The educational level of a course, from the KIM vocabulary that AMB (the German metadata
/// profile for learning resources) requires (`https://w3id.org/kim/educationalLevel/`).
public enum EducationalLevel: String, Sendable, Hashable, CaseIterable {
    case fortbildung, vorbereitungsdienst, bachelor, master, hochschule, berufsbildung

    /// The concept's id in the vocabulary.
    public var uri: String {
        let level = switch self {
        case .fortbildung: "level_10"
        case .vorbereitungsdienst: "level_9"
        case .bachelor: "level_6"
        case .master: "level_7"
        case .hochschule: "level_678"
        case .berufsbildung: "level_4"
        }
        return "https://w3id.org/kim/educationalLevel/" + level
    }

    /// The vocabulary's German label.
    public var label: String {
        switch self {
        case .fortbildung: "Fortbildung"
        case .vorbereitungsdienst: "Vorbereitungsdienst"
        case .bachelor: "Bachelor oder äquivalent"
        case .master: "Master oder äquivalent"
        case .hochschule: "Hochschule"
        case .berufsbildung: "Postsekundarer nicht-tertiärer Bereich"
        }
    }
}

/// The kind of a learning resource, from the Hochschulcampus Ressourcentypen (HCRT) vocabulary
/// that AMB takes (`https://w3id.org/kim/hcrt/`); written in front matter by its German name.
public enum LearningResourceType: String, Sendable, Hashable, CaseIterable {
    case kurs, text, video, praesentation, arbeitsmaterial, skript, uebung, lernkontrolle, webseite, sonstiges

    /// The concept's id in HCRT.
    public var uri: String {
        let concept = switch self {
        case .kurs: "course"
        case .text: "text"
        case .video: "video"
        case .praesentation: "slide"
        case .arbeitsmaterial: "worksheet"
        case .skript: "script"
        case .uebung: "drill_and_practice"
        case .lernkontrolle: "assessment"
        case .webseite: "web_page"
        case .sonstiges: "other"
        }
        return "https://w3id.org/kim/hcrt/" + concept
    }

    /// HCRT's German label.
    public var label: String {
        switch self {
        case .kurs: "Kurs"
        case .text: "Textdokument"
        case .video: "Video"
        case .praesentation: "Präsentation"
        case .arbeitsmaterial: "Arbeitsmaterial"
        case .skript: "Skript"
        case .uebung: "Übung"
        case .lernkontrolle: "Lernkontrolle"
        case .webseite: "Webseite"
        case .sonstiges: "Sonstiges"
        }
    }
}
