@_spi(Testing) import Templating
import Testing
import TestSupport

/// vcc's template renderer against swift-mustache on random templates and random data: the two
/// must give the same bytes for every template swift-mustache accepts.
@Suite("Compiled templates render as swift-mustache")
struct RendererFuzzTests {
    static let cases = 4_000

    @Test("random templates over random values give swift-mustache's output")
    func randomTemplates() throws {
        var random = SplitMix(seed: 0x5eed_2026)
        var compared = 0, refused = 0, nonEmpty = 0, unordered = 0
        var firstDifference: String?
        for number in 0..<Self.cases {
            var generator = TemplateGenerator(random: random)
            let sources = generator.library()
            let value = generator.value(depth: 0)
            random = generator.random
            let set: TemplateSet
            do { set = try TemplateSet.compiling(sources) } catch {
                refused += 1
                continue
            }
            #expect(set.usesCompiledTemplates, "case \(number): swift-mustache's tokens could not be read")
            let expected = set.renderWithMustache("main", value: value)
            let reported = set.renderCompiledReportingOrder("main", value: value)
            let actual = reported?.output
            // swift-mustache's output itself changes from run to run there: nothing can equal it.
            if reported?.dependsOnDictionaryOrder == true {
                unordered += 1
                continue
            }
            compared += 1
            if expected?.isEmpty == false { nonEmpty += 1 }
            if expected != actual, firstDifference == nil {
                firstDifference = "case \(number)\n--- templates\n\(sources.sorted { $0.key < $1.key }.map { "[\($0.key)]\n\($0.value)" }.joined(separator: "\n"))"
                    + "\n--- value\n\(value.mustacheValue)\n--- swift-mustache\n\(expected.map { "\($0.debugDescription)" } ?? "nil")"
                    + "\n--- vcc\n\(actual.map { "\($0.debugDescription)" } ?? "nil")"
            }
        }
        #expect(firstDifference == nil, "\(firstDifference ?? "")")
        // The generator must mostly write templates swift-mustache accepts, and output worth comparing.
        #expect(compared >= 3_500, "only \(compared) of \(Self.cases) templates parsed (\(refused) refused)")
        #expect(nonEmpty > compared * 8 / 10)
        #expect(unordered < Self.cases / 10, "\(unordered) outputs depend on a dictionary's order")
        print("compared \(compared) random templates with swift-mustache (\(refused) refused, \(unordered) in dictionary order, \(nonEmpty) non-empty)")
    }

    @Test("a list printed as a variable, a null from first(), CRLF lines in a partial")
    func corners() throws {
        let set = try TemplateSet.compiling([
            "main": TemplateSet.contentTypePragma + "{{items}}|{{first(items)}}|{{reversed(names)}}|{{sorted(names)}}|{{#enumerated(o)}}{{key}}={{value}};{{/enumerated(o)}}\n  {{> p}}\n",
            "p": "a\r\nb\n{{#items}}[{{.}}]\n{{/items}}",
        ])
        let value = TemplateValue.object([
            "items": .list(TemplateList([.null, .text("<x>"), .integer(2)])),
            "names": .list(TemplateList([.text("b"), .text("a")], element: .text)),
            "o": .object(["k": .flag(true)]),
        ])
        let expected = try #require(set.renderWithMustache("main", value: value))
        #expect(set.renderCompiled("main", value: value) == expected)
        #expect(expected.contains("ReversedCollection"))
    }
}

/// Writes random Mustache templates from a small grammar, and random values for them.
struct TemplateGenerator {
    var random: SplitMix
    /// The delimiters in force where the generator writes (a `{{=<% %>=}}` tag changes them until
    /// the end of the section it is in).
    private var open = "{{", close = "}}"

    init(random: SplitMix) { self.random = random }

    static let keys = ["a", "b", "c", "items", "names", "o"]
    /// `p2` is also a template's name, for `{{>* a}}`.
    static let texts = ["", "x", "Wort", "<&>\"'", "zwei\nZeilen", "é", "a.b", "  ", "Straße", "ǆ hallo welt", "p2"]

    /// `main`, partials and two parents with blocks. `mid` inherits from `inner` inside whatever
    /// includes it, so `main`'s overrides of `base` meet `mid`'s of `inner` (the outer ones win).
    /// Nothing includes itself: main → p1 → base → mid → inner → p2.
    mutating func library() -> [String: String] {
        var sources: [String: String] = [:]
        sources["p2"] = template(depth: 1, partials: [], blocks: false)
        sources["inner"] = template(depth: 1, partials: ["p2"], blocks: true)
        sources["mid"] = template(depth: 1, partials: ["p2", "inner"], blocks: false)
        sources["base"] = template(depth: 1, partials: ["p2", "mid"], blocks: true)
        sources["p1"] = template(depth: 1, partials: ["p2", "base", "mid"], blocks: false)
        sources["main"] = template(depth: 0, partials: ["p1", "p2", "base", "mid"], blocks: random.chance(30))
        for name in sources.keys where random.chance(85) {
            sources[name] = TemplateSet.contentTypePragma + sources[name]!
        }
        if random.chance(5) { sources["p2"] = "{{%CONTENT_TYPE: TEXT}}\n" + sources["p2"]! }
        return sources
    }

    private mutating func template(depth: Int, partials: [String], blocks: Bool) -> String {
        (open, close) = ("{{", "}}")
        return pieces(depth: depth, partials: partials, blocks: blocks)
    }

    private mutating func pieces(depth: Int, partials: [String], blocks: Bool) -> String {
        var out = ""
        for _ in 0..<(1 + random.below(depth > 2 ? 3 : 6)) {
            out += piece(depth: depth, partials: partials, blocks: blocks)
        }
        return out
    }

    private mutating func tag(_ inside: String) -> String { open + inside + close }

    private mutating func name() -> String {
        switch random.below(12) {
        case 0: return "."
        case 1: return "." + random.pick(Self.keys)
        case 2, 3: return random.pick(Self.keys) + "." + random.pick(Self.keys)
        case 4: return random.pick(Self.keys) + "." + random.pick(Self.keys) + "." + random.pick(Self.keys)
        case 5:
            return random.pick(["first()", "last()", "index()", "even()", "odd()", "plusone(index())"])
        case 6:
            let transform = random.pick(["empty", "count", "first", "last", "reversed", "sorted", "uppercased", "lowercased",
                                         "capitalized", "plusone", "minusone", "equalzero", "even", "odd", "enumerated"])
            if random.chance(20) { return "\(random.pick(["uppercased", "empty", "count"]))(\(transform)(\(random.pick(Self.keys))))" }
            return "\(transform)(\(random.chance(80) ? random.pick(Self.keys) : "."))"
        default: return random.pick(Self.keys)
        }
    }

    private mutating func indent() -> String { random.pick(["", " ", "  ", "\t", "    "]) }

    private mutating func piece(depth: Int, partials: [String], blocks: Bool) -> String {
        switch random.below(20) {
        case 0, 1, 2:
            return random.pick(["abc", " ", "x y ", "\n", "\n", "Zeile\n", "\r\n", "}", "<b>", "ä", "  eingerückt\n"])
        case 3, 4, 5:
            let name = name()
            switch random.below(4) {
            case 0: return "{{{" + name + "}}}" == tag("{" + name + "}") ? tag("{" + name + "}") : tag("&" + name)
            case 1: return tag("& " + name)
            default: return tag(random.chance(20) ? " \(name) " : name)
            }
        case 6, 7, 8, 9:
            guard depth < 4 else { return tag(name()) }
            let name = name()
            let sign = random.chance(35) ? "^" : "#"
            let standalone = random.chance(50)
            let (outerOpen, outerClose) = (open, close)
            var out = standalone ? "\n" + indent() + tag(sign + name) + "\n" : tag(sign + name)
            out += pieces(depth: depth + 1, partials: partials, blocks: blocks)
            // The closing tag is read with the delimiters the section's body ended with.
            out += standalone ? "\n" + indent() + tag("/" + name) + "\n" : tag("/" + name)
            (open, close) = (outerOpen, outerClose)
            return out
        case 10:
            let comment = tag("! Anmerkung \(random.below(9)) ")
            return random.chance(50) ? "\n" + indent() + comment + "\n" : comment
        case 11:
            let delimiters = random.pick([("<%", "%>"), ("[[", "]]"), ("{{", "}}")])
            let change = tag("=\(delimiters.0) \(delimiters.1)=")
            (open, close) = delimiters
            return random.chance(50) ? "\n" + indent() + change + "\n" : change
        case 12, 13:
            guard let partial = partials.isEmpty ? nil : random.pick(partials) else { return tag(name()) }
            if partial == "base" || partial == "inner" { return parent(partial, depth: depth) }
            // A dynamic name may only reach `p2`, which includes nothing.
            let include = partials.contains("p2") && random.chance(25) ? tag(">* " + random.pick(Self.keys)) : tag("> " + partial)
            return random.chance(60) ? "\n" + indent() + include + "\n" : include
        case 14, 15:
            guard blocks, depth < 4 else { return tag(name()) }
            let block = random.pick(["kopf", "haupt", "fuss"])
            let standalone = random.chance(50)
            let (outerOpen, outerClose) = (open, close)
            var out = standalone ? "\n" + indent() + tag("$" + block) + "\n" : tag("$" + block)
            out += pieces(depth: depth + 1, partials: [], blocks: false)
            out += standalone ? indent() + tag("/" + block) + "\n" : tag("/" + block)
            (open, close) = (outerOpen, outerClose)
            return out
        default:
            return tag(name())
        }
    }

    /// `{{< base}}` overriding some of its blocks, each block maybe on lines of its own; sometimes
    /// `{{<* key}}`, a parent named by a field (only `p2` can be named, which has no blocks).
    private mutating func parent(_ parent: String, depth: Int) -> String {
        let standalone = random.chance(60)
        let (outerOpen, outerClose) = (open, close)
        let name = random.chance(15) ? "*" + random.pick(Self.keys) : parent
        var out = standalone ? "\n" + indent() + tag("< " + name) + "\n" : tag("< " + name)
        for block in ["kopf", "haupt", "fuss"] where random.chance(60) {
            let blockStandalone = random.chance(50)
            out += blockStandalone ? indent() + tag("$" + block) + "\n" : tag("$" + block)
            let (blockOpen, blockClose) = (open, close)
            // An override may include `p2` (indented through the block), never a template that inherits again.
            out += pieces(depth: depth + 2, partials: ["p2"], blocks: false)
            out += blockStandalone ? "\n" + indent() + tag("/" + block) + "\n" : tag("/" + block)
            (open, close) = (blockOpen, blockClose)
        }
        out += standalone ? indent() + tag("/" + name) + "\n" : tag("/" + name)
        (open, close) = (outerOpen, outerClose)
        return out
    }

    /// A random value: mostly objects with some of the keys, lists of objects or scalars, texts,
    /// numbers, flags, nil list items.
    mutating func value(depth: Int) -> TemplateValue {
        if depth == 0 || (depth < 3 && random.chance(45)) {
            var fields: [String: TemplateValue] = [:]
            for key in Self.keys where random.chance(depth == 0 ? 80 : 55) { fields[key] = value(depth: depth + 1) }
            return .object(fields)
        }
        switch random.below(depth < 3 ? 9 : 6) {
        case 0:
            // Half of them as UTF-8 bytes, as a page's body comes: for the templates the same text.
            let text = random.pick(Self.texts)
            return random.chance(50) ? .text(text) : .utf8(Array(text.utf8))
        case 1: return .integer(random.pick([0, 1, 2, -3, 42]))
        case 2: return .real(random.pick([0.5, 2.0, 1e-7, -0.25]))
        case 3: return .flag(random.chance(50))
        case 4: return .list(TemplateList((0..<random.below(4)).map { _ in .text(random.pick(Self.texts)) }, element: .text))
        case 5: return random.chance(50) ? .text(random.pick(Self.texts)) : .otherNumber("1.5")
        default:
            return .list(TemplateList((0..<random.below(4)).map { _ in random.chance(10) ? .null : random.chance(40) ? value(depth: depth + 1) : .text(random.pick(Self.texts)) }))
        }
    }
}
