import ArgumentParser
import SiteModel

/// `--base-url`, shared by `vcc build` and `vcc check`: the site's public address, checked like
/// `base_url` in site.yml.
struct BaseURLOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Öffentliche Adresse der Website, ersetzt base_url aus site.yml.", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL, let problem = SiteConfiguration.baseURLProblem(baseURL) {
            throw ValidationError(TerminalText.sanitized("--base-url: " + problem))
        }
    }
}
