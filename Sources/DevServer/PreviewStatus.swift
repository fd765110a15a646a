/// What the preview's page script polls at `/__vcc/status`: the build's version, its errors, and
/// when to ask again after a failed build.
struct PreviewStatus: Encodable {
    var version: Int
    var errors: [String]
    /// What builds but hurts readers (alt text, heading levels, link texts), shown while there are no errors.
    var warnings: [String]
    var retry: Int?
}
