import SiteModel

/// Which files of `content/` besides Markdown are published, and how.
///
/// The site runs under `Content-Security-Policy: default-src 'self'`, so any script from the site's
/// own origin runs: a published `.js` could be a service worker taking over every later visit, an
/// `.html` page or an `.svg` opened directly could run script, and XML of any kind can carry
/// XHTML with script. So content publishes only media and documents that run nothing (pictures,
/// PDF, office files, data tables, audio and video); SVG only rewritten by ``SafeSVG``; HTML only
/// when `site.yml` says `publish_html_files: true` (reports exported as HTML by trusted staff);
/// scripts never: they belong to the theme (`templates/assets/`), which IT reviews.
enum ContentFilePolicy {
    enum Decision: Equatable {
        case publish
        case publishSanitizedSVG
        case refuse(message: String, hint: String)
    }

    /// Types that run nothing in a browser, by lowercased extension.
    static let inertExtensions: Set<String> = [
        // pictures
        "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff",
        // documents and office files (ZIP containers and binary formats)
        "pdf", "odt", "ods", "odp", "odg", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "rtf", "epub",
        // office templates (also ZIP containers)
        "ott", "ots", "otp", "otg", "dotx", "xltx", "potx",
        // data and text
        "txt", "csv", "tsv", "json", "geojson", "yml", "yaml", "ics", "vcf", "zip", "7z",
        // audio, video, subtitles
        "mp3", "m4a", "ogg", "oga", "opus", "wav", "mp4", "m4v", "webm", "ogv", "vtt",
    ]

    static let scriptExtensions: Set<String> = ["js", "mjs", "cjs", "jsx", "ts", "wasm", "swf"]
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml"]

    static func decision(for path: String, publishesHTMLFiles: Bool) -> Decision {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let fileExtension = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        if inertExtensions.contains(fileExtension) { return .publish }
        if fileExtension == "svg" { return .publishSanitizedSVG }
        if htmlExtensions.contains(fileExtension) {
            return publishesHTMLFiles ? .publish : .refuse(
                message: "HTML-Dateien aus content/ werden nicht veröffentlicht: Sie könnten Skripte im Namen der Website ausführen.",
                hint: "Schreibe die Seite als Markdown (.md). Stammt die Datei von vertrauenswürdigen Kolleginnen und Kollegen, "
                    + "erlaubt `publish_html_files: true` in site.yml HTML-Dateien.")
        }
        if scriptExtensions.contains(fileExtension) {
            return .refuse(
                message: "Skripte (.\(fileExtension)) werden aus content/ nie veröffentlicht: Sie liefen im Namen der Website, etwa als Service Worker für alle späteren Besuche.",
                hint: "Gehört das Skript zum Erscheinungsbild, lege es in templates/assets/ (dort prüft es die IT mit dem Theme); sonst lösche es.")
        }
        let shown = fileExtension.isEmpty ? "ohne Endung" : ".\(fileExtension)"
        return .refuse(
            message: "Dateien dieser Art (\(shown)) werden aus content/ nicht veröffentlicht: vcc veröffentlicht nur Bilder, PDF, Office-Dateien, Tabellen, Texte, Audio und Video.",
            hint: "Verpacke die Datei als ZIP, wenn sie zum Herunterladen gedacht ist, oder lösche sie.")
    }
}
