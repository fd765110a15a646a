import Foundation
import Glibc

/// A small HTTP/1.1 server on 127.0.0.1 for the preview: GET and HEAD, one request per connection.
///
/// Hand-written on POSIX sockets instead of a SwiftNIO-based framework: the preview needs a few
/// dozen lines of HTTP, and a NIO server would add minutes to every clean build in CI.
final class HTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        var query: [String: String]
        /// The `Range` header, when the client asked for part of the file.
        var range: String? = nil
    }

    struct Response: Sendable {
        var status: Int
        var contentType: String
        var body: [UInt8]
        var headers: [(String, String)] = []
    }

    typealias Handler = @Sendable (Request) -> Response

    let port: UInt16
    private let socket: Int32

    /// Binds 127.0.0.1:`port` (0 picks a free port).
    init(port: UInt16) throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PreviewError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            if code == EADDRINUSE { throw PreviewError.portInUse(port) }
            throw PreviewError.socket("bind 127.0.0.1:\(port)", code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Connections served at once. Each waits on its own thread, so idle connections and
    /// long-polls never keep another request waiting (a Dispatch queue has a fixed pool of
    /// threads, and 64 idle connections used to take all of it). When all are taken, the oldest
    /// connection still sending its headers is closed to make room (slow senders cannot lock out
    /// the browser); when none is, the new connection is closed.
    static let maximumConnections = 512
    /// Seconds a client has to send its complete request headers (a browser needs milliseconds);
    /// 1...30. Shorter frees the slots of slow senders sooner.
    static let headerSeconds = 3
    private let connections = NSLock()
    private var openConnections = 0
    /// Connections still sending their headers, with the time they were accepted.
    private var awaitingHeaders: [Int32: UInt64] = [:]

    /// Accepts connections until the process ends; each request is answered on its own thread.
    func serve(_ handler: @escaping Handler) {
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 { if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE { usleep(1000); continue } else { return } }
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            guard admit(client) else { close(client); continue }
            let thread = Thread { [self] in
                Self.handle(client, handler, headersRead: { connections.withLock { _ = awaitingHeaders.removeValue(forKey: client) } })
                // Forgotten before it is closed: an eviction (which shuts down under the same lock)
                // can then never reach a descriptor number the system has handed out again.
                connections.withLock {
                    openConnections -= 1
                    awaitingHeaders.removeValue(forKey: client)
                }
                close(client)
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    /// Takes a slot for `client`, if need be by shutting down the oldest connection still sending headers.
    private func admit(_ client: Int32) -> Bool {
        connections.withLock {
            if openConnections >= Self.maximumConnections {
                guard let oldest = awaitingHeaders.min(by: { $0.value < $1.value })?.key else { return false }
                awaitingHeaders.removeValue(forKey: oldest)
                shutdown(oldest, Int32(SHUT_RDWR))  // Its thread's recv returns; the thread frees the slot.
            }
            openConnections += 1
            awaitingHeaders[client] = DispatchTime.now().uptimeNanoseconds
            return true
        }
    }

    private static func handle(_ client: Int32, _ handler: Handler, headersRead: () -> Void) {
        guard let request = readRequest(client) else { return }
        headersRead()
        var response: Response
        if request.method == "GET" || request.method == "HEAD" {
            response = handler(request)
            if response.status == 200, let range = request.range { response = Self.partial(response, range: range) }
        } else {
            response = Response(status: 405, contentType: "text/plain; charset=utf-8", body: Array("Nur GET und HEAD.\n".utf8))
        }
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        head += "Content-Type: \(response.contentType)\r\nContent-Length: \(response.body.count)\r\n"
        head += "Cache-Control: no-store\r\nAccept-Ranges: bytes\r\nConnection: close\r\n"
        // The policy production runs under (docs/DEPLOY.md), so the preview breaks where the site would.
        head += "Content-Security-Policy: default-src 'self'\r\n"
        // A value with a line break would end the header early (response splitting); none is sent.
        for (name, value) in response.headers where !(name + value).contains(where: \.isNewline) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        send(client, Array(head.utf8))
        if request.method == "GET" { send(client, response.body) }
    }

    /// One `bytes=a-b` (or `bytes=a-`) range of a response, as the search client asks for passage blocks.
    static func partial(_ response: Response, range: String) -> Response {
        guard range.hasPrefix("bytes="), !range.contains(",") else { return response }
        let bounds = range.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let size = response.body.count
        guard bounds.count == 2, let start = Int(bounds[0]) else { return response }
        let end = min(bounds[1].isEmpty ? size - 1 : (Int(bounds[1]) ?? size - 1), size - 1)
        guard start <= end else {
            return Response(status: 416, contentType: response.contentType, body: [], headers: [("Content-Range", "bytes */\(size)")])
        }
        var partial = response
        partial.status = 206
        partial.body = Array(response.body[start...end])
        partial.headers.append(("Content-Range", "bytes \(start)-\(end)/\(size)"))
        return partial
    }

    private static func readRequest(_ client: Int32) -> Request? {
        var buffer = [UInt8](repeating: 0, count: 8192)
        var received: [UInt8] = []
        // The headers must arrive within `headerSeconds` in all, not only between bytes (a slow
        // sender holds a thread): each wait is limited to the time that is left.
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(headerSeconds) * 1_000_000_000
        while received.count < 65_536 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return nil }
            let left = deadline - now
            var timeout = timeval(tv_sec: Int(left / 1_000_000_000), tv_usec: Int(left % 1_000_000_000 / 1000) + 1)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            received += buffer[0..<count]
            if Self.endsHeaders(received) { break }
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let line = text.split(separator: "\r\n", maxSplits: 1).first else { return nil }
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        let target = String(parts[1])
        let pieces = target.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [String: String] = [:]
        if pieces.count == 2 {
            for pair in pieces[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                if kv.count == 2 { query[kv[0]] = kv[1] }
            }
        }
        var range: String?
        for header in text.split(separator: "\r\n").dropFirst() {
            let pair = header.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "range" { range = pair[1].trimmingCharacters(in: .whitespaces) }
        }
        return Request(method: String(parts[0]), path: pieces[0].removingPercentEncoding ?? pieces[0], query: query, range: range)
    }

    /// Whether the bytes contain the blank line that ends the request headers.
    private static func endsHeaders(_ bytes: [UInt8]) -> Bool {
        let end: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        return bytes.count >= 4 && (0...(bytes.count - 4)).contains { bytes[$0..<($0 + 4)].elementsEqual(end) }
    }

    private static func send(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let sent = Glibc.send(client, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 416: "Range Not Satisfiable"
        default: "Status"
        }
    }
}

/// Failures of the preview server's environment.
public enum PreviewError: Error, CustomStringConvertible {
    case socket(String, Int32)
    /// Another program (often a preview already running) listens on the port.
    case portInUse(UInt16)

    public var description: String {
        switch self {
        case .socket(let what, let code): "\(what): \(String(cString: strerror(code)))"
        case .portInUse(let port):
            "Der Port \(port) auf 127.0.0.1 ist schon belegt (läuft die Vorschau schon?). "
                + "Starte sie mit einem anderen Port, zum Beispiel `vcc serve --port \(port == UInt16.max ? 8081 : port + 1)`, "
                + "oder mit `--port 0` für einen freien."
        }
    }
}
