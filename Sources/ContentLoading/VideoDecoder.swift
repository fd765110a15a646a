import SiteModel
import Yams

/// An event's `video`: a file of the site with WebVTT captions (required: a video without them
/// shuts out deaf readers), or an https address at a provider, only ever linked.
enum VideoDecoder {
    static func video(_ f: inout FrontMatterFields) -> EventVideo? {
        guard let node = f.value("video") else { return nil }
        let example = "`video: {title: Eindrücke, file: eindruecke.mp4, captions: eindruecke.vtt}` oder `video: {title: Eindrücke, url: https://…}`"
        guard node.mapping != nil else {
            f.error("`video` braucht `title` und `file` mit `captions` oder `url`.", at: node, hint: "Schreibe \(example).")
            return nil
        }
        DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["title", "file", "captions", "poster", "url"], field: "video", &f)
        let title = node["title"]?.scalar?.string
        if title?.isEmpty ?? true { f.error("`video` hat keinen `title`.", at: node, hint: "Ergänze `title: …`: was das Video zeigt.") }
        let file = node["file"]?.scalar?.string
        let url = node["url"]?.scalar?.string
        let location = f.location(of: node)
        switch (file, url) {
        case (nil, nil):
            f.error("`video` braucht `file` (eine Datei der Website) oder `url` (eine Adresse beim Anbieter).", at: node, hint: "Schreibe \(example).")
            return nil
        case (.some, .some):
            f.error("`video` hat `file` und `url`; gemeint ist eines von beiden.", at: node,
                    hint: "Eine eigene Datei (`file` mit `captions`) oder ein Link zum Anbieter (`url`).")
            return nil
        case (nil, let url?):
            if let problem = WebAddress.problem(with: url, allowing: ["https"]) {
                f.error("`video.url`: " + problem.message, at: node["url"], hint: problem.hint)
                return nil
            }
            guard let title, !title.isEmpty else { return nil }
            return EventVideo(title: title, source: .external(url: url), location: location)
        case (let file?, nil):
            guard let captions = node["captions"]?.scalar?.string, !captions.isEmpty else {
                f.error("Das Video `\(file)` hat keine Untertitel: `captions` fehlt.", at: node,
                        hint: "Lege eine WebVTT-Datei neben das Video und ergänze `captions: \(stem(file)).vtt`. Ohne Untertitel bleibt das Video gehörlosen Menschen verschlossen.")
                return nil
            }
            guard captions.lowercased().hasSuffix(".vtt") else {
                f.error("`video.captions` muss eine WebVTT-Datei (`.vtt`) sein, ist aber `\(captions)`.", at: node["captions"],
                        hint: "Browser zeigen Untertitel nur im Format WebVTT; wandle die Datei um, etwa von SRT nach VTT.")
                return nil
            }
            guard let title, !title.isEmpty else { return nil }
            return EventVideo(title: title, source: .file(path: file, captions: captions, poster: node["poster"]?.scalar?.string), location: location)
        }
    }

    private static func stem(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.split(separator: ".").dropLast().joined(separator: ".").isEmpty ? name : name.split(separator: ".").dropLast().joined(separator: ".")
    }
}
