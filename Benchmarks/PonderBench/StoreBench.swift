import Foundation
import PonderCore
import TestSupport

/// The conversation store at scale: 10,000 conversations / 200,000 messages (~300 MB of text) by
/// default, `PONDER_BENCH_SCALE` (e.g. 0.05) for a quick run. Prints generation time, opening and
/// listing the first page, listing all, reading one conversation, full-text queries with snippets,
/// one streaming flush, and database size per MB of text.
enum StoreBench {
    static func run() async throws {
        let scale = ProcessInfo.processInfo.environment["PONDER_BENCH_SCALE"].flatMap(Double.init) ?? 1
        let conversationCount = max(10, Int(10_000 * scale))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ponder-store-bench-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("ponder.sqlite")

        var generator = BenchText(seed: 0x5eed)
        let cached = try cachedDatabase(conversationCount: conversationCount, generator: &generator)
        // Every run works on a copy, so the flush benchmark below never changes the cached file.
        let copying = try measure { try FileManager.default.copyItem(at: cached.url, to: url) }
        let textMB = Double(cached.textBytes) / 1_048_576
        let origin =
            cached.generated
            ? String(format: "generated in %.1f s", cached.seconds) : "reused from \(cached.url.path)"
        print(
            String(
                format: "store: %ld conversations / %ld messages, %.0f MB of text", conversationCount,
                conversationCount * 20, textMB) + " (\(origin); copied in \(milliseconds(copying * 1000)))")

        var listed = 0
        let openAndList = try median(runs: 5) {
            let store = try ConversationStore.open(at: url)
            listed = try store.listConversations(limit: 100).count
        }
        print(
            String(format: "store: open + list first %ld conversations: %.1f ms (target < 20 ms)", listed, openAndList))

        let store = try ConversationStore.open(at: url)
        // What the sidebar and the browser read at start and again after every change, such as an answer.
        let listAll = try median(runs: 5) { listed = try store.listConversations(limit: conversationCount).count }
        print(String(format: "store: list all %ld conversations: %.1f ms", listed, listAll))
        if let first = try store.listConversations(limit: 1).first {
            var count = 0
            let open = try median(runs: 21) { count = try store.messages(in: first.conversation.id).count }
            print(String(format: "store: read a conversation of %ld messages: %.2f ms", count, open))
        }
        for query in ["heliotrope", "monotonic invariant", "quantum", "并发模型", "内存"] {
            var hits = 0
            let time = try median(runs: 5) { hits = try store.search(query, limit: 50).count }
            let kind = query.unicodeScalars.count < 3 ? "short-term scan" : "indexed"
            print(
                "store: search \"\(query)\" (\(kind), \(hits) hits with snippets): \(milliseconds(time)) (target < 50 ms)"
            )
        }

        let conversation = Conversation(title: "flush benchmark")
        try store.save(conversation)
        for size in [10_000, 400_000] {
            let message = Message(
                conversationID: conversation.id, role: .assistant,
                reasoning: generator.paragraph(characters: size), status: .streaming)
            let writer = StreamingMessageWriter(store: store, message: message, flushInterval: .seconds(3600))
            await writer.flushNow()
            var times: [Double] = []
            for _ in 0..<21 {
                writer.appendReasoning(generator.paragraph(characters: 120))
                let start = ContinuousClock.now
                await writer.flushNow()
                times.append(seconds(ContinuousClock.now - start) * 1000)
            }
            await writer.finish(status: .complete, errorText: nil)
            print(
                String(
                    format:
                        "store: one streaming flush (~120 new characters) with a %ld KB trace: %.2f ms (target < 2 ms)",
                    size / 1000, times.sorted()[times.count / 2]))
        }
        let writer = StreamingMessageWriter(
            store: store, message: Message(conversationID: conversation.id, role: .assistant, status: .streaming))
        let appends = 100_000
        let start = ContinuousClock.now
        for _ in 0..<appends { writer.appendReasoning("tok ") }
        let perAppend = seconds(ContinuousClock.now - start) / Double(appends) * 1e9
        await writer.finish(status: .complete, errorText: nil)
        print(String(format: "store: StreamingMessageWriter.appendReasoning: %.0f ns per call", perAppend))

        try store.checkpoint()
        let size = [url.path, url.path + "-wal"].compactMap {
            (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.doubleValue
        }.reduce(0, +)
        print(
            String(
                format: "store: database %.0f MB for %.0f MB of text: %.2f MB per MB of text", size / 1_048_576, textMB,
                size / 1_048_576 / textMB))
    }

    /// A generated database for `conversationCount` conversations, kept in the temporary directory
    /// between runs (generation takes minutes at full scale). It is written under a temporary name
    /// and renamed once complete, so an interrupted run never leaves a partial file to be reused.
    private static func cachedDatabase(
        conversationCount: Int, generator: inout BenchText
    ) throws -> (url: URL, textBytes: Int, generated: Bool, seconds: Double) {
        let fileManager = FileManager.default
        let cacheDirectory = fileManager.temporaryDirectory.appendingPathComponent("ponder-store-bench-cache")
        let name = "\(generatorVersion)-\(conversationCount)"
        let url = cacheDirectory.appendingPathComponent("\(name).sqlite")
        let sizeURL = cacheDirectory.appendingPathComponent("\(name).text-bytes")
        if fileManager.fileExists(atPath: url.path),
            let textBytes = (try? String(contentsOf: sizeURL, encoding: .utf8)).flatMap(Int.init)
        {
            return (url, textBytes, false, 0)
        }
        try fileManager.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        let partial = cacheDirectory.appendingPathComponent("\(name)-\(getpid()).partial")
        defer { try? fileManager.removeItem(at: partial) }
        var textBytes = 0
        let seconds = try measure {
            let store = try ConversationStore.open(at: partial.appendingPathComponent("ponder.sqlite"))
            textBytes = try generate(into: store, conversationCount: conversationCount, generator: &generator)
            try store.checkpoint()
        }
        try String(textBytes).write(to: sizeURL, atomically: true, encoding: .utf8)
        try? fileManager.removeItem(at: url)
        try fileManager.moveItem(at: partial.appendingPathComponent("ponder.sqlite"), to: url)
        return (url, textBytes, true, seconds)
    }

    /// Bump when `generate` or `BenchText` change, so that old cached databases are not reused.
    private static let generatorVersion = "v1"

    /// Fills `store` with conversations of ten turns each; returns the bytes of text written.
    private static func generate(
        into store: ConversationStore, conversationCount: Int, generator: inout BenchText
    ) throws -> Int {
        var textBytes = 0
        let base = Date(timeIntervalSinceReferenceDate: 800_000_000)
        let batchSize = 250
        for batchStart in stride(from: 0, to: conversationCount, by: batchSize) {
            var conversations: [Conversation] = []
            var messages: [Message] = []
            for index in batchStart..<min(conversationCount, batchStart + batchSize) {
                let created = base.addingTimeInterval(Double(index) * 3000)
                let conversation = Conversation(
                    title: generator.sentence(words: 5), createdAt: created, updatedAt: created,
                    pinned: index % 500 == 0, provider: "deepseek", model: "deepseek-reasoner")
                conversations.append(conversation)
                var parent: MessageID?
                for turn in 0..<10 {
                    let at = created.addingTimeInterval(Double(turn) * 60)
                    let prompt = Message(
                        conversationID: conversation.id, parentID: parent, role: .user,
                        answer: generator.paragraph(characters: 200), createdAt: at)
                    let reply = Message(
                        conversationID: conversation.id, parentID: prompt.id, role: .assistant,
                        reasoning: generator.paragraph(characters: 2000),
                        answer: generator.paragraph(characters: 800), provider: "deepseek",
                        model: "deepseek-reasoner",
                        usage: TokenUsage(promptTokens: 400, completionTokens: 900, reasoningTokens: 650),
                        timings: ResponseTimings(sent: at, firstReasoning: at, firstAnswer: at, finished: at),
                        createdAt: at.addingTimeInterval(1))
                    textBytes += prompt.answer.utf8.count + reply.reasoning.utf8.count + reply.answer.utf8.count
                    messages += [prompt, reply]
                    parent = reply.id
                }
            }
            try store.saveAll(conversations: conversations, messages: messages)
        }
        return textBytes
    }

    private static func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value) }

    private static func measure(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        return seconds(ContinuousClock.now - start)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Median wall time in milliseconds.
    private static func median(runs: Int, _ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try measure(body) * 1000) }
        return times.sorted()[runs / 2]
    }
}
