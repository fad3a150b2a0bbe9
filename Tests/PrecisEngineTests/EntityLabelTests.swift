import PrecisEngine
import Testing

/// Entity labels from gazetteers and cues, on invented sentences.
@Suite("Entity labels")
struct EntityLabelTests {
    private func entities(_ text: String) -> [String: EntityLabel] {
        let options = ExtractOptions(kinds: [.entities], referenceDate: CalendarDate(iso: "2026-11-24")!)
        let found = Fixtures.engine.extract(Fixtures.parse(text), options: options).entities
        var labels: [String: EntityLabel] = [:]
        for entity in found { labels[entity.name] = entity.label }
        return labels
    }

    @Test func titlesAreNotPartOfNamesAndKnownPrefixesAreKept() {
        let labels = entities("Chilean Trade Minister Rosa Almendro met bankers in Lisbon on a cold day.")
        #expect(labels["Rosa Almendro"] == .person)
        #expect(labels["Chilean"] == .norp)
        #expect(labels["Lisbon"] == .loc)
    }

    @Test func acronymsOrgSuffixesAndHyphenatedPlaces() {
        let labels = entities("The U.S.-backed plan was welcomed by NATO and the Northgate Mining Corp. in Peru.")
        #expect(labels["U.S."] == .loc)
        #expect(labels["NATO"] == .org)
        #expect(labels["Northgate Mining Corp."] == .org)
        #expect(labels["Peru"] == .loc)
    }

    @Test func possessivesSplitAndCues() {
        let labels = entities("Kenya's Tomas Verhulst visited the port. Villagers near Korvaro were calm, Verhulst said.")
        #expect(labels["Kenya"] == .loc)
        #expect(labels["Tomas Verhulst"] == .person)
        #expect(labels["Korvaro"] == .loc)
    }
}
