/// Abbreviations of German public administration and their long forms, and a few words that mean
/// the same, written for vcc: applied at query time by both engines (they read the list from the
/// manifest), so "KI" finds "künstliche Intelligenz" and the reverse. A site adds its own terms in
/// `site.yml` `synonyms:`.
public enum SearchSynonyms {
    /// Each group lists expressions that mean the same; the first is usually the abbreviation.
    public static let builtIn: [[String]] = [
        ["KI", "künstliche Intelligenz"],
        ["OZG", "Onlinezugangsgesetz"],
        ["OZG-Leistung", "Verwaltungsleistung", "Onlinedienst"],
        ["EGovG", "E-Government-Gesetz"],
        ["DSGVO", "Datenschutz-Grundverordnung"],
        ["DSFA", "Datenschutz-Folgenabschätzung"],
        ["HDSIG", "Hessisches Datenschutz- und Informationsfreiheitsgesetz"],
        ["RPA", "Robotic Process Automation", "Softwareroboter"],
        ["IKZ", "interkommunale Zusammenarbeit"],
        ["AGS", "Amtlicher Gemeindeschlüssel"],
        ["BITV", "Barrierefreie-Informationstechnik-Verordnung"],
        ["E-Akte", "elektronische Akte"],
        ["DMS", "Dokumentenmanagementsystem"],
        ["FIM", "Föderales Informationsmanagement"],
        ["EfA", "Einer für Alle"],
        ["ISMS", "Informationssicherheitsmanagementsystem"],
        ["BSI", "Bundesamt für Sicherheit in der Informationstechnik"],
        ["KGSt", "Kommunale Gemeinschaftsstelle für Verwaltungsmanagement"],
        ["HGO", "Hessische Gemeindeordnung"],
        ["VwVfG", "Verwaltungsverfahrensgesetz"],
        ["BauGB", "Baugesetzbuch"],
        ["BGB", "Bürgerliches Gesetzbuch"],
        ["SGB", "Sozialgesetzbuch"],
        ["StVO", "Straßenverkehrs-Ordnung"],
        ["GG", "Grundgesetz"],
        ["Bürgerbüro", "Bürgeramt", "Bürgerservice"],
        ["Personalrat", "Personalvertretung"],
    ]
}
