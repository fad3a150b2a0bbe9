/// Groups name mentions into entities.
///
/// Mentions with the same text form one entity; a one-word name then joins the multi-word entity whose last word it
/// is (the one with most mentions when several are). One-word names found at sentence starts are kept only when
/// they match an entity found elsewhere. The canonical name is the longest mention; the label is the most common
/// label other than MISC; salience is the mention count over the largest mention count.
struct EntityGrouper {
    let found: [EntityExtractor.Found]
    let sentenceStarts: [EntityExtractor.Found]

    private struct Group {
        var mentions: [Mention] = []
        var labels: [EntityLabel: Int] = [:]
        var merged = false
    }

    func entities() -> [Entity] {
        var groups: [Group] = []
        var byName: [String: Int] = [:]
        for item in found {
            let index = byName[item.text] ?? groups.count
            if index == groups.count {
                groups.append(Group())
                byName[item.text] = index
            }
            groups[index].mentions.append(Mention(span: item.span, text: item.text))
            groups[index].labels[item.label, default: 0] += 1
        }
        var byLastWord: [String: Int] = [:]
        for (name, index) in byName {
            guard let space = name.unicodeScalars.lastIndex(of: " ") else { continue }
            let last = String(name.unicodeScalars[name.unicodeScalars.index(after: space)...])
            if let other = byLastWord[last],
                groups[other].mentions.count > groups[index].mentions.count
                    || (groups[other].mentions.count == groups[index].mentions.count && other < index)
            {
                continue
            }
            byLastWord[last] = index
        }
        for item in sentenceStarts {
            guard let index = byName[item.text] ?? byLastWord[item.text] else { continue }
            groups[index].mentions.append(Mention(span: item.span, text: item.text))
        }
        for (name, index) in byName where !name.unicodeScalars.contains(" ") {
            guard let target = byLastWord[name], target != index else { continue }
            groups[target].mentions.append(contentsOf: groups[index].mentions)
            for (label, count) in groups[index].labels { groups[target].labels[label, default: 0] += count }
            groups[index].merged = true
        }
        return finish(groups.filter { !$0.merged })
    }

    private func finish(_ groups: [Group]) -> [Entity] {
        let top = Double(groups.map(\.mentions.count).max() ?? 1)
        let entities = groups.map { group -> Entity in
            let mentions = group.mentions.sorted { $0.span.start < $1.span.start }
            var name = mentions[0].text
            for mention in mentions where mention.text.utf8.count > name.utf8.count { name = mention.text }
            return Entity(
                label: label(group.labels),
                name: name,
                mentions: mentions,
                salience: Double(mentions.count) / top
            )
        }
        return entities.sorted { lhs, rhs in
            lhs.mentions.count != rhs.mentions.count
                ? lhs.mentions.count > rhs.mentions.count : lhs.mentions[0].span.start < rhs.mentions[0].span.start
        }
    }

    private func label(_ labels: [EntityLabel: Int]) -> EntityLabel {
        var best = EntityLabel.misc
        var bestCount = 0
        for candidate in [EntityLabel.person, .org, .loc, .norp, .event, .product, .work] {
            let count = labels[candidate] ?? 0
            if count > bestCount {
                best = candidate
                bestCount = count
            }
        }
        return best
    }
}
