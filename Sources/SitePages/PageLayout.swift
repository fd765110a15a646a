/// The layouts of the theme (`templates/layouts/<name>.mustache`), one per kind of page, each
/// rendered with its own context type (see Contexts/ and ``PageContextExamples``).
enum PageLayout: String, CaseIterable {
    case blueprint = "layouts/blueprint"
    case report = "layouts/report"
    case project = "layouts/project"
    case municipality = "layouts/municipality"
    case course = "layouts/course"
    case module = "layouts/module"
    case page = "layouts/page"
    case dataset = "layouts/dataset"
    case cluster = "layouts/cluster"
    case event = "layouts/event"
    case home = "layouts/home"
    case list = "layouts/list"
    case maturity = "layouts/maturity"
    case adoptions = "layouts/adoptions"
    case catalogue = "layouts/catalogue"
    case search = "layouts/search"
    case notFound = "layouts/404"
}
