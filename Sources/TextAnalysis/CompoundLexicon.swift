/// A small built-in German lexicon of frequent compound parts, written for vcc (same licence as vcc).
///
/// A small site's own vocabulary is too thin to split its compounds: "Zentrum" may never stand
/// alone on it although "Kompetenzzentrum" does. These words, common in administration, law and
/// municipal IT, fill the gap. Large sites mostly split with their own vocabulary.
public enum CompoundLexicon {
    public static let words: Set<String> = Set("""
    abfall abgabe abschluss absicht akte aktion amt analyse anforderung angebot anlage anmeldung annahme \
    anschluss antrag anwendung anzeige arbeit arbeitnehmer art arzt aufgabe aufsicht auftrag ausbildung ausgabe \
    auskunft ausschuss ausweis auswertung automat bahn bank barriere bau beamte bedarf behorde beitrag beratung \
    bereich bericht beruf bescheid beschluss beschwerde bestand beteiligung betrieb bewertung bezirk bild bildung \
    blatt boden brief buch budget burger buro center chance checkliste dach daten datei dienst digital dokument \
    dorf druck eingang einheit einkommen einrichtung einsatz eltern energie entscheidung entwicklung erfahrung \
    ergebnis erklarung erlaubnis ertrag fach fahrzeug fall familie feld feuer finanz firma fläche flache \
    folge form forderung formular forum frau frist fuhrung funktion gabe gebaude gebuhr gefahr gehalt geld \
    gemeinde gericht gesellschaft gesetz gesundheit gewerbe grund gruppe gut haft handel haus haushalt heim \
    hilfe hochschule hof information inhalt institut jahr jugend jugendliche kammer kanal karte kasse katalog \
    kind kinder klasse klima kommune kompetenz konferenz kontakt kontrolle konzept kosten kraft kranken kreis \
    kultur kunde kurs labor land lage last leben lehr leistung leiter lernen licht liste lohn lösung losung \
    macht management markt maßnahme massnahme meldung mensch miete minister mittel modell modul monat muster \
    nachweis name netz netzwerk norm not nummer nutzen nutzer nutzung ordnung organ organisation ort papier \
    partner person personal pflege pflicht plan planung platz plattform politik portal post praxis preis \
    programm projekt prozess prufung punkt qualitat qualifizierung quelle rahmen rat raum recht rechnung \
    regel register reise rente richtlinie risiko roboter ruhe sache satz schaden schule schutz sicherheit \
    sitz sozial spende sprache staat stadt stand stelle steuer stiftung strasse strategie struktur studie \
    stunde suche system tag tarif team technik teil termin test text thema tier tragung transfer umwelt \
    unfall unterlage unternehmen unterricht urlaub verband verbraucher verfahren verfassung vergabe verkehr \
    verlag vermogen verordnung versicherung vertrag verwaltung volk vorschrift wahl wald wasser weg welt werk \
    wert wesen wirtschaft wissen wohnung zahl zahlung zeit zentrum zeugnis ziel zins zoll zugang zulassung \
    zusammenarbeit zuschuss zweck
    """.split(separator: " ").map { GermanFolding.fold(String($0)) }.filter { !$0.isEmpty })
}
