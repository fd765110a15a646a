/// The SPDX licence ids a municipality is likely to publish under.
///
/// Deliberately a short list: an unknown id is much more often a typo than an exotic licence,
/// and a site that needs another can still add it here.
enum SPDXLicenses {
    static let known: Set<String> = [
        "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CC-BY-3.0-DE", "CC-BY-NC-4.0", "CC-BY-ND-4.0",
        "DL-DE-BY-2.0", "DL-DE-ZERO-2.0", "EUPL-1.2", "MIT", "Apache-2.0", "GPL-3.0-or-later",
        "AGPL-3.0-or-later", "LGPL-3.0-or-later", "BSD-3-Clause", "MPL-2.0",
    ]
}
