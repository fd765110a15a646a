import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Issue 21: operation is data, maturity agrees with it, one vocabulary, people to ask.
@Suite("Operation and people to ask")
struct OperationTests {
    private func build(_ files: [String: String]) throws -> BuiltSite {
        let site = try InlineSite(["content/kommunen/marburg.md": Fixtures.municipality, "content/kommunen/fulda.md": Self.fulda].merging(files) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    static let fulda = Fixtures.municipality.replacingOccurrences(of: "name: Marburg", with: "name: Fulda")
        .replacingOccurrences(of: "06534014", with: "06631009")
        .replacingOccurrences(of: "\n---\n", with: "\npopulation: 69000\ncontact: {name: Stabsstelle Digitale Stadt, email: digital@fulda.example, phone: \"0661 102-0\"}\n---\n")

    @Test("a level that claims operation needs municipalities in operation: an error at the maturity line that says what is missing")
    func maturityAgreesWithOperation() throws {
        let multiple = try build(["content/blaupausen/post.md": Fixtures.blueprint(
            extra: "in_operation: [{municipality: marburg, since: 2023-04-01}]").replacingOccurrences(of: "maturity: pilot", with: "maturity: mehrfach-im-betrieb")])
        let error = try #require(multiple.errors.first { $0.location.file == "content/blaupausen/post.md" })
        #expect(error.location.line == 6 && error.message.contains("mindestens zwei Kommunen") && error.message.contains("`marburg`"))
        #expect(error.hint?.contains("status: im-betrieb") == true)

        let former = try build(["content/blaupausen/post.md": Fixtures.blueprint(
            extra: "in_operation: [marburg]\nadopted_by: [{municipality: fulda, since: 2024-02-01, status: im-betrieb}]")
            .replacingOccurrences(of: "maturity: pilot", with: "maturity: ausgerollt")])
        #expect(former.errors.isEmpty, "the former value `ausgerollt` is still accepted: \(former.errors)")
        let page = try #require(former.text("blaupausen/post/index.html"))
        #expect(page.contains("In mehreren Kommunen im Betrieb"))
        #expect(page.contains("Marburg; Fulda (seit 1. Februar 2024)"), "where it runs, on the page")
        let list = try #require(former.text("blaupausen/index.html"))
        #expect(list.contains("Im Betrieb in</span> Marburg, Fulda"), "and on the card")

        // The issue's own check: `ausgerollt` (the former name) with one city in operation fails at that line.
        let formerOne = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: "in_operation: [marburg]")
            .replacingOccurrences(of: "maturity: pilot", with: "maturity: ausgerollt")])
        #expect(formerOne.errors.contains { $0.location.file == "content/blaupausen/post.md" && $0.location.line == 6 && $0.message.contains("nur `marburg`") })

        let none = try build(["content/blaupausen/post.md": Fixtures.blueprint().replacingOccurrences(of: "maturity: pilot", with: "maturity: im-betrieb")])
        #expect(none.errors.contains { $0.message.contains("in mindestens einer Kommune") && $0.message.contains("nennt keine") })
    }

    @Test("in_operation names developing municipalities only")
    func operationOfDevelopers() throws {
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: "in_operation: [{municipality: fulda}]")])
        #expect(site.errors.contains { $0.message.contains("`fulda` steht nicht in `municipalities`") && $0.hint?.contains("adopted_by") == true })
    }

    @Test("contacts take a person and a checked phone number; adopters that tried the solution name whom to ask")
    func peopleToAsk() throws {
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(
            extra: "adopted_by: [{municipality: fulda, since: 2024-09-01, status: pilot}]")
            .replacingOccurrences(of: "contact: {name: Stabsstelle, email: digital@example.org}",
                                  with: "contact: {name: Stabsstelle, person: Anna Beispiel, email: digital@example.org, phone: \"+49 6421 201-1234\"}")])
        #expect(site.errors.isEmpty, "\(site.errors)")
        let page = try #require(site.text("blaupausen/post/index.html"))
        #expect(page.contains("Stabsstelle (Anna Beispiel)") && page.contains("href=\"tel:+4964212011234\""))
        #expect(page.contains("Status der Übernahme:</span> <span class=\"tag tag-adoption status-pilot\">Erprobt die Lösung</span>"))
        #expect(page.contains("Erfahrungen erfragen bei</span> Stabsstelle Digitale Stadt"), "the city page's contact stands in")
        let city = try #require(site.text("kommunen/fulda/index.html"))
        #expect(city.contains("69.000") && city.contains("href=\"tel:06611020\""))

        let wrong = try build(["content/blaupausen/post.md": Fixtures.blueprint()
            .replacingOccurrences(of: "email: digital@example.org}", with: "email: digital@example.org, phone: \"ruf an\"}")])
        #expect(wrong.errors.contains { $0.message.contains("`contact.phone` ist keine Telefonnummer") })
    }
}
