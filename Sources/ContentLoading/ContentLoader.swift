import Foundation
public import SiteModel
import FileAccess
import ParallelSteps

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
        let projectFiles = ProjectFiles(root: root)
        let (configuration, configDiagnostics) = SiteConfigurationLoader.load(project: projectFiles)
        let (files, scanProblems) = try ContentFolderScanner.files(in: projectFiles)
        let markdown = files.filter { $0.hasSuffix(".md") }
        let (assets, rewrittenAssets, assetProblems) = Self.publishableAssets(files.filter { !$0.hasSuffix(".md") },
                                                                              project: projectFiles, configuration: configuration)

        let parser = DocumentParser()
        let parsed = markdown.concurrentMap { path -> (Document?, [Diagnostic], DocumentIdentity?, isDraft: Bool) in
            let sourcePath = "content/" + path
            switch projectFiles.read(sourcePath, maximumBytes: Self.maximumMarkdownBytes) {
            case .success(let bytes):
                let (document, problems, identity) = parser.parseKeepingIdentity(bytes: bytes, contentPath: path, sourcePath: sourcePath)
                return (document, problems, identity, document?.isDraft ?? DraftDeclaration.isDeclared(in: bytes))
            case .failure(.tooLarge(let size)):
                return (nil, [.error(at: SourceLocation(file: sourcePath, line: 1, column: 1),
                                     "Die Datei ist \(size / 1_000_000) MB groß; Markdown-Dateien dürfen höchstens \(Self.maximumMarkdownBytes / 1_000_000) MB haben.",
                                     hint: "Teile den Text auf mehrere Seiten auf.")], nil, false)
            case .failure(let problem):
                return (nil, [.error(at: SourceLocation(file: sourcePath, line: 1, column: 1), problem.description, hint: problem.hint)], nil, false)
            }
        }
        var documents: [Document] = []
        var diagnostics = configDiagnostics
        diagnostics += scanProblems + assetProblems
        var unusable: [DocumentIdentity] = [], drafts: [DocumentIdentity] = []
        for (document, problems, identity, isDraft) in parsed {
            // Without --drafts a draft is left out, and its problems must not stop the published pages.
            if isDraft && !includesDrafts {
                diagnostics += problems.map(DraftDeclaration.warning(from:))
                if let draft = identity ?? document.map({ DocumentIdentity(kind: $0.kind, id: $0.id, contentPath: $0.contentPath) }) {
                    drafts.append(draft)
                }
                continue
            }
            diagnostics += problems
            if let document { documents.append(document) }
            if let identity { unusable.append(identity) }
        }
        DatasetTables.load(&documents, files: projectFiles, diagnostics: &diagnostics)
        let (templatesRoot, templateProblems) = Self.templatesFolder(of: projectFiles)
        diagnostics += templateProblems
        var project = LoadedProject(configuration: configuration, documents: documents, assetPaths: assets, files: projectFiles,
                                    templatesRoot: templatesRoot, diagnostics: diagnostics)
        project.rewrittenAssets = rewrittenAssets
        project.unusableDocuments = unusable
        project.draftDocuments = drafts
        return project
    }
}

extension ContentLoader {
    /// The files of `content/` that ``ContentFilePolicy`` lets through, SVGs rewritten by
    /// ``SafeSVG``, and a warning at each file that is not published.
    static func publishableAssets(_ paths: [String], project: ProjectFiles, configuration: SiteConfiguration)
        -> (paths: [String], rewritten: [String: [UInt8]], problems: [Diagnostic]) {
        var published: [String] = []
        var rewritten: [String: [UInt8]] = [:]
        var problems: [Diagnostic] = []
        for path in paths {
            let place = SourceLocation(file: "content/" + path, line: 1, column: 1)
            switch ContentFilePolicy.decision(for: path, publishesHTMLFiles: configuration.publishesHTMLFiles) {
            case .publish: published.append(path)
            case .refuse(let message, let hint): problems.append(.warning(at: place, message + " Sie wird nicht veröffentlicht.", hint: hint))
            case .publishSanitizedSVG:
                switch Self.safeSVG(at: "content/" + path, project: project) {
                case .success(let bytes):
                    published.append(path)
                    rewritten[path] = bytes
                case .failure(let reason):
                    problems.append(.warning(at: place, reason.message + " Sie wird nicht veröffentlicht.", hint: reason.hint))
                }
            }
        }
        return (published, rewritten, problems)
    }

    /// `templates/` when the project has it as a folder; a link leaving the project, a FIFO or a
    /// file of that name is an error (the site would otherwise quietly fall back to the built-in theme).
    static func templatesFolder(of project: ProjectFiles) -> (String?, [Diagnostic]) {
        let path = project.root + "/templates"
        var info = stat()
        guard lstat(path, &info) == 0 else { return (nil, []) }
        let place = SourceLocation(file: "templates", line: 1, column: 1)
        if let problem = project.problem(with: "templates") { return (nil, [.error(at: place, problem.description, hint: problem.hint)]) }
        guard FolderListing.entries(of: path) != nil else {
            return (nil, [.error(at: place, "`templates` ist kein Ordner; die Website nutzt das eingebaute Theme.",
                                 hint: "Lösche die Datei oder lege an ihrer Stelle einen Ordner templates/ an (`vcc theme export`).")])
        }
        return (path, [])
    }

    /// An SVG of the project rewritten by ``SafeSVG`` (at most 5 MB), or why it is not published.
    static func safeSVG(at path: String, project: ProjectFiles) -> Result<[UInt8], RefusedFile> {
        switch project.read(path, maximumBytes: 5_000_000) {
        case .failure(let problem): return .failure(RefusedFile(message: problem.description, hint: problem.hint))
        case .success(let bytes): return SafeSVG.sanitized(bytes).mapError { RefusedFile(message: $0.description, hint: $0.hint) }
        }
    }

    struct RefusedFile: Error {
        var message: String
        var hint: String
    }

    /// Reads one Markdown file again (the preview server after an edit); `contentPath` is relative to `content/`.
    public func loadDocument(projectRoot: String, contentPath: String) -> (Document?, [Diagnostic]) {
        let sourcePath = "content/" + contentPath
        let data: [UInt8]
        switch ProjectFiles(root: projectRoot).read(sourcePath, maximumBytes: Self.maximumMarkdownBytes) {
        case .success(let bytes): data = bytes
        case .failure(let problem):
            return (nil, [.error(at: SourceLocation(file: sourcePath, line: 1, column: 1), problem.description, hint: problem.hint)])
        }
        let (parsed, parseProblems) = DocumentParser().parse(bytes: data, contentPath: contentPath, sourcePath: sourcePath)
        guard let parsed, includesDrafts || !parsed.isDraft else { return (nil, parseProblems) }
        var documents = [parsed], problems = parseProblems
        DatasetTables.load(&documents, files: ProjectFiles(root: projectRoot), diagnostics: &problems)
        return (documents[0], problems)
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
