public import SiteModel

/// One output of a build (the pages, the DCAT catalogue, the reuse packages, the search index):
/// the files it adds, given a snapshot.
///
/// A build is a list of outputs (`SiteBuilder.outputs`). The paths they claim are the build's
/// output plan, checked for collisions before anything is written, and a file an output writes
/// without having claimed it fails the build, so the plan cannot drift from what is written.
public protocol SiteOutput: Sendable {
    /// The build step the output belongs to, as `vcc build --timings` names it.
    var step: String { get }
    /// Every output path the output will write (or folder it fills), known from the routes alone.
    func claims(_ directory: SiteDirectory) -> [OutputClaim]
    /// Writes the output's files into `sink`; what later outputs read (package sizes, page anchors,
    /// search documents) goes into `ledger`.
    func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws
}

extension SiteOutput {
    /// Most outputs are machine-readable files written after the pages.
    public var step: String { "Feeds und Dateien" }
}

/// A path an output will write, with what asks for it.
public struct OutputClaim: Sendable, Equatable {
    /// What asks for an output path.
    public enum Origin: Sendable, Equatable {
        /// A file under `content/` (a page's Markdown or a copied file), by its project-relative path.
        case content(String)
        /// Something vcc makes itself, described in words ("die Sitemap").
        case generated(String)

        public var description: String {
            switch self {
            case .content(let path): path
            case .generated(let what): what
            }
        }
    }

    /// The path below the output folder; for a folder, ending in `/`.
    public var path: String
    public var origin: Origin

    public init(_ path: String, by origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// A file vcc makes itself, described as "die Datei <path>, die vcc erzeugt".
    public static func generatedFile(_ path: String) -> OutputClaim {
        OutputClaim(path, by: .generated("die Datei \(path), die vcc erzeugt"))
    }

    /// Whether the claim is a whole folder, filled with files named only while writing (the search index).
    public var isFolder: Bool { path.hasSuffix("/") }
}
