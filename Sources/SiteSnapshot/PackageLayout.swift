import Foundation

/// Where a file of content/ lies inside a blueprint's reuse package, decided once for the ZIP
/// (see `BlueprintPackageFiles`) and for the links of the package's HTML and ODT, which lead to
/// the file beside them rather than to the site, so that they work offline.
///
/// A file keeps its path relative to the blueprint (`plan.pdf`, `a/plan.pdf`); one outside the
/// blueprint's folder goes under `anhaenge/` with its path below content/
/// (`../dateien/plan.pdf` becomes `anhaenge/dateien/plan.pdf`).
public enum PackageLayout {
    /// The folder for files from outside the blueprint's folder.
    public static let outsideFolder = "anhaenge/"

    /// The folder for what only a technician needs (the Markdown source, the stylesheet,
    /// publiccode.yml), so that a clerk sees the documents first.
    public static let technicalFolder = "technik/"

    /// The path in the package of the file at `contentPath`, for a blueprint in `folder` (its
    /// folder below content/, e.g. `blaupausen`); `isOutside` when it goes under `anhaenge/`.
    public static func path(ofContentPath contentPath: String, blueprintFolder folder: String) -> (path: String, isOutside: Bool) {
        let prefix = folder.isEmpty ? "" : folder + "/"
        guard contentPath.hasPrefix(prefix) else { return (outsideFolder + contentPath, true) }
        return (String(contentPath.dropFirst(prefix.count)), false)
    }

    /// A relative link to `packagePath` from a file at the package's root, keeping the `#` part
    /// of `destination` (the link as written).
    public static func href(_ packagePath: String, keepingFragmentOf destination: String) -> String {
        let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
        return (packagePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? packagePath) + fragment
    }
}
