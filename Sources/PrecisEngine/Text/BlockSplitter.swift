/// Splits text into blocks.
///
/// v0 rules: blank lines separate blocks. Within a group of consecutive lines, Markdown headings (`#`), list items
/// (`-`, `*`, `+`, `•`, `1.`, `1)`) and rules (`---`) are blocks of their own and consecutive `>` lines form a block
/// quote. Other lines are joined into one paragraph when the group looks hard-wrapped (most lines are long and
/// break mid-sentence); otherwise each line is its own paragraph, as in text that puts single newlines between
/// paragraphs. A group of two lines whose second line neither ends a sentence nor starts lowercase is not
/// joined.
struct BlockSplitter {
    let text: ByteText

    func blocks(interrupt: Interrupt = .none) throws(EngineError) -> [Block] {
        var blocks: [Block] = []
        var group: [Line] = []
        for (index, line) in lines().enumerated() {
            try interrupt.check(at: index)
            if line.afterBlank, !group.isEmpty {
                emit(group, into: &blocks)
                group.removeAll(keepingCapacity: true)
            }
            group.append(line)
        }
        if !group.isEmpty { emit(group, into: &blocks) }
        return blocks
    }

    /// The trimmed, non-blank lines of the text.
    func lines() -> [Line] {
        let bytes = text.bytes
        var lines: [Line] = []
        var lineStart = 0
        var blankBefore = false
        var index = 0
        func finish(_ lineEnd: Int, next: Int, paragraphBreak: Bool) {
            let range = text.trimmed(lineStart..<lineEnd)
            if range.isEmpty {
                blankBefore = true
            } else {
                lines.append(Line(range: range, afterBlank: blankBefore))
                blankBefore = false
            }
            if paragraphBreak { blankBefore = true }
            lineStart = next
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                finish(index, next: index + 1, paragraphBreak: false)
                index += 1
            } else if byte == 0x0D {
                let next = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                finish(index, next: next, paragraphBreak: false)
                index = next
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                finish(index, next: index + 3, paragraphBreak: bytes[index + 2] == 0xA9)
                index += 3
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                finish(index, next: index + 2, paragraphBreak: false)
                index += 2
            } else {
                index += 1
            }
        }
        finish(bytes.count, next: bytes.count, paragraphBreak: false)
        return lines
    }

    private func emit(_ group: [Line], into blocks: inout [Block]) {
        let wrapped = looksWrapped(group)
        var current: Block?
        for line in group {
            if let marked = MarkdownLine(text: text, range: line.range) {
                if marked.kind == .blockQuote, current?.kind == .blockQuote {
                    current?.append(marked.content, separateContent: true)
                    continue
                }
                if let finished = current { blocks.append(finished) }
                current = Block(kind: marked.kind, level: marked.level, content: marked.content)
                if marked.kind != .blockQuote {
                    blocks.append(current!)
                    current = nil
                }
            } else if wrapped, current?.kind == .body {
                current?.append(line.range, separateContent: false)
            } else {
                if let finished = current { blocks.append(finished) }
                current = Block(kind: .body, content: line.range)
            }
        }
        if let finished = current { blocks.append(finished) }
    }

    /// Whether most line breaks in the group fall mid-sentence in long lines (or before a lowercase word).
    private func looksWrapped(_ group: [Line]) -> Bool {
        guard group.count >= 2 else { return false }
        // Two lines where the second neither ends a sentence nor continues one in lowercase are two short
        // items (a caption and a section name, a title and a name), not a wrapped paragraph.
        if group.count == 2, !endsSentence(group[1].range), !text.isLowercase(at: group[1].range.lowerBound) {
            return false
        }
        let longest = group.reduce(0) { max($0, $1.range.count) }
        var continuations = 0
        for index in 0..<(group.count - 1) {
            let line = group[index].range
            let nextStart = group[index + 1].range.lowerBound
            if text.isLowercase(at: nextStart) {
                continuations += 1
            } else if longest >= 40, line.count * 10 >= longest * 6, !endsSentence(line) {
                continuations += 1
            }
        }
        return continuations * 2 > group.count - 1
    }

    /// Whether the range ends with sentence punctuation, possibly followed by closing quotes or brackets.
    func endsSentence(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound {
            let start = text.scalarStart(before: end)
            let value = text.scalar(at: start).scalar.value
            switch value {
            case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F: return true
            case 0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0xBB: end = start
            default: return false
            }
        }
        return false
    }
}
