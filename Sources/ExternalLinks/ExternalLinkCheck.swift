public import Foundation
import MarkdownRendering
import ParallelSteps
public import SiteModel

/// `vcc check --external`: asks every web address the content links to whether it still answers,
/// a few at a time, each with a deadline, remembering good answers for a day in a cache file.
///
/// Uses the system's `curl` (TLS, proxies and certificates as the machine has them set up) rather
/// than a network library linked into vcc, which the single-file binary would have to carry.
public struct ExternalLinkCheck {
    var concurrency = 8
    var timeoutSeconds = 10
    /// Seconds the whole check may take (`--deadline`); addresses not asked by then are reported
    /// in one warning. Valid 1...3600; 120 asks about a thousand addresses at eight at a time.
    var deadlineSeconds = 120
    /// Distinct addresses asked per run at most (`--max-links`), so that content cannot make vcc
    /// send an unbounded number of requests; the rest are reported in one warning.
    var maximumAddresses = 1000
    /// Whether addresses in this machine's or a private network are asked (`--allow-internal`).
    var allowInternal = false
    /// `.vcc-linkcache.json` in the project: address → time of the last good answer.
    var cacheFile: String
    var cacheHours = 24

    public init(timeoutSeconds: Int, deadlineSeconds: Int, maximumAddresses: Int, allowInternal: Bool, cacheFile: String) {
        self.timeoutSeconds = timeoutSeconds; self.deadlineSeconds = deadlineSeconds; self.maximumAddresses = maximumAddresses
        self.allowInternal = allowInternal; self.cacheFile = cacheFile
    }

    /// What became of one address.
    enum Outcome: Sendable {
        case answered(CurlRequest.Answer)
        case rejected(LinkAddress.Rejection)
        case internalAddress(String)
        case unresolvable(String)
        case notAsked
    }

    /// Problems for the external links of `documents`, as warnings at each link's place.
    ///
    /// - Throws: ``CheckError/noCurl`` without curl, ``CheckError/interrupted(_:)`` when vcc got
    ///   SIGINT or SIGTERM (every curl started is killed and reaped by then).
    public func diagnostics(for documents: [Document], now: Date = Date()) throws -> [Diagnostic] {
        let places = linkPlaces(in: documents)
        guard !places.isEmpty else { return [] }
        guard let curl = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"].first(where: FileManager.default.isExecutableFile) else {
            throw CheckError.noCurl
        }
        var cache = loadCache()
        let fresh = now.addingTimeInterval(-Double(cacheHours) * 3600).timeIntervalSince1970
        let toAsk = places.keys.filter { (cache[$0] ?? 0) < fresh }.sorted()
        let asked = Array(toAsk.prefix(maximumAddresses))
        let children = ChildProcesses()
        let deadline = DispatchTime.now() + .seconds(deadlineSeconds)
        children.watch(deadline: deadline)
        let outcomes = ask(asked, curl: curl, children: children, deadline: deadline)
        children.release()
        if let signal = children.interruption { throw CheckError.interrupted(signal) }
        var found: [Diagnostic] = []
        var late: [String] = []
        for (url, outcome) in zip(asked, outcomes) {
            if case .notAsked = outcome { late.append(url); continue }
            if case .answered(let answer) = outcome, (200..<400).contains(answer.status), answer.status != 301, answer.status != 308 {
                cache[url] = now.timeIntervalSince1970
            }
            guard let (message, hint) = Self.finding(for: url, outcome) else { continue }
            for place in places[url] ?? [] { found.append(.warning(at: place, message, hint: hint)) }
        }
        if let first = late.first, let place = places[first]?.min() {
            found.append(.warning(at: place, "Die Frist von \(deadlineSeconds) Sekunden (--deadline) ist abgelaufen; \(Self.count(late.count)) wurden nicht geprüft, darunter \(first).",
                                  hint: "Prüfe erneut: gute Antworten stehen im Zwischenspeicher .vcc-linkcache.json. Oder setze --deadline höher."))
        }
        let skipped = toAsk.dropFirst(maximumAddresses)
        if let first = skipped.first, let place = places[first]?.min() {
            found.append(.warning(at: place, "Mehr als \(maximumAddresses) Adressen (--max-links): \(Self.count(skipped.count)) wurden nicht geprüft, darunter \(first).",
                                  hint: "Prüfe erneut (gute Antworten stehen im Zwischenspeicher) oder setze --max-links höher."))
        }
        saveCache(cache)
        return found
    }

    private static func count(_ addresses: Int) -> String { addresses == 1 ? "1 Adresse" : "\(addresses) Adressen" }

    /// The warning's message and hint for an address, or nil when it answered well.
    private static func finding(for url: String, _ outcome: Outcome) -> (String, String?)? {
        switch outcome {
        case .notAsked:
            return nil
        case .rejected(let rejection):
            return ("Die Adresse \(url) wird nicht geprüft: \(rejection.reason).", "Korrigiere die Adresse oder prüfe sie im Browser.")
        case .internalAddress(let ip):
            return ("Die Adresse \(url) führt ins eigene oder ein privates Netz (\(ip)): interne Adresse, nicht geprüft.",
                    "Links auf interne Adressen prüft vcc check --external nur mit --allow-internal.")
        case .unresolvable(let reason):
            return ("Die Adresse \(url) antwortet nicht: Der Rechnername lässt sich nicht auflösen (\(reason)).",
                    "Prüfe die Schreibweise; gibt es die Website nicht mehr, entferne den Link oder verweise auf eine Kopie (etwa im Internet Archive).")
        case .answered(let answer):
            switch answer.status {
            case 301, 308:
                return ("Die Adresse \(url) ist dauerhaft umgezogen\(answer.redirect.isEmpty ? "" : " nach \(answer.redirect)").", "Trage die neue Adresse ein.")
            case 200..<400:
                return nil
            case 0:
                return ("Die Adresse \(url) antwortet nicht: \(answer.failure ?? "keine Antwort").",
                        "Prüfe sie im Browser; ist die Seite dauerhaft weg, entferne den Link oder verweise auf eine Kopie (etwa im Internet Archive).")
            default:
                return ("Die Adresse \(url) antwortet mit HTTP \(answer.status)\(answer.status == 404 || answer.status == 410 ? " (nicht gefunden)" : "").",
                        "Prüfe sie im Browser und ersetze oder entferne den Link.")
            }
        }
    }

    /// Every web address in `documents` with the places that link to it.
    private func linkPlaces(in documents: [Document]) -> [String: [SourceLocation]] {
        var places: [String: [SourceLocation]] = [:]
        for document in documents {
            for link in MarkdownQualityCheck.externalLinks(in: document.body, file: document.sourcePath, firstLine: document.bodyFirstLine) {
                places[link.url, default: []].append(link.location)
            }
            for (key, url) in frontMatterAddresses(of: document) {
                places[url, default: []].append(SourceLocation(file: document.sourcePath, line: document.fieldLines[key] ?? 1, column: 1))
            }
        }
        return places
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

    /// HEAD first (cheap), GET when a server does not allow HEAD; `concurrency` at a time, none
    /// started after `deadline`.
    private func ask(_ urls: [String], curl: String, children: ChildProcesses, deadline: DispatchTime) -> [Outcome] {
        let timeout = timeoutSeconds, allowInternal = allowInternal
        return urls.concurrentMap(threads: concurrency) { url in
            Self.outcome(for: url, curl: curl, timeout: timeout, allowInternal: allowInternal, children: children, deadline: deadline)
        }
    }

    private static func outcome(for url: String, curl: String, timeout: Int, allowInternal: Bool,
                                children: ChildProcesses, deadline: DispatchTime) -> Outcome {
        guard secondsLeft(until: deadline) >= 1, !children.isStopped else { return .notAsked }
        var address: LinkAddress
        switch LinkAddress.parse(url) {
        case .failure(let rejection): return .rejected(rejection)
        case .success(let parsed): address = parsed
        }
        var pinned: NetworkAddress?
        if !allowInternal {
            switch NetworkAddress.resolve(address.host) {
            case .failure(let failure):
                return .unresolvable(failure.message)
            case .success(let addresses):
                if let inner = addresses.first(where: \.isInternal) { return .internalAddress(inner.text) }
                // A literal IP in any spelling is sent as the address checked; a name is pinned to it
                // (`--resolve`), so a second DNS answer (rebinding) cannot lead curl elsewhere.
                if NetworkAddress.isLiteral(address.host) { address.host = addresses[0].text } else { pinned = addresses[0] }
            }
        }
        func request(head: Bool) -> CurlRequest.Answer? {
            let seconds = min(timeout, secondsLeft(until: deadline))
            guard seconds >= 1 else { return nil }
            return CurlRequest(curl: curl, address: address, pinnedAddress: pinned, head: head, maximumSeconds: seconds).run(in: children)
        }
        guard let answer = request(head: true) else { return .notAsked }
        guard [403, 405, 501].contains(answer.status) else { return .answered(answer) }
        return request(head: false).map(Outcome.answered) ?? .answered(answer)
    }

    /// Whole seconds until `deadline`, rounded to the nearest: a request is started with at least
    /// half a second left, and curl's `--max-time` ends it about when the deadline passes.
    private static func secondsLeft(until deadline: DispatchTime) -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        return deadline.uptimeNanoseconds > now ? Int((deadline.uptimeNanoseconds - now + 500_000_000) / 1_000_000_000) : 0
    }

    private func loadCache() -> [String: Double] {
        guard let data = FileManager.default.contents(atPath: cacheFile) else { return [:] }
        return (try? JSONDecoder().decode([String: Double].self, from: data)) ?? [:]
    }

    private func saveCache(_ cache: [String: Double]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(cache) else { return }
        try? data.write(to: URL(fileURLWithPath: cacheFile), options: .atomic)
    }

    public enum CheckError: Error, CustomStringConvertible {
        case noCurl
        /// vcc got this signal; the check's curl processes are gone.
        case interrupted(Int32)

        public var description: String {
            switch self {
            case .noCurl: "`vcc check --external` braucht das Programm curl (Debian: apt-get install curl)."
            case .interrupted: "Die Prüfung der Links wurde abgebrochen."
            }
        }
    }
}
