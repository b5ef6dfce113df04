import Foundation
import GRDB
import PonderCore
import Synchronization

/// A fresh directory under the system temporary directory, removed when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ponder-store-tests-\(UUID().uuidString.lowercased())", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var databaseURL: URL { url.appendingPathComponent("data/ponder/ponder.sqlite") }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
func waitUntil(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return try condition()
}

/// A conversation with a user prompt and a finished assistant reply carrying every field.
func sampleConversation(
    title: String = "Actor reentrancy", reasoning: String = "Let me think about suspension points.",
    answer: String = "Actors are reentrant at every await."
) -> (Conversation, [Message]) {
    let start = Date(timeIntervalSinceReferenceDate: 770_000_000.123_456)
    let conversation = Conversation(
        title: title, createdAt: start, updatedAt: start.addingTimeInterval(30), provider: "deepseek",
        model: "deepseek-reasoner", systemPrompt: "Be precise.")
    let prompt = Message(
        conversationID: conversation.id, role: .user, answer: "Explain actor reentrancy.", createdAt: start)
    let reply = Message(
        conversationID: conversation.id, parentID: prompt.id, role: .assistant, reasoning: reasoning,
        answer: answer, status: .complete, provider: "deepseek", model: "deepseek-reasoner",
        usage: TokenUsage(
            promptTokens: 120, completionTokens: 900, reasoningTokens: 700, cacheHitTokens: 100, cacheMissTokens: 20),
        timings: ResponseTimings(
            sent: start.addingTimeInterval(1), firstByte: start.addingTimeInterval(1.5),
            firstReasoning: start.addingTimeInterval(1.75), firstAnswer: start.addingTimeInterval(12.25),
            finished: start.addingTimeInterval(20.01)),
        reasoningFolded: true, createdAt: start.addingTimeInterval(1))
    return (conversation, [prompt, reply])
}

/// Lines a child process prints, collected as they arrive.
final class LineCollector: Sendable {
    private let state = Mutex<(partial: String, lines: [String])>(("", []))

    func consume(_ data: Data) {
        state.withLock { state in
            state.partial += String(decoding: data, as: UTF8.self)
            while let newline = state.partial.firstIndex(of: "\n") {
                state.lines.append(String(state.partial[..<newline]))
                state.partial = String(state.partial[state.partial.index(after: newline)...])
            }
        }
    }

    var lines: [String] { state.withLock { $0.lines } }
}

/// A running `ponder-store-probe` child process.
final class StoreProbe {
    let process = Process()
    let output = LineCollector()
    let errors = LineCollector()

    init(_ arguments: [String]) throws {
        process.executableURL = try Self.executableURL()
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let output = output
        let errors = errors
        stdout.fileHandleForReading.readabilityHandler = { handle in output.consume(handle.availableData) }
        stderr.fileHandleForReading.readabilityHandler = { handle in errors.consume(handle.availableData) }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { process.processIdentifier }

    /// The last line starting with `prefix`, split into words after the prefix.
    func lastLine(startingWith prefix: String) -> [String]? {
        output.lines.last { $0.hasPrefix(prefix + " ") }.map { $0.split(separator: " ").dropFirst().map(String.init) }
    }

    /// How many chunks a `stream` probe reports having appended.
    var appended: Int { lastLine(startingWith: "appended").flatMap { Int($0[0]) } ?? 0 }

    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the process to end by itself; nil if it is still running after `timeout`.
    func exitStatus(timeout: Duration = .seconds(60)) -> Int32? {
        guard waitUntil(timeout: timeout, { !process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    /// `$PONDER_BUILD_DIR/ponder-store-probe`, else next to (or above) the running test binary.
    static func executableURL() throws -> URL {
        let name = "ponder-store-probe"
        var candidates: [URL] = []
        if let directory = ProcessInfo.processInfo.environment["PONDER_BUILD_DIR"], !directory.isEmpty {
            candidates.append(URL(fileURLWithPath: directory))
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw ProbeNotFound(searched: candidates.map(\.path))
    }

    struct ProbeNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "ponder-store-probe not found (build with `swift build --build-tests`); looked in \(searched)"
        }
    }
}

/// Saves a conversation into a new store file in `directory`, closes it and opens the file again.
func saveAndReopen(_ conversation: Conversation, _ messages: [Message], in directory: TemporaryDirectory) throws
    -> ConversationStore
{
    do {
        let store = try ConversationStore.open(at: directory.databaseURL)
        try store.saveAll(conversations: [conversation], messages: messages)
    }
    return try ConversationStore.open(at: directory.databaseURL)
}

/// Writes a conversation with the columns of the first schema version, for tests that start from an
/// old file (today's `upsert` writes columns later migrations added).
func insertVersionOne(_ conversation: Conversation, _ db: Database) throws {
    try db.execute(
        sql: """
            INSERT INTO conversations (id, title, created_at, updated_at, pinned, archived, provider, model,
                system_prompt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
        arguments: [
            conversation.id.rawValue, conversation.title, conversation.createdAt.timeIntervalSinceReferenceDate,
            conversation.updatedAt.timeIntervalSinceReferenceDate, conversation.pinned, conversation.archived,
            conversation.provider, conversation.model, conversation.systemPrompt,
        ])
}

/// Writes a message with the columns of the first schema version.
func insertVersionOne(_ message: Message, _ db: Database) throws {
    try db.execute(
        sql: """
            INSERT INTO messages (id, conversation_id, parent_id, role, reasoning, answer, status, prompt_tokens,
                created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
        arguments: [
            message.id.rawValue, message.conversationID.rawValue, message.parentID?.rawValue, message.role.rawValue,
            message.reasoning, message.answer, message.status.rawValue, message.usage.promptTokens,
            message.createdAt.timeIntervalSinceReferenceDate,
        ])
}
