import PrecisEngine
import Testing

/// Sentence rules beyond the basics: lists, ellipses, numbers after abbreviations, times and months.
@Suite("Sentence rules")
struct SentenceRuleTests {
    private func sentences(_ text: String) -> [String] {
        let document = Fixtures.parse(text)
        #expect(Fixtures.spanProblems(document).isEmpty)
        return Fixtures.sentenceTexts(document)
    }

    @Test func inlineNumberedListItemsSplitAtTheNextNumber() {
        #expect(
            sentences("Do this. 1) Rinse the rice 2) Boil the water 3) Serve it hot")
                == ["Do this.", "1) Rinse the rice", "2) Boil the water", "3) Serve it hot"]
        )
        #expect(
            sentences("a. Walk home b. Take the bus c. Stay put") == ["a. Walk home", "b. Take the bus", "c. Stay put"]
        )
    }

    @Test func numbersThatDoNotContinueTheListDoNotSplit() {
        #expect(sentences("a. Buy 2 loaves and 5 rolls b. Pay") == ["a. Buy 2 loaves and 5 rolls", "b. Pay"])
        #expect(sentences("1) Take 3 eggs 7) Whisk").count == 1)
    }

    @Test func bulletsStartSentences() {
        #expect(sentences("Packing list • two shirts • a hat") == ["Packing list", "• two shirts", "• a hat"])
    }

    @Test func spacedEllipsesFollowMLAStyle() {
        #expect(
            sentences("He paused . . . and then he spoke. It was late . . . . Nobody moved.")
                == ["He paused . . . and then he spoke.", "It was late . . . .", "Nobody moved."]
        )
        #expect(
            sentences("The rest is history. . . . Later it rained.")
                == ["The rest is history.", ". . . Later it rained."]
        )
        #expect(sentences("Wait . . . Is it you?").count == 1)
    }

    @Test func ellipsisRules() {
        #expect(sentences("I thought so.... Then I left.") == ["I thought so....", "Then I left."])
        #expect(sentences("She wrote “the river [...] rose” (Ames 12). Then it fell.").count == 2)
        #expect(sentences("It was … fine, I guess.").count == 1)
    }

    @Test func wordsThatIntroduceNumbers() {
        #expect(sentences("See p. 12 for the map. Fig. 3 shows it.") == ["See p. 12 for the map.", "Fig. 3 shows it."])
        #expect(sentences("The flat is at N°. 7 on the left. It is small.").count == 2)
        #expect(sentences("Prices rose in 2024. 2025 was calmer.").count == 2)
    }

    @Test func timesAndMonths() {
        #expect(sentences("We met at 7 a.m. It was cold.") == ["We met at 7 a.m.", "It was cold."])
        #expect(sentences("At 7 a.m. Ms. Ode arrived.").count == 1)
        #expect(sentences("They left at 9 p.m. Ms. Ode stayed.").count == 2)
        #expect(sentences("The vote closes at 10 p.m. GMT on Friday.").count == 1)
        #expect(sentences("The law passed in Jan. Lawmakers cheered.").count == 2)
        #expect(sentences("It starts Jan. 5 in Oslo.").count == 1)
    }

    @Test func noBeforeANumberOnly() {
        #expect(sentences("He lives at No. 9 Elm Row. It is quiet.").count == 2)
        #expect(sentences("“No. I will not,” she said.").count == 2)
    }

    @Test func abbreviationsBeforeContractedFunctionWords() {
        #expect(sentences("It was sold to a firm in the U.S. It's now closed.").count == 2)
        #expect(sentences("The deal went to Kestrel Corp. Nobody objected.").count == 1)
    }

    @Test func quotedSentencesSplitInside() {
        #expect(
            sentences("“We won. It was hard,” she said. Fans cheered.")
                == ["“We won.", "It was hard,” she said.", "Fans cheered."]
        )
        #expect(sentences("Is it over?” he asked.").count == 1)
    }
}
