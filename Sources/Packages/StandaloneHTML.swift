import SiteModel
/// The blueprint as one HTML page to read offline, with a small stylesheet of its own beside it
/// in the package (no scripts, nothing loaded from elsewhere).
enum StandaloneHTML {
    static let stylesheetName = "stil.css"

    static func page(for document: ReuseDocument, body: String) -> String {
        let facts = document.facts.map { "<tr><th scope=\"row\">\(XMLText.escaped($0.label))</th><td>\(XMLText.escaped($0.value))</td></tr>" }.joined()
        return """
        <!DOCTYPE html>
        <html lang="\(XMLText.escaped(document.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escaped(document.title))</title>
        <link rel="stylesheet" href="\(stylesheetName)">
        </head>
        <body>
        <main>
        <h1>\(XMLText.escaped(document.title))</h1>
        <p class="lead">\(XMLText.escaped(document.summary))</p>
        <table class="facts"><caption>Steckbrief</caption><tbody>\(facts)</tbody></table>
        \(body)
        <section class="source"><h2>Quelle und Lizenz</h2>
        <p>\(XMLText.escaped(document.attribution))</p>
        <p>Online: <a href="\(XMLText.escaped(document.sourceURL))">\(XMLText.escaped(document.sourceURL))</a></p>
        </section>
        </main>
        </body>
        </html>

        """
    }

    static let stylesheet = """
        body { font: 1rem/1.55 system-ui, sans-serif; color: #1b1f24; background: #fff; margin: 0; overflow-wrap: anywhere; }
        main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        a { color: #0b4f9c; }
        .lead { font-size: 1.15rem; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #9aa3ad; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        caption { text-align: left; font-weight: 700; padding-bottom: 0.3rem; }
        pre { white-space: pre-wrap; background: #f3f5f7; padding: 0.75rem; }
        .source { border-top: 1px solid #9aa3ad; margin-top: 2rem; }
        @media (prefers-color-scheme: dark) { body { color: #e8eaed; background: #15181c; } a { color: #8cc4ff; } pre { background: #23272e; } }

        """

}
