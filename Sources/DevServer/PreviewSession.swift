import ContentLoading
import Foundation
import SearchIndexing
import SiteGeneration
import SiteModel
import Templating

/// The site as the preview serves it: every file in memory, rebuilt in part when sources change.
///
/// An edit to one Markdown file whose front matter keeps its meaning re-renders just that page
/// (against the existing route table) and, in the background, only that page's search record and
/// the index shards of its words. Anything else (front matter changes, added or removed files,
/// templates, site.yml) rebuilds all pages and then the whole index in the background, so a page is
/// served as soon as it is rendered.
final class PreviewSession: @unchecked Sendable {
    private let root: String
    private let loader: ContentLoader
    private let options: BuildOptions
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private var project: LoadedProject?
    private var templates: TemplateSet?
    private var plan: SitePlan?
    private var searchDocuments: [URLPath: SearchDocument] = [:]
    private var indexGeneration = 0
    /// The in-memory index and the generation it was built for; touched only on `indexQueue`.
    private let indexQueue = DispatchQueue(label: "vcc.preview.index", qos: .utility)
    nonisolated(unsafe) private var searchIndex: (index: IncrementalSearchIndex, generation: Int)?
    private(set) var version = 0
    private(set) var problems: [Diagnostic] = []
    private let changed = NSCondition()

    /// Tells the terminal when the background index is ready (a line of German text).
    private let log: @Sendable (String) -> Void

    init(root: String, drafts: Bool, baseURL: String?, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.root = root
        self.log = log
        loader = ContentLoader(includesDrafts: drafts)
        var options = BuildOptions(baseURL: baseURL, sourceDateEpoch: nil)
        options.includesSearchIndex = false
        self.options = options
    }

    /// The file for an output path, if the last good build has it.
    func file(_ path: String) -> [UInt8]? { lock.withLock { files[path] } }

    /// Blocks until the version differs from `seen` or `timeout` seconds pass; returns the version.
    func waitForChange(after seen: Int, timeout: Double) -> Int {
        changed.lock()
        defer { changed.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while version == seen, changed.wait(until: deadline) {}
        return version
    }

    /// Builds everything; returns the diagnostics (errors keep the previous files).
    @discardableResult
    func buildAll() -> [Diagnostic] {
        let project: LoadedProject
        do { project = try loader.loadProject(at: root) } catch {
            return publish(problems: [.error(at: SourceLocation(file: "content"), "\(error)")], files: nil)
        }
        let (templates, templateProblems) = TemplateSet.load(siteTemplates: project.templatesRoot == nil ? nil : project.files)
        var options = self.options
        options.templates = templates
        return render(problems: templateProblems, replacingAll: true, recordState: { summary in
            self.project = project
            self.templates = templates
            self.plan = summary.plan
            self.searchDocuments = Dictionary(summary.searchDocuments.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        }, produce: { sink in try SiteBuilder(options: options).build(project, into: sink) })
    }

    /// Reacts to changed source files (paths relative to the project).
    @discardableResult
    func apply(changes: [String]) -> [Diagnostic] {
        let markdown = changes.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }
        guard markdown.count == changes.count, var project = lock.withLock({ self.project }) else { return buildAll() }
        var contentPaths = Set<String>()
        var problems: [Diagnostic] = []
        for path in markdown {
            let contentPath = String(path.dropFirst("content/".count))
            // New and deleted files change the routes: rebuild everything.
            guard FileManager.default.fileExists(atPath: root + "/" + path),
                  let index = project.documents.firstIndex(where: { $0.contentPath == contentPath }) else { return buildAll() }
            let (document, found) = loader.loadDocument(projectRoot: root, contentPath: contentPath)
            problems += found
            guard let document else { return publish(problems: problems, files: nil) }
            // A new title, type or metadata shows on list pages and other pages: rebuild them all.
            let before = project.documents[index]
            if document.title != before.title || document.metadata != before.metadata || document.isDraft != before.isDraft {
                return buildAll()
            }
            project.documents[index] = document
            contentPaths.insert(contentPath)
        }
        var options = self.options
        options.templates = lock.withLock { templates }
        let recordState = { (summary: BuildSummary) in
            self.project = project
            for document in summary.searchDocuments { self.searchDocuments[document.url] = document }
        }
        // Re-render against the last full build's routes, without routing the site again. A file the
        // routes do not hold as a page (an `index.md` introducing a list) needs a full rebuild.
        guard let plan = lock.withLock({ self.plan }), contentPaths.allSatisfy({ plan.contains(contentPath: $0) }) else {
            return buildAll()
        }
        let edited = project.documents.filter { contentPaths.contains($0.contentPath) }
        return render(problems: problems, replacingAll: false, recordState: recordState) { sink in
            try SiteBuilder(options: options).rerender(edited, with: plan, into: sink)!
        }
    }

    /// Runs `produce`; on success records the new state (under the lock), publishes the files and
    /// schedules the search index. On errors the previous files stay.
    private func render(problems: [Diagnostic], replacingAll: Bool, recordState: (BuildSummary) -> Void,
                        produce: (CollectingSink) throws -> BuildSummary) -> [Diagnostic] {
        let sink = CollectingSink()
        do {
            let summary = try produce(sink)
            let all = problems + summary.diagnostics
            guard !all.containsErrors else { return publish(problems: all, files: nil) }
            lock.withLock { recordState(summary) }
            let result = publish(problems: all, files: sink.files, replacingAll: replacingAll)
            if replacingAll { rebuildSearchIndexInBackground() } else { updateSearchIndexInBackground(summary.searchDocuments) }
            return result
        } catch {
            return publish(problems: [.error(at: SourceLocation(file: "public"), "\(error)")], files: nil)
        }
    }

    /// Installs new files (or none, after errors), bumps the version and wakes waiting browsers.
    private func publish(problems: [Diagnostic], files newFiles: [String: [UInt8]]?, replacingAll: Bool = false) -> [Diagnostic] {
        lock.withLock {
            if let newFiles {
                if replacingAll {
                    // Keep the last index until the background build replaces it.
                    let index = files.filter { $0.key.hasPrefix(SearchIndexBuilder.folder) }
                    files = newFiles.merging(index) { new, _ in new }
                } else {
                    files.merge(newFiles) { _, new in new }
                }
            }
            self.problems = problems
        }
        changed.lock()
        version += 1
        changed.broadcast()
        changed.unlock()
        return problems
    }

    /// Rebuilds the whole search index from the search documents as they are when it starts; the
    /// newest request wins.
    private func rebuildSearchIndexInBackground() {
        let generation = lock.withLock { () -> Int in
            indexGeneration += 1
            return indexGeneration
        }
        indexQueue.asyncAfter(deadline: .now() + 0.3) { [self] in
            // Read the documents now, not when scheduled: pages re-rendered meanwhile are included.
            guard let documents = lock.withLock({ indexGeneration == generation ? Array(searchDocuments.values) : nil }) else { return }
            let started = DispatchTime.now().uptimeNanoseconds
            let sink = CollectingSink()
            let synonyms = lock.withLock { project?.configuration.synonyms ?? [] }
            guard let index = try? IncrementalSearchIndex(documents: documents, into: sink, synonyms: synonyms) else { return }
            log("Suchindex gebaut in \(PreviewServer.milliseconds(since: started)) ms.")
            searchIndex = (index, generation)
            lock.withLock {
                guard indexGeneration == generation else { return }
                files = files.filter { !$0.key.hasPrefix(SearchIndexBuilder.folder) }.merging(sink.files) { _, new in new }
            }
        }
    }

    /// After re-rendered pages: only their records and the shards of their words. When the index
    /// in memory is older than the last full build, the pending full rebuild includes the pages.
    private func updateSearchIndexInBackground(_ documents: [SearchDocument]) {
        let generation = lock.withLock { indexGeneration }
        indexQueue.async { [self] in
            guard let (index, built) = searchIndex, built == generation else { return }
            let started = DispatchTime.now().uptimeNanoseconds
            var changed: [OutputFile] = []
            for document in documents {
                guard let updated = index.update(document) else { return rebuildSearchIndexInBackground() }
                changed += updated
            }
            lock.withLock {
                guard indexGeneration == generation else { return }
                for file in changed { files[file.path] = file.contents }
            }
            log("Suchindex aktualisiert in \(PreviewServer.milliseconds(since: started)) ms (\(changed.count) Dateien).")
        }
    }
}

/// Collects output files in memory.
final class CollectingSink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: [UInt8]] = [:]
    func accept(_ file: OutputFile) throws { lock.withLock { stored[file.path] = file.contents } }
    func moveFolder(_ from: String, to: String) throws { lock.withLock { stored = stored.movingFolder(from, to: to) } }
    var files: [String: [UInt8]] { lock.withLock { stored } }
}
