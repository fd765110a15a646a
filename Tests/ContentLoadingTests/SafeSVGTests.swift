@testable import ContentLoading
import Testing

/// SVGs from content are published only rewritten: nothing that could run script or load from
/// elsewhere survives, and an ordinary drawing keeps its shapes.
@Suite("Safe SVG")
struct SafeSVGTests {
    static let open = ##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"##

    func sanitized(_ body: String) -> String? {
        guard case .success(let bytes) = SafeSVG.sanitized(Array((Self.open + body + "</svg>").utf8)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let hostile: [(String, String)] = [
        ("<script>alert(1)</script>", "alert"),
        ("<script><![CDATA[alert(1)]]></script>", "alert"),
        ("<SCRIPT>alert(1)</SCRIPT>", "alert"),
        (##"<rect onload="alert(1)" width="1"/>"##, "alert"),
        (##"<rect ONCLICK="alert(1)" width="1"/>"##, "alert"),
        (##"<a href="javascript:alert(1)"><text>x</text></a>"##, "alert"),
        (##"<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>"##, "alert"),
        (##"<a href="java&#x09;script:alert(1)"><text>x</text></a>"##, "alert"),
        (##"<foreignObject><body xmlns="http://www.w3.org/1999/xhtml" onload="alert(1)"/></foreignObject>"##, "alert"),
        (##"<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>"##, "alert"),
        (##"<animate attributeName="href" values="javascript:alert(1)"/>"##, "alert"),
        (##"<use href="https://evil.example/x.svg#a"/>"##, "evil"),
        (##"<image href="https://evil.example/track.png"/>"##, "evil"),
        (##"<image href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"/>"##, "svg+xml"),
        (##"<style>@import url(https://evil.example/x.css);</style>"##, "evil"),
        (##"<rect fill="url(https://evil.example/p.svg#g)" width="1"/>"##, "evil"),
        (##"<rect style="fill: url( 'https://evil.example/p#g')" width="1"/>"##, "evil"),
        (##"<rect style="background: u\rl(https://evil.example/p)" width="1"/>"##, "evil"),
        (##"<rect style="fill: \\75 rl(https://evil.example/p)" width="1"/>"##, "evil"),
        (##"<style>rect { fill: image-set("https://evil.example/p.png" 1x) }</style>"##, "evil"),
        (##"<style>@im<!---->port "https:/<!---->/evil.example/x.css";</style>"##, "evil"),
        (##"<style>svg{background-image:ur<!---->l(https:/<!---->/evil.example/p.png)}</style>"##, "evil"),
        (##"<style><![CDATA[@im]]><![CDATA[port 'x.css';]]></style>"##, "import"),
        (##"<g style="background:image-set('http:evil.example/p.png' 1x)"/>"##, "evil"),
        (##"<style>rect{fill:red}<g>@import 'x.css';</g></style>"##, "import"),
        (##"<a xml:base="http:evil.example/" href="#x"><text>x</text></a>"##, "evil"),
        (##"<iframe src="https://evil.example/"/>"##, "evil"),
        (##"<handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler>"##, "alert"),
        (##"<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>"##, "alert"),
        ("<?xml-stylesheet type=\"text/xsl\" href=\"https://evil.example/x.xsl\"?><g/>", "evil"),
        (##"<a xml:base="javascript:alert(1)//" href="#x"><text>x</text></a>"##, "alert"),
    ]

    @Test("script, handlers, javascript: links, foreign content, animation and outside references are removed")
    func hostileRemoved() {
        for (body, marker) in Self.hostile {
            let result = sanitized(body)
            #expect(result.map { !$0.contains(marker) && !$0.lowercased().contains("script") } ?? true, "\(body) -> \(result ?? "refused")")
        }
    }

    @Test("an ordinary drawing keeps its shapes, gradients, text and internal references")
    func drawingKept() throws {
        let body = ##"<title>Logo</title><defs><linearGradient id="g"><stop offset="0" stop-color="#004f7c"/></linearGradient></defs>"##
            + ##"<circle cx="5" cy="5" r="4" fill="url(#g)"/><use xlink:href="#g"/><text x="1" y="9">A &amp; B &lt; C</text>"##
            + ##"<a href="https://www.fulda.de/"><rect width="1" height="1" style="fill:#fff"/></a>"##
        let result = try #require(sanitized(body))
        #expect(result.contains(##"<circle cx="5" cy="5" r="4" fill="url(#g)"/>"##))
        #expect(result.contains(##"<use xlink:href="#g"/>"##))
        #expect(result.contains("A &amp; B &lt; C"))
        #expect(result.contains(##"<a href="https://www.fulda.de/">"##))
        #expect(result.contains(##"xmlns:xlink="http://www.w3.org/1999/xlink""##))
    }

    @Test("entity declarations, broken nesting, no svg root and non-UTF-8 are refused")
    func refused() {
        let cases: [([UInt8], SafeSVGProblem)] = [
            (Array(##"<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>"##.utf8), .entityDeclarations),
            (Array(##"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"##.utf8), .malformed),
            (Array(##"<svg xmlns="http://www.w3.org/2000/svg"><g a="<"/></svg>"##.utf8), .malformed),
            (Array("<html><script>alert(1)</script></html>".utf8), .malformed),
            (Array("<svg".utf8), .malformed),
            ([0x3C, 0x73, 0x76, 0x67, 0xFF, 0x3E], .notUTF8),
        ]
        for (bytes, problem) in cases {
            #expect(SafeSVG.sanitized(bytes) == .failure(problem), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test("whatever the input, the output holds no script, no handler and no outside address")
    func generatedInputs() {
        let parts = ["<script>", "</script>", "<g>", "</g>", "<a href=\"javascript:x()\">", "</a>", "<rect onload=\"x()\"/>",
                     "&#106;", "<![CDATA[", "]]>", "<!--", "-->", "<foreignObject>", "</foreignObject>", "<set to=\"javascript:x\"/>",
                     "<use href=\"//evil.example/a\"/>", "<style>", "</style>", "@import 'x';", "url(https://evil.example)", "\"", "'", ">", "<"]
        var seed: UInt64 = 20261206
        for _ in 0..<3000 {
            var body = ""
            for _ in 0..<8 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                body += parts[Int(seed >> 33) % parts.count]
            }
            guard let result = sanitized(body) else { continue }
            #expect(Self.isInert(result), "\(body) -> \(result)")
        }
    }

    /// Reads the output again: only allowed elements, no handler, no script address, no outside
    /// reference in attributes or style text (other text is escaped and harmless).
    static func isInert(_ svg: String) -> Bool {
        var reader = SVGTokenReader(text: svg)
        var inStyle = false
        while let token = try? reader.next() {
            switch token {
            case .end: return true
            case .start(let name, let attributes, let selfClosing):
                guard SafeSVG.allowedElements.contains(name) else { return false }
                inStyle = name == "style" && !selfClosing
                for (key, value) in attributes {
                    let lower = value.lowercased()
                    if key.lowercased().hasPrefix("on") || lower.contains("javascript:") || lower.contains("evil") { return false }
                }
            case .endTag: inStyle = false
            case .text(let text): if inStyle, text.contains("evil") || text.contains("@import") { return false }
            case .doctype: return false
            }
        }
        return false
    }
}
