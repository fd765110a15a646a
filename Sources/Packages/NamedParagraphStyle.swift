/// A paragraph style in `office:styles` of styles.xml (ODF 1.2, part 1, 16.2).
struct NamedParagraphStyle {
    /// The internal name, with spaces written `_20_` as LibreOffice does.
    var name: String
    /// The name shown to the user; nil where it equals `name`.
    var displayName: String?
    var parent: String? = "Standard"
    /// Further attributes of `style:style`, e.g. the outline level of a heading style.
    var attributes = ""
    /// Attributes of `style:paragraph-properties`; none when empty.
    var paragraph = ""
    /// Attributes of `style:text-properties`; none when empty.
    var text = ""

    var xml: String {
        var out = #"<style:style style:name="\#(name)""#
        if let displayName { out += #" style:display-name="\#(displayName)""# }
        out += #" style:family="paragraph""#
        if let parent { out += #" style:parent-style-name="\#(parent)""# }
        out += attributes + ">"
        if !paragraph.isEmpty { out += "<style:paragraph-properties \(paragraph)/>" }
        if !text.isEmpty { out += "<style:text-properties \(text)/>" }
        return out + "</style:style>"
    }
}
