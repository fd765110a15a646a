import Templating

// The trees of the contexts every page has, made directly (see ``TemplateValueConvertible``):
// each must equal what the encoder makes of the type's `encode(to:)`, field for field, which
// FrameTemplateValueTests checks. A plain page's (every law's) whole context is made so; other
// kinds' pages still go through the encoder.

extension LayoutContext: TemplateValueConvertible where Fields: TemplateValueConvertible {
    /// The frame's fields and the layout's beside them, as `encode(to:)` writes both into one object
    /// (the layout's fields last, so a name in both is the layout's).
    var templateValue: TemplateValue? {
        get throws {
            guard case .object(var merged)? = try frame.templateValue else { return nil }
            if case .object(let own)? = try fields.templateValue { merged.merge(own) { _, layouts in layouts } }
            return .object(merged)
        }
    }
}

/// Only for kinds that make their own tree: the other kinds' pages go through the encoder whole
/// (checking at run time which kind makes its own would cost a conformance lookup per page).
extension DocumentFields: TemplateValueConvertible where Kind: TemplateValueConvertible {
    var templateValue: TemplateValue? {
        get throws {
            var fields: [String: TemplateValue] = [
                "content": .utf8(content), "toc": try .items(toc), "tocItems": .text(tocItems), "themes": try .items(themes),
            ]
            if case .object(let own)? = try kind.templateValue { fields.merge(own) { _, kinds in kinds } }
            return .object(fields)
        }
    }
}

extension PageFrame: TemplateValueConvertible {
    var templateValue: TemplateValue? {
        get throws {
            .fields(["site": try site.templateValue, "page": page.templateValue, "nav": try .items(nav), "breadcrumbs": try .items(breadcrumbs)])
        }
    }
}

extension SiteFields: TemplateValueConvertible {
    var templateValue: TemplateValue? {
        get throws {
            .fields([
                "title": .text(title), "description": .text(ifPresent: description), "basePath": .text(basePath),
                "assets": .text(assets), "language": .text(language), "publisher": .text(ifPresent: publisher),
                "feedbackEmail": .text(ifPresent: feedbackEmail), "hasColors": .flag(hasColors), "logo": .text(ifPresent: logo),
                "darkLogo": .text(ifPresent: darkLogo), "notice": .text(ifPresent: notice), "phase": phase?.templateValue,
                "members": .texts(members), "organisations": .text(ifPresent: organisations), "legalPages": try .items(legalPages),
            ])
        }
    }
}

extension PhaseFields: TemplateValueConvertible {
    var templateValue: TemplateValue? {
        .fields(["label": .text(label), "text": .text(text), "link": .text(ifPresent: link), "linkText": .text(ifPresent: linkText)])
    }
}

extension PageFields: TemplateValueConvertible {
    var templateValue: TemplateValue? {
        .fields([
            "title": .text(title), "url": .text(url), "isHome": .flag(isHome), "summary": .text(ifPresent: summary),
            "canonical": .text(ifPresent: canonical), "description": .text(ifPresent: description), "absoluteURL": .text(absoluteURL),
            "ogType": .text(ogType), "jsonLD": .text(ifPresent: jsonLD), "editURL": .text(ifPresent: editURL),
            "amb": .text(ifPresent: amb), "ambURL": .text(ifPresent: ambURL),
        ])
    }
}

extension NavigationLink: TemplateValueConvertible {
    var templateValue: TemplateValue? { .fields(["title": .text(title), "url": .text(url), "current": .flag(current)]) }
}

extension PageLink: TemplateValueConvertible {
    var templateValue: TemplateValue? { .fields(["title": .text(title), "url": .text(url)]) }
}

extension TOCEntry: TemplateValueConvertible {
    var templateValue: TemplateValue? { .fields(["level": .integer(level), "text": .text(text), "id": .text(id)]) }
}

extension ThemeLink: TemplateValueConvertible {
    var templateValue: TemplateValue? { .fields(["name": .text(name), "url": .text(url), "hasPage": .flag(hasPage)]) }
}

extension PlainPageFields: TemplateValueConvertible {
    /// Nothing: a plain page adds no fields.
    var templateValue: TemplateValue? { nil }
}
