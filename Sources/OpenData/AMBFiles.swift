public import SiteModel
public import SiteSnapshot

/// The AMB records as files for OER portals: each course's record beside its page
/// (`/qualifizierung/<kurs>/amb.json`) and the list of every course and module record
/// (`/qualifizierung/amb.json`). The pages embed the same records (see ``AMBRecords``).
public struct AMBFiles: SiteOutput {
    public init() {}

    public static let listPath = "qualifizierung/amb.json"

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        let courses = directory.routes.entries(of: .course)
        return courses.map { OutputClaim($0.ambPath, by: .generated("der AMB-Datensatz von \($0.document.sourcePath)")) }
            + (courses.isEmpty ? [] : [.generatedFile(Self.listPath)])
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        var all: [JSONValue] = []
        for (course, record, modules) in AMBRecords(site: site).courses() {
            try sink.accept(OutputFile(path: course.ambPath, text: record.text + "\n"))
            all += [record] + modules
        }
        guard !all.isEmpty else { return }
        try sink.accept(OutputFile(path: Self.listPath, text: JSONValue.array(all).text + "\n"))
    }
}
