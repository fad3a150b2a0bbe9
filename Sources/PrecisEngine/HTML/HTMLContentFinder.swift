/// Finds the elements that hold the article: scores every paragraph-like element by its text (length, commas)
/// and gives the score to its ancestors, weighs each candidate by its class and id names and by how much of its
/// text is links, then takes the best candidate with those of its siblings that look like more of the article.
///
/// The result is empty for a page with no article (a listing, a front page): no candidate has enough prose.
struct HTMLContentFinder {
    let tree: HTMLTree
    var stats: HTMLStats
    /// Elements left out by their names (see ``HTMLHints``), including their descendants.
    private(set) var furniture: [Bool]

    static let comment = ByteWords(["comment"])

    /// A candidate needs at least this score to count as an article.
    static let minimumScore = 20.0
    /// and at least this many visible characters of prose.
    static let minimumText = 250

    init(tree: HTMLTree) {
        self.tree = tree
        stats = HTMLStats(tree: tree)
        let body = tree.nodes.firstIndex { $0.tag == .body } ?? 0
        let bodyText = max(1, stats.textLength[body])
        furniture = Array(repeating: false, count: tree.nodes.count)
        for index in tree.nodes.indices {
            let parent = tree.nodes[index].parent
            if parent >= 0, furniture[parent] {
                furniture[index] = true
                continue
            }
            let tag = tree.nodes[index].tag
            switch tag {
            case .html, .body, .article, .main, .text, .a, .p, .head, .br: continue
            default: break
            }
            guard HTMLHints.isFurniture(tree.classID(index)) else {
                if tag == .header || tag == .footer, stats.textLength[index] < 600 { furniture[index] = true }
                continue
            }
            let holdsMostText = stats.textLength[index] * 2 > bodyText && stats.linkDensity(index) < 0.3
            if holdsMostText && !Self.comment.occurs(in: tree.classID(index)) { continue }
            furniture[index] = true
        }
    }

    func isLeftOut(_ index: Int) -> Bool { stats.removed[index] || furniture[index] }

    /// The article's top-level elements in document order, or empty when the page has none.
    func articleRoots() -> [Int] {
        let nodes = tree.nodes
        var score = [Double](repeating: 0, count: nodes.count)
        var isCandidate = [Bool](repeating: false, count: nodes.count)
        var candidates: [Int] = []

        func touch(_ index: Int) {
            guard !isCandidate[index] else { return }
            isCandidate[index] = true
            candidates.append(index)
            score[index] = baseScore(index)
        }

        for index in nodes.indices where !isLeftOut(index) {
            var ancestor = nodes[index].parent
            let length: Int
            let commas: Int
            if isParagraphLike(index) {
                length = stats.textLength[index]
                commas = stats.commas[index]
            } else if stats.hasBlockChild[index], nodes[index].tag != .body, nodes[index].tag != .html {
                // text between the block children (`text<br>text<div>…</div>text`) is a paragraph of this element
                length = stats.inlineLength[index]
                commas = stats.inlineCommas[index]
                ancestor = index
            } else {
                continue
            }
            guard length >= 25 else { continue }
            let contentScore = 1 + Double(commas) + min(Double(length) / 100, 3)
            var level = 0
            while ancestor > 0, level < 5 {
                touch(ancestor)
                let divider = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                score[ancestor] += contentScore / divider
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        guard !candidates.isEmpty else { return [] }
        for index in candidates { score[index] *= 1 - stats.linkDensity(index) }

        var best = candidates[0]
        for index in candidates where score[index] > score[best] { best = index }
        guard score[best] >= Self.minimumScore else { return [] }

        best = widened(best, score: score, candidates: candidates)

        let roots = withSiblings(best, score: score, isCandidate: isCandidate)
        let prose = roots.reduce(0) { $0 + stats.textLength[$1] - stats.linkLength[$1] }
        return prose >= Self.minimumText ? roots : []
    }

    /// Moves up from `best` when other strong candidates share an ancestor with it (the article split over
    /// several containers) or when it is its parent's only element.
    private func widened(_ best: Int, score: [Double], candidates: [Int]) -> Int {
        let nodes = tree.nodes
        let top = score[best]
        let rivals = candidates.filter { $0 != best && score[$0] >= top * 0.75 && !isAncestor($0, of: best) }
            .prefix(8)
        var chosen = best
        if rivals.count >= 2 {
            var ancestor = nodes[best].parent
            while ancestor > 0, nodes[ancestor].tag != .body {
                let holding = rivals.filter { isAncestor(ancestor, of: $0) }.count
                if holding >= 2 {
                    chosen = ancestor
                    break
                }
                ancestor = nodes[ancestor].parent
            }
        }
        while true {
            let parent = nodes[chosen].parent
            guard parent > 0, nodes[parent].tag != .body, !isLeftOut(parent) else { break }
            let elements = tree.children(of: parent).filter { nodes[$0].tag != .text }
            let parentText = stats.textLength[parent]
            if elements.count == 1 || parentText <= stats.textLength[chosen] + 20 {
                chosen = parent
            } else {
                break
            }
        }
        return chosen
    }

    private func withSiblings(_ best: Int, score: [Double], isCandidate: [Bool]) -> [Int] {
        let nodes = tree.nodes
        let parent = nodes[best].parent
        guard parent >= 0 else { return [best] }
        let threshold = max(10, score[best] * 0.2)
        var roots: [Int] = []
        for sibling in tree.children(of: parent) where !isLeftOut(sibling) {
            if sibling == best {
                roots.append(sibling)
                continue
            }
            guard nodes[sibling].tag != .text else { continue }
            if nodes[sibling].tag == .figure {  // the article's picture, beside its text
                roots.append(sibling)
                continue
            }
            var bonus = 0.0
            if nodes[best].hasClassID, tree.classID(sibling) == tree.classID(best) {
                bonus = score[best] * 0.2
            }
            if isCandidate[sibling], score[sibling] + bonus >= threshold {
                roots.append(sibling)
            } else if nodes[sibling].tag == .p {
                let length = stats.textLength[sibling]
                let density = stats.linkDensity(sibling)
                if length > 80 && density < 0.25 { roots.append(sibling) }
            }
        }
        return roots
    }

    func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        var current = tree.nodes[index].parent
        while current >= 0 {
            if current == ancestor { return true }
            current = tree.nodes[current].parent
        }
        return false
    }

    private func isParagraphLike(_ index: Int) -> Bool {
        switch tree.nodes[index].tag {
        case .p, .pre, .td, .blockquote: return true
        case .div, .section, .article: return !stats.hasBlockChild[index]
        default: return false
        }
    }

    private func baseScore(_ index: Int) -> Double {
        let node = tree.nodes[index]
        var base: Double
        switch node.tag {
        case .div, .article, .main: base = 5
        case .section: base = 3
        case .pre, .td, .blockquote: base = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: base = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: base = -5
        default: base = 0
        }
        if node.tag == .article { base += 5 }
        if node.hasAttributes, tree.attribute(index, "itemprop") == "articleBody" { base += 25 }
        return base + HTMLHints.weight(tree.classID(index))
    }
}

