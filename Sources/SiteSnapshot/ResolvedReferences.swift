public import SiteModel

/// An id written in front matter, resolved once to the document it names; `entry` is nil when no
/// document of that kind has the id (ReferenceCheck reports it, and pages show the id as written).
public struct ResolvedReference: Sendable {
    public let id: String
    public let entry: RouteTable.Entry?

    public init(id: String, entry: RouteTable.Entry?) {
        self.id = id
        self.entry = entry
    }

    /// The named document's title, or the id when it does not exist.
    public var title: String { entry?.document.title ?? id }
}

/// Every reference of one document, resolved when the snapshot is made, so no output looks a
/// document up by its id again.
public struct ResolvedReferences: Sendable {
    /// A blueprint's developing municipalities; a project's or cluster's lead and partners, lead
    /// first; a data set's publisher.
    public var municipalities: [ResolvedReference] = []
    /// A blueprint's, a report's or a data set's project.
    public var project: ResolvedReference?
    /// A blueprint's related blueprints.
    public var related: [ResolvedReference] = []
    /// A blueprint's adopters, in the order of `adopted_by`: nil for a municipality outside the cooperation.
    public var adopters: [ResolvedReference?] = []
    /// The competence cluster a blueprint, project or course belongs to.
    public var cluster: ResolvedReference?
    /// A module's course: the `index.md` of its folder.
    public var course: RouteTable.Entry?
    /// An event's organiser (a municipality or a project) and the report that looks back.
    public var organiser: ResolvedReference?
    public var report: ResolvedReference?
    /// Per session of an event's programme: the blueprints, projects and courses it is about, in that order.
    public var sessionTopics: [[ResolvedReference]] = []

    public init() {}

    /// The references of `entry`, resolved against `routes`.
    init(of entry: RouteTable.Entry, in routes: RouteTable) {
        func resolve(_ id: String, _ kind: ContentKind) -> ResolvedReference { ResolvedReference(id: id, entry: routes.entry(kind: kind, id: id)) }
        switch entry.document.metadata {
        case .blueprint(let b):
            municipalities = b.municipalities.map { resolve($0.id, .municipality) }
            project = b.project.map { resolve($0.id, .project) }
            related = b.related.map { resolve($0.id, .blueprint) }
            adopters = b.adoptedBy.map { adoption in adoption.municipality.map { resolve($0, .municipality) } }
            cluster = b.cluster.map { resolve($0.id, .cluster) }
        case .report(let r):
            project = resolve(r.project.id, .project)
        case .project(let p):
            municipalities = ([p.lead] + p.partners).map { resolve($0.id, .municipality) }
            cluster = p.cluster.map { resolve($0.id, .cluster) }
        case .course(let c):
            cluster = c.cluster.map { resolve($0.id, .cluster) }
        case .dataset(let d):
            municipalities = d.publisher.map { [resolve($0.id, .municipality)] } ?? []
            project = d.project.map { resolve($0.id, .project) }
        case .cluster(let c):
            municipalities = ([c.lead] + c.members.map(\.municipality)).map { resolve($0.id, .municipality) }
        case .event(let e):
            let city = routes.entry(kind: .municipality, id: e.organiser.id)
            organiser = city.map { ResolvedReference(id: e.organiser.id, entry: $0) } ?? resolve(e.organiser.id, .project)
            report = e.report.map { resolve($0.id, .report) }
            sessionTopics = e.programme.map { session in
                session.blueprints.map { resolve($0.id, .blueprint) } + session.projects.map { resolve($0.id, .project) }
                    + session.courses.map { resolve($0.id, .course) }
            }
        case .module:
            course = routes.entry(forContentPath: entry.document.contentFolder + "/index.md")
        default:
            break
        }
    }
}
