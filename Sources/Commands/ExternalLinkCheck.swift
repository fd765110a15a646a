import ContentLoading
import Foundation
import MarkdownRendering
import SiteModel

/// `vcc check --external`: asks every web address the content links to whether it still answers,
/// a few at a time, each with a deadline, remembering good answers for a day in a cache file.
///
/// Uses the system's `curl` (TLS, proxies and certificates as the machine has them set up) rather
/// than a network library linked into vcc, which the single-file binary would have to carry.
struct ExternalLinkCheck {
    var concurrency = 8
    var timeoutSeconds = 10
    /// `.vcc-linkcache.json` in the project: address → time of the last good answer.
    var cacheFile: String
    var cacheHours = 24

    struct Answer: Sendable {
        var status: Int
        var redirect: String
        var failure: String?
    }

    /// Problems for the external links of `documents`, as warnings at each link's place.
    func diagnostics(for documents: [Document], now: Date = Date()) throws -> [Diagnostic] {
        var places: [String: [SourceLocation]] = [:]
        for document in documents {
            for link in MarkdownQualityCheck.externalLinks(in: document.body, file: document.sourcePath, firstLine: document.bodyFirstLine) {
                places[link.url, default: []].append(link.location)
            }
            for (key, url) in frontMatterAddresses(of: document) {
                places[url, default: []].append(SourceLocation(file: document.sourcePath, line: document.fieldLines[key] ?? 1, column: 1))
            }
        }
        guard !places.isEmpty else { return [] }
        guard let curl = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"].first(where: FileManager.default.isExecutableFile) else {
            throw CheckError.noCurl
        }
        var cache = loadCache()
        let fresh = now.addingTimeInterval(-Double(cacheHours) * 3600).timeIntervalSince1970
        let toAsk = places.keys.filter { (cache[$0] ?? 0) < fresh }.sorted()
        let answers = ask(toAsk, curl: curl)
        var found: [Diagnostic] = []
        for (url, answer) in zip(toAsk, answers) {
            let message: String?
            var hint: String?
            switch answer.status {
            case 200..<300:
                cache[url] = now.timeIntervalSince1970
                message = nil
            case 301, 308:
                message = "Die Adresse \(url) ist dauerhaft umgezogen\(answer.redirect.isEmpty ? "" : " nach \(answer.redirect)")."
                hint = "Trage die neue Adresse ein."
            case 300..<400:
                cache[url] = now.timeIntervalSince1970
                message = nil
            case 0:
                message = "Die Adresse \(url) antwortet nicht: \(answer.failure ?? "keine Antwort")."
                hint = "Prüfe sie im Browser; ist die Seite dauerhaft weg, entferne den Link oder verweise auf eine Kopie (etwa im Internet Archive)."
            default:
                message = "Die Adresse \(url) antwortet mit HTTP \(answer.status)\(answer.status == 404 || answer.status == 410 ? " (nicht gefunden)" : "")."
                hint = "Prüfe sie im Browser und ersetze oder entferne den Link."
            }
            guard let message else { continue }
            for place in places[url] ?? [] { found.append(.warning(at: place, message, hint: hint)) }
        }
        saveCache(cache)
        return found
    }

    private func frontMatterAddresses(of document: Document) -> [(key: String, url: String)] {
        var addresses: [(String, String?)] = []
        switch document.metadata {
        case .blueprint(let b):
            addresses.append(("contact", b.contact.url))
            addresses += b.products.map { ("products", $0.url) }
            addresses.append(("software", b.software?.repository))
        case .municipality(let m):
            addresses.append(("website", m.website))
        default:
            break
        }
        return addresses.compactMap { key, url in url.flatMap { $0.hasPrefix("http") ? (key, $0) : nil } }
    }

    /// HEAD first (cheap), GET when a server does not allow HEAD; `concurrency` at a time.
    private func ask(_ urls: [String], curl: String) -> [Answer] {
        let timeout = timeoutSeconds
        return urls.concurrentMap(threads: concurrency) { url in
            let answer = Self.request(url, head: true, curl: curl, timeout: timeout)
            return [403, 405, 501].contains(answer.status) ? Self.request(url, head: false, curl: curl, timeout: timeout) : answer
        }
    }

    private static func request(_ url: String, head: Bool, curl: String, timeout: Int) -> Answer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: curl)
        process.arguments = ["--silent", "--show-error", "--output", "/dev/null", "--max-time", String(timeout), "--proto", "=http,https",
                             "--user-agent", "vcc-linkcheck/1", "--write-out", "%{http_code} %{redirect_url}"] + (head ? ["--head"] : []) + ["--", url]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { return Answer(status: 0, redirect: "", failure: "curl ließ sich nicht starten") }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let status = Int(parts.first ?? "") ?? 0
        let failure = process.terminationStatus == 28 ? "keine Antwort in \(timeout) Sekunden"
            : problem.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "curl: ", with: "")
        return Answer(status: status, redirect: parts.count > 1 ? parts[1] : "", failure: status == 0 ? failure : nil)
    }

    private func loadCache() -> [String: Double] {
        guard let data = FileManager.default.contents(atPath: cacheFile),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Double] else { return [:] }
        return object
    }

    private func saveCache(_ cache: [String: Double]) {
        guard let data = try? JSONSerialization.data(withJSONObject: cache, options: [.sortedKeys]) else { return }
        try? data.write(to: URL(fileURLWithPath: cacheFile), options: .atomic)
    }

    enum CheckError: Error, CustomStringConvertible {
        case noCurl
        var description: String { "`vcc check --external` braucht das Programm curl (Debian: apt-get install curl)." }
    }
}
