/// The elements the article extractor treats specially; every other element is ``other``.
enum HTMLTag: UInt8, Sendable {
    case other, text
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, iframe, svg, math, object, embed, video, audio, canvas, dialog
    case form, button, input, select, textarea, label, option
    case nav, header, footer, aside, menu
    case article, main, section, div, p, span, a, br, hr, img, picture, source
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case blockquote, pre, figure, figcaption, caption, address
    case table, tbody, thead, tfoot, tr, td, th
    case time

    static let byName: [String: HTMLTag] = [
        "html": .html, "head": .head, "body": .body, "title": .title, "meta": .meta, "link": .link,
        "base": .base, "script": .script, "style": .style, "noscript": .noscript, "template": .template,
        "iframe": .iframe, "svg": .svg, "math": .math, "object": .object, "embed": .embed, "video": .video,
        "audio": .audio, "canvas": .canvas, "dialog": .dialog, "form": .form, "button": .button, "input": .input,
        "select": .select, "textarea": .textarea, "label": .label, "option": .option, "nav": .nav,
        "header": .header, "footer": .footer, "aside": .aside, "menu": .menu, "article": .article, "main": .main,
        "section": .section, "div": .div, "p": .p, "span": .span, "a": .a, "br": .br, "hr": .hr, "img": .img,
        "picture": .picture, "source": .source, "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5,
        "h6": .h6, "ul": .ul, "ol": .ol, "li": .li, "dl": .dl, "dt": .dt, "dd": .dd, "blockquote": .blockquote,
        "pre": .pre, "figure": .figure, "figcaption": .figcaption, "caption": .caption, "address": .address,
        "table": .table, "tbody": .tbody, "thead": .thead, "tfoot": .tfoot, "tr": .tr, "td": .td, "th": .th,
        "time": .time,
    ]

    /// Elements whose content is never text of the page.
    var isNeverText: Bool {
        switch self {
        case .script, .style, .noscript, .template, .iframe, .svg, .math, .object, .embed, .video, .audio,
            .canvas, .button, .input, .select, .textarea, .option, .head, .title, .meta, .link, .base, .dialog:
            true
        default: false
        }
    }

    /// Elements that break the text into blocks.
    var isBlock: Bool {
        switch self {
        case .html, .body, .article, .main, .section, .div, .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li,
            .dl, .dt, .dd, .blockquote, .pre, .figure, .figcaption, .caption, .address, .table, .tbody, .thead,
            .tfoot, .tr, .td, .th, .header, .footer, .aside, .nav, .form, .hr, .br, .menu:
            true
        default: false
        }
    }

    /// The heading level, or 0.
    var headingLevel: Int {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: 0
        }
    }
}
