import Foundation
import SearchIndexing
public import SiteModel
public import SiteSnapshot
public import Templating

/// The theme's static files (stylesheet, scripts, icon) and the search client, under one folder
/// named by their fingerprint: `assets/<fingerprint>/style.css`.
///
/// A deploy that changes any of them changes the folder, so pages always load the assets they were
/// built with, and servers may cache the folder for a year (docs/DEPLOY.md). Templates reach it
/// as `{{site.assets}}`.
public struct ThemeAssets: SiteOutput {
    /// Paths relative to the assets folder (`style.css`, `search/engine.js`) and their bytes.
    let files: [(path: String, contents: [UInt8])]
    /// `assets/<fingerprint>/`, relative to the output folder.
    public let folder: String

    /// Reads the theme's assets (the site's `templates/assets/` overriding the default theme) and the search client.
    public init(templates: TemplateSet, configuration: SiteConfiguration = SiteConfiguration()) throws {
        var files: [(path: String, contents: [UInt8])] = []
        for (path, contents) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append((path, contents))
        }
        // The site's own colours and logo from site.yml, beside the theme's stylesheet.
        // The colour roles are always written: the default theme's stylesheet uses them and has none of its own.
        if !files.contains(where: { $0.path == "farben.css" }) {
            files.append(("farben.css", Array(DesignTokens(colors: configuration.colors).stylesheet.utf8)))
        }
        for logo in [configuration.logo, configuration.darkLogo].compactMap({ $0 }) { files.append((logo.assetName, logo.contents)) }
        let theme = Set(files.map(\.path))
        for client in try SearchIndexBuilder.clientFiles() where !theme.contains(client.path) {
            files.append((client.path, client.contents))
        }
        let fingerprint = FileSetFingerprint()
        for file in files { fingerprint.add(path: file.path, contents: file.contents) }
        self.files = files
        folder = "assets/" + String(fingerprint.hex.prefix(12)) + "/"
    }

    /// The output files.
    var outputFiles: [OutputFile] { files.map { OutputFile(path: folder + $0.path, contents: $0.contents) } }

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        files.map { OutputClaim(folder + $0.path, by: .generated("die Theme-Datei \(folder + $0.path)")) }
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        for file in outputFiles { try sink.accept(file) }
    }
}
