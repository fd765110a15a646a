// swift-tools-version:6.0
// The architecture of vcc, read top to bottom: files -> documents -> pages + index -> written site.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    // Release builds skip the run-time exclusivity checks (the compile-time ones stay; debug builds
    // and so every test run keep the run-time ones too). The tokeniser's per-token closure paid a
    // check on each access: about a third of the index's word counting on the laws.
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "vcc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vcc", targets: ["vcc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Exactly this version: vcc compiles templates from its parse (CompiledTemplate+Mustache.swift), so
        // a new version is taken up deliberately, with the renderer fuzz test against it.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // C library cmark-gfm (Debian libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        // C library libstemmer with the Snowball German stemmer (Debian libstemmer-dev).
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),

        // Immutable values every stage shares: documents, URLs, slugs, diagnostics, output files.
        .target(name: "SiteModel", swiftSettings: strictSettings),
        // The file system as vcc may read it: folder listings, the project's one file reader (no
        // link leaves the project), and the resources beside or inside the binary.
        .target(name: "FileAccess", dependencies: ["SiteModel"], swiftSettings: strictSettings),
        // A build's steps: work spread over the cores (concurrentMap) and each step's time (StepClock).
        .target(name: "ParallelSteps", swiftSettings: strictSettings),
        // New content files and new sites, written from the content model (`vcc new`, `vcc init`).
        .target(name: "Scaffolding", dependencies: ["SiteModel"], swiftSettings: strictSettings),
        // The content model as JSON Schemas (`vcc schema`).
        .target(name: "ContentSchema", dependencies: ["SiteModel"], swiftSettings: strictSettings),
        // German text analysis: folding, tokenising, decompounding, stemming.
        .target(name: "TextAnalysis", dependencies: ["CStemmer"], swiftSettings: strictSettings),
        // A per-thread bump allocator in C for cmark's syntax trees (built from millions of small
        // allocations, freed as a whole): cmark's `cmark_mem` callbacks carry no context, so the
        // arena is thread-local, which only C expresses cheaply.
        .target(name: "CMarkArena"),
        // CSV files (RFC 4180) and their Table Schema: records with positions, every value typed and checked.
        .target(name: "DataTables", dependencies: ["SiteModel"], swiftSettings: strictSettings),
        // Markdown to HTML, headings with German slugs, links, plain text.
        .target(name: "MarkdownRendering", dependencies: ["CCmarkGFM", "CMarkArena", "SiteModel"], swiftSettings: strictSettings),
        // Charts from data sets, drawn at build time as SVG with their table: ```diagramm blocks in Markdown.
        .target(name: "DataCharts", dependencies: ["SiteModel", "MarkdownRendering"], swiftSettings: strictSettings),
        // The project folder (site.yml + content/) into a configuration, typed documents and diagnostics.
        .target(
            name: "ContentLoading",
            dependencies: ["SiteModel", "FileAccess", "ParallelSteps", "DataTables", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        // templates/ (or the default theme) and page contexts into HTML.
        .target(
            name: "Templating",
            dependencies: ["SiteModel", "FileAccess", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("DefaultTheme")],
            swiftSettings: strictSettings),
        // Raw DEFLATE (RFC 1951) both ways, in Swift: deterministic output for packages and the index.
        .target(name: "RawDeflate", swiftSettings: strictSettings),
        // Search documents into the sharded inverted index; the reference query engine.
        .target(
            name: "SearchIndexing", dependencies: ["TextAnalysis", "SiteModel", "FileAccess", "ParallelSteps", "RawDeflate"],
            exclude: ["FORMAT.md"], resources: [.copy("Client")], swiftSettings: strictSettings),
        // What a build has decided before writing anything: routes, cross-document facts, addresses,
        // link resolution, the content files; and the protocol every output implements (SiteOutput).
        .target(
            name: "SiteSnapshot", dependencies: ["SiteModel", "FileAccess", "MarkdownRendering", "ParallelSteps", "DataCharts"],
            swiftSettings: strictSettings),
        // Outputs for portals and programs: DCAT, AMB, schema.org JSON-LD, the content as JSON,
        // publiccode.yml, the Atom feed, the sitemap and robots.txt.
        .target(name: "OpenData", dependencies: ["SiteModel", "SiteSnapshot", "MarkdownRendering"], swiftSettings: strictSettings),
        // Reuse packages: LIESMICH, OpenDocument text and spreadsheet, standalone HTML, NACHWEIS and a deterministic ZIP, one per blueprint.
        .target(
            name: "Packages", dependencies: ["SiteModel", "RawDeflate", "SiteSnapshot", "MarkdownRendering", "DataTables"],
            swiftSettings: strictSettings),
        // Outputs people read: every document's page, the pages vcc makes itself, the theme's assets.
        .target(
            name: "SitePages",
            dependencies: ["SiteModel", "SiteSnapshot", "OpenData", "Templating", "MarkdownRendering", "SearchIndexing", "ParallelSteps", "DataCharts"],
            swiftSettings: strictSettings),
        // The pipeline: a loaded project -> the snapshot -> each output in turn -> output files.
        .target(
            name: "SiteGeneration",
            dependencies: [
                "SiteModel", "FileAccess", "ParallelSteps", "ContentLoading", "MarkdownRendering", "Templating", "SearchIndexing",
                "SiteSnapshot", "OpenData", "Packages", "SitePages",
            ],
            swiftSettings: strictSettings),
        // The only code that writes the output folder: staged beside it, swapped in on success.
        .target(name: "SiteWriter", dependencies: ["SiteModel"], swiftSettings: strictSettings),
        // The preview server: serves the site from memory, watches the sources, rebuilds what changed.
        .target(
            name: "DevServer",
            dependencies: ["SiteGeneration", "ContentLoading", "SearchIndexing", "SiteModel", "FileAccess", "Templating"],
            swiftSettings: strictSettings),
        // `vcc check --external`: asks the web addresses content links to, through the system's curl,
        // bounded in number, time and network (no addresses of this machine or a private network).
        .target(name: "ExternalLinks", dependencies: ["SiteModel", "MarkdownRendering", "ParallelSteps"], swiftSettings: strictSettings),
        // The command-line interface: one type per subcommand; prints diagnostics as file:line:col.
        .target(
            name: "Commands",
            dependencies: [
                "SiteModel", "ContentLoading", "MarkdownRendering", "SiteGeneration", "SiteWriter", "SearchIndexing", "DevServer",
                "Templating", "Scaffolding", "ContentSchema", "ParallelSteps", "ExternalLinks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(name: "vcc", dependencies: ["Commands"], swiftSettings: strictSettings),

        // Inline sites and in-memory output for the tests.
        .target(
            name: "TestSupport", dependencies: ["SiteModel", "ContentLoading", "SiteGeneration"], path: "Tests/TestSupport",
            swiftSettings: strictSettings),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "RawDeflateTests", dependencies: ["RawDeflate"], swiftSettings: strictSettings),
        .testTarget(name: "ParallelStepsTests", dependencies: ["ParallelSteps"], swiftSettings: strictSettings),
        .testTarget(name: "SearchIndexingTests", dependencies: ["SearchIndexing", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "MarkdownRenderingTests", dependencies: ["MarkdownRendering", "CMarkArena", "SiteModel", "ParallelSteps"], swiftSettings: strictSettings),
        .testTarget(name: "ContentLoadingTests", dependencies: ["ContentLoading", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "DataTablesTests", dependencies: ["DataTables", "DataCharts", "SiteModel"], swiftSettings: strictSettings),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "SiteModel", "FileAccess", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "SiteGenerationTests",
            dependencies: ["SiteGeneration", "SiteWriter", "Templating", "TestSupport", "ContentSchema", "Scaffolding", "SiteSnapshot",
                           "SitePages", "MarkdownRendering", "RawDeflate"],
            swiftSettings: strictSettings),
    ]
)
