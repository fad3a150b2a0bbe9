import PrecisWire

/// Writes answers for people: short labelled lines, long text cut to the terminal's width.
struct TextRenderer {
    let text: String

    private func slice(_ start: UInt32, _ end: UInt32) -> String {
        let utf8 = text.utf8
        let lower = min(Int(start), utf8.count)
        let upper = min(max(Int(end), lower), utf8.count)
        let from = utf8.index(utf8.startIndex, offsetBy: lower)
        return String(decoding: utf8[from..<utf8.index(from, offsetBy: upper - lower)], as: UTF8.self)
    }

    private func short(_ s: String, _ width: Int = 90) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private func name(_ protoName: String?) -> String {
        (protoName ?? "?").lowercased().replacingUnderscores()
    }

    func parse(_ p: ParseResponse) -> String {
        var out = ""
        let fields = [
            ("section", p.section), ("title", p.title), ("subtitle", p.subtitle), ("byline", p.byline),
            ("dateline", p.dateline), ("published", p.published), ("published at", p.publishedIso),
            ("authors", p.authors.joined(separator: "; ")), ("site", p.siteName), ("url", p.canonicalUrl),
            ("declared", p.declaredLanguage),
        ]
        if p.format == .html {
            out += "format".padding(12) + "html" + (p.hasArticle ? "" : " (no article found on the page)") + "\n"
        }
        for (label, value) in fields where !value.isEmpty {
            out += label.padding(12) + short(value) + "\n"
        }
        for caption in p.captions {
            out += "caption".padding(12) + short(caption.text)
            if !caption.credit.isEmpty { out += " (" + caption.credit + ")" }
            out += "\n"
        }
        if let s = p.stats {
            out += "stats".padding(12)
                + "\(s.words) words, \(s.sentences) sentences, \(s.paragraphs) paragraphs, \(s.characters) characters, "
                + "~\(max(1, (s.readingTimeSeconds + 30) / 60)) min read\n"
        }
        if let language = p.language { out += "language".padding(12) + language.code + "\n" }
        out += "\nParagraphs\n"
        for (index, paragraph) in p.paragraphs.enumerated() {
            let kind = name(paragraph.kind.protoName)
            out += "  \(index)".padding(6) + "[\(kind)]".padding(14) + short(slice(paragraph.start, paragraph.end), 80) + "\n"
        }
        if !p.links.isEmpty {
            out += "\nLinks (\(p.links.count))\n"
            for link in p.links.prefix(50) { out += "  " + short(slice(link.start, link.end), 40).padding(42) + link.target + "\n" }
        }
        if !p.tokens.isEmpty {
            out += "\nTokens (\(p.tokens.count))\n  "
            out += p.tokens.prefix(200).map { slice($0.start, $0.end) }.joined(separator: " · ")
            out += p.tokens.count > 200 ? " …\n" : "\n"
        }
        return out
    }

    func summary(_ s: SummarizeResponse) -> String {
        var out = ""
        for (number, sentence) in s.sentences.enumerated() {
            out += "\(number + 1). \(sentence.text)\n"
        }
        if s.sentences.isEmpty {
            out += s.candidateSentences == 0
                ? "(no body sentences to summarize)\n"
                : "(none of the \(s.candidateSentences) body sentences fits in the word limit; ask for more --words)\n"
        }
        return out
    }

    func extraction(_ x: ExtractResponse) -> String {
        var out = ""
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\(title)\n" + lines.map { "  " + $0 + "\n" }.joined() + "\n"
        }
        section("Entities", x.entities.map { e in
            name(e.label.protoName).padding(8) + e.name + (e.count > 1 ? "  ×\(e.count)" : "")
        })
        section("Dates", x.dates.map { d in
            let details = [d.type, d.mod, d.freq, d.quant].filter { !$0.isEmpty }.joined(separator: " ")
            return short(d.text, 40).padding(24) + "→ " + d.value.padding(14) + details + (d.relative ? "  (relative)" : "")
        })
        section("Quantities", x.quantities.map { q in
            short(q.text, 40).padding(24) + name(q.kind.protoName).padding(9) + number(q.value) + (q.unit.isEmpty ? "" : " " + q.unit)
        })
        section("Quotes", x.quotes.map { q in
            "“" + short(q.text, 70) + "”" + (q.speaker.isEmpty ? "" : " — " + q.speaker)
        })
        section("Keyphrases", x.keyphrases.map { k in k.text })
        section("Links", x.links.map { l in name(l.kind.protoName).padding(9) + l.target })
        if out.isEmpty { out = "(nothing found)\n" }
        if !x.referenceDate.isEmpty { out += "reference date \(x.referenceDate)\n" }
        return out
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
