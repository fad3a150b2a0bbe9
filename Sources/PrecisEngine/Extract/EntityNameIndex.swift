/// Finds the first entity whose name is a given name or ends with it after a space (`Lopez` → `Maria Lopez`),
/// without comparing the name with every entity: the quote extractor asks once per quote, and a document can hold
/// thousands of quotes and entities.
///
/// Every name is indexed under itself and under each of its last ``maxSuffixWords`` word suffixes (`Maria Lopez`
/// → `Maria Lopez`, `Lopez`), keeping the first entity for each key. A name of more words than that is found only
/// when it equals an entity's whole name (real speaker names are far shorter); the index stays linear in the
/// length of the names whatever they hold.
struct EntityNameIndex {
    /// The most words of a suffix that is indexed.
    static let maxSuffixWords = 8

    private var first: [Substring: Int] = [:]

    init(names: [String]) {
        for (index, name) in names.enumerated() {
            if first[name[...]] == nil { first[name[...]] = index }
            var words = 0
            var position = name.endIndex
            while words < Self.maxSuffixWords, position > name.startIndex {
                position = name.index(before: position)
                guard name[position] == " " else { continue }
                words += 1
                let suffix = name[name.index(after: position)...]
                if first[suffix] == nil { first[suffix] = index }
            }
        }
    }

    /// The first entity (in the order given) whose name is `name` or ends with a space and `name`.
    func firstIndex(of name: String) -> Int? {
        first[name[...]]
    }
}
