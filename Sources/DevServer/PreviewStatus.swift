/// What the preview's page script polls at `/__vcc/status`: the build's version, its errors, and
/// when to ask again after a failed build.
struct PreviewStatus: Encodable {
    var version: Int
    var errors: [String]
    var retry: Int?
}
