import Foundation
import GRDB
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder db repair` on a real database of 400 conversations with 8 KB overwritten in the middle of
/// its messages: the commands that meet the damage say so and name the repair; the repair finds it,
/// saves every readable row into a new database, keeps the damaged file byte for byte, and the
/// recovered conversations are exactly what was written.
@Suite(.serialized, .ownThreads) struct RepairTests {
    static let conversations = 400

    static func question(_ index: Int) -> String { "Question \(index): how do lighthouses \(index) work?" }
    static func reasoning(_ index: Int) -> String {
        (1...12).map { "Thought \($0) about lighthouse \(index): lenses, lamps and rotation. " }.joined()
    }
    static func answer(_ index: Int) -> String { "Answer \(index): a Fresnel lens focuses the lamp into a beam." }

    /// Fills the store of `cli` with the conversations, folds its log into the file, and returns
    /// the file's bytes.
    static func fill(_ cli: CLIHarness) throws -> Data {
        let store = try ConversationStore.open(at: cli.databaseURL)
        for index in 1...conversations {
            let conversation = Conversation(title: "Lighthouses \(index)")
            let user = Message(conversationID: conversation.id, role: .user, answer: question(index))
            let assistant = Message(
                conversationID: conversation.id, parentID: user.id, role: .assistant, reasoning: reasoning(index),
                answer: answer(index))
            try store.saveTurn(conversation: conversation, messages: [user, assistant])
        }
        try store.checkpoint()
        return try Data(contentsOf: cli.databaseURL)
    }

    /// Overwrites 8 KB (two pages) with bytes from a fixed seed, in the middle of the file's pages
    /// of messages — the rows `search` reads for its results and `list` does not. (Which table the
    /// middle of the file holds depends on the schema, so the place is read from `dbstat`.)
    static func damage(_ file: URL) throws -> Data {
        let offset = try DatabaseQueue(path: file.path).read { db -> UInt64 in
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let pages = try Int.fetchAll(
                db, sql: "SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno")
            return UInt64((pages.isEmpty ? 1 : pages[pages.count / 2]) - 1) * UInt64(pageSize)
        }
        var generator = SplitMix64(seed: 14)
        let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let handle = try FileHandle(forWritingTo: file)
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: garbage)
        try handle.close()
        return try Data(contentsOf: file)
    }

    @Test func aDamagedDatabaseIsExplainedThenRepaired() throws {
        let cli = try CLIHarness()
        let original = try Self.fill(cli)
        let damaged = try Self.damage(cli.databaseURL)
        #expect(damaged != original)

        // A command that reads the damaged pages says what to do, in one line; one that does not
        // read them works as before. Neither repairs nor deletes anything.
        let search = try cli.run(["search", "Fresnel", "--limit", "1000"])
        #expect(search.status == 74)
        #expect(search.stderr.split(separator: "\n").count == 1)
        #expect(search.stderr.contains("is damaged or is not a Ponder database (database disk image is malformed)"))
        #expect(search.stderr.contains("Run `ponder db repair`"))
        let list = try cli.run(["list", "--limit", "1000"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == Self.conversations)
        let afterReading = try Data(contentsOf: cli.databaseURL)
        let damagedPages = (original.count / 2 / 4096 * 4096)..<(original.count / 2 / 4096 * 4096 + 8192)
        #expect(afterReading.count == damaged.count && afterReading[damagedPages] == damaged[damagedPages])

        let repair = try cli.run(["db", "repair"])
        #expect(repair.status == 0, "\(repair.stderr)")
        let lines = repair.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(cli.databaseURL.path) was damaged: SQLite's integrity check found ") == true)
        let recovered = try #require(lines.first { $0.hasPrefix("Recovered ") })
        let counts = recovered.split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 2)
        let kept = try #require(lines.last?.replacingOccurrences(of: "The damaged file is kept at ", with: ""))
        #expect(kept.hasPrefix(cli.databaseURL.path + ".corrupt-"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: String(kept.dropLast()))) == afterReading)

        // The new database is sound and holds exactly what was written, for every recovered row.
        let store = try ConversationStore.open(at: cli.databaseURL)
        #expect(try store.integrityProblems().isEmpty)
        let summaries = try store.listConversations(includeArchived: true, limit: 10_000)
        #expect(summaries.count == counts[0])
        #expect(summaries.count >= Self.conversations * 9 / 10, "only \(summaries.count) conversations recovered")
        #expect(counts[1] >= Self.conversations * 2 * 9 / 10, "only \(counts[1]) messages recovered")
        var messages = 0
        for summary in summaries {
            let stored = try store.messages(in: summary.id)
            messages += stored.count
            guard let index = Int(summary.conversation.title.split(separator: " ").last ?? "") else {
                #expect(summary.conversation.title.hasPrefix("Recovered: Question "))
                continue
            }
            for message in stored {
                switch message.role {
                case .user: #expect(message.answer == Self.question(index))
                case .assistant:
                    #expect(message.reasoning == Self.reasoning(index))
                    #expect(message.answer == Self.answer(index))
                case .system: Issue.record("no system messages were written")
                }
            }
        }
        #expect(messages == counts[1])
        #expect(try cli.run(["search", "Fresnel"]).status == 0)
        let again = try cli.run(["db", "repair"])
        #expect(again.stdout.hasSuffix("is healthy (SQLite's integrity check found no problem); nothing to do.\n"))
    }
}
