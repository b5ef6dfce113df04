import Foundation
import PonderCore
import TestSupport
import Testing

/// Writing import plans into a real store file.
@Suite struct ImportStoreTests {
    func openWebUIPlan() throws -> ImportPlan {
        try OpenWebUIParser.plan(try ImportFixtures.data("open-webui-chats.json"), file: "open-webui-chats.json")
    }

    func storeFile() throws -> (TemporaryDirectory, ConversationStore) {
        let directory = try TemporaryDirectory(prefix: "ponder-import-store")
        return (directory, try ConversationStore.open(at: directory.url.appendingPathComponent("ponder.sqlite")))
    }

    /// Everything the store holds, as exports, in a stable order.
    func snapshot(_ store: ConversationStore) throws -> [Data] {
        try store.allConversationIDs().map { try store.exportJSON($0, exportedAt: Date(timeIntervalSince1970: 0)) }
    }

    @Test func importingTheSameFileTwiceAddsNothingAndChangesNothing() throws {
        let (directory, store) = try storeFile()
        _ = directory
        let first = try store.importPlan(try openWebUIPlan())
        #expect(first.newConversations == 2 && first.newMessages == 9 && first.newReasoning == 4)
        #expect(first.conversationIDs.count == 2)
        let before = try snapshot(store)
        let second = try store.importPlan(try openWebUIPlan())
        #expect(second.newConversations == 0 && second.alreadyHere == 2 && second.newMessages == 0)
        #expect(try snapshot(store) == before)
    }

    @Test func importedTreesKeepBranchesTimesAndThinkingDurations() throws {
        let store = try ConversationStore.inMemory()
        let report = try store.importPlan(try openWebUIPlan())
        let tides = try #require(try store.conversation(report.conversationIDs[0]))
        #expect(tides.title == "Tides explained" && tides.pinned)
        #expect(tides.createdAt == Date(timeIntervalSince1970: 1_735_725_600))
        let messages = try store.messages(in: tides.id)
        let question = try #require(messages.first { $0.answer == "How do tides work?" })
        let answers = messages.filter { $0.parentID == question.id }
        #expect(answers.count == 2, "the regenerated answer is a sibling")
        #expect(answers.compactMap { $0.timings.thinkingSeconds() }.sorted() == [3, 7])
    }

    @Test func aConversationContinuedInTheOtherClientGainsOnlyItsNewMessages() throws {
        let store = try ConversationStore.inMemory()
        var plan = try openWebUIPlan()
        _ = try store.importPlan(plan)
        let id = try #require(try store.allConversationIDs().first)
        let stored = try store.messages(in: id)
        plan.conversations[0].title = "Renamed in the other client"
        plan.conversations[0].messages[0].answer = "edited there"
        let last = try #require(plan.conversations[0].messages.last)
        plan.conversations[0].messages.append(
            ImportedMessage(
                sourceID: "u3", parentSourceID: last.sourceID, role: .user, answer: "And neap tides?",
                createdAt: Date(timeIntervalSince1970: 1_735_800_000)))
        let report = try store.importPlan(plan)
        #expect(report.newConversations == 0 && report.grownConversations == 1 && report.alreadyHere == 1)
        #expect(report.newMessages == 1)
        let after = try store.messages(in: id)
        #expect(Array(after.prefix(stored.count)) == stored, "stored messages are never rewritten")
        #expect(after.last?.answer == "And neap tides?")
        #expect(after.last?.parentID == stored.first { $0.answer.hasPrefix("The far side") }?.id)
        let header = try #require(try store.conversation(id))
        #expect(header.title == "Tides explained")
        #expect(header.updatedAt == Date(timeIntervalSince1970: 1_735_800_000))
    }

    @Test func importedReasoningIsFoundBySearchAtOnce() throws {
        let store = try ConversationStore.inMemory()
        _ = try store.importPlan(try openWebUIPlan())
        let hits = try store.search("thylacine")
        #expect(hits.count == 1)
        #expect(hits.first?.field == .reasoning)
        #expect(hits.first?.conversationTitle == "Tides explained")
        #expect(try store.search("neap tides").isEmpty)
        #expect(try store.search("turns beneath").contains { $0.field == .answer })
        let id = try #require(try store.allConversationIDs().first)
        try store.save(Message(conversationID: id, role: .assistant, reasoning: "Later, neap tides.", answer: "Ok."))
        #expect(try store.search("neap tides").count == 1, "messages saved after an import are indexed as before")
    }

    @Test func aDryRunCountsTheSameAndWritesNothing() throws {
        let (directory, store) = try storeFile()
        _ = directory
        let dry = try store.importPlan(try openWebUIPlan(), dryRun: true)
        #expect(try store.allConversationIDs().isEmpty)
        #expect(dry.conversationIDs.isEmpty)
        let real = try store.importPlan(try openWebUIPlan())
        #expect(dry.newConversations == real.newConversations && dry.newMessages == real.newMessages)
        #expect(dry.newReasoning == real.newReasoning)
        let again = try store.importPlan(try openWebUIPlan(), dryRun: true)
        #expect(again.alreadyHere == 2 && again.newMessages == 0)
    }

    @Test func aDeletedImportCanBeImportedAgain() throws {
        let store = try ConversationStore.inMemory()
        let first = try store.importPlan(try openWebUIPlan())
        _ = try store.delete(first.conversationIDs[0])
        let second = try store.importPlan(try openWebUIPlan())
        #expect(second.newConversations == 1 && second.alreadyHere == 1)
    }

    @Test func titlesAreSanitisedAndTextIsKeptAsItWas() throws {
        let store = try ConversationStore.inMemory()
        var plan = ImportPlan(source: .think, file: "hostile.md")
        plan.conversations = [
            ImportedConversation(
                sourceID: "h", title: "evil\u{1B}]52;c;aGk=\u{07}title\nnext", createdAt: Date(),
                messages: [ImportedMessage(sourceID: "1", role: .user, answer: "\u{1B}[31mred", createdAt: Date())],
                file: "hostile.md")
        ]
        let report = try store.importPlan(plan)
        let header = try #require(try store.conversation(report.conversationIDs[0]))
        #expect(!header.title.unicodeScalars.contains { $0.value < 0x20 }, "\(header.title)")
        #expect(header.title.contains("␛]52") && header.title.hasSuffix("title next"))
        #expect(try store.messages(in: header.id).first?.answer == "\u{1B}[31mred", "display sanitises bodies")
    }

    @Test func batchesReportProgress() throws {
        let store = try ConversationStore.inMemory()
        var seen: [ImportProgress] = []
        _ = try store.importPlan(try openWebUIPlan(), batchSize: 1) { seen.append($0) }
        #expect(seen.map(\.done) == [1, 2])
        #expect(seen.allSatisfy { $0.total == 2 })
    }

    @Test func progressLinesGiveCountRateAndTimeLeft() {
        let progress = ImportProgress(done: 3000, total: 10_000, elapsed: 2)
        #expect(progress.line == "Importing 3,000 of 10,000 conversations · 1,500/s · 5 s left")
        #expect(ImportProgress(done: 0, total: 10, elapsed: 0).line == "Importing 0 of 10 conversations")
        #expect(ImportProgress(done: 10, total: 10, elapsed: 1).line == "Importing 10 of 10 conversations · 10/s")
        #expect(ImportProgress(done: 1, total: 1000, elapsed: 1).line.hasSuffix("16 min 39 s left"))
    }
}
