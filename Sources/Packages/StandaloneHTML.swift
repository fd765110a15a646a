import SiteSnapshot
import SiteModel
/// The blueprint as one HTML page to read offline, and the package's `LIESMICH.html`, with a
/// small stylesheet of their own in `technik/` (no scripts, nothing loaded from elsewhere).
enum StandaloneHTML {
    /// The stylesheet's path in the package.
    static let stylesheetPath = PackageLayout.technicalFolder + "stil.css"
    /// The guide's path in the package: at the top, where a clerk looks first.
    static let readmePath = "LIESMICH.html"

    static func page(for document: ReuseDocument, body: String) -> String {
        let facts = document.facts.map { "<tr><th scope=\"row\">\(XMLText.escaped($0.label))</th><td>\(XMLText.escaped($0.value))</td></tr>" }.joined()
        return frame(title: document.title, language: document.language, main: """
            <h1>\(XMLText.escaped(document.title))</h1>
            <p class="lead">\(XMLText.escaped(document.summary))</p>
            <table class="facts"><caption>Steckbrief</caption><tbody>\(facts)</tbody></table>
            \(body)
            \(source(of: document))
            """)
    }

    /// `LIESMICH.html`: the guide (see ``ReuseGuide``) under the blueprint's title.
    static func readme(for document: ReuseDocument, guide: ReuseGuide) -> String {
        frame(title: "So gehen Sie vor: " + document.title, language: document.language, main: """
            <h1>\(XMLText.escaped(document.title))</h1>
            <p class="lead">Nachnutzungspaket der Blaupause. \(XMLText.escaped(document.summary))</p>
            \(ReuseHTML.html(guide.blocks))
            \(source(of: document))
            """)
    }

    private static func source(of document: ReuseDocument) -> String {
        """
        <section class="source"><h2>Quelle und Lizenz</h2>
        <p>\(XMLText.escaped(document.attribution))</p>
        <p>Online: <a href="\(XMLText.escaped(document.sourceURL))">\(XMLText.escaped(document.sourceURL))</a></p>
        </section>
        """
    }

    private static func frame(title: String, language: String, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(XMLText.escaped(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escaped(title))</title>
        <link rel="stylesheet" href="\(stylesheetPath)">
        </head>
        <body>
        <main>
        \(main)
        </main>
        </body>
        </html>

        """
    }

    // Labels (th, dt, strong) never break inside a word: `overflow-wrap: anywhere` on them would
    // let a table shrink its label column to one letter at 320 px ("Reifegra|d"). Values may
    // break anywhere, so a long web address in a value cell still wraps instead of widening the page.
    static let stylesheet = pageStyles + chartStyles

    private static let pageStyles = """
        body { font: 1rem/1.55 system-ui, sans-serif; color: #1b1f24; background: #fff; margin: 0; overflow-wrap: break-word; }
        main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        a { color: #0b4f9c; }
        .lead { font-size: 1.15rem; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #9aa3ad; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        td { overflow-wrap: anywhere; }
        th, dt, strong, caption { overflow-wrap: normal; word-break: normal; hyphens: manual; }
        caption { text-align: left; font-weight: 700; padding-bottom: 0.3rem; }
        pre { white-space: pre-wrap; background: #f3f5f7; padding: 0.75rem; }
        .source { border-top: 1px solid #9aa3ad; margin-top: 2rem; }
        @media (prefers-color-scheme: dark) { body { color: #e8eaed; background: #15181c; } a { color: #8cc4ff; } pre { background: #23272e; } }

        """

    /// Charts of data sets (see DataCharts) in the default theme's chart colours, light and dark,
    /// so a package page shows them as the site does.
    private static let chartStyles: String = {
        let tokens = DesignTokens()
        func colors(dark: Bool) -> String {
            [DesignTokens.Role.chart1, .chart2, .chart3, .chart4].enumerated().map { index, role in
                let color = tokens.color(role, dark: dark)
                return ".chart-ground.chart-color-\(index + 1), .chart-point.chart-color-\(index + 1) { fill: \(color); } "
                    + ".chart-line.chart-color-\(index + 1) { stroke: \(color); }"
            }.joined(separator: "\n")
        }
        return """
        .chart-figure { margin: 1.5rem 0; } .chart-figure figcaption { font-weight: 700; }
        .chart { width: 100%; max-width: 30rem; height: auto; display: block; }
        .chart-legend { list-style: none; padding: 0; } .chart-legend li { display: inline-block; margin-right: 1rem; }
        .swatch { width: 1em; height: 1em; vertical-align: -0.15em; } .swatch-line { width: 2.2em; }
        .chart-label, .chart-value, .chart-breakdown { fill: currentColor; font: 15px system-ui, sans-serif; }
        .chart-tick { fill: currentColor; font: 16px system-ui, sans-serif; } .chart-grid { stroke: #9aa3ad; }
        .chart-line { fill: none; stroke-width: 2.5; } .chart-segment, .chart-point { stroke: #fff; }
        .chart-mark { stroke: #fff; stroke-width: 2; fill: none; } .chart-dot { fill: #fff; } td.number { text-align: right; }
        \(colors(dark: false))
        @media (prefers-color-scheme: dark) {
        .chart-segment, .chart-point, .chart-mark { stroke: #15181c; } .chart-dot { fill: #15181c; }
        \(colors(dark: true))
        }

        """
    }()
}
