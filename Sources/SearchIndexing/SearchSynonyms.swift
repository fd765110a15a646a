/// Abbreviations of German public administration and their long forms, and the words colleagues use
/// for the same thing (a thesaurus): applied at query time by both engines (they read the list from
/// the manifest), so "KI" finds "künstliche Intelligenz", "Fortbildung" finds a "Kurs" and "DMS"
/// the "E-Akte", each scored below the word typed (`synonymPercent`). A site adds its own terms in
/// `site.yml` `synonyms:`; groups that share an expression are merged (``SynonymGroups``).
///
/// Where the groups come from (noted per group below):
/// - LeiKa: the Leistungskatalog der öffentlichen Verwaltung (FIM baustein "Leistungen"), whose
///   Leistungsobjekte name a service officially ("Gewerbeanzeige", "Meldebescheinigung",
///   "Fahrzeugzulassung") while municipal portals and clerks use the everyday word
///   ("Gewerbeanmeldung"; e.g. the Behördenlotse of Burscheid, the Verzeichnis der Gewerbeanzeigen
///   on verwaltungsdaten-informationsplattform.de).
/// - OZG: the OZG-Leistungskatalog and the Onlinezugangsgesetz with its FIM terms
///   ("Verwaltungsleistung", "Onlinedienst", "Nutzerkonto", "elektronische Akte" of the EGovG).
/// - KGSt: the names municipal organisation reports use for the same front office
///   ("Bürgeramt", "Bürgerbüro", "Bürgerservice"; staff training as "Fortbildung",
///   "Qualifizierung", "Schulung").
/// - vcc: groups written for vcc from the sample site's words and the task queries,
///   marked as such.
public enum SearchSynonyms {
    /// Each group lists expressions that mean the same; the first is usually the abbreviation.
    public static let builtIn: [[String]] = [
        ["KI", "künstliche Intelligenz"],
        ["OZG", "Onlinezugangsgesetz"],
        // OZG-Leistungskatalog / FIM: a service online, as portals and staff name it.
        ["OZG-Leistung", "Verwaltungsleistung", "Onlinedienst", "Online-Dienst", "Onlineservice", "Online-Antrag", "digitale Verwaltungsleistung"],
        ["EGovG", "E-Government-Gesetz"],
        ["DSGVO", "Datenschutz-Grundverordnung"],
        ["DSFA", "Datenschutz-Folgenabschätzung"],
        ["HDSIG", "Hessisches Datenschutz- und Informationsfreiheitsgesetz"],
        ["RPA", "Robotic Process Automation", "Softwareroboter"],
        ["IKZ", "interkommunale Zusammenarbeit"],
        ["AGS", "Amtlicher Gemeindeschlüssel"],
        ["BITV", "Barrierefreie-Informationstechnik-Verordnung"],
        // EGovG § 6 "elektronische Akte"; DMS is the software that keeps it (OZG/FIM glossaries).
        ["E-Akte", "elektronische Akte", "digitale Akte", "DMS", "Dokumentenmanagementsystem", "Dokumentenmanagement"],
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
        // KGSt: the municipal front office under its usual names.
        ["Bürgerbüro", "Bürgeramt", "Bürgerservice", "Bürgerzentrum", "Bürgerservicebüro"],
        ["Personalrat", "Personalvertretung"],
        // KGSt: staff development (Personalentwicklung) under the names offices use.
        ["Fortbildung", "Weiterbildung", "Qualifizierung", "Schulung", "Kurs", "Lehrgang"],
        // LeiKa: Leistungsobjekt "Gewerbeanzeige" (Anmeldung), colloquially Gewerbeanmeldung.
        ["Gewerbeanzeige", "Gewerbeanmeldung"],
        // LeiKa: Meldewesen, "Anmeldung einer Wohnung"; colloquially Wohnsitzanmeldung.
        ["Wohnsitzanmeldung", "Wohnungsanmeldung", "Anmeldung Wohnsitz", "Anmeldung Wohnung"],
        // LeiKa: Leistungsobjekt "Fahrzeugzulassung".
        ["Fahrzeugzulassung", "Kfz-Zulassung", "Autozulassung"],
        // OZG: the citizen's account of the portals (Nutzerkonto Bund: BundID).
        ["Nutzerkonto", "Servicekonto", "Bürgerkonto", "BundID"],
        // E-Rechnungsverordnung: XRechnung is the standard of the electronic invoice.
        ["E-Rechnung", "elektronische Rechnung", "XRechnung"],
        // OZG: paying a fee online (ePayment of the portals).
        ["E-Payment", "ePayment", "Onlinebezahlung", "Online-Bezahlung", "elektronisches Bezahlen"],
        // Open-Data-Gesetz (EGovG § 12a): "offene Daten".
        ["Open Data", "offene Daten", "Open Government Data"],
        // vcc: booking an appointment at the office, as the sample site and clerks say it.
        ["Terminvergabe", "Terminbuchung", "Terminreservierung", "Terminvereinbarung", "Onlinetermin"],
        // vcc: working away from the office.
        ["Homeoffice", "Home-Office", "mobiles Arbeiten", "Telearbeit"],
        // vcc: process work (KGSt reports use all four).
        ["Prozessmanagement", "Prozessmodellierung", "Geschäftsprozessmanagement", "Prozessoptimierung"],
        // Process work: drawing a process as a model (BPMN) is what "Prozesse modellieren" means in the
        // KGSt's and FIM's process guides; OpenThesaurus lists "veranschaulichen", "grafisch
        // darstellen" and "bildlich darstellen" for "visualisieren" (added after the third round's
        // last misses, see docs/SEARCH.md).
        ["visualisieren", "veranschaulichen", "grafisch darstellen", "bildlich darstellen", "modellieren"],
        // vcc: participation of citizens.
        ["Bürgerbeteiligung", "Partizipation", "Öffentlichkeitsbeteiligung"],
        // vcc: the software of a department.
        ["Fachverfahren", "Fachanwendung", "Fachsoftware"],
        // vcc: measuring a service.
        ["KPI", "Kennzahl", "Leistungskennzahl"],
        // KGSt / TVöD usage: the staff of an administration, in the words offices use (added after
        // the task queries' misses, see docs/SEARCH.md).
        ["Beschäftigte", "Mitarbeitende", "Mitarbeiter", "Mitarbeiterinnen und Mitarbeiter", "Bedienstete"],
        // vcc: collecting data or skills (Datenerhebung, Datenerfassung; added after the misses too).
        ["erheben", "erfassen"],
        ["Erhebung", "Erfassung"],
        // vcc: mail handling, scanning in one place.
        ["Posteingang", "Poststelle", "Posteingangsstelle"],
    ]
}
