import SiteModel

/// The files `vcc init` writes for a new site: settings, a home text, the three pages every
/// German public site needs (marked `«ergänzen: …»` where the site's own facts belong, which the
/// build warns about until done), `.gitignore` and CI recipes for GitLab Pages and GitHub Pages.
public enum SiteScaffold {
    /// Paths relative to the new site's folder, and their text.
    public static func files(title: String) -> [(path: String, text: String)] {
        [
            ("site.yml", siteSettings(title: title)),
            ("content/index.md", home(title: title)),
            ("content/impressum.md", imprint),
            ("content/datenschutz.md", privacy),
            ("content/barrierefreiheit.md", accessibility),
            (".gitignore", "# Von vcc erzeugt; nicht einchecken.\n/public/\n/.public.vcc-*\n/schema/\n/.vcc-linkcache.json\n"),
            (".gitlab-ci.yml", gitLabPages),
            (".github/workflows/pages.yml", gitHubPages),
        ]
    }

    private static func siteSettings(title: String) -> String {
        """
        # Einstellungen der Website; jeder Schlüssel ist freiwillig. Alle Schlüssel: README von vcc.
        title: \(ContentScaffold.quoted(title))
        description: "Lösungen, Berichte und Kurse zum Nachnutzen."
        language: de
        # publisher: "Name der Stelle, die die Website betreibt"
        # base_url: "https://wissen.example.de"   # öffentliche Adresse; die CI setzt sie mit --base-url
        # edit_url: "https://gitlab.example.de/gruppe/wissensbasis/-/edit/main/content/{path}"
        # feedback: {email: "digital@example.de"}
        # data_themes: {Umwelt: ENVI}              # EU-Datenthemen für den DCAT-AP.de-Katalog

        """
    }

    private static func home(title: String) -> String {
        """
        ---
        title: \(ContentScaffold.quoted(title))
        summary: "Lösungen, Berichte und Kurse zum Nachnutzen."
        ---
        Hier teilen Kommunen, was sie gebaut haben, damit andere es übernehmen können, statt es neu zu
        erfinden. Neue Inhalte legen Sie mit `vcc new blaupause "Titel"` an; `vcc serve` zeigt die Website
        in einer Vorschau.

        """
    }

    private static let imprint = """
        ---
        title: Impressum
        ---
        ## Anbieter

        «ergänzen: Name und Anschrift der verantwortlichen Stelle»

        Vertreten durch: «ergänzen: vertretungsberechtigte Person, Funktion»

        ## Kontakt

        «ergänzen: E-Mail-Adresse und Telefonnummer»

        ## Verantwortlich für den Inhalt

        «ergänzen: Name und Anschrift der redaktionell verantwortlichen Person»

        """

    private static let privacy = """
        ---
        title: Datenschutz
        ---
        ## Verantwortliche Stelle

        «ergänzen: Name und Anschrift der verantwortlichen Stelle, Kontakt der oder des Datenschutzbeauftragten»

        ## Was diese Website speichert

        Die Website setzt keine Cookies, lädt nichts von anderen Servern und speichert keine Suchanfragen: die
        Suche läuft im Browser. Der Webserver protokolliert beim Aufruf technisch notwendige Angaben
        (Adresse, Zeitpunkt, aufgerufene Seite). «ergänzen: wer die Website betreibt (Hoster) und wie lange die Protokolle aufbewahrt werden»

        ## Ihre Rechte

        Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und
        Beschwerde bei der Aufsichtsbehörde. «ergänzen: zuständige Aufsichtsbehörde, zum Beispiel der oder die Landesbeauftragte für Datenschutz»

        """

    private static let accessibility = """
        ---
        title: Erklärung zur Barrierefreiheit
        ---
        «ergänzen: Name der Stelle» ist bemüht, diese Website barrierefrei zugänglich zu machen. Rechtsgrundlage
        sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und das Landesrecht.

        ## Stand der Vereinbarkeit

        «ergänzen: vollständig, teilweise oder nicht vereinbar; Datum der Prüfung und wie geprüft wurde (Selbstbewertung oder Prüfstelle)»

        ## Barrieren melden

        «ergänzen: Kontakt für Rückmeldungen zu Barrieren (E-Mail, Telefon)»

        ## Durchsetzungsverfahren

        «ergänzen: zuständige Schlichtungs- oder Durchsetzungsstelle mit Anschrift»

        """

    /// GitLab Pages: builds with the Pages address (including its sub-path) as base URL after
    /// `vcc check --strict` (its findings as the Code Quality report); merge requests are checked and
    /// built, only the default branch is published; vcc comes as the file from `make dist`.
    public static let gitLabPages = """
        # Baut die Wissensbasis mit vcc und veröffentlicht sie mit GitLab Pages.
        # vcc: das Linux-Programm aus `make dist` (vcc-linux-x86_64.tar.gz), zum Beispiel als
        # Release-Datei Ihres vcc-Repositorys; VCC_DOWNLOAD_URL zeigt darauf.
        # In Merge Requests prüft und baut der Job `pruefen`, ohne zu veröffentlichen; die Befunde von
        # `vcc check` zeigt GitLab dort als Code Quality (gl-code-quality-report.json).
        .vcc: &vcc
          image: debian:bookworm-slim
          variables:
            VCC_DOWNLOAD_URL: "https://gitlab.example.de/werkzeuge/vcc/-/releases/permalink/latest/downloads/vcc-linux-x86_64.tar.gz"
          before_script:
            - apt-get update -qq && apt-get install -y -qq curl ca-certificates > /dev/null
            - curl -fsSL "$VCC_DOWNLOAD_URL" | tar -xz -C /usr/local/bin vcc
          script:
            - vcc check --strict --format gitlab --base-url "$CI_PAGES_URL" > gl-code-quality-report.json
            - vcc build --base-url "$CI_PAGES_URL" --output public
          artifacts:
            when: always
            paths:
              - public
            reports:
              codequality: gl-code-quality-report.json
        pages:
          <<: *vcc
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
        pruefen:
          <<: *vcc
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"

        """

    /// GitHub Pages: the same, with the address GitHub gives the site (`configure-pages`) and the
    /// findings as annotations; pull requests are checked and built, not deployed.
    public static let gitHubPages = """
        # Baut die Wissensbasis mit vcc und veröffentlicht sie mit GitHub Pages
        # (Einstellungen > Pages > Source: GitHub Actions). Pull Requests werden geprüft und gebaut,
        # aber nicht veröffentlicht; die Befunde von `vcc check` erscheinen als Anmerkungen an den Dateien.
        name: Website
        on:
          push:
            branches: [main]
          pull_request:
          workflow_dispatch:
        permissions:
          contents: read
          pages: write
          id-token: write
        jobs:
          build:
            runs-on: ubuntu-24.04
            env:
              VCC_DOWNLOAD_URL: https://github.com/beispiel/vcc/releases/latest/download/vcc-linux-x86_64.tar.gz
            steps:
              - uses: actions/checkout@v4
              - id: pages
                uses: actions/configure-pages@v5
              - name: vcc installieren
                run: curl -fsSL "$VCC_DOWNLOAD_URL" | sudo tar -xz -C /usr/local/bin vcc
              - name: Prüfen
                run: vcc check --strict --format github --base-url "${{ steps.pages.outputs.base_url }}"
              - name: Bauen
                run: vcc build --base-url "${{ steps.pages.outputs.base_url }}" --output public
              - if: github.event_name != 'pull_request'
                uses: actions/upload-pages-artifact@v3
                with:
                  path: public
          deploy:
            if: github.event_name != 'pull_request'
            needs: build
            runs-on: ubuntu-24.04
            concurrency:
              group: pages
              cancel-in-progress: false
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
}
