import SiteModel
/// The character formatting of a run of text in the ODF text document: one bit per formatting
/// wrapper of ``ReuseInline``. Nested wrappers combine into one set, and each combination in use
/// becomes one automatic text style in content.xml (`T1` … `T15`), because one flat span with all
/// properties reads more reliably in Word than nested spans.
struct TextFormat: OptionSet, Hashable, Comparable {
    let rawValue: Int

    static let emphasis = TextFormat(rawValue: 1)
    static let strong = TextFormat(rawValue: 2)
    static let code = TextFormat(rawValue: 4)
    static let strikethrough = TextFormat(rawValue: 8)

    static func < (a: TextFormat, b: TextFormat) -> Bool { a.rawValue < b.rawValue }

    /// The automatic style's name.
    var styleName: String { "T\(rawValue)" }

    /// The automatic style's definition (`style:style` in `office:automatic-styles`).
    var styleXML: String {
        var properties = ""
        if contains(.emphasis) {
            properties += #" fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic""#
        }
        if contains(.strong) {
            properties += #" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold""#
        }
        if contains(.code) {
            properties += ##" style:font-name="Liberation Mono" fo:background-color="#f2f2f2""##
        }
        if contains(.strikethrough) {
            properties += #" style:text-line-through-style="solid" style:text-line-through-type="single""#
        }
        return #"<style:style style:name="\#(styleName)" style:family="text"><style:text-properties\#(properties)/></style:style>"#
    }
}
