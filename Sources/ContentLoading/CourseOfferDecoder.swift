import SiteModel
import Yams

/// What a head of department needs to act on a course: how it is taken, who runs it, when and
/// where, what it costs, where to register and whom to ask; and its themes. All optional, each
/// checked at its line.
enum CourseOfferDecoder {
    struct Offer {
        var formats: [CourseFormat]
        var provider: String?
        var dates: [CourseDate]
        var cost: String?
        var isFreeOfCharge: Bool?
        var registration: String?
        var contact: Contact?
        var themes: [String]

        func apply(to course: inout Course) {
            course.formats = formats; course.provider = provider; course.dates = dates; course.cost = cost; course.isFreeOfCharge = isFreeOfCharge
            course.registration = registration; course.contact = contact; course.themes = themes
        }
    }

    static func decode(_ f: inout FrontMatterFields) -> Offer {
        let formats = MetadataDecoder.vocabulary("format", of: CourseFormat.self, &f)
        let registration = f.string("registration")
        if let registration, let problem = WebAddress.problem(with: registration, allowing: WebAddress.webSchemes) {
            f.error("`registration`: " + problem.message, at: f.value("registration"), hint: problem.hint)
        }
        let dates = f.nodes("dates", required: false, example: "[{date: 2025-03-12, place: Rathaus Marburg}]").compactMap { node -> CourseDate? in
            if node.scalar != nil { return f.date(in: node, key: "dates").map { CourseDate(date: $0, place: nil) } }
            guard node.mapping != nil, let dateNode = node["date"] else {
                f.error("Ein Eintrag in `dates` braucht `date`.", at: node, hint: "Schreibe `- {date: 2025-03-12, place: Rathaus Marburg}`.")
                return nil
            }
            DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["date", "place"], field: "dates", &f)
            return f.date(in: dateNode, key: "date").map { CourseDate(date: $0, place: node["place"]?.scalar?.string) }
        }
        let themes = f.strings("themes")
        for theme in themes where Slug(theme).isEmpty {
            f.error("Das Thema `\(theme)` enthält keinen Buchstaben und keine Ziffer.", at: f.value("themes"),
                    hint: "Nenne es mit Worten, zum Beispiel `Digitale Verwaltung`.")
        }
        return Offer(formats: formats, provider: f.string("provider"), dates: dates.sorted { $0.date < $1.date }, cost: f.string("cost"), isFreeOfCharge: f.bool("free_of_charge"),
                     registration: registration.flatMap { WebAddress.problem(with: $0, allowing: WebAddress.webSchemes) == nil ? $0 : nil },
                     contact: f.value("contact").flatMap { ContactDecoder.contact(in: $0, key: "contact", &f) },
                     themes: themes.filter { !Slug($0).isEmpty })
    }
}
