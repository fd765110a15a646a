import Foundation
import SiteModel
public import SiteModel

/// `vcc serve`: the site from memory on 127.0.0.1, rebuilt on save, with live reload.
///
/// The reload script is added to HTML responses while serving and is never written into `public/`.
/// Build errors go to the terminal and into an overlay in the page; the last good site stays served.
public final class PreviewServer: @unchecked Sendable {
    private let session: PreviewSession
    private let http: HTTPServer
    private let report: @Sendable ([Diagnostic], String) -> Void

    /// The port actually bound (useful with port 0).
    public var port: UInt16 { http.port }

    /// Builds the site once and binds the port; `report` receives each build's diagnostics and a summary line.
    public init(root: String, port: UInt16, drafts: Bool, report: @escaping @Sendable ([Diagnostic], String) -> Void) throws {
        session = PreviewSession(root: root, drafts: drafts, baseURL: nil) { report([], $0) }
        http = try HTTPServer(port: port)
        self.report = report
        let started = DispatchTime.now().uptimeNanoseconds
        let problems = session.buildAll()
        let watcher = SourceWatcher(root: root)
        report(problems, "Erster Build in \(Self.milliseconds(since: started)) ms; Änderungen per \(watcher.method).")
        watcher.watch { [session] changes in
            let begun = DispatchTime.now().uptimeNanoseconds
            let problems = session.apply(changes: changes)
            let changed = changes.joined(separator: ", ")
            let took = Self.milliseconds(since: begun)
            report(problems, problems.containsErrors
                ? "\(changed): Build mit Fehlern nach \(took) ms; die letzte fehlerfreie Fassung wird weiter gezeigt."
                : "\(changed) neu gebaut in \(took) ms.")
        }
    }

    /// Serves until the process ends.
    public func run() {
        http.serve { [session] request in PreviewServer.respond(to: request, from: session) }
    }

    static func milliseconds(since start: UInt64) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    /// Live-reload long-polls waiting at once (a dozen tabs is a lot for one person's preview).
    static let longPolls = Gate(limit: 16)

    static func respond(to request: HTTPServer.Request, from session: PreviewSession) -> HTTPServer.Response {
        switch request.path {
        case "/__vcc/reload.js":
            return .init(status: 200, contentType: "text/javascript; charset=utf-8", body: Array(LiveReload.script.utf8))
        case "/__vcc/status":
            let seen = Int(request.query["version"] ?? "") ?? -1
            // Long-polls are bounded: past the limit a browser gets the status at once and asks
            // again a little later (`retry`), so open tabs cannot tie up the server.
            guard seen >= 0, longPolls.enter() else {
                let status = LiveReload.status(version: session.version, problems: session.problems, retrySeconds: seen >= 0 ? 2 : 0)
                return .init(status: 200, contentType: "application/json", body: Array(status.utf8))
            }
            defer { longPolls.leave() }
            let version = session.waitForChange(after: seen, timeout: 25)
            return .init(status: 200, contentType: "application/json", body: Array(LiveReload.status(version: version, problems: session.problems).utf8))
        default:
            break
        }
        var path = String(request.path.dropFirst())
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if session.file(path) == nil, session.file(path + "/index.html") != nil {
            // The path arrives percent-decoded; encoded again, a folder name with CR LF or spaces
            // stays one header value instead of ending the header (response splitting).
            let location = (request.path + "/").addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
            return .init(status: 301, contentType: "text/plain", body: [], headers: [("Location", location)])
        }
        guard let body = session.file(path) else {
            let notFound = session.file("404.html") ?? Array("Nicht gefunden\n".utf8)
            return .init(status: 404, contentType: "text/html; charset=utf-8", body: LiveReload.inject(into: notFound))
        }
        let type = MediaType.of(path)
        return .init(status: 200, contentType: type.header, body: type.name == "text/html" ? LiveReload.inject(into: body) : body)
    }
}

/// Admits at most `limit` holders at once.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var holders = 0

    init(limit: Int) { self.limit = limit }

    /// True when there was room; the caller must then `leave()`.
    func enter() -> Bool {
        lock.withLock {
            guard holders < limit else { return false }
            holders += 1
            return true
        }
    }

    func leave() { lock.withLock { holders -= 1 } }
}
