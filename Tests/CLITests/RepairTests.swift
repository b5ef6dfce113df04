import Foundation
import GRDB
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder db repair` on a real database of 400 conversations with pages overwritten: two in the
/// middle of its messages, or the root of its conversations table. The commands that meet the damage
/// say so and name the repair; the repair finds it, saves every readable row into a new database,
/// keeps the damaged file byte for byte, and the recovered conversations are exactly what was
/// written.
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

    /// The pages of `table` of the file at `url` whose `dbstat` page type is `type` ("leaf" or
    /// "internal"), in file order; `rootOnly` keeps only the table's root page.
    static func pages(of url: URL, table: String, type: String, rootOnly: Bool = false) throws -> [Int] {
        try DatabaseQueue(path: url.path).read { db in
            try Int.fetchAll(
                db,
                sql: "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? \(rootOnly ? "AND path = '/'" : "")"
                    + " ORDER BY pageno",
                arguments: [table, type])
        }
    }

    static func pageSize(of file: URL) throws -> Int {
        try DatabaseQueue(path: file.path).read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? 0
    }

    /// The root page of `table` and of each of its indexes.
    static func rootPages(of url: URL, table: String) throws -> [Int] {
        try DatabaseQueue(path: url.path).read { db in
            try Int.fetchAll(
                db,
                sql: """
                    SELECT pageno FROM dbstat WHERE path = '/' AND name IN
                        (SELECT name FROM sqlite_schema WHERE tbl_name = ? AND type IN ('table', 'index'))
                    ORDER BY pageno
                    """,
                arguments: [table])
        }
    }

    /// Overwrites each of `pages` (numbered from 1) with bytes from a fixed seed and returns the
    /// file's bytes.
    static func damage(_ file: URL, pages: [Int]) throws -> Data {
        let pageSize = try pageSize(of: file)
        var generator = SplitMix64(seed: 14)
        let handle = try FileHandle(forWritingTo: file)
        for page in pages {
            try handle.seek(toOffset: UInt64((page - 1) * pageSize))
            try handle.write(contentsOf: Data((0..<pageSize).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
        try handle.close()
        return try Data(contentsOf: file)
    }

    @Test func aDamagedDatabaseIsExplainedThenRepaired() throws {
        let cli = try CLIHarness()
        let original = try Self.fill(cli)
        // Two pages in the middle of the messages' leaves: rows `search` reads for its results and
        // `list` does not. (Which pages those are depends on the schema and the random ids, so
        // they are read from `dbstat`; the page after a message page can belong to any table.)
        let leaves = try Self.pages(of: cli.databaseURL, table: "messages", type: "leaf")
        try #require(leaves.count >= 4)
        let damagedPages = [leaves[leaves.count / 2], leaves[leaves.count / 2 + 1]]
        let pageSize = try Self.pageSize(of: cli.databaseURL)
        let damaged = try Self.damage(cli.databaseURL, pages: damagedPages)
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
        #expect(afterReading.count == damaged.count)
        for page in damagedPages {
            let bytes = (page - 1) * pageSize..<page * pageSize
            #expect(afterReading[bytes] == damaged[bytes], "page \(page) changed by reading")
        }

        let repair = try cli.run(["db", "repair"])
        #expect(repair.status == 0, "\(repair.stderr)")
        let lines = repair.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(cli.databaseURL.path) was damaged: SQLite's integrity check found ") == true)
        let recovered = try #require(lines.first { $0.hasPrefix("Recovered ") })
        let counts = recovered.split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 2)
        // Every row is either recovered or counted as lost.
        let lostLine = lines.first { $0.hasPrefix("Could not read ") } ?? ""
        let lost = lostLine.split(separator: " ").compactMap { Int($0) }
        #expect(zip(counts, lost.isEmpty ? [0, 0] : lost).map(+) == [Self.conversations, Self.conversations * 2])
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

    /// With the root page of the conversations table unreadable, no conversation row can be
    /// reached (not even the highest key): the repair still ends in seconds, names exactly the
    /// rows it lost (their keys are read from the table's index), and keeps every message, each
    /// under a conversation titled from its first prompt.
    @Test func anUnreadableTableRootIsRepairedInSecondsWithExactLosses() throws {
        let cli = try CLIHarness()
        _ = try Self.fill(cli)
        let root = try Self.pages(of: cli.databaseURL, table: "conversations", type: "internal", rootOnly: true)
        try #require(root.count == 1)
        _ = try Self.damage(cli.databaseURL, pages: root)

        let repair = try cli.run(["db", "repair"], timeout: 30)
        #expect(repair.status == 0, "\(repair.stderr)")
        let lines = repair.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Recovered 0 conversations and \(Self.conversations * 2) messages ") })
        let lost = "Could not read \(Self.conversations) conversations and 0 messages (rows in damaged pages)."
        #expect(lines.contains(lost))

        let store = try ConversationStore.open(at: cli.databaseURL)
        let summaries = try store.listConversations(includeArchived: true, limit: 10_000)
        #expect(summaries.count == Self.conversations)
        var seen = Set<Int>()
        for summary in summaries {
            let title = summary.conversation.title
            let index = try #require(Int(title.split(separator: " ")[2].dropLast()), "title \(title)")
            #expect(title == "Recovered: " + Self.question(index))
            seen.insert(index)
            let stored = try store.messages(in: summary.id)
            #expect(stored.map(\.role) == [.user, .assistant])
            #expect(stored.first?.answer == Self.question(index))
            #expect(stored.last?.reasoning == Self.reasoning(index))
            #expect(stored.last?.answer == Self.answer(index))
        }
        #expect(seen == Set(1...Self.conversations))
    }

    /// With the file's first page overwritten, SQLite's list of tables is gone: the repair says
    /// that no table could be found, rather than only reporting nothing recovered, keeps the damaged
    /// file, and leaves a sound empty database that Ponder can use.
    @Test func aDamagedListOfTablesIsNamed() throws {
        let cli = try CLIHarness()
        _ = try Self.fill(cli)
        let damaged = try Self.damage(cli.databaseURL, pages: [1])

        let repair = try cli.run(["db", "repair"], timeout: 30)
        #expect(repair.status == 0, "\(repair.stderr)")
        let lines = repair.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Recovered 0 conversations and 0 messages ") })
        #expect(
            lines.contains(
                "The conversations and messages tables were not found: SQLite's list of tables is damaged, so none "
                    + "of their rows could be reached."))
        let kept = try #require(lines.last?.replacingOccurrences(of: "The damaged file is kept at ", with: ""))
        #expect(try Data(contentsOf: URL(fileURLWithPath: String(kept.dropLast()))) == damaged)
        let list = try cli.run(["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.isEmpty)
    }

    /// A database that cannot be opened for another reason than damage (here: no read permission)
    /// is not a damaged one: the repair says why it could not read it and changes nothing, rather
    /// than putting an empty database in its place.
    @Test func aDatabaseThatCannotBeOpenedIsLeftAsItIs() throws {
        let cli = try CLIHarness()
        let original = try Self.fill(cli)
        for suffix in ["-wal", "-shm"] { unlink(cli.databaseURL.path + suffix) }
        let directory = cli.databaseURL.deletingLastPathComponent().path
        let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        try #require(chmod(cli.databaseURL.path, 0) == 0)

        let repair = try cli.runUnprivileged(["db", "repair"], timeout: 30)
        #expect(repair.status == 74)
        #expect(repair.stderr.contains("Cannot open or write the conversation database \(cli.databaseURL.path)"))
        #expect(repair.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before)
        try #require(chmod(cli.databaseURL.path, 0o600) == 0)
        #expect(try Data(contentsOf: cli.databaseURL) == original)
    }

    /// With the conversations table's root and the roots of all its indexes overwritten, no key of
    /// the table can be read from anywhere: the repair falls back to walking key ranges, still ends
    /// in seconds, and keeps every message.
    @Test func aTableWithoutAReadableIndexIsWalkedByKeyRanges() throws {
        let cli = try CLIHarness()
        _ = try Self.fill(cli)
        let roots = try Self.rootPages(of: cli.databaseURL, table: "conversations")
        try #require(roots.count >= 3)
        _ = try Self.damage(cli.databaseURL, pages: roots)

        let repair = try cli.run(["db", "repair"], timeout: 30)
        #expect(repair.status == 0, "\(repair.stderr)")
        let lines = repair.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Recovered 0 conversations and \(Self.conversations * 2) messages ") })
        // Without an index the loss is counted by key, up to the first unreadable range after the
        // last readable row: an estimate, and said to be one.
        #expect(lines.contains { $0.hasPrefix("Could not read about ") && $0.hasSuffix(", counted by their keys).") })
        let store = try ConversationStore.open(at: cli.databaseURL)
        let summaries = try store.listConversations(includeArchived: true, limit: 10_000)
        #expect(summaries.count == Self.conversations)
        #expect(summaries.allSatisfy { $0.conversation.title.hasPrefix("Recovered: Question ") })
    }
}
