/// A page's whole context: the frame every page has, and the layout's own fields beside it (not
/// inside it), as the templates read them: `{{page.title}}` and `{{blueprint.maturity}}`.
struct LayoutContext<Fields: Encodable>: Encodable {
    var frame: PageFrame
    var fields: Fields

    func encode(to encoder: any Encoder) throws {
        try frame.encode(to: encoder)
        try fields.encode(to: encoder)
    }
}
