import Foundation
import Testing

@testable import PonderCore

/// Queries with more index matches than `ConversationStore.candidateWindow`, which are ranked by
/// term frequency over windows of the newest matches instead of bm25 over all of them.
@Suite struct StoreSearchRankingTests {
    private let noiseCount = ConversationStore.candidateWindow + 40

    private func noise(_ index: Int, term: String) -> (Conversation, [Message]) {
        sampleConversation(
            title: "noise \(index)",
            answer: "A long answer that mentions \(term) once among many other words about unrelated topics, "
                + "written to dilute the weight of that single mention across a much longer text.")
    }

    @Test func aDenseReasoningHitRanksAboveNoiseWhenMatchesAreMany() throws {
        var items = (0..<noiseCount).map { noise($0, term: "lattice") }
        items.insert(
            sampleConversation(
                title: "dense", reasoning: "Lattice? The lattice is a lattice of lattices.", answer: "Done."),
            at: noiseCount - ConversationStore.candidateWindow / 2)
        let store = try ConversationStore.inMemory()
        try store.saveAll(conversations: items.map(\.0), messages: items.flatMap(\.1))

        let hits = try store.search("lattice", limit: 10)
        #expect(hits.count == 10)
        let first = try #require(hits.first)
        #expect(first.conversationTitle == "dense")
        #expect(first.field == .reasoning)
        #expect(first.snippet.highlights.count == 4)
        #expect(hits.dropFirst().allSatisfy { $0.conversationTitle.hasPrefix("noise") && $0.rank < first.rank })
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.rank >= $1.rank })
    }

    @Test func olderWindowsAreSearchedWhenTheNewestHoldsNoHits() throws {
        var items = (0..<3).map { sampleConversation(title: "kept \($0)", answer: "a walrus of the old days") }
        for index in 0..<noiseCount {
            var item = noise(index, term: "walrus")
            item.0.archived = true
            items.append(item)
        }
        let store = try ConversationStore.inMemory()
        try store.saveAll(conversations: items.map(\.0), messages: items.flatMap(\.1))

        #expect(
            try store.search("walrus", limit: 5).map(\.conversationTitle).sorted() == ["kept 0", "kept 1", "kept 2"])
        let all = try store.search("walrus", limit: 1000, includeArchived: true)
        #expect(all.count == noiseCount + 3)
        #expect(Set(all.compactMap(\.messageID)).count == all.count)
    }

    @Test func shortTermsStillFilterManyMatches() throws {
        var items = (0..<noiseCount).map { noise($0, term: "concurrency") }
        items.append(sampleConversation(title: "one", answer: "concurrency in go"))
        items.insert(sampleConversation(title: "two", answer: "Go: concurrency by channels"), at: 0)
        let store = try ConversationStore.inMemory()
        try store.saveAll(conversations: items.map(\.0), messages: items.flatMap(\.1))

        #expect(try store.search("concurrency go").map(\.conversationTitle).sorted() == ["one", "two"])
        #expect(try store.search("\"concurrency in go\"").map(\.conversationTitle) == ["one"])
    }

    @Test func termFrequencyCountsCaseInsensitiveSubstrings() throws {
        let text = Array("Quantum QUANTUM quantumness 量子量子".lowercased().utf8)
        let needles = TermFrequencyScore.needles(for: ["quantum", "量子"])
        #expect(TermFrequencyScore.occurrences(of: needles[0], in: text) == 3)
        #expect(TermFrequencyScore.occurrences(of: needles[1], in: text) == 2)
        #expect(TermFrequencyScore.occurrences(of: Array("aa".utf8), in: Array("aaaa".utf8)) == 2)
        #expect(TermFrequencyScore.score(lowercasedText: text, needles: needles, averageLength: 40) != nil)
        #expect(
            TermFrequencyScore.score(lowercasedText: text, needles: [Array("absent".utf8)], averageLength: 40) == nil)
        let short = try #require(
            TermFrequencyScore.score(lowercasedText: Array("quantum".utf8), needles: [needles[0]], averageLength: 40))
        let padded = try #require(
            TermFrequencyScore.score(
                lowercasedText: Array("quantum".utf8) + Array(repeating: 32, count: 400), needles: [needles[0]],
                averageLength: 40))
        #expect(short > padded)
    }
}
