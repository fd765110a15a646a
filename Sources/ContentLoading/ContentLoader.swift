import Foundation
public import SiteModel

/// Reads a project folder (`site.yml`, `content/`, `templates/`) into documents and diagnostics.
public struct ContentLoader: Sendable {
    /// Whether documents marked `draft: true` are kept.
    public var includesDrafts: Bool

    public init(includesDrafts: Bool = false) {
        self.includesDrafts = includesDrafts
    }

    /// Markdown files larger than this are refused: the largest federal law (SGB V) is 2.2 MB,
    /// and a file of tens of megabytes is a mistake that would keep the build busy for minutes.
    static let maximumMarkdownBytes = 8_000_000

    /// Loads the project at `root`. Content problems become diagnostics; only an unreadable
    /// folder throws.
    public func loadProject(at root: String) throws -> LoadedProject {
        let fileManager = FileManager.default
        let contentRoot = root + "/content"
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: contentRoot, isDirectory: &isFolder), isFolder.boolValue else {
            throw ContentLoadingError.missingContentFolder(contentRoot)
        }
        let (configuration, configDiagnostics) = SiteConfigurationLoader.load(projectRoot: root)
        let (files, scanProblems) = try ContentFolderScanner.files(under: contentRoot)
        let markdown = files.filter { $0.hasSuffix(".md") }
        let assets = files.filter { !$0.hasSuffix(".md") }

        let parser = DocumentParser()
        let parsed = markdown.concurrentMap { path -> (Document?, [Diagnostic], DocumentIdentity?) in
            let sourcePath = "content/" + path
            var info = stat()
            if stat(contentRoot + "/" + path, &info) == 0, Int(info.st_size) > Self.maximumMarkdownBytes {
                let size = Int(info.st_size)
                return (nil, [.error(at: SourceLocation(file: sourcePath, line: 1, column: 1),
                                     "Die Datei ist \(size / 1_000_000) MB groß; Markdown-Dateien dürfen höchstens \(Self.maximumMarkdownBytes / 1_000_000) MB haben.",
                                     hint: "Teile den Text auf mehrere Seiten auf.")], nil)
            }
            guard let data = fileManager.contents(atPath: contentRoot + "/" + path) else {
                return (nil, [.error(at: SourceLocation(file: sourcePath, line: 1, column: 1), "Die Datei kann nicht gelesen werden.",
                                 hint: "Prüfe die Zugriffsrechte der Datei.")], nil)
            }
            return parser.parseKeepingIdentity(bytes: Array(data), contentPath: path, sourcePath: sourcePath)
        }
        var documents: [Document] = []
        var diagnostics = configDiagnostics
        diagnostics += scanProblems
        var unusable: [DocumentIdentity] = []
        for (document, problems, identity) in parsed {
            diagnostics += problems
            if let document, includesDrafts || !document.isDraft { documents.append(document) }
            if let identity { unusable.append(identity) }
        }
        var templatesRoot: String? = root + "/templates"
        if !fileManager.fileExists(atPath: templatesRoot!, isDirectory: &isFolder) || !isFolder.boolValue { templatesRoot = nil }
        var project = LoadedProject(configuration: configuration, documents: documents, assetPaths: assets,
                                    contentRoot: contentRoot, templatesRoot: templatesRoot, diagnostics: diagnostics)
        project.unusableDocuments = unusable
        return project
    }
}

extension ContentLoader {
    /// Reads one Markdown file again (the preview server after an edit); `contentPath` is relative to `content/`.
    public func loadDocument(projectRoot: String, contentPath: String) -> (Document?, [Diagnostic]) {
        let sourcePath = "content/" + contentPath
        guard let data = FileManager.default.contents(atPath: projectRoot + "/" + sourcePath) else {
            return (nil, [.error(at: SourceLocation(file: sourcePath, line: 1, column: 1), "Die Datei kann nicht gelesen werden.",
                                 hint: "Prüfe die Zugriffsrechte der Datei.")])
        }
        let (document, problems) = DocumentParser().parse(bytes: Array(data), contentPath: contentPath, sourcePath: sourcePath)
        guard let document, includesDrafts || !document.isDraft else { return (nil, problems) }
        return (document, problems)
    }
}

/// Failures of the environment, not of the content.
public enum ContentLoadingError: Error, CustomStringConvertible {
    case missingContentFolder(String)
    case unreadableFolder(String, any Error)

    public var description: String {
        switch self {
        case .missingContentFolder(let path):
            "Kein Ordner `content/` gefunden (\(path)). Starte vcc im Projektordner oder gib ihn mit --source an."
        case .unreadableFolder(let path, let error):
            "Der Ordner \(path) kann nicht gelesen werden: \(error)"
        }
    }
}
