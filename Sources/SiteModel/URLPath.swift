/// A site-absolute URL path such as `/blaupausen/posteingang/`, without the base URL.
public struct URLPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path, always starting with `/`; pages end with `/`.
    public let rawValue: String

    /// Wraps a path, adding the leading slash when it is missing.
    public init(_ path: String) {
        rawValue = path.hasPrefix("/") ? path : "/" + path
    }

    /// The page URL for path segments, for example `["blaupausen", "posteingang"]` -> `/blaupausen/posteingang/`.
    public init(segments: [String]) {
        rawValue = segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    public static let root = URLPath("/")

    /// The file in the output folder that serves this URL: `blaupausen/posteingang/index.html`.
    public var outputFile: String {
        rawValue.hasSuffix("/") ? String(rawValue.dropFirst()) + "index.html" : String(rawValue.dropFirst())
    }

    /// This path with `child` appended as a page segment.
    public func appending(_ child: String) -> URLPath {
        URLPath(rawValue + child + "/")
    }

    public var description: String { rawValue }
    public static func < (lhs: URLPath, rhs: URLPath) -> Bool { lhs.rawValue < rhs.rawValue }
}
