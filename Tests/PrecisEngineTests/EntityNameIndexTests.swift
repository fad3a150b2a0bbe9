import Testing

@testable import PrecisEngine

@Suite struct EntityNameIndexTests {
    /// The index answers what the search it replaced answered: the first entity whose name is the
    /// name or ends with a space and the name.
    @Test func findsTheFirstEntityByNameOrLastWords() {
        let names = ["Acme Bank", "Maria Lopez", "Lopez", "Dr Maria Lopez", "Jane  Roe", "A B C D E F G H I J"]
        let index = EntityNameIndex(names: names)
        for query in ["Lopez", "Maria Lopez", "Bank", "Acme Bank", "Roe", " Roe", "Jane  Roe", "Dr", "Maria", "J", "C D E F G H I J", "x"] {
            let scanned = names.firstIndex { $0 == query || $0.hasSuffix(" " + query) }
            #expect(index.firstIndex(of: query) == scanned, "\(query)")
        }
        // A name longer than the indexed suffixes is found when it is a whole name.
        #expect(index.firstIndex(of: "A B C D E F G H I J") == 5)
    }
}
